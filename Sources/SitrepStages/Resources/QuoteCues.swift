/// Word lists of the `quotes` stage (``QuoteStage``): the verbs and phrases that
/// attribute speech, kept as data so that a missed cue is fixed by a list entry
/// plus a test.
///
/// Format as in `Abbreviations.swift`: one entry per line, blank lines and text
/// after `#` ignored, matching is case-insensitive; an entry of several words is a
/// phrase matched token by token. Typographic apostrophes match `'`.
enum QuoteCueData {
    /// Finite verbs of saying. They attribute a direct quote next to them
    /// (`"...," he said` / `said Lena Marsh` / `she said: "..."`) and introduce
    /// indirect speech followed by `that` (`warned that ...`).
    static let speechVerbs = """
    said
    says
    say
    told
    tells
    added
    adds
    argued
    argues
    warned
    warns
    stated
    states
    announced
    claimed
    claims
    insisted
    insists
    noted
    notes
    stressed
    explained
    confirmed
    wrote
    writes
    shouted
    asked
    asks
    replied
    declared
    vowed
    promised
    acknowledged
    admitted
    conceded
    cautioned
    urged
    recalled
    continued
    remarked
    testified
    tweeted
    reported
    """

    /// Verbs that may take a reported clause without `that`
    /// ("Officials said the bridge was destroyed"). Other verbs need `that`,
    /// because they also take plain objects ("announced $2 billion in aid").
    static let zeroThatVerbs = """
    said
    says
    say
    told
    tells
    added
    adds
    """

    /// Verbs that introduce a partial quote but not a clause: `called the plan
    /// "a recipe for chaos"`, `described it as 'a success'`. Every speech verb
    /// also introduces partial quotes.
    static let partialQuoteVerbs = """
    called
    calls
    described
    describes
    branded
    brands
    termed
    dismissed
    denounced
    labelled
    labeled
    hailed
    criticised
    criticized
    condemned
    accused
    """

    /// Participles that continue a sentence's attribution with `that`
    /// ("..., adding that 1,200 soldiers had been sent"); the speaker is the
    /// sentence's earlier speaker.
    static let participleCues = """
    adding
    saying
    warning
    noting
    insisting
    arguing
    claiming
    stressing
    explaining
    """

    /// Phrases that extend a cue verb ("said in a statement"), kept in the cue span.
    static let cueExtensions = """
    in a statement
    in a joint statement
    in a joint communique
    in a joint communiqué
    in a communique
    in a communiqué
    in a written statement
    in a televised address
    in a speech
    in an interview
    in a video
    at a news conference
    on social media
    """

    /// Words before a quotation mark that make the quote a name or scare quote,
    /// not speech: a so-called "security belt", an operation dubbed "Iron Gate".
    static let scareQuotePrefixes = """
    so-called
    dubbed
    codenamed
    code-named
    nicknamed
    titled
    entitled
    named
    word
    term
    phrase
    slogan
    """

    /// Forms of "be" before a cue that make it passive ("is said to be"), not speech.
    static let passiveAuxiliaries = """
    is
    was
    were
    are
    be
    been
    being
    """

    /// Time adverbials skipped between a cue and its clause
    /// ("said on Tuesday the talks had failed", "said late on Monday that ...").
    static let timeWords = """
    on
    late
    early
    earlier
    later
    yesterday
    today
    tonight
    this
    last
    next
    morning
    afternoon
    evening
    night
    week
    weekend
    month
    monday
    tuesday
    wednesday
    thursday
    friday
    saturday
    sunday
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
    """

    /// Addressees of "told" that are part of the cue without a determiner
    /// ("told reporters", "told us"); capitalized names ("told Reuters") and
    /// "the" + noun ("told the council") need no entry.
    static let addressees = """
    reporters
    journalists
    lawmakers
    parliament
    us
    him
    her
    them
    me
    """

    /// Adverbs and auxiliaries between a speaker and the cue ("The mayor later told
    /// reporters", "Jack McConnell has insisted").
    static let cueAdverbs = """
    has
    have
    had
    will
    would
    did
    also
    later
    earlier
    then
    again
    previously
    separately
    repeatedly
    once
    """

    /// Words before a verb of saying that mean nothing was reported
    /// ("declined to say how many", "would not say").
    static let negators = """
    to
    not
    n't
    never
    """
}
