import SitrepCore

/// One token as the time tagger sees it.
struct TimeToken {
    var start: Int
    var end: Int
    /// ``timeWordHash(_:_:_:)`` of the token.
    var hash: UInt64
    /// Index of the token's entry in ``TimeLexicon/infos``, or -1.
    var infoIndex: Int32
    /// What the tables say of the word (a head, a table word, a phrase's first
    /// word, ...), so that rules can skip a lookup.
    var marks: TimeWordMarks
    /// First byte is an ASCII capital.
    var isCapitalized: Bool
    /// Number of bytes when the token is all ASCII digits, else 0.
    var digits: Int
    /// The value of a numeral ("12", "1,200", "3.5") or number word ("two").
    var number: Double?
    /// Contains an ASCII hyphen (or a dash folded to one) between other bytes.
    var hasHyphen: Bool
}

/// A recognized expression, as token indices `[start, end)`.
struct TimeMatch {
    var start: Int
    var end: Int
    var type: TimeType
    var value: String?
    var flags: [String] = []
    /// The date this expression names, which later anchored expressions
    /// ("the day before", "a year earlier") count from.
    var ref: TimeRef?
    /// A comparison ("a year earlier", "year-ago") names a date without
    /// moving the narrative: later anchors still count from the date before it.
    var movesAnchor = true
    /// A clock time whose day came from the document date, to be replaced by
    /// a day named elsewhere in the sentence.
    var clock: (hour: Int, minute: Int)?
    /// The year was written out ("June 5, 2020", "2020").
    var explicitYear = false
}

/// The document's tokens as the tagger sees them, each read
/// (``TimeTagger/read(_:_:_:)``: hash, table probe, number, hyphen) the first
/// time a rule asks for it.
///
/// Most tokens of a text are never asked for: the first pass
/// (``TimeTagger/firstPassHeads()``) finds the heads by shape and a Bloom
/// filter, and the rules then read only the few tokens around them. Reading
/// every token up front cost more than all the rules together.
final class TimeTokens {
    /// The document's tokens, of which only the spans are read: the
    /// document's own array, not a copy of its spans (the copy cost the
    /// stage a tenth of its time, and reading it a second pass over memory).
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: TimeLexicon
    private let storage: UnsafeMutablePointer<TimeToken>
    private let isRead: UnsafeMutablePointer<Bool>
    let count: Int

    init(tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, lexicon: TimeLexicon) {
        self.tokens = tokens
        self.bytes = bytes
        self.lexicon = lexicon
        count = tokens.count
        storage = .allocate(capacity: max(count, 1))
        isRead = .allocate(capacity: max(count, 1))
        isRead.initialize(repeating: false, count: max(count, 1))
    }

    deinit {
        // A token is plain data (numbers and flags, no reference; a test
        // checks it): the tokens read need no deinitializing, nor a walk to find them.
        storage.deallocate()
        isRead.deallocate()
    }

    /// Token `k`, read on first use. An addressor, not a getter: `toks[k].hash`
    /// loads one field where a getter would copy the whole token, and the
    /// rules test a field of a token some fifty times per position they try.
    subscript(k: Int) -> TimeToken {
        @inline(__always)
        unsafeAddress {
            precondition(k >= 0 && k < count, "token index out of range")
            if !isRead[k] { readToken(k) }
            return UnsafePointer(storage + k)
        }
    }

    @inline(never)
    private func readToken(_ k: Int) {
        (storage + k).initialize(to: TimeTagger.read(tokens[k].span, bytes, lexicon))
        isRead[k] = true
    }
}

