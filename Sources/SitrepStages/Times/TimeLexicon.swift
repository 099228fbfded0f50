import SitrepCore

/// What the `times` stage knows about one word of ``TimeWords/table``.
///
/// A word may carry several meanings ("second" is an ordinal and a unit);
/// each category of the table fills one field.
///
/// A class, filled while the lexicon is built and never changed after: the
/// rules look a word up many times per token, and handing out a reference
/// costs far less than copying a record of a dozen optionals and strings.
final class TimeWordInfo: @unchecked Sendable {
    var month: Int?
    /// The month name is also a common word ("may", "march").
    var monthIsAmbiguous = false
    /// The month is an abbreviation ("Jan"), also a name.
    var monthIsAbbreviation = false
    var weekday: Int?
    var weekdayAbbreviation: Int?
    var weekdayPlural: Int?
    var number: Double?
    var vagueNumber = false
    var ordinal: Int?
    var unit: TimeUnit?
    var unitIsPlural = false
    var season: String?
    var daypart: String?
    var dayword: Int?
    var tonight = false
    var deictic: Int?
    var position: String?
    var approx = false
    var set: String?
    var ampm: String?
    var clock: (hour: Int, minute: Int)?
    var zone = false
    var holiday: (month: Int, day: Int)?
    /// The decade of a spelled decade ("nineties" = 9), from ``TimeTagger/spelledDecades``.
    var spelledDecade: Int?
    /// The word can be the head of an expression (a month, a unit, "now", ...):
    /// the tagger only tries rules a few tokens before a head.
    var isHead = false
    /// The word heads an expression in lowercase too (a unit, "now", a
    /// phrase's last word); a month, weekday or holiday name only does when
    /// capitalized, so "may" and "new" in running text are no heads.
    var headsInLowercase = false
}

/// Facts about a word that the tagger tests on every token, stored beside its
/// hash so that the common answer ("no") costs no table or dictionary lookup.
struct TimeWordMarks: OptionSet, Sendable {
    let rawValue: UInt8
    /// A word of ``TimeWords/table`` (or of a phrase or holiday): a rule may start at it.
    static let tableWord = TimeWordMarks(rawValue: 1 << 0)
    /// ``TimeWordInfo/isHead``.
    static let head = TimeWordMarks(rawValue: 1 << 1)
    /// The first word of a phrase of ``TimeWords/phrases``.
    static let startsPhrase = TimeWordMarks(rawValue: 1 << 2)
    /// The first word of a holiday of ``TimeWords/holidays``.
    static let startsHoliday = TimeWordMarks(rawValue: 1 << 3)
    /// A preposition or modifier that makes an ambiguous month name a month
    /// ("in May", "since March"): ``TimeTagger/monthPrepositionWords``.
    static let monthPreposition = TimeWordMarks(rawValue: 1 << 4)
    /// A word a rule matches inside an expression without its being a table
    /// word: the tagger's ``TimeLexicon/Key`` words ("than", "of", "least")
    /// and the later words of phrases and holidays.
    static let inner = TimeWordMarks(rawValue: 1 << 5)
    /// A head only when capitalized (``TimeWordInfo/headsInLowercase`` is false).
    static let capitalizedHead = TimeWordMarks(rawValue: 1 << 6)
    /// ``TimeWordInfo/approx`` ("about", "nearly"), tested at every position tried.
    static let approximator = TimeWordMarks(rawValue: 1 << 7)
}

/// TIMEX3 units of ``TimeWords``.
enum TimeUnit: String, Sendable {
    case second = "S", minute = "MIN", hour = "H", day = "D", week = "W", weekend = "WE"
    case fortnight = "FN", month = "M", quarter = "Q", year = "Y", decade = "DE", century = "CE", millennium = "ML"

    /// Shifts by these units move the narrative ("two days later"); a year or
    /// more is a comparison ("a year earlier").
    var isShorterThanYear: Bool {
        switch self {
        case .year, .decade, .century, .millennium: false
        default: true
        }
    }
}

/// A 64-bit FNV-1a hash of a word, folded as the lexicon folds it: ASCII
/// lowercase, typographic apostrophes (U+2018/U+2019) read as `'`, dashes
/// (U+2010-U+2015) read as `-`, and one final `.` ignored.
///
/// Hashing lets the tagger look a token up without building a `String`.
/// Two different words with the same 64-bit hash are possible in principle;
/// ``TimeLexicon`` checks that no two table words collide.
@inline(__always)
func timeWordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var hasDash = false
    return timeWordHash(bytes, start, end, hasDash: &hasDash)
}

