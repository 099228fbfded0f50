/// The words the `times` stage (``TimeStage``) recognizes, kept as data so that
/// a fix is a change here plus a test in `Tests/SitrepStagesTests/Time*Tests.swift`.
///
/// ## Format
///
/// One entry per line: `word category [value]`. Blank lines and everything
/// after `#` are ignored. Words are lowercase ASCII; matching folds ASCII case
/// and ignores one final `.` ("Sept." is "sept"). A word may appear under
/// several categories ("second" is an ordinal and a unit, "may" a month).
///
/// | category | value | meaning |
/// | --- | --- | --- |
/// | `month` | 1-12 | month name or abbreviation |
/// | `month-abbr` | 1-12 | abbreviation: needs its period or a day or year after it ("Jan Kavan" is a name) |
/// | `month?` | 1-12 | month name that is also a common word ("may", "march"): only capitalized, and only next to a day or year, or after a determiner or modifier |
/// | `weekday` | 1-7 (ISO, Monday = 1) | weekday name |
/// | `weekday-abbr` | 1-7 | abbreviation, accepted only right before a date ("Tue, 5 Oct") |
/// | `weekdays` | 1-7 | plural weekday ("Mondays"): a set |
/// | `number` | n | cardinal number word |
/// | `vague-number` | - | "several", "few": a count the value writes as `X` |
/// | `ordinal` | n | ordinal word ("third"), for quarters, halves and days |
/// | `unit` | TIMEX unit | `S`, `MIN`, `H`, `D`, `W`, `M`, `Q`, `Y`, `DE`, `CE` (singular) |
/// | `units` | TIMEX unit | the plural |
/// | `season` | TIMEX code | `SP`, `SU`, `FA`, `WI` |
/// | `daypart` | TIMEX code | `MO`, `AF`, `EV`, `NI` (a time-of-day suffix `T..`) |
/// | `dayword` | offset in days | "yesterday" -1, "today" 0, "tomorrow" 1 |
/// | `tonight` | - | the night of the document date |
/// | `deictic` | -1, 0, +1 | "last", "this", "next": shift against the document date |
/// | `position` | `START`, `MID`, `END` | "early", "mid", "late" before a date |
/// | `approx` | - | "about", "nearly": kept inside the span (TimeML extent rules) |
/// | `set` | TIMEX value | adverb of frequency ("daily" `P1D`) |
/// | `zone` | - | time-zone word after a clock time, included in the span |
/// | `ampm` | `AM`, `PM` | meridiem after a clock time |
/// | `clock` | `HH:MM` | named time of day ("noon") |
/// | `holiday` | `MM-DD` | fixed-date holiday, first word of its name |
/// | `starter` | - | a function word that can open an expression ("the", "more than", "at least", "every") |
/// | `head` | - | a starter that also heads an expression with the words around it ("the latest period") |
public enum TimeWords {
    /// The lexicon, parsed by `TimeLexicon`.
    public static let table = """
    # Months. "may" and "march" are also a verb and a noun, hence `month?`.
    january month 1
    jan month-abbr 1
    february month 2
    feb month-abbr 2
    march month? 3
    mar month-abbr 3
    april month 4
    apr month-abbr 4
    may month? 5
    june month 6
    jun month-abbr 6
    july month 7
    jul month-abbr 7
    august month 8
    aug month-abbr 8
    september month 9
    sept month-abbr 9
    sep month-abbr 9
    october month 10
    oct month-abbr 10
    november month 11
    nov month-abbr 11
    december month 12
    dec month-abbr 12

    # Weekdays (ISO numbering). Short forms clash with words ("sun", "sat",
    # "wed"), so they only count right before a date.
    monday weekday 1
    tuesday weekday 2
    wednesday weekday 3
    thursday weekday 4
    friday weekday 5
    saturday weekday 6
    sunday weekday 7
    mon weekday-abbr 1
    tue weekday-abbr 2
    tues weekday-abbr 2
    wed weekday-abbr 3
    thu weekday-abbr 4
    thur weekday-abbr 4
    thurs weekday-abbr 4
    fri weekday-abbr 5
    sat weekday-abbr 6
    sun weekday-abbr 7
    mondays weekdays 1
    tuesdays weekdays 2
    wednesdays weekdays 3
    thursdays weekdays 4
    fridays weekdays 5
    saturdays weekdays 6
    sundays weekdays 7

    # Cardinal numbers. "a"/"an" count as one only before a unit ("a year").
    a number 1
    an number 1
    one number 1
    two number 2
    three number 3
    four number 4
    five number 5
    six number 6
    seven number 7
    eight number 8
    nine number 9
    ten number 10
    eleven number 11
    twelve number 12
    thirteen number 13
    fourteen number 14
    fifteen number 15
    sixteen number 16
    seventeen number 17
    eighteen number 18
    nineteen number 19
    twenty number 20
    thirty number 30
    forty number 40
    fifty number 50
    sixty number 60
    seventy number 70
    eighty number 80
    ninety number 90
    hundred number 100
    dozen number 12
    couple number 2
    several vague-number
    few vague-number
    many vague-number
    some vague-number

    # Ordinals: quarters ("the third quarter"), halves, days ("the 5th").
    first ordinal 1
    second ordinal 2
    third ordinal 3
    fourth ordinal 4
    fifth ordinal 5
    sixth ordinal 6
    seventh ordinal 7
    eighth ordinal 8
    ninth ordinal 9
    tenth ordinal 10
    eleventh ordinal 11
    twelfth ordinal 12
    thirteenth ordinal 13
    fourteenth ordinal 14
    fifteenth ordinal 15
    sixteenth ordinal 16
    seventeenth ordinal 17
    eighteenth ordinal 18
    nineteenth ordinal 19
    twentieth ordinal 20
    twenty-first ordinal 21
    thirtieth ordinal 30
    last ordinal -1

    # Units of time, singular and plural, with their TIMEX3 unit.
    second unit S
    seconds units S
    minute unit MIN
    minutes units MIN
    hour unit H
    hours units H
    day unit D
    days units D
    week unit W
    weeks units W
    weekend unit WE
    weekends units WE
    fortnight unit FN
    month unit M
    months units M
    quarter unit Q
    quarters units Q
    year unit Y
    years units Y
    decade unit DE
    decades units DE
    century unit CE
    centuries units CE
    millennium unit ML

    # Seasons. "fall" and "spring" are also verbs, so seasons count only
    # after a determiner, a modifier or before a year.
    spring season SP
    summer season SU
    fall season FA
    autumn season FA
    winter season WI

    # Parts of the day (TIMEX3 suffixes TMO, TAF, TEV, TNI).
    morning daypart MO
    afternoon daypart AF
    evening daypart EV
    night daypart NI
    overnight daypart NI

    # Named days against the document date.
    yesterday dayword -1
    today dayword 0
    tomorrow dayword 1
    tonight tonight

    # Shifts against the document date.
    last deictic -1
    past deictic -1
    previous deictic -1
    next deictic 1
    coming deictic 1
    upcoming deictic 1
    this deictic 0
    current deictic 0

    # Position inside a period; kept in the span ("early December").
    early position START
    earlier position START
    beginning position START
    start position START
    mid position MID
    middle position MID
    late position END
    later position END
    end position END
    close position END

    # Approximators and bounds, inside the span ("nearly two years").
    about approx
    around approx
    approximately approx
    roughly approx
    nearly approx
    almost approx
    some approx

    # Adverbs of frequency.
    daily set P1D
    nightly set TNI
    weekly set P1W
    biweekly set P2W
    monthly set P1M
    annually set P1Y
    yearly set P1Y
    hourly set PT1H

    # Clock times.
    a.m ampm AM
    am ampm AM
    p.m ampm PM
    pm ampm PM
    noon clock 12:00
    midday clock 12:00
    midnight clock 24:00
    gmt zone
    utc zone
    est zone
    edt zone
    cst zone
    cdt zone
    pst zone
    pdt zone
    bst zone
    cet zone
    cest zone

    # Function words that can open an expression; the tagger tries its rules
    # only at tokens of the table, numbers and compounds.
    the starter
    that starter
    these starter
    more starter
    less starter
    fewer starter
    no starter
    at starter
    up starter
    every starter
    each starter
    per starter
    fiscal starter
    right starter
    year-earlier starter
    year-ago starter
    year-end starter
    comparable starter
    latest head
    final starter
    half starter
    new starter
    valentine starter
    independence starter
    thanksgiving starter
    nineties head
    eighties head
    seventies head
    sixties head
    recent starter
    recently starter
    currently starter
    presently starter
    nowadays starter
    lately starter
    now starter

    # Fixed-date holidays (first word of the name; see `holidayTails`).
    christmas holiday 12-25
    halloween holiday 10-31
    """