/// Recognizes and normalizes the time expressions of one document.
///
/// The grammar works on token indices. At each token the rules below are
/// tried and the longest match wins (ties go to the earlier rule):
///
/// 1. vague references and sets written as phrases (``TimeWords/phrases``);
/// 2. explicit dates: month-day-year in either order, ISO and US numeric
///    dates, years, decades, centuries, with an optional weekday in front;
/// 3. named days ("yesterday"), weekdays, holidays, clock times;
/// 4. deictic expressions ("last week", "this fall", "next Friday") and
///    anchored ones ("the day before", "that year", "the following week");
/// 5. quarters and halves ("the third quarter", "third-quarter", "Q3");
/// 6. numbers with units: durations ("six months"), "ago", "later", "earlier";
/// 7. position modifiers ("early", "mid-", "the end of") around any date;
/// 8. hyphenated compounds ("two-year", "mid-1990s", "year-earlier");
/// 9. sets ("daily", "every Monday").
///
/// An approximator ("about", "more than", "at least") in front of a number
/// joins the span, as TimeML's extent rules ask; prepositions never do.
struct TimeTagger {
    let lexicon: TimeLexicon
    let bytes: UnsafeBufferPointer<UInt8>
    /// The tokens, read on first use: only those near a head ever are.
    let toks: TimeTokens
    /// The document date.
    let dct: CalendarDay?
    /// The last date mentioned.
    var anchor: TimeRef?
    var sentenceStart = 0
    var sentenceEnd = 0
    /// The year of the last explicit-year date in the current sentence.
    var sentenceYear: Int?
    /// The governing verbs' tenses, when the tokens carry a parse.
    var clauseTense: TimeClauseTense?

    /// The lexicon's frequently tested words (``TimeLexicon/Key``).
    let k: TimeLexicon.Key