/// ``timeWordHash(_:_:_:)``, also setting `hasDash` when the word holds a
/// hyphen, or a dash (U+2010-U+2015), after its first byte and before its
/// last: the token reader learns it in the same walk over the bytes.
@inline(__always)
func timeWordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasDash: inout Bool) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    var i = start
    var stop = end
    if stop &- start > 1 && bytes[stop &- 1] == 0x2E { stop &-= 1 }
    while i < stop {
        var c = bytes[i]
        if c == 0xE2 {
            if i > start && i &+ 2 < end && bytes[i &+ 1] == 0x80 && bytes[i &+ 2] >= 0x90 && bytes[i &+ 2] <= 0x95 { hasDash = true }
            if i &+ 2 < stop && bytes[i &+ 1] == 0x80 {
                let d = bytes[i &+ 2]
                if d == 0x98 || d == 0x99 { c = 0x27; i &+= 2 } else if d >= 0x90 && d <= 0x95 { c = 0x2D; i &+= 2 }
            }
        } else if c == 0x2D {
            if i > start && i &+ 1 < end { hasDash = true }
        } else if c >= 0x41 && c <= 0x5A {
            c |= 0x20
        }
        hash = (hash ^ UInt64(c)) &* 0x100000001b3
        i &+= 1
    }
    return hash
}

/// Hash of a lowercase ASCII table word.
func timeWordHash(_ word: Substring) -> UInt64 {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { timeWordHash(UnsafeBufferPointer($0), 0, $0.count) }
}

/// One phrase of ``TimeWords/phrases`` as word hashes.
struct TimePhrase: Sendable {
    var words: [UInt64]
    var type: TimeType
    var value: String
    /// The value is `PRESENT_REF` ("now", "current"), which some rules leave to others.
    var isPresentRef: Bool
}

/// A set of word hashes (``timeWordHash(_:_:_:)``): a ``WordTable`` whose
/// payloads say only "member". A test is a multiply, a shift and usually one
/// comparison, where `Set<UInt64>` runs SipHash; the tense heuristic tests up
/// to three sets at each of the two dozen words around an expression.
struct TimeWordSet: Sendable {
    private let table: WordTable

    init<Words: Sequence>(_ words: Words) where Words.Element == UInt64 {
        table = WordTable(words.map { ($0, 0) })
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { table.payload(hash) >= 0 }
}

/// The parsed ``TimeWords`` tables, built once and shared.
///
/// A class whose tables are constants: the tagger holds one reference, where
/// a struct of a dozen arrays and sets was copied (a retain and a release per
/// table) into every document's tagger.
final class TimeLexicon: @unchecked Sendable {
    /// The meanings of the table's words; tokens refer to them by index.
    let infos: [TimeWordInfo]
    /// The rules that can start at each word of ``infos`` (same index), from
    /// its categories: ``TimeTagger/core(at:)`` tries only those.
    let ruleStarts: [TimeRules]
    /// Open-addressing hash table (linear probing, power-of-two size, at most
    /// half full) from word hash to the word's entry: a lookup is a multiply,
    /// a mask and usually one comparison, with no SipHash. Each slot holds
    /// what every token of the word carries, so a hit reads one cache line.
    private let slots: [Slot]
    private let mask: Int
    /// A 4,096-bit Bloom filter of the table's words (one bit each). Most
    /// tokens of a text are not in the table; the filter, eight cache lines
    /// that stay warm, turns most of them away before a probe of the table,
    /// which the stages between two documents push out of the cache.
    private let filter: [UInt64]
    /// The same filter for the head words only (``TimeWordMarks/head``):
    /// the tagger's first pass over a sentence looks for heads, and a few
    /// percent of a text's words pass it where a third pass ``filter``
    /// ("the", "a", "last", "than", ...).
    private let headFilter: [UInt64]

    struct Slot: Sendable {
        var key: UInt64 = 0
        /// The word's number ("two" = 2), NaN for none.
        var number: Double = .nan
        /// Index in ``infos``, -1 for an empty slot.
        var index: Int32 = -1
        var marks: TimeWordMarks = []
    }

