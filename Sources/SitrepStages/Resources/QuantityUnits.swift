/// Units, currencies, counted nouns and exclusions of the `quantities` stage
/// (``QuantityStage``). Format of the word lists as in `QuoteCues.swift`.
enum QuantityUnitData {
    /// Currency symbols before a number, as ISO 4217 codes.
    static let currencySymbols: [(String, String)] = [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")]

    /// Units and currencies written after a number, with the code the stage reports.
    static let units: [(String, String)] = [
        ("dollars", "USD"), ("dollar", "USD"), ("usd", "USD"), ("dlrs", "USD"), ("dlr", "USD"), ("euros", "EUR"), ("euro", "EUR"), ("eur", "EUR"),
        ("pounds", "GBP"), ("gbp", "GBP"), ("yen", "JPY"), ("yuan", "CNY"), ("rubles", "RUB"), ("roubles", "RUB"),
        ("percent", "percent"), ("pct", "percent"), ("%", "percent"),
        ("km", "km"), ("kilometres", "km"), ("kilometers", "km"), ("kilometre", "km"), ("kilometer", "km"),
        ("miles", "mi"), ("mile", "mi"), ("metres", "m"), ("meters", "m"), ("metre", "m"), ("meter", "m"),
        ("kg", "kg"), ("kilograms", "kg"), ("kilos", "kg"), ("tonnes", "tonnes"), ("tons", "tonnes"), ("tonne", "tonnes"),
        ("hectares", "ha"), ("litres", "l"), ("liters", "l"), ("barrels", "barrels"),
    ]

    /// "per cent", written in two words.
    static let perCent = ("per", "cent")

    /// Time units: a number before one is a duration or a clock time, which the
    /// `times` layer owns ("three days", "48 hours", "2 a.m."), not a quantity.
    static let timeUnits = """
    second
    seconds
    minute
    minutes
    hour
    hours
    day
    days
    week
    weeks
    month
    months
    year
    years
    decade
    decades
    century
    centuries
    a.m
    p.m
    am
    pm
    gmt
    utc
    o'clock
    """

    /// Months: a number next to one is a day of the month ("12 March", "March 12").
    static let months = """
    january
    february
    march
    april
    may
    june
    july
    august
    september
    october
    november
    december
    jan
    feb
    mar
    apr
    jun
    jul
    aug
    sep
    sept
    oct
    nov
    dec
    """

    /// Heads of counted noun phrases that do not end in -s, and frequent ones that do
    /// ("people", "men", "troops"). Any other lower-case word ending in -s within
    /// three words of the number is taken as the head too ("two transport planes").
    static let countedNouns = """
    people
    persons
    men
    women
    children
    civilians
    soldiers
    troops
    protesters
    demonstrators
    fighters
    militants
    rebels
    refugees
    migrants
    residents
    families
    homes
    drones
    rockets
    missiles
    shells
    tanks
    vehicles
    aircraft
    helicopters
    prisoners
    hostages
    detainees
    casualties
    deaths
    dead
    bodies
    victims
    aid
    food
    water
    fuel
    """

    /// Participles that name what happened to the counted ("35 killed", "12
    /// protesters wounded"); kept in `of`, where the event coder will pick them up.
    static let casualtyParticiples = """
    killed
    wounded
    injured
    dead
    missing
    arrested
    detained
    displaced
    evacuated
    captured
    kidnapped
    abducted
    hurt
    executed
    """

    /// Words that end the search for what is counted.
    static let stopWords = """
    was
    were
    is
    are
    has
    have
    had
    will
    would
    could
    can
    may
    might
    should
    must
    and
    or
    but
    to
    in
    on
    at
    by
    from
    with
    for
    as
    than
    that
    which
    who
    since
    after
    before
    during
    within
    into
    across
    a
    an
    its
    this
    """

    /// Determiners and possessives skipped after "of" ("60 of his men").
    static let ofDeterminers = """
    the
    his
    her
    their
    its
    our
    these
    those
    them
    """
}
