/// The rules of ``TimeTagger``, one bit each, for the dispatch of
/// ``TimeTagger/core(at:)``.
///
/// Each rule can only match at a token of a few kinds: the date rule at a
/// month, a weekday, "the" or a token starting with a digit; the set rule at
/// "daily", "every" or "each"; and so on. ``TimeRules/starting(at:_:_:key:)``
/// says which rules a word of the table can start, once, when the lexicon is
/// built (``TimeLexicon/ruleStarts``); ``TimeTagger/startRules(_:)`` adds what
/// a token's first byte, hyphen and number allow. `core(at:)` then calls only
/// those rules: a position tried at "the" runs nine of the fifteen, one at
/// "three" one of them, where every one used to run and read the tokens
/// after it.
///
/// Each bit is a necessary condition read off its rule's first tests: a rule
/// whose bit is missing would have returned nil, so skipping it changes no
/// match. A rule's test on a new word needs the word here too.
struct TimeRules: OptionSet, Sendable {
    let rawValue: UInt16

    static let phrase = TimeRules(rawValue: 1 << 0)
    static let explicitDate = TimeRules(rawValue: 1 << 1)
    static let yearish = TimeRules(rawValue: 1 << 2)
    static let namedDay = TimeRules(rawValue: 1 << 3)
    static let weekday = TimeRules(rawValue: 1 << 4)
    static let clockTime = TimeRules(rawValue: 1 << 5)
    static let holiday = TimeRules(rawValue: 1 << 6)
    static let deictic = TimeRules(rawValue: 1 << 7)
    static let season = TimeRules(rawValue: 1 << 8)
    static let anchored = TimeRules(rawValue: 1 << 9)
    static let quarter = TimeRules(rawValue: 1 << 10)
    static let numberWithUnit = TimeRules(rawValue: 1 << 11)
    static let position = TimeRules(rawValue: 1 << 12)
    static let compound = TimeRules(rawValue: 1 << 13)
    static let frequency = TimeRules(rawValue: 1 << 14)

    /// The rules a determiner "the" can start: it opens a date ("the 12th of
    /// June"), a year ("the 1990s"), a deictic, season, anchored, quarter,
    /// duration or position expression.
    static let afterThe: TimeRules = [.explicitDate, .yearish, .deictic, .season, .anchored, .quarter, .numberWithUnit, .position]

    /// The rules a token starting with an ASCII digit can start: dates
    /// ("12 June", "2020-06-12"), years and decades, clock times. (A count
    /// is its number, ``TimeTagger/startRules(_:)``.)
    static let digitStart: TimeRules = [.explicitDate, .yearish, .clockTime]

    /// The rules the table word with hash `hash`, meaning `info` and marked
    /// `marks`, can start, from its categories and the words the rules test
    /// first.
    static func starting(at hash: UInt64, _ info: TimeWordInfo, _ marks: TimeWordMarks, key k: TimeLexicon.Key) -> TimeRules {
        var rules: TimeRules = []
        if hash == k.the { rules.formUnion(afterThe) }
        if marks.contains(.startsPhrase) { rules.insert(.phrase) }
        if info.month != nil || info.weekday != nil || info.weekdayAbbreviation != nil { rules.insert(.explicitDate) }
        // "fiscal 1989", "nineteen ninety-six" (a spoken year's first word is
        // eleven to nineteen), "twentieth century", "the nineties"
        if hash == k.fiscal || (info.number.map { $0 >= 11 && $0 <= 19 } ?? false) || (info.ordinal ?? 0) > 0
            || info.spelledDecade != nil {
            rules.insert(.yearish)
        }
        if info.tonight || info.dayword != nil { rules.insert(.namedDay) }
        if info.weekday != nil || info.weekdayPlural != nil { rules.insert(.weekday) }
        if info.clock != nil { rules.insert(.clockTime) }
        if marks.contains(.startsHoliday) || info.holiday != nil || hash == TimeTagger.thanksgiving { rules.insert(.holiday) }
        if info.deictic != nil { rules.insert(.deictic) }
        if info.season != nil { rules.insert(.season) }
        if hash == k.that { rules.insert(.anchored) }
        // "fiscal 1990 third quarter", "comparable quarter", "year-ago quarter",
        // "latest quarter", "third quarter" (an ordinal of one to four)
        if hash == k.comparable || hash == k.fiscal || hash == k.yearAgo || hash == k.yearEarlier
            || hash == k.latest || (info.ordinal.map { $0 >= 1 && $0 <= 4 } ?? false) {
            rules.insert(.quarter)
        }
        // Counts ("a", "half a", "several", "two") and a bare plural unit ("for years").
        if hash == k.a || hash == k.an || hash == k.half || info.vagueNumber || info.number != nil
            || (info.unit != nil && info.unitIsPlural) {
            rules.insert(.numberWithUnit)
        }
        if info.position != nil { rules.insert(.position) }
        if info.set != nil || hash == k.every || hash == k.each { rules.insert(.frequency) }
        return rules
    }

    /// The words ``starting(at:_:_:key:)`` compares with: each must have an
    /// entry in the table for its rules to be tried.
    static func startWords(_ k: TimeLexicon.Key) -> [UInt64] {
        [k.the, k.fiscal, k.that, k.yearAgo, k.yearEarlier, k.latest, k.a, k.an, k.half, k.every, k.each,
         k.comparable, TimeTagger.thanksgiving]
    }
}

extension TimeTagger {
    /// The rules that can start at token `i`: its table word's
    /// (``TimeLexicon/ruleStarts``), and those its shape allows, a first
    /// digit, quote or "Q", a hyphen, a number.
    @inline(__always)
    func startRules(_ i: Int) -> TimeRules {
        let t = toks[i]
        var rules: TimeRules = t.infoIndex >= 0 ? lexicon.ruleStarts[Int(t.infoIndex)] : []
        let c = bytes[t.start]
        if c >= 0x30 && c <= 0x39 { rules.formUnion(.digitStart) }
        else if c == 0x27 || c == 0xE2 { rules.insert(.yearish) }            // "'90s"
        else if c == 0x51 { rules.insert(.quarter) }                        // "Q3"
        if t.hasHyphen { rules.formUnion([.compound, .numberWithUnit]) }     // "two-year", "twenty-five days"
        if t.number != nil { rules.insert(.numberWithUnit) }
        return rules
    }
}