    @inline(__always)
    private static func mix(_ hash: UInt64) -> UInt64 { hash &* 0x9E3779B97F4A7C15 }

    /// The table's slot for the word with hash `hash`, or nil.
    @inline(__always)
    func lookup(_ hash: UInt64) -> Slot? {
        let mixed = Self.mix(hash)
        let bit = Int(truncatingIfNeeded: mixed >> 52)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        var i = Int(truncatingIfNeeded: mixed >> 40) & mask
        while true {
            let slot = slots[i]
            if slot.index < 0 { return nil }
            if slot.key == hash { return slot }
            i = (i + 1) & mask
        }
    }

    /// A 4,096-bit filter of the head words' shapes (``shapeKey(_:_:_:)``):
    /// a word whose shape is not in it is no head word, known without
    /// hashing it. About one word in ten of a news text passes.
    private let headShapes: [UInt64]

    /// Twelve bits of a word's length (a final period dropped, as
    /// ``timeWordHash(_:_:_:)`` drops it) and its first, second and last bytes,
    /// ASCII case folded. Valid only for words without a dash or a curly
    /// quote, which fold to other bytes in the hash.
    @inline(__always)
    static func shapeKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var stop = end
        if stop &- start > 1 && bytes[stop &- 1] == 0x2E { stop &-= 1 }
        return shapeKey(bytes, start, stop, last: bytes[stop &- 1])
    }

