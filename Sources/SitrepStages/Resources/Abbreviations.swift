/// Word lists of the text layer (sentence splitter and tokenizer), kept as data.
///
/// A wrong split is fixed by editing a list below and adding a test, never by
/// adding a branch to the splitter.
///
/// ## Format
///
/// One entry per line, written without its final period ("U.S" for "U.S.").
/// Blank lines and everything after `#` are ignored. An entry with an uppercase
/// letter matches exactly ("Gen" matches "Gen." but not "gen."), an all-lowercase
/// entry matches in any case ("etc" matches "etc.", "Etc." and "ETC.").
///
/// ## Lists
///
/// - ``titles``: never end a sentence; a name or phrase always follows ("Mr. Smith", "e.g. fuel").
/// - ``numberPrefixes``: do not end a sentence when a number follows ("No. 5", "Jan. 12"),
///   and are ordinary words otherwise ("He said no.").
/// - ``ordinary``: abbreviations that may end a sentence ("Acme Corp.", "the U.S."). The
///   splitter ends a sentence after one only when the next word is a usual
///   sentence starter (``sentenceStarters``), as Punkt does with its collocation and
///   frequent-starter statistics.
/// - ``sentenceStarters``: words that begin sentences far more often than they continue a
///   name, so "Washington D.C. The ..." splits while "U.S. President ..." does not.
///
/// An all-uppercase word also matches an entry written with a capital initial
/// ("GEN." as "Gen."), for headings in capitals. Single letters match exactly,
/// so "c" (circa) and "p" (page) leave the initials "C." and "P." alone.
///
/// Every word with an internal period ("Ph.D", "a.m", "Node.js") and every single
/// uppercase letter (initials: "J. K. Rowling") is treated like an ``ordinary`` entry
/// without being listed.
enum AbbreviationData {
    /// Never end a sentence.
    static let titles = """
    # Courtesy, civil and religious titles
    Mr
    Mrs
    Ms
    Messrs
    Mmes
    Mme
    Mlle
    Prof
    Rev
    Revd
    Fr
    Hon
    Pres
    Supt
    Msgr
    # Military and police ranks
    Gen
    Lt
    Col
    Maj
    Capt
    Cpt
    Cmdr
    Cmdt
    Adm
    Sgt
    Cpl
    Pvt
    Brig
    Insp
    Det
    Cdr
    Lieut
    # Political offices
    Sen
    Rep
    Reps
    Gov
    Amb
    Atty
    Treas
    Sec
    Secs
    # Latin and reference abbreviations that never close a sentence
    e.g
    i.e
    cf
    vs
    viz
    approx
    incl
    esp
    assoc
    asst
    resp
    """

    /// Not a sentence end when a number follows.
    static let numberPrefixes = """
    No
    Nos
    Nr
    no
    Vol
    vol
    Vols
    Art
    Fig
    fig
    Figs
    pp
    p
    Pt
    Ch
    ch
    Sec
    Para
    para
    Ref
    Tel
    tel
    Ed
    Rt
    c    # circa: "c. 1818"
    ca
    Hwy
    Rte
    # Months, as in "Jan. 12" and "Sept. 11"
    Jan
    Feb
    Mar
    Apr
    Jun
    Jul
    Aug
    Sep
    Sept
    Oct
    Nov
    Dec
    """

    /// May end a sentence; a boundary only before a sentence starter.
    static let ordinary = """
    # Company forms
    inc
    corp
    co
    ltd
    llc
    plc
    bros
    cos
    assn
    dept
    univ
    govt
    intl
    natl
    # After a name
    Jr
    Sr
    Esq
    Dr   # doctor, or Drive at the end of an address
    St   # saint, or Street
    Ave
    Blvd
    Rd
    Mt
    Ft
    Pk
    Sq
    # Common words abbreviated in news copy
    etc
    al   # "et al."
    avg
    misc
    div
    mfg
    # Days
    Mon
    Tue
    Tues
    Wed
    Thu
    Thur
    Thurs
    Fri
    Sat
    Sun
    # US states in AP style, and Canadian provinces
    Ala
    Ariz
    Ark
    Calif
    Colo
    Conn
    Del
    Fla
    Ga
    Ill
    Ind
    Kan
    Kans
    Ky
    La
    Md
    Mass
    Mich
    Minn
    Miss
    Mo
    Mont
    Neb
    Nev
    Okla
    Ore
    Pa
    Penn
    Tenn
    Tex
    Va
    Vt
    Wash
    Wis
    Wyo
    Alta
    Ont
    Que
    Sask
    # Units
    ft
    lb
    lbs
    oz
    sq
    yr
    yrs
    hrs
    mins
    secs
    """