    /// Multi-word holidays: `words value`, the value `MM-DD`; matched before
    /// ``table``'s one-word holidays.
    public static let holidays = """
    new year's day 01-01
    new year's eve 12-31
    christmas eve 12-24
    christmas day 12-25
    valentine's day 02-14
    independence day 07-04
    """

    /// Vague references as whole phrases: `words|TYPE|value`. Longest match
    /// wins. The phrases were chosen for what TimeML annotates in news: "soon",
    /// "previously", "once" and "the moment" are left out because annotators
    /// mostly do not mark them (measured on the dev set: under 30% of occurrences).
    public static let phrases = """
    now|DATE|PRESENT_REF
    right now|DATE|PRESENT_REF
    currently|DATE|PRESENT_REF
    current|DATE|PRESENT_REF
    presently|DATE|PRESENT_REF
    nowadays|DATE|PRESENT_REF
    these days|DATE|PRESENT_REF
    at present|DATE|PRESENT_REF
    recently|DATE|PAST_REF
    recent|DATE|PAST_REF
    lately|DATE|PAST_REF
    the past|DATE|PAST_REF
    recent years|DATE|PAST_REF
    recent days|DATE|PAST_REF
    recent weeks|DATE|PAST_REF
    recent months|DATE|PAST_REF
    the future|DATE|FUTURE_REF
    the near future|DATE|FUTURE_REF
    the distant future|DATE|FUTURE_REF
    the coming days|DATE|FUTURE_REF
    the coming weeks|DATE|FUTURE_REF
    the coming months|DATE|FUTURE_REF
    the coming years|DATE|FUTURE_REF
    coming days|DATE|FUTURE_REF
    coming weeks|DATE|FUTURE_REF
    coming months|DATE|FUTURE_REF
    coming years|DATE|FUTURE_REF
    the weeks ahead|DATE|FUTURE_REF
    the months ahead|DATE|FUTURE_REF
    the years ahead|DATE|FUTURE_REF
    the days ahead|DATE|FUTURE_REF
    every day|SET|P1D
    every week|SET|P1W
    every month|SET|P1M
    every year|SET|P1Y
    each day|SET|P1D
    each week|SET|P1W
    each month|SET|P1M
    each year|SET|P1Y
    every other day|SET|P2D
    every other week|SET|P2W
    every other year|SET|P2Y
    every morning|SET|XXXX-XX-XXTMO
    every night|SET|XXXX-XX-XXTNI
    every evening|SET|XXXX-XX-XXTEV
    every summer|SET|XXXX-SU
    every winter|SET|XXXX-WI
    every spring|SET|XXXX-SP
    every fall|SET|XXXX-FA
    per day|SET|P1D
    per week|SET|P1W
    per month|SET|P1M
    per year|SET|P1Y
    a day|SET|P1D
    a week|SET|P1W
    a month|SET|P1M
    a year|SET|P1Y
    """