    /// ``shapeKey(_:_:_:)`` of a word `[start, end)` that does not end in a
    /// period, whose last byte `last` the caller has read.
    ///
    /// The first pass computes it for nearly every word of a text, so it is
    /// a few instructions: wrapping arithmetic (`start < end` holds), the
    /// second byte of a one-letter word taken as its first, and the case of
    /// the three bytes folded by one OR once they are packed.
    @inline(__always)
    static func shapeKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, last: UInt8) -> UInt64 {
        let n = end &- start
        let first = UInt64(bytes[start]), second = UInt64(bytes[n > 1 ? start &+ 1 : start])
        let packed = UInt64(truncatingIfNeeded: n) | first << 8 | second << 16 | UInt64(last) << 24 | 0x2020_2000
        return (packed &* 0x9E3779B97F4A7C15) >> 52
    }

    /// Whether a word (without dash or curly quote) may be a head word: false
    /// means it is not one.
    @inline(__always)
    func mayBeHeadWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        Self.isSet(Self.shapeKey(bytes, start, end), in: headShapes)
    }

    /// Whether `shape` is in the head shapes' filter `filter`
    /// (``withHeadFilters(_:)``).
    @inline(__always)
    static func isSet<Filter: RandomAccessCollection>(_ shape: UInt64, in filter: Filter) -> Bool
        where Filter.Element == UInt64, Filter.Index == Int {
        filter[filter.startIndex &+ Int(truncatingIfNeeded: shape >> 6)] & (1 << (shape & 63)) != 0
    }

    /// For each first byte and length of a head word, the last bytes that
    /// head words of that start and length have, one bit each (bytes and
    /// lengths as ``headEndIndex(_:_:)`` and ``headEndBit(_:)`` fold them).
    /// A word whose entry lacks its last byte is no head word, told with one
    /// load: a cheaper first test than the shape filter, which a word then
    /// passes only one time in seven.
    private let headEnds: [UInt32]

    /// The entry of ``headEnds`` for a word of first byte `first` and length
    /// `length` (a final period dropped): the byte's low five bits (ASCII
    /// case folded) and the length up to fifteen.
    @inline(__always)
    static func headEndIndex(_ first: UInt8, _ length: Int) -> Int {
        Int(first & 31) << 4 | min(length, 15)
    }

    /// The bit of ``headEnds`` for a word's last byte: its low five bits.
    @inline(__always)
    static func headEndBit(_ last: UInt8) -> UInt32 { 1 << UInt32(last & 31) }

    /// Calls `body` with the head words' filters as buffers, which the first
    /// pass reads for nearly every word without a bounds check: the ends
    /// (``headEnds``), then the shapes (``isSet(_:in:)``).
    func withHeadFilters<R>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt64>) -> R) -> R {
        headEnds.withUnsafeBufferPointer { ends in headShapes.withUnsafeBufferPointer { shapes in body(ends, shapes) } }
    }

    /// Whether the word with hash `hash` is a head word (``TimeWordMarks/head``),
    /// written capitalized or not.
    @inline(__always)
    func isHeadWord(_ hash: UInt64, capitalized: Bool) -> Bool {
        let bit = Int(truncatingIfNeeded: Self.mix(hash) >> 52)
        guard headFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let marks = lookup(hash)?.marks else { return false }
        return marks.contains(.head) && (capitalized || !marks.contains(.capitalizedHead))
    }

    /// Index in ``infos`` of the word with hash `hash`, or -1.
    @inline(__always)
    func index(of hash: UInt64) -> Int32 { lookup(hash)?.index ?? -1 }

    /// The meaning of the word with hash `hash`.
    func info(_ hash: UInt64) -> TimeWordInfo? {
        let k = index(of: hash)
        return k < 0 ? nil : infos[Int(k)]
    }
    /// The phrases of ``TimeWords/phrases`` by their first word's index in
    /// ``infos``, longest first: the phrase rule runs at every position tried,
    /// and an array index costs no hashing.
    let phrasesByInfo: [[TimePhrase]]
    /// The words of ``phrasesByInfo`` in one flat array, for the phrase
    /// rule's word tests: each word's phrases in the same order, each written
    /// as its length and then its words' hashes. The rule reads a phrase's
    /// record only once its words match; walking the nested arrays instead
    /// cost a retain and a release of each phrase's words and value, and a
    /// cache miss on each array, at every position tried at "the" or "every".
    let phraseWords: [UInt64]
    /// Where the phrases of each word of ``infos`` start in ``phraseWords``
    /// (same index), with one more entry for the end of the last.
    let phraseWordStart: [Int32]
    /// Multi-word holidays by first word, longest first (value = month, day).
    let holidays: [UInt64: [(words: [UInt64], month: Int, day: Int)]]
    let rateCues: TimeWordSet
    let futureCues: TimeWordSet
    let pastCues: TimeWordSet
    let notPast: TimeWordSet
    /// ``TimeWords/deadlineCues``, each as its words' hashes.
    let deadlineCues: [[UInt64]]
    /// The last words of ``deadlineCues``: the word before an expression
    /// that is none of them ends no cue, known without walking the cues.
    let deadlineLastWords: TimeWordSet
    /// ``TimeWords/schedulingVerbs`` (lemmas, as the syntax layer writes them).
    let schedulingVerbs: Set<String>
    /// Every table word and number word starts with an ASCII letter, so a
    /// token starting with punctuation is none: the tagger's first pass
    /// (``TimeTagger/isHeadPastShape(_:folded:)``) then tests its bytes without reading it.
    let wordsStartWithLetters: Bool

    static let shared = TimeLexicon()

    /// ``Key``, built once.
    let key: Key

    /// Frequently tested words, hashed once when the lexicon is built. They are
    /// instance properties, read through the tagger's ``TimeTagger/k``: a
    /// `static let` computed by a function call costs a `swift_once` check on
    /// every read, and the rules read these in their innermost loops.
    ///
    /// A class, so that the tagger holds one reference: as a struct, its
    /// hundred hashes (856 bytes with the tagger) were copied whenever the
    /// tagger's driving loop called a rule, twice per position tried.
    final class Key: Sendable {
        let the = timeWordHash("the"), a = timeWordHash("a"), an = timeWordHash("an")
        let of = timeWordHash("of"), and = timeWordHash("and"), half = timeWordHash("half")
        let ago = timeWordHash("ago"), later = timeWordHash("later"), earlier = timeWordHash("earlier")
        let before = timeWordHash("before"), after = timeWordHash("after"), from = timeWordHash("from")
        let now = timeWordHash("now"), ahead = timeWordHash("ahead"), hence = timeWordHash("hence")
        let that = timeWordHash("that"), same = timeWordHash("same"), following = timeWordHash("following")
        let preceding = timeWordHash("preceding"), previous = timeWordHash("previous"), next = timeWordHash("next")
        let this = timeWordHash("this"), last = timeWordHash("last"), past = timeWordHash("past")
        let fiscal = timeWordHash("fiscal"), year = timeWordHash("year"), quarter = timeWordHash("quarter")
        let more = timeWordHash("more"), less = timeWordHash("less"), than = timeWordHash("than")
        let at = timeWordHash("at"), least = timeWordHash("least"), most = timeWordHash("most")
        let up = timeWordHash("up"), to = timeWordHash("to"), no = timeWordHash("no"), fewer = timeWordHash("fewer")
        let over = timeWordHash("over"), `for` = timeWordHash("for"), during = timeWordHash("during")
        let `in` = timeWordHash("in"), within = timeWordHash("within"), since = timeWordHash("since")
        let every = timeWordHash("every"), each = timeWordHash("each"), on = timeWordHash("on")
        let q = timeWordHash("q"), h = timeWordHash("h"), s = timeWordHash("s"), apostropheS = timeWordHash("'s")
        let latest = timeWordHash("latest"), recent = timeWordHash("recent"), final = timeWordHash("final")
        let couple = timeWordHash("couple"), few = timeWordHash("few"), or = timeWordHash("or"), so = timeWordHash("so")
        let ended = timeWordHash("ended"), ending = timeWordHash("ending"), period = timeWordHash("period")
        let yearEarlier = timeWordHash("year-earlier"), yearAgo = timeWordHash("year-ago")
        let yearEnd = timeWordHash("year-end"), day = timeWordHash("day"), night = timeWordHash("night")
        let going = timeWordHash("going"), times = timeWordHash("times"), dollar = timeWordHash("$")
        let percent = timeWordHash("percent"), old = timeWordHash("old"), nineties = timeWordHash("nineties")
        let eighties = timeWordHash("eighties"), seventies = timeWordHash("seventies"), sixties = timeWordHash("sixties")
        let is_ = timeWordHash("is"), are = timeWordHash("are"), comma = timeWordHash(","), week = timeWordHash("week")
        let thousand = timeWordHash("thousand"), century = timeWordHash("century"), per = timeWordHash("per")
        let by = timeWordHash("by"), had = timeWordHash("had"), full = timeWordHash("full")
        let comparable = timeWordHash("comparable"), long = timeWordHash("long")
        let throughout = timeWordHash("throughout"), when = timeWordHash("when")

        init() {}
    }

    init() {
        let keyWords = Key()
        self.key = keyWords
        /// The table's words while it is built, then frozen into ``infos`` and ``slots``.
        var words: [UInt64: TimeWordInfo] = [:]
        var holidays: [UInt64: [(words: [UInt64], month: Int, day: Int)]] = [:]
        /// Phrases by the hash of their first word, while the table is built.
        var phrases: [UInt64: [TimePhrase]] = [:]
        func lines(_ table: String) -> [Substring] {
            table.split(separator: "\n").compactMap { line in
                let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = body.drop(while: { $0 == " " })
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        var spelled: [UInt64: Substring] = [:]
        for line in lines(TimeWords.table) {
            let fields = line.split(separator: " ")
            precondition(fields.count >= 2, "TimeWords.table: bad line '\(line)'")
            let word = fields[0], category = fields[1]
            let value = fields.count > 2 ? String(fields[2]) : ""
            let key = timeWordHash(word)
            if let other = spelled[key], other != word {
                preconditionFailure("TimeWords.table: '\(word)' and '\(other)' share a hash; rename one")
            }
            spelled[key] = word
            let info = words[key] ?? TimeWordInfo()
            switch category {
            case "month": info.month = Int(value)
            case "month-abbr": info.month = Int(value); info.monthIsAbbreviation = true
            case "month?": info.month = Int(value); info.monthIsAmbiguous = true
            case "weekday": info.weekday = Int(value)
            case "weekday-abbr": info.weekdayAbbreviation = Int(value)
            case "weekdays": info.weekdayPlural = Int(value)
            case "number": info.number = Double(value)
            case "vague-number": info.vagueNumber = true
            case "ordinal": info.ordinal = Int(value)
            case "unit": info.unit = TimeUnit(rawValue: value)
            case "units": info.unit = TimeUnit(rawValue: value); info.unitIsPlural = true
            case "season": info.season = value
            case "daypart": info.daypart = value
            case "dayword": info.dayword = Int(value)
            case "tonight": info.tonight = true
            case "deictic": info.deictic = Int(value)
            case "position": info.position = value
            case "approx": info.approx = true
            case "set": info.set = value
            case "ampm": info.ampm = value
            case "clock":
                let hm = value.split(separator: ":")
                info.clock = (Int(hm[0]) ?? 0, Int(hm[1]) ?? 0)
            case "zone": info.zone = true
            case "starter": break
            case "head": info.isHead = true; info.headsInLowercase = true
            case "holiday":
                let md = value.split(separator: "-")
                info.holiday = (Int(md[0]) ?? 1, Int(md[1]) ?? 1)
            default: preconditionFailure("TimeWords.table: unknown category '\(category)' in '\(line)'")
            }
            precondition(category == "zone" || category == "starter" || category == "head" || category == "approx" || category == "tonight" || category == "vague-number" || !value.isEmpty,
                         "TimeWords.table: '\(line)' needs a value")
            words[key] = info
        }
        /// The word's record, added when missing. (With a class, `words[key,
        /// default: ...].field = value` would set the field of a discarded default.)
        func entry(_ key: UInt64) -> TimeWordInfo {
            if let info = words[key] { return info }
            let info = TimeWordInfo()
            words[key] = info
            return info
        }
        for line in lines(TimeWords.phrases) {
            let fields = line.split(separator: "|")
            precondition(fields.count == 3, "TimeWords.phrases: bad line '\(line)'")
            let hashes = fields[0].split(separator: " ").map(timeWordHash)
            for word in fields[0].split(separator: " ") { spelled[timeWordHash(word)] = word }
            guard let type = TimeType(rawValue: String(fields[1])) else { preconditionFailure("TimeWords.phrases: unknown type in '\(line)'") }
            phrases[hashes[0], default: []].append(TimePhrase(words: hashes, type: type, value: String(fields[2]), isPresentRef: fields[2] == "PRESENT_REF"))
        }
        for key in phrases.keys { phrases[key]!.sort { $0.words.count > $1.words.count } }
        // The last word of a phrase is its head ("now", "future", "years").
        for list in phrases.values {
            for p in list {
                entry(p.words[p.words.count - 1]).isHead = true
                entry(p.words[p.words.count - 1]).headsInLowercase = true
                precondition(words[p.words[0]] != nil, "TimeWords.phrases: the first word of '\(p.value)' phrase must be in TimeWords.table (as a starter)")
            }
        }
        for line in lines(TimeWords.holidays) {
            let fields = line.split(separator: " ")
            let md = fields[fields.count - 1].split(separator: "-")
            // "new year's day": the tokenizer splits the clitic, so "'s" is a word of its own.
            var hashes: [UInt64] = []
            for word in fields.dropLast() {
                if word.hasSuffix("'s") {
                    hashes.append(timeWordHash(word.dropLast(2)))
                    hashes.append(timeWordHash("'s"))
                    spelled[timeWordHash(word.dropLast(2))] = word.dropLast(2)
                } else {
                    hashes.append(timeWordHash(word))
                    spelled[timeWordHash(word)] = word
                }
            }
            holidays[hashes[0], default: []].append((hashes, Int(md[0]) ?? 1, Int(md[1]) ?? 1))
        }
        for key in holidays.keys { holidays[key]!.sort { $0.words.count > $1.words.count } }
        for list in holidays.values { for h in list { entry(h.words[0]).isHead = true } }
        entry(timeWordHash("thanksgiving")).isHead = true
        spelled[timeWordHash("thanksgiving")] = "thanksgiving"
        for key in Array(words.keys) {
            let w = words[key]!
            // Names (months, weekdays, holidays) need a capital in the rules.
            if w.month != nil || w.weekday != nil || w.weekdayAbbreviation != nil || w.weekdayPlural != nil || w.holiday != nil {
                w.isHead = true
            }
            if w.unit != nil || w.season != nil || w.daypart != nil || w.dayword != nil || w.tonight || w.set != nil
                || w.clock != nil || w.ampm != nil {
                w.isHead = true
                w.headsInLowercase = true
            }
        }
        // Words other rules test on the token before them: entries of their
        // own, empty of meaning, that only carry the mark.
        var marks: [UInt64: TimeWordMarks] = [:]
        for key in words.keys { marks[key, default: []].insert(.tableWord) }
        for key in phrases.keys { marks[key, default: []].insert(.startsPhrase) }
        for key in holidays.keys { marks[key, default: []].insert(.startsHoliday) }
        for word in TimeTagger.monthPrepositionWords { marks[timeWordHash(Substring(word)), default: []].insert(.monthPreposition) }
        var innerWords = Mirror(reflecting: keyWords).children.compactMap { $0.value as? UInt64 }
        for list in phrases.values { for p in list { innerWords += p.words } }
        for list in holidays.values { for h in list { innerWords += h.words } }
        for word in innerWords { marks[word, default: []].insert(.inner) }
        for (word, decade) in TimeTagger.spelledDecades { entry(word).spelledDecade = decade }
        for key in Array(marks.keys) where entry(key).approx { marks[key]!.insert(.approximator) }
        for key in Array(marks.keys) where entry(key).isHead {
            marks[key]!.insert(.head)
            if !entry(key).headsInLowercase { marks[key]!.insert(.capitalizedHead) }
        }
        // Freeze into the probing table at most half full.
        var size = 64
        while size < words.count * 2 { size *= 2 }
        let mask = size - 1
        var slots = Array(repeating: Slot(), count: size)
        var filter = [UInt64](repeating: 0, count: 64)
        var headFilter = [UInt64](repeating: 0, count: 64)
        var headShapes = [UInt64](repeating: 0, count: 64)
        var headEnds = [UInt32](repeating: 0, count: 32 << 4)
        var infos: [TimeWordInfo] = []
        var ruleStarts: [TimeRules] = []
        var phrasesByInfo: [[TimePhrase]] = []
        for (key, info) in words {
            let mixed = Self.mix(key)
            let bit = Int(truncatingIfNeeded: mixed >> 52)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            if marks[key]?.contains(.head) == true {
                headFilter[bit >> 6] |= 1 << UInt64(bit & 63)
                guard let word = spelled[key] else { preconditionFailure("TimeLexicon: a head word without its spelling") }
                let shape = Array(word.utf8).withUnsafeBufferPointer { Self.shapeKey($0, 0, $0.count) }
                headShapes[Int(shape >> 6)] |= 1 << (shape & 63)
                var spelling = Array(word.utf8)
                if spelling.count > 1 && spelling[spelling.count - 1] == 0x2E { spelling.removeLast() }
                headEnds[Self.headEndIndex(spelling[0], spelling.count)] |= Self.headEndBit(spelling[spelling.count - 1])
            }
            var i = Int(truncatingIfNeeded: mixed >> 40) & mask
            while slots[i].index >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: key, number: info.number ?? .nan, index: Int32(infos.count), marks: marks[key] ?? [])
            infos.append(info)
            ruleStarts.append(TimeRules.starting(at: key, info, marks[key] ?? [], key: keyWords))
            phrasesByInfo.append(phrases[key] ?? [])
        }
        // The words the rules' first tests compare a token with need entries,
        // or ``ruleStarts`` would not let the rules try them.
        for word in TimeRules.startWords(keyWords) {
            precondition(words[word] != nil, "TimeLexicon: a word a rule starts with has no entry")
        }
        wordsStartWithLetters = words.allSatisfy { key, info in
            guard marks[key]?.contains(.tableWord) == true || info.number != nil else { return true }
            guard let first = spelled[key]?.utf8.first else { return false }
            return first >= 0x61 && first <= 0x7A
        }
        self.mask = mask
        self.slots = slots
        self.filter = filter
        self.headFilter = headFilter
        self.headShapes = headShapes
        self.headEnds = headEnds
        self.infos = infos
        self.ruleStarts = ruleStarts
        self.phrasesByInfo = phrasesByInfo
        var phraseWords: [UInt64] = []
        var phraseWordStart: [Int32] = []
        for list in phrasesByInfo {
            phraseWordStart.append(Int32(phraseWords.count))
            for phrase in list {
                phraseWords.append(UInt64(phrase.words.count))
                phraseWords += phrase.words
            }
        }
        phraseWordStart.append(Int32(phraseWords.count))
        self.phraseWords = phraseWords
        self.phraseWordStart = phraseWordStart
        self.holidays = holidays
        rateCues = TimeWordSet(lines(TimeWords.rateCues).map(timeWordHash))
        futureCues = TimeWordSet(lines(TimeWords.futureCues).map(timeWordHash))
        pastCues = TimeWordSet(lines(TimeWords.pastCues).map(timeWordHash))
        notPast = TimeWordSet(lines(TimeWords.notPast).map(timeWordHash))
        deadlineCues = lines(TimeWords.deadlineCues).map { $0.split(separator: " ").map(timeWordHash) }
        deadlineLastWords = TimeWordSet(deadlineCues.compactMap(\.last))
        schedulingVerbs = Set(lines(TimeWords.schedulingVerbs).map(String.init))
    }
}