    /// Words that usually begin a sentence (compared in lowercase).
    static let sentenceStarters = """
    a
    about
    according
    after
    afterwards
    again
    all
    also
    although
    among
    an
    and
    another
    any
    as
    at
    authorities
    because
    before
    both
    but
    by
    critics
    despite
    during
    each
    earlier
    either
    even
    every
    for
    from
    further
    furthermore
    he
    her
    here
    his
    how
    however
    i
    if
    in
    instead
    it
    its
    last
    later
    many
    meanwhile
    more
    moreover
    most
    much
    my
    neither
    nevertheless
    no
    nor
    not
    now
    officials
    on
    once
    one
    only
    other
    our
    over
    police
    she
    since
    so
    some
    still
    such
    that
    the
    their
    then
    there
    these
    they
    this
    those
    though
    thus
    to
    today
    under
    until
    we
    what
    when
    where
    whether
    which
    while
    who
    why
    with
    within
    without
    yet
    you
    your
    """
}

/// The parsed lists of ``AbbreviationData``, built once per process.
///
/// Entries are stored as 64-bit FNV-1a hashes of their bytes, so a lookup hashes
/// the bytes of a word in place and allocates nothing.
struct AbbreviationTable: Sendable {
    enum Kind: UInt8, Sendable {
        case title, numberPrefix, ordinary
    }

    private var exact: [UInt64: Kind] = [:]
    private var folded: [UInt64: Kind] = [:]
    private var starters: Set<UInt64> = []

    static let shared = AbbreviationTable()

    init() {
        // Later lists win on duplicates, so the safest reading (may end a sentence) is kept.
        for (list, kind) in [(AbbreviationData.titles, Kind.title),
                             (AbbreviationData.numberPrefixes, .numberPrefix),
                             (AbbreviationData.ordinary, .ordinary)] {
            for entry in Self.entries(list) {
                let isLower = !entry.contains { $0 >= 0x41 && $0 <= 0x5A }
                if isLower && entry.count > 1 {
                    folded[Self.hash(entry[...], fold: false)] = kind
                } else {
                    exact[Self.hash(entry[...], fold: false)] = kind
                }
            }
        }
        for entry in Self.entries(AbbreviationData.sentenceStarters) {
            starters.insert(Self.hash(entry[...], fold: true))
        }
    }

    /// The kind of abbreviation `word` (without its final period) is, if any.
    func kind(of word: ArraySlice<UInt8>) -> Kind? {
        if let kind = exact[Self.hash(word, fold: false)] { return kind }
        guard word.count > 1 else { return nil }
        if let kind = folded[Self.hash(word, fold: true)] { return kind }
        if word.allSatisfy({ !($0 >= 0x61 && $0 <= 0x7A) }) {
            return exact[Self.hash(word, fold: true, keepFirst: true)]
        }
        return nil
    }

    /// Whether `word` is a usual sentence starter, in any case.
    func isSentenceStarter(_ word: ArraySlice<UInt8>) -> Bool {
        starters.contains(Self.hash(word, fold: true))
    }

    /// Parses one list: an entry per line, `#` comments, final periods dropped.
    static func entries(_ list: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for line in list.split(separator: "\n", omittingEmptySubsequences: true) {
            var entry = Array((line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").utf8)
            while let last = entry.last, last == 0x20 || last == 0x09 || last == 0x2E { entry.removeLast() }
            while let first = entry.first, first == 0x20 || first == 0x09 { entry.removeFirst() }
            if !entry.isEmpty { result.append(entry) }
        }
        return result
    }

    /// FNV-1a over the bytes, ASCII-lowercased when `fold` is set (except the first
    /// byte when `keepFirst` is set too).
    @inline(__always)
    static func hash(_ word: ArraySlice<UInt8>, fold: Bool, keepFirst: Bool = false) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var first = true
        for var byte in word {
            if fold && !(keepFirst && first) && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            first = false
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