    /// Words after a number that make "N a year" a rate (`SET`), not a span of
    /// time: "$5 million a year", "twice a week", "three times a month".
    public static let rateCues = """
    million
    billion
    trillion
    thousand
    times
    twice
    once
    thrice
    percent
    %
    """

    /// Words before a date that set a deadline or the end of a wait:
    /// "postponed until Tuesday morning", "must be returned by Jan. 14",
    /// "could leave as soon as Tuesday". The date lies ahead of the document
    /// date even in a past-tense clause, unless the clause is in the past
    /// perfect ("had not called until Thursday"). "by" counts only outside a
    /// simple past ("By March the army controlled the city" looks back).
    public static let deadlineCues = """
    until
    till
    as soon as
    by
    """

    /// Lemmas of verbs that schedule, read from the parse: a date after one
    /// of them is the date set, ahead of the document date ("planned a rally
    /// on Saturday", "has scheduled a news conference Thursday"). Verbs that
    /// put off ("postponed the vote on Tuesday") are not among them: their
    /// date is when the putting off happened, and the new date comes after a
    /// deadline word ("postponed until Tuesday", ``deadlineCues``).
    public static let schedulingVerbs = """
    plan
    schedule
    reschedule
    slate
    expect
    """

    /// Tense cues for the direction of underspecified dates ("Friday",
    /// "October") when the parse gives none (see `TimeTense`): the stage reads
    /// the nearest cue in the sentence. `future` words point forward,
    /// `past` words backward; other words ending in "-ed" also count as past
    /// unless listed under `notPast`.
    public static let futureCues = """
    will
    'll
    wo
    shall
    would
    going
    next
    coming
    upcoming
    plans
    plan
    planned
    expects
    expected
    scheduled
    due
    """

    /// Past-tense cues: auxiliaries, common irregular past forms and "last"/"ago".
    public static let pastCues = """
    was
    were
    had
    did
    said
    last
    ago
    told
    met
    went
    came
    took
    made
    gave
    won
    lost
    fell
    rose
    left
    began
    held
    saw
    sent
    got
    found
    led
    spoke
    struck
    fought
    brought
    thought
    became
    broke
    chose
    drove
    flew
    knew
    ran
    sold
    bought
    paid
    wrote
    stood
    sought
    shot
    hit
    quit
    fled
    felt
    heard
    kept
    meant
    paid
    slid
    swept
    threw
    took
    wore
    """

    /// Words ending in "-ed" that are not past forms.
    public static let notPast = """
    need
    red
    bed
    speed
    hundred
    indeed
    feed
    seed
    breed
    proceed
    exceed
    succeed
    shed
    wed
    planned
    expected
    scheduled
    """
}