    /// A tagger over `tokens` (none of them empty) in `bytes`.
    init(lexicon: TimeLexicon, bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], dct: CalendarDay?) {
        self.lexicon = lexicon
        self.k = lexicon.key
        self.bytes = bytes
        self.dct = dct
        self.toks = TimeTokens(tokens: tokens, bytes: bytes, lexicon: lexicon)
    }

    static func read(_ span: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: TimeLexicon) -> TimeToken {
        let s = span.start, e = span.end
        let first = bytes[s]
        let startsWithDigit = first >= 0x30 && first <= 0x39
        // A word's hyphen (or dash folded to one) between other bytes is
        // found by the loop that hashes it; a number's by ``numeralShape(_:_:_:)``.
        var hyphen = false
        let hash = timeWordHash(bytes, s, e, hasDash: &hyphen)
        var index: Int32 = -1
        var number: Double? = nil
        var marks: TimeWordMarks = []
        if let slot = lexicon.lookup(hash) {
            index = slot.index
            if !slot.number.isNaN { number = slot.number }
            marks = slot.marks
        }
        var digits = 0
        if startsWithDigit {
            let shape = numeralShape(bytes, s, e)
            hyphen = shape.hyphen
            if shape.allDigits { digits = e - s }
            if shape.numeric { number = shape.value }
        }
        return TimeToken(start: s, end: e, hash: hash, infoIndex: index, marks: marks,
                         isCapitalized: first >= 0x41 && first <= 0x5A,
                         digits: digits, number: number, hasHyphen: hyphen)
    }

    /// What the bytes of a token say of it as a numeral: all digits; a plain
    /// amount ("1,200", "3.5": digits with "," or "." between digits) and its
    /// value; a hyphen, or a dash folded to one (U+2010-2015), between other
    /// bytes ("16-hour"). Shared by ``read(_:_:_:)`` and the first pass's
    /// ``isNumeralHead(_:_:)``, so that both tell numbers alike.
    struct NumeralShape {
        var allDigits = true, numeric = true, hyphen = false
        var value = 0.0
    }

    /// The ``NumeralShape`` of the token `[s, e)` of `bytes`.
    static func numeralShape(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> NumeralShape {
        var shape = NumeralShape()
        var fraction = 0.0, scale = 0.0    // scale: positive after the decimal point
        for i in s..<e {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                if scale > 0 { fraction += Double(c - 0x30) * scale; scale /= 10 } else { shape.value = shape.value * 10 + Double(c - 0x30) }
                continue
            }
            shape.allDigits = false
            if i > s && ((c == 0x2D && i + 1 < e) || (c == 0xE2 && i + 2 < e && bytes[i + 1] == 0x80 && bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0x95)) {
                shape.hyphen = true
            }
            if c == 0x2C && i > s && i + 1 < e && scale == 0 { continue }
            if c == 0x2E && i > s && i + 1 < e && scale == 0 { scale = 0.1; continue }
            shape.numeric = false
        }
        shape.value += fraction
        return shape
    }

    // MARK: - Driving

    /// Tags every sentence; `sentences` are token index ranges, in order.
    ///
    /// Rules run only at tokens that can start an expression (``canStart(_:)``)
    /// with a head (a month, a unit, "now", a year, ...) at most
    /// ``headReach`` tokens ahead: the longest prefix before a head is "no
    /// more than two and a half" (seven tokens). Heads are found first, for
    /// the whole text (``firstPassHeads()``), so that a sentence without one
    /// costs a glance at each word.
    mutating func run(sentences: [Range<Int>]) -> [TimeMatch] {
        let heads = firstPassHeads()
        var out: [TimeMatch] = []
        out.reserveCapacity(heads.count)    // each expression holds a head, or nearly always
        var sentenceHeads = 0     // the first head not before the sentence
        for range in sentences {
            while sentenceHeads < heads.count && heads[sentenceHeads] < range.lowerBound { sentenceHeads += 1 }
            guard sentenceHeads < heads.count, heads[sentenceHeads] < range.upperBound else { continue }
            var headsEnd = sentenceHeads + 1
            while headsEnd < heads.count && heads[headsEnd] < range.upperBound { headsEnd += 1 }
            sentenceStart = range.lowerBound
            sentenceEnd = range.upperBound
            sentenceYear = nil
            let first = out.count
            var h = sentenceHeads
            var i = max(sentenceStart, heads[sentenceHeads] - TimeTagger.headReach)
            sentenceHeads = headsEnd
            while i < sentenceEnd {
                while h < headsEnd && heads[h] < i { h += 1 }
                if h == headsEnd { break }
                let nextHead = heads[h]
                if nextHead - i > TimeTagger.headReach { i = nextHead - TimeTagger.headReach; continue }
                // An expression holds its head, and no rule reads past a plain
                // word on the way to it: "the" in "the company's sales last year"
                // cannot start one.
                if i < nextHead, let barrier = plainWord(after: i, before: nextHead) { i = barrier + 1; continue }
                guard canStart(i), let m = match(at: i) else { i += 1; continue }
                if let ref = m.ref, m.movesAnchor { anchor = ref }
                if m.explicitYear, let ref = m.ref { sentenceYear = ref.day.year }
                i = m.end
                out.append(consume m)    // moved, not copied and destroyed
            }
            fixClockDays(&out, from: first)
        }
        return out
    }

    /// Where the text's next hyphen and next lead byte of a dash or curly
    /// quote (0xE2) lie, found with `memchr` as the first pass moves on: a
    /// word without one is hashed as it is written, so its shape alone can
    /// rule it out. No array: each search starts where a query passes the
    /// last byte found.
    struct FoldedBytes {
        private let bytes: UnsafeBufferPointer<UInt8>
        /// The first hyphen at or after `hyphenFrom` (`bytes.count` for none).
        private var hyphen = 0, hyphenFrom = Int.max
        /// The first 0xE2 at or after `leadFrom`.
        private var lead = 0, leadFrom = Int.max
        /// The nearer of the two bytes found, and where both searches hold
        /// from: a query starting in `[validFrom, nearest]` needs no search.
        private var nearest = -1, validFrom = Int.max

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Whether `[start, end)` holds one of the bytes. Calls come in text
        /// order, so a search runs only past a byte found; a call out of order
        /// searches again.
        @inline(__always)
        mutating func any(in start: Int, _ end: Int) -> Bool {
            if start < validFrom || start > nearest { search(from: start) }
            return nearest < end
        }

        /// Whether `[start, end)` is known to hold neither byte, with no
        /// search: the first pass's test for most words, two comparisons.
        @inline(__always)
        func knownClear(_ start: Int, _ end: Int) -> Bool {
            start >= validFrom && end <= nearest
        }

        /// Searches again for each byte that lies before `start`, or whose
        /// search began after it.
        @inline(never)
        private mutating func search(from start: Int) {
            if start < hyphenFrom || hyphen < start {
                hyphen = bytes.firstOffset(of: 0x2D, from: start, to: bytes.count) ?? bytes.count
                hyphenFrom = start
            }
            if start < leadFrom || lead < start {
                lead = bytes.firstOffset(of: 0xE2, from: start, to: bytes.count) ?? bytes.count
                leadFrom = start
            }
            nearest = min(hyphen, lead)
            validFrom = max(hyphenFrom, leadFrom)
        }
    }

    /// The first pass: the tokens that can head an expression (``isHead(_:)``),
    /// in order, each read as little as can be.
    ///
    /// - A punctuation mark is none. A token starting with ASCII punctuation
    ///   ("'s", "--") is a head only as "'90s" or with a hyphen inside, told
    ///   by its bytes (no table word starts so). A token starting with a
    ///   digit or a non-ASCII byte gets ``isHead(_:)``.
    /// - A word without hyphen or dash is a head only when it is a head word
    ///   of the table: its shape (``TimeLexicon/mayBeHeadWord(_:_:_:)``) turns
    ///   most words away, the head words' Bloom filter most of the rest,
    ///   before any probe of the table.
    /// - A hyphenated word ("high-speed", "two-year") heads an expression only
    ///   when one of its parts is a word of the table or starts with a digit
    ///   ("so-called" and "long-term" have only words the rules read inside
    ///   an expression); the others would send the rules looking at the words
    ///   before them for nothing.
    ///
    /// Most tokens are plain ASCII words that the word shape turns away, or
    /// one-byte punctuation: the loop tells those itself, in wrapping
    /// arithmetic on the tokens' own storage, and calls
    /// ``isHeadPastShape(_:folded:)`` for the rest.
    func firstPassHeads() -> [Int] {
        var heads: [Int] = []
        heads.reserveCapacity(toks.count / 8)    // about one token in twenty is a head
        var folded = FoldedBytes(bytes)
        let bytes = bytes, lexicon = lexicon
        toks.tokens.withUnsafeBufferPointer { tokens in
            lexicon.withHeadFilters { headEnds, headShapes in
                for k in tokens.indices {
                    let span = tokens[k].span
                    let s = span.start, e = span.end
                    let c = bytes[s], last = bytes[e &- 1]
                    if (c | 0x20) &- 0x61 < 26 {
                        // "Q3", abbreviations ("Sept.") and words with a hyphen
                        // or dash take the long way. Of the others, the last
                        // byte turns most away, the shape most of the rest.
                        if c != 0x51 && last != 0x2E && (folded.knownClear(s, e) || !folded.any(in: s, e))
                            && (headEnds[TimeLexicon.headEndIndex(c, e &- s)] & TimeLexicon.headEndBit(last) == 0
                                || !TimeLexicon.isSet(TimeLexicon.shapeKey(bytes, s, e, last: last), in: headShapes)) {
                            continue
                        }
                    } else if e &- s == 1 && c &- 0x30 >= 10 {
                        continue
                    }
                    if isHeadPastShape(k, folded: &folded) { heads.append(k) }
                }
            }
        }
        return heads
    }

    /// Whether token `k` is a head, for the tokens the loop of
    /// ``firstPassHeads()`` does not rule out itself.
    @inline(never)
    func isHeadPastShape(_ k: Int, folded: inout FoldedBytes) -> Bool {
        let span = toks.tokens[k].span
        let s = span.start, e = span.end
        let c = bytes[s]
        guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) else {
            let digit = c >= 0x30 && c <= 0x39
            if e - s == 1 && !digit { return false }
            if digit && lexicon.wordsStartWithLetters { return isNumeralHead(s, e) }
            // ASCII punctuation first ("'s", "--", "$"): no table word starts
            // so, and without a hyphen inside only "'90s" is a head.
            if c < 0x80 && !digit && lexicon.wordsStartWithLetters && !folded.any(in: s + 1, e - 1) {
                return c == 0x27 && bytes[e - 1] | 0x20 == 0x73 && bytes[s + 1] >= 0x30 && bytes[s + 1] <= 0x39
            }
            return isHeadReadingAll(k)
        }
        if (c == 0x51 && e - s == 2) || folded.any(in: s, e) { return isHeadReadingAll(k) }
        guard lexicon.mayBeHeadWord(bytes, s, e) else { return false }
        return lexicon.isHeadWord(timeWordHash(bytes, s, e), capitalized: c <= 0x5A)
    }

    /// ``isHead(_:)`` for a token `[s, e)` starting with an ASCII digit, told
    /// from its bytes, with no hash or table probe: no word of the table
    /// starts with a digit (``TimeLexicon/wordsStartWithLetters``), and most
    /// numbers ("1,200", "3.5") are no heads, never read again.
    ///
    /// The scan is ``numeralShape(_:_:_:)``, as in ``read(_:_:_:)``: a hyphen or dash makes a compound
    /// ("16-hour"), all digits a year when four, digits with "," or "."
    /// between them a plain amount; the other shapes are ``isHead(_:)``'s.
    func isNumeralHead(_ s: Int, _ e: Int) -> Bool {
        let shape = TimeTagger.numeralShape(bytes, s, e)
        if shape.hyphen { return true }
        if shape.allDigits { return e - s == 4 }
        if shape.numeric { return false }
        let last = bytes[e - 1] | 0x20
        if last == 0x73 || last == 0x6D { return true }            // 1990s, 5pm
        for i in s..<e where bytes[i] == 0x3A || bytes[i] == 0x2F { return true }   // 10:35, 6/12/2020
        return false
    }

    /// ``isHead(_:)`` for the tokens that need all of it read (hyphenated
    /// words, tokens starting with a non-ASCII byte), out of line so that
    /// the common path stays small.
    @inline(never)
    func isHeadReadingAll(_ k: Int) -> Bool {
        guard isHead(k) else { return false }
        let t = toks[k]
        let c = bytes[t.start]
        guard t.hasHyphen, !t.marks.contains(.tableWord), !(c >= 0x30 && c <= 0x39) else { return true }
        return anyHyphenPart(k) { start, end in
            (bytes[start] >= 0x30 && bytes[start] <= 0x39)
                || lexicon.lookup(timeWordHash(bytes, start, end))?.marks.contains(.tableWord) == true
        }
    }

    /// Whether token `k` can be the head of an expression: a head word of
    /// ``TimeWords/table``, a four-digit number, a compound, or a token shaped
    /// like "1990s", "'90s", "10:35", "5pm", "Q3", "6/12/2020". Plain amounts
    /// ("1,200", "3.5"), the bulk of numbers in business news, are not heads.
    @inline(__always)
    func isHead(_ k: Int) -> Bool {
        let t = toks[k]
        // A compound of the table ("year-earlier", "year-end") heads its own
        // expression whatever its category.
        if t.marks.contains(.tableWord) {
            return (t.marks.contains(.head) && (t.isCapitalized || !t.marks.contains(.capitalizedHead))) || t.hasHyphen
        }
        if t.digits == 4 || t.hasHyphen { return true }
        if t.digits > 0 || t.number != nil { return false }
        let c = bytes[t.start], last = bytes[t.end - 1] | 0x20
        if c >= 0x30 && c <= 0x39 {
            if last == 0x73 || last == 0x6D { return true }            // 1990s, 5pm
            for i in t.start..<t.end where bytes[i] == 0x3A || bytes[i] == 0x2F { return true }   // 10:35, 6/12/2020
            return false
        }
        // "'90s" and "’90s", not the clitic "'s" ("the company's"), which is
        // one word in twenty of a news text.
        if (c == 0x27 || c == 0xE2) && last == 0x73 {
            let digit = t.start + (c == 0x27 ? 1 : 3)
            return digit < t.end && bytes[digit] >= 0x30 && bytes[digit] <= 0x39
        }
        return c == 0x51 && t.end - t.start == 2
    }

    /// Whether a rule can start at token `i`: a word of ``TimeWords/table``,
    /// a number, a compound, or a token starting with a digit or quote.
    @inline(__always)
    func canStart(_ i: Int) -> Bool {
        let t = toks[i]
        if t.marks.contains(.tableWord) || t.number != nil || t.hasHyphen { return true }
        let c = bytes[t.start]
        return (c >= 0x30 && c <= 0x39) || c == 0x27 || c == 0xE2 || c == 0x51
    }

    /// The last plain word in `(i, head)`: a lowercase or capitalized ASCII
    /// word that is neither a table word nor one a rule reads inside an
    /// expression (``TimeWordMarks/inner``). Numbers, punctuation and
    /// compounds are never plain.
    @inline(__always)
    func plainWord(after i: Int, before head: Int) -> Int? {
        var k = head - 1
        while k > i {
            let t = toks[k]
            if t.marks.isDisjoint(with: [.tableWord, .inner]) && !t.hasHyphen {
                let c = bytes[t.start] | 0x20
                if c >= 0x61 && c <= 0x7A { return k }
            }
            k -= 1
        }
        return nil
    }

    /// The largest count of units a duration or shift takes ("a million years").
    static let largestCount = 1_000_000.0

    /// Farthest a rule's first token lies before its head.
    static let headReach = 7

    /// A clock time took the document date; a day named in the same sentence
    /// ("at 10:35 a.m. Friday") is the better guess.
    func fixClockDays(_ out: inout [TimeMatch], from first: Int) {
        guard out.count > first else { return }
        var day: TimeRef? = nil
        for k in first..<out.count where out[k].clock == nil {
            if let ref = out[k].ref, ref.granularity == .day, out[k].type == .date { day = ref; break }
        }
        guard let day else { return }
        for k in first..<out.count {
            if let clock = out[k].clock, out[k].value != nil {
                out[k].value = day.day.value + "T" + pad(clock.hour, 2) + ":" + pad(clock.minute, 2)
            }
        }
    }

    // MARK: - Matching

    /// The longest match starting at `i`, with any approximator in front.
    func match(at i: Int) -> TimeMatch? {
        if let p = approximatorEnd(i), p < sentenceEnd, startsCount(p), var m = core(at: p) {
            m.start = i
            return m
        }
        return core(at: i)
    }

    /// End of "about", "more than", "at least", "up to", "no more than" at `i`.
    func approximatorEnd(_ i: Int) -> Int? {
        let marks = toks[i].marks
        if marks.contains(.approximator) { return i + 1 }
        // The two- and three-word approximators start with a word of ``TimeLexicon/Key``.
        guard marks.contains(.inner) else { return nil }
        let h = toks[i].hash
        func word(_ k: Int) -> UInt64 { k < sentenceEnd ? toks[k].hash : 0 }
        if (h == k.more || h == k.less || h == k.fewer) && word(i + 1) == k.than { return i + 2 }
        if h == k.at && (word(i + 1) == k.least || word(i + 1) == k.most) { return i + 2 }
        if h == k.up && word(i + 1) == k.to { return i + 2 }
        if h == k.no && (word(i + 1) == k.more || word(i + 1) == k.less) && word(i + 2) == k.than { return i + 3 }
        return nil
    }

    /// A number starts at `p` (so an approximator may join it).
    func startsCount(_ p: Int) -> Bool {
        let t = toks[p]
        return t.number != nil || infoOf(t)?.vagueNumber == true || t.hasHyphen
    }

    /// The longest match of the rules at `i`, in the order listed on
    /// ``TimeTagger`` (ties go to the earlier rule). Only the rules that can
    /// start at token `i` (``startRules(_:)``) are tried.
    func core(at i: Int) -> TimeMatch? {
        let rules = startRules(i)
        var best: TimeMatch? = nil
        func consider(_ m: TimeMatch?) { Self.keepLonger(m, in: &best) }
        if rules.contains(.phrase) { consider(phrase(i)) }
        if rules.contains(.explicitDate) { consider(explicitDate(i)) }
        if rules.contains(.yearish) { consider(yearish(i)) }
        if rules.contains(.namedDay) { consider(namedDay(i)) }
        if rules.contains(.weekday) { consider(weekdayExpression(i)) }
        if rules.contains(.clockTime) { consider(clockTime(i)) }
        if rules.contains(.holiday) { consider(holiday(i)) }
        if rules.contains(.deictic) { consider(deictic(i)) }
        if rules.contains(.season) { consider(season(i)) }
        if rules.contains(.anchored) { consider(anchored(i)) }
        if rules.contains(.quarter) { consider(quarter(i)) }
        if rules.contains(.numberWithUnit) { consider(numberWithUnit(i)) }
        if rules.contains(.position) { consider(position(i)) }
        if rules.contains(.compound) { consider(compound(i)) }
        if rules.contains(.frequency) { consider(frequency(i)) }
        return best
    }

    /// Keeps `m` in `best` when it ends later (a tie keeps the earlier
    /// rule's). A call, not inlined: copied into each of the fifteen rule
    /// calls of ``core(at:)`` it made that function five kilobytes of code,
    /// which the stages before this one push out of the caches for every document.
    @inline(never)
    static func keepLonger(_ m: consuming TimeMatch?, in best: inout TimeMatch?) {
        guard let m else { return }
        if best == nil || m.end > best!.end { best = m }
    }

    // MARK: - Helpers

    // `hash(_:)` and `info(_:)` are calls, not inlined: the rules use them
    // some two hundred times, and inlined they made the rules' code a sixth
    // larger. The stages before this one push that code out of the caches
    // for every document, so its size costs more than the calls.
    @inline(never)
    func hash(_ k: Int) -> UInt64 { k < sentenceEnd && k >= sentenceStart ? toks[k].hash : 0 }
    @inline(never)
    func info(_ k: Int) -> TimeWordInfo? { k < sentenceEnd && k >= sentenceStart ? infoOf(toks[k]) : nil }
    @inline(__always)
    func infoOf(_ t: TimeToken) -> TimeWordInfo? { t.infoIndex < 0 ? nil : lexicon.infos[Int(t.infoIndex)] }

    /// A month name at `k`: capitalized; an abbreviation ("Jan") also needs
    /// its period or a day or year after it ("Jan Novak" is a name); an
    /// ambiguous one ("May") needs a day or year after it, or a preposition or
    /// modifier before it.
    func month(_ k: Int) -> Int? {
        guard let inf = info(k), let m = inf.month, toks[k].isCapitalized else { return nil }
        if inf.monthIsAbbreviation && bytes[toks[k].end - 1] != 0x2E && dayNumber(k + 1) == nil && year(k + 1) == nil { return nil }
        if !inf.monthIsAmbiguous { return m }
        if dayNumber(k + 1) != nil || year(k + 1) != nil { return m }
        if k > sentenceStart {
            let before = toks[k - 1]
            if infoOf(before)?.position != nil || infoOf(before)?.deictic != nil { return m }
            if before.marks.contains(.monthPreposition) { return m }
        }
        return nil
    }

    /// Words before an ambiguous month name that make it a month ("in May");
    /// tokens carry them as ``TimeWordMarks/monthPreposition``.
    static let monthPrepositionWords = ["in", "since", "until", "till", "by", "from", "through", "of", "during",
                                        "before", "after", "to", "between", "and", "early", "late", "mid", "end"]

    /// A day of the month at `k`: "5", "05", "5th" (1-31).
    func dayNumber(_ k: Int) -> Int? {
        guard k < sentenceEnd, k >= sentenceStart else { return nil }
        let t = toks[k]
        if t.digits > 0 && t.digits <= 2, let n = t.number, n >= 1, n <= 31 { return Int(n) }
        // "5th", "21st", "2nd", "3rd"
        let n = t.end - t.start
        if n >= 3 && n <= 4 {
            var v = 0, i = t.start
            while i < t.end, bytes[i] >= 0x30, bytes[i] <= 0x39 { v = v * 10 + Int(bytes[i] - 0x30); i += 1 }
            if i > t.start && t.end - i == 2 {
                let a = bytes[i] | 0x20, b = bytes[i + 1] | 0x20
                if (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68) {
                    return v >= 1 && v <= 31 ? v : nil
                }
            }
        }
        return nil
    }

    /// A four-digit year at `k` (1000-2999).
    func year(_ k: Int) -> Int? {
        guard k < sentenceEnd, k >= sentenceStart else { return nil }
        let t = toks[k]
        if t.digits == 4, let n = t.number, n >= 1000, n < 3000 { return Int(n) }
        return nil
    }

    /// A count at `k`: numerals, number words ("twenty-five", "two and a half",
    /// "a couple of"), or a vague count ("several", "a few": value nil).
    /// Returns the count and the index after it.
    func count(_ k: Int) -> (value: Double?, end: Int)? {
        guard k < sentenceEnd else { return nil }
        let t = toks[k]
        var j = k
        var value: Double
        if t.hash == self.k.a || t.hash == self.k.an {
            if hash(k + 1) == self.k.few { return (nil, k + 2) }
            if hash(k + 1) == self.k.couple { return (2, hash(k + 2) == self.k.of ? k + 3 : k + 2) }
            if hash(k + 1) == self.k.half { return (0.5, k + 2) }
            if let n = info(k + 1)?.number, n == 12, hash(k + 1) != self.k.a { return (12, k + 2) }   // a dozen
            return (1, k + 1)
        }
        if infoOf(t)?.vagueNumber == true { return (nil, k + 1) }
        if t.hash == self.k.half {
            if hash(k + 1) == self.k.a || hash(k + 1) == self.k.an { return (0.5, k + 2) }
            return nil
        }
        if let n = t.number {
            value = n; j = k + 1
            // "twenty five", "one hundred"
            if t.digits == 0, let next = info(j)?.number, hash(j) != self.k.a, hash(j) != self.k.an {
                if next == 100 || next == 1000 { value *= next; j += 1 }
                else if value >= 20 && value < 100 && value.truncatingRemainder(dividingBy: 10) == 0 && next < 10 { value += next; j += 1 }
            }
            if t.digits > 0 && hash(j) == self.k.thousand { value *= 1000; j += 1 }
        } else if t.hasHyphen, let n = hyphenNumber(k) {
            value = n; j = k + 1
        } else {
            return nil
        }
        // "5 1/2"
        if j < sentenceEnd, isHalfFraction(j) { value += 0.5; j += 1 }
        // "two and a half"
        if hash(j) == self.k.and && hash(j + 1) == self.k.a && hash(j + 2) == self.k.half { value += 0.5; j += 3 }
        // "777777777777777777777 weeks" counts no time: beyond a million units
        // (and past what an Int holds) a number is no duration or shift.
        guard value.isFinite, value <= TimeTagger.largestCount else { return nil }
        return (value, j)
    }

    func isHalfFraction(_ k: Int) -> Bool {
        let t = toks[k]
        return t.end - t.start == 3 && bytes[t.start] == 0x31 && bytes[t.start + 1] == 0x2F && bytes[t.start + 2] == 0x32
    }

    /// "twenty-five" as 25: two parts, tens and units.
    ///
    /// The parts are read one at a time, with no array, and the first that
    /// fails ends the test: most compounds ("two-year", "so-called") fail at
    /// their first part.
    func hyphenNumber(_ k: Int) -> Double? {
        var tens = 0.0, units: Double? = nil, parts = 0
        let failed = anyHyphenPart(k) { start, end in
            parts += 1
            guard parts <= 2, let n = Self.read(TextSpan(start: start, end: end), bytes, lexicon).number else { return true }
            if parts == 1 {
                guard n >= 20 && n < 100 else { return true }
                tens = n
            } else {
                guard n < 10 else { return true }
                units = n
            }
            return false
        }
        guard !failed, parts == 2, let units else { return nil }
        return tens + units
    }

    /// The parts of a hyphenated token, each read like a token.
    func hyphenParts(_ k: Int) -> [TimeToken] {
        var parts: [TimeToken] = []
        parts.reserveCapacity(5)    // the most ``anyHyphenPart(_:_:)`` gives
        _ = anyHyphenPart(k) { start, end in
            parts.append(Self.read(TextSpan(start: start, end: end), bytes, lexicon))
            return false
        }
        return parts
    }

    /// Whether `test` holds for a part of hyphenated token `k`, given as its
    /// byte range: the pieces between hyphens and dashes, empty ones skipped,
    /// the first five at most, tried in order until one passes.
    ///
    /// The first pass asks only whether a part is a table word or starts
    /// with a digit, at every hyphenated word that is none ("high-speed"):
    /// answered here, with no array and no full read of each part.
    @inline(__always)
    func anyHyphenPart(_ k: Int, _ test: (Int, Int) -> Bool) -> Bool {
        let t = toks[k]
        var s = t.start, i = t.start, count = 0
        while i <= t.end {
            var cut = 0
            if i == t.end { cut = 0 }
            else if bytes[i] == 0x2D { cut = 1 }
            else if bytes[i] == 0xE2 && i + 2 < t.end && bytes[i + 1] == 0x80 && bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0x95 { cut = 3 }
            else { i += 1; continue }
            if i > s {
                if test(s, i) { return true }
                count += 1
            }
            if i == t.end { break }
            i += cut
            s = i
            if count > 4 { break }
        }
        return false
    }

    func make(_ start: Int, _ end: Int, _ type: TimeType, _ value: String?, ref: TimeRef? = nil, flags: [String] = []) -> TimeMatch {
        var m = TimeMatch(start: start, end: end, type: type, value: value, flags: flags, ref: ref)
        if value == nil && dct == nil && !flags.contains("impossible-date") { m.flags.append("no-document-date") }
        return m
    }

    /// A value relative to the document date, or nil without one.
    func fromDCT(_ start: Int, _ end: Int, _ type: TimeType = .date, _ build: (CalendarDay) -> TimeRef?) -> TimeMatch {
        guard let dct else { return make(start, end, type, nil) }
        guard let ref = build(dct) else { return make(start, end, type, nil) }
        return make(start, end, type, ref.value, ref: ref)
    }

    /// The anchor of "the day before", "a year earlier": the last date mentioned, else the document date.
    var anchorRef: TimeRef? {
        anchor ?? dct.map { TimeRef(day: $0, granularity: .day) }
    }
}

