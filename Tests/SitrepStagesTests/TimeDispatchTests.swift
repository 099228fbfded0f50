import Testing
import SitrepCore
@testable import SitrepStages

/// Runs the text layer on `text` and hands a tagger over its tokens to `body`.
private func withTagger<R>(_ text: String, published: String?, _ body: (inout TimeTagger, [Range<Int>]) -> R) throws -> R {
    var doc = Document(id: "t", input: .cleanText(text), published: published)
    doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
    try SentenceStage().process(&doc)
    try TokenStage().process(&doc)
    let ranges = SyntaxStage.sentenceRanges(doc)
    let tokens = doc.tokens
    var bytes = doc.text
    return bytes.withUTF8 { buffer in
        var tagger = TimeTagger(lexicon: TimeLexicon.shared, bytes: buffer, tokens: tokens, dct: CalendarDay.parse(published))
        return body(&tagger, ranges)
    }
}

/// Sentences with an expression of every rule, and words next to them that
/// start none.
private let dispatchTexts = [
    "Ruritania held elections on June 12, 2020, and again on 12 June 2021. The 12th of June was a Monday, Oct. 5, 2020 not.",
    "The ministry published the figures on 2023-11-02 and 6/12/2020. Output recovered by mid-2019 and in the '90s, the 1990s and the nineties.",
    "The monarchy was restored in the 19th century, in fiscal 1989, in the year 2000, in nineteen ninety-six and in the year two thousand and one.",
    "The talks ended yesterday morning, resumed today and tonight, and will end tomorrow. They met last night and on Mondays and Tuesday nights.",
    "The vote is at 10:35 a.m. Friday, at 9 p.m. EST, at 7am, at noon and at midnight. Christmas Eve, New Year's Day and Thanksgiving Day passed.",
    "Sales rose last week, this year, next Friday, last March and this fall; the day before, the following week, that same day and the year.",
    "The third quarter, the fourth quarter of 2019, Q3, the first half, the year-ago quarter, the latest period and the comparable quarter fell.",
    "It lasted six months, the first nine months, a year ago, two days later, five years earlier, three weeks from now and for years.",
    "More than two years, at least a decade, about 5 1/2 hours, a couple of weeks, half a century and two and a half years passed.",
    "Early next year, late November, mid 2019, earlier this month, the end of 1990, the beginning of the year and the week of March 6 came.",
    "A two-year deal, a 16-hour shift, decades-long rule, mid-November, third-quarter profit, year-earlier sales and year-end results held.",
    "Prices are set daily, annually, every Monday, each Friday and every two weeks, at $5 million a year and twice a week.",
    "The company's so-called high-speed plan, with 1,200 staff and 3.5% growth -- \u{201C}a record\u{201D} -- beat the 1992 election's 50-year-old rules in May.",
    "Ruritania\u{2019}s \u{2019}90s boom\u{2014}and the 2010\u{2013}2012 slump\u{2014}ended as the past few months and recent years showed; it is now that counts.",
]

@Suite("Time rule dispatch and first pass")
struct TimeDispatchTests {
    /// The rules, each with the bit the dispatch gives it.
    static var rules: [(TimeRules, (TimeTagger, Int) -> TimeMatch?)] { [
        (.phrase, { $0.phrase($1) }), (.explicitDate, { $0.explicitDate($1) }), (.yearish, { $0.yearish($1) }),
        (.namedDay, { $0.namedDay($1) }), (.weekday, { $0.weekdayExpression($1) }), (.clockTime, { $0.clockTime($1) }),
        (.holiday, { $0.holiday($1) }), (.deictic, { $0.deictic($1) }), (.season, { $0.season($1) }),
        (.anchored, { $0.anchored($1) }), (.quarter, { $0.quarter($1) }), (.numberWithUnit, { $0.numberWithUnit($1) }),
        (.position, { $0.position($1) }), (.compound, { $0.compound($1) }), (.frequency, { $0.frequency($1) }),
    ] }

    /// At every token, every rule that matches is one the dispatch lets
    /// start there, and ``TimeTagger/core(at:)`` returns what trying all
    /// fifteen rules gives: the longest match, the earlier rule on a tie.
    @Test(arguments: [nil, "2024-03-13"] as [String?])
    func dispatchMissesNoMatch(published: String?) throws {
        var matches = 0
        for text in dispatchTexts {
            try withTagger(text, published: published) { tagger, ranges in
                for range in ranges {
                    tagger.sentenceStart = range.lowerBound
                    tagger.sentenceEnd = range.upperBound
                    for i in range {
                        let allowed = tagger.startRules(i)
                        var best: TimeMatch? = nil
                        for (bit, rule) in Self.rules {
                            guard let m = rule(tagger, i) else { continue }
                            #expect(allowed.contains(bit), "rule \(bit.rawValue) matched at token \(i) of \"\(text)\" but was not dispatched")
                            if best == nil || m.end > best!.end { best = m }
                        }
                        let got = tagger.core(at: i)
                        #expect(got?.start == best?.start && got?.end == best?.end && got?.type == best?.type
                                && got?.value == best?.value && got?.flags == best?.flags)
                        if best != nil { matches += 1 }
                    }
                }
            }
        }
        #expect(matches > 100)
    }

    /// What the table says a word can start.
    @Test func ruleStartsOfWords() {
        let lexicon = TimeLexicon.shared
        func starts(_ word: String) -> TimeRules {
            let index = lexicon.index(of: timeWordHash(Substring(word)))
            return index < 0 ? [] : lexicon.ruleStarts[Int(index)]
        }
        #expect(starts("the").isSuperset(of: TimeRules.afterThe))
        #expect(starts("december").contains(.explicitDate))
        #expect(!starts("december").contains(.numberWithUnit))
        #expect(starts("friday").isSuperset(of: [.explicitDate, .weekday]))
        #expect(starts("three").contains(.numberWithUnit))
        #expect(!starts("three").contains(.yearish))          // a spoken year starts at eleven to nineteen
        #expect(starts("nineteen").isSuperset(of: [.yearish, .numberWithUnit]))
        #expect(starts("third").isSuperset(of: [.yearish, .quarter]))
        #expect(!starts("last").contains(.quarter))            // ordinal -1: no quarter
        #expect(starts("last").contains(.deictic))
        #expect(starts("daily").contains(.frequency))
        #expect(starts("every").contains(.frequency))
        #expect(starts("yesterday").contains(.namedDay))
        #expect(starts("than") == [])                          // read inside an expression, starts none
    }

    /// The first pass's shortcuts (word shape, Bloom filter, punctuation and
    /// numbers by their bytes, hyphens found by `memchr`) agree with reading
    /// every token.
    @Test func firstPassAgreesWithFullReading() throws {
        let numbers = "Sales of 1,200 units rose 3.5% in 2020 and 12 times in the 1990s, at 5pm, at 10:35, on 6/12/2020, "
            + "for 16-hour shifts in 2010\u{2013}2012, with 1.2.3 and 1,2 and 1,000.5 and 7.5. and 20th and 1e5 and 123456 and 2020s."
        var heads = 0
        for text in dispatchTexts + [numbers] {
            try withTagger(text, published: nil) { tagger, ranges in
                let all = ranges.joined().filter { tagger.isHeadReadingAll($0) }
                #expect(tagger.firstPassHeads() == all, "\"\(text)\"")
                heads += all.count
            }
        }
        #expect(heads > 100)
    }

    /// Hyphens and dash lead bytes are found in any range, asked in text order or not.
    @Test func foldedBytes() {
        var text = Array("a-b c\u{2019}d efg-h ij".utf8)
        text.withUnsafeMutableBufferPointer { mutable in
            let bytes = UnsafeBufferPointer(mutable)
            var folded = TimeTagger.FoldedBytes(bytes)
            func brute(_ s: Int, _ e: Int) -> Bool { (s..<max(s, e)).contains { bytes[$0] == 0x2D || bytes[$0] == 0xE2 } }
            let queries = [(0, 1), (0, 3), (2, 5), (4, 7), (8, 10), (9, 12), (12, 14), (0, bytes.count), (3, 3), (1, 2), (13, 16), (5, 6)]
            for (s, e) in queries {
                if folded.knownClear(s, e) { #expect(!brute(s, e), "[\(s), \(e)) known clear") }
                #expect(folded.any(in: s, e) == brute(s, e), "[\(s), \(e))")
            }
        }
    }

    /// Values written byte by byte are the text `pad` and interpolation give.
    @Test func timexDigits() {
        func reference(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        for n in [0, 5, 9, 10, 99, 100, 987, 1000, 2024, 9999, 10_000, 123_456, -1, -42] {
            for width in 1...4 { #expect(pad(n, width) == reference(n, width)) }
        }
        for (y, m, d) in [(2024, 3, 13), (987, 1, 2), (0, 12, 31), (9999, 10, 5), (10_000, 1, 1), (-5, 2, 3)] {
            #expect(CalendarDay(year: y, month: m, day: d).value == "\(reference(y, 4))-\(reference(m, 2))-\(reference(d, 2))")
            #expect(TimeRef(day: CalendarDay(year: y, month: m, day: 1), granularity: .month).value == "\(reference(y, 4))-\(reference(m, 2))")
        }
    }

    /// The flat phrase words hold every phrase of ``TimeLexicon/phrasesByInfo``,
    /// in its order, each as its length and its words.
    @Test func phraseWordsMirrorPhrases() {
        let lexicon = TimeLexicon.shared
        #expect(lexicon.phraseWordStart.count == lexicon.infos.count + 1)
        var phrases = 0
        for (index, list) in lexicon.phrasesByInfo.enumerated() {
            var flat: [UInt64] = []
            for phrase in list { flat.append(UInt64(phrase.words.count)); flat += phrase.words }
            let stored = lexicon.phraseWords[Int(lexicon.phraseWordStart[index])..<Int(lexicon.phraseWordStart[index + 1])]
            #expect(Array(stored) == flat, "phrases of word \(index)")
            phrases += list.count
        }
        #expect(phrases > 50)
    }

    /// The open-addressing word set answers as `Set` does, for members,
    /// non-members, collisions in its slots and the hash 0 that marks an empty slot.
    @Test(arguments: [0, 1, 5, 40, 300])
    func wordSetAgreesWithSet(size: Int) {
        var generator = SystemRandomNumberGenerator()
        var members = Set((0..<size).map { _ in UInt64.random(in: 1...UInt64.max, using: &generator) })
        // Hashes that fall in the same slot of a small table: probing must step past them.
        members.formUnion([1 << 40, 2 << 40, 1 << 41 | 1])
        let set = TimeWordSet(members)
        for word in members { #expect(set.contains(word)) }
        for _ in 0..<1_000 {
            let other = UInt64.random(in: 1...UInt64.max, using: &generator)
            #expect(set.contains(other) == members.contains(other))
        }
        #expect(!set.contains(0))
        #expect(TimeWordSet(members.union([0])).contains(0))
        let words = ["will", "said", "announced"].map { timeWordHash(Substring($0)) }
        #expect(TimeWordSet(words).contains(timeWordHash(Substring("said"))))
        #expect(!TimeWordSet(words).contains(timeWordHash(Substring("says"))))
    }

    /// A hyphenated token's parts are the tokens read from its pieces: split
    /// at hyphens and dashes, empty pieces dropped, five at most.
    @Test func hyphenPartsReadEachPiece() throws {
        let text = "A twenty-five-year-old plan, a 16-hour shift, a-b-c-d-e-f-g chain and a well--known year-end."
        try withTagger(text, published: nil) { tagger, ranges in
            tagger.sentenceStart = ranges[0].lowerBound
            tagger.sentenceEnd = ranges[ranges.count - 1].upperBound
            func text(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: tagger.bytes[start..<end]), as: UTF8.self)
            }
            func token(_ word: String) -> Int? {
                ranges.joined().first { text(tagger.toks.tokens[$0].span.start, tagger.toks.tokens[$0].span.end) == word }
            }
            func pieces(_ word: String) -> [String]? {
                guard let k = token(word) else { return nil }
                let parts = tagger.hyphenParts(k)
                return (0..<parts.count).map { i in
                    let part = parts[i]
                    #expect(part.hash == timeWordHash(tagger.bytes, part.start, part.end))
                    return text(part.start, part.end)
                }
            }
            #expect(pieces("twenty-five-year-old") == ["twenty", "five", "year", "old"])
            #expect(pieces("16-hour") == ["16", "hour"])
            #expect(pieces("a-b-c-d-e-f-g") == ["a", "b", "c", "d", "e"])
            #expect(pieces("year-end") == ["year", "end"])
            guard let k = token("twenty-five-year-old") else { Issue.record("no token twenty-five-year-old"); return }
            #expect(tagger.hyphenParts(k).contains { $0.hash == timeWordHash(Substring("year")) })
            #expect(!tagger.hyphenParts(k).contains { $0.hash == timeWordHash(Substring("month")) })
        }
    }

    /// The stage's one pass gives the syntax stage's sentence ranges, and
    /// finds empty tokens, whatever the layout: tokens between or across
    /// sentences, empty tokens, no sentences, no tokens.
    @Test func sentenceRangesInOnePass() throws {
        let text = "Ruritania voted on Monday. Results came Tuesday night. Then nothing."
        func document(sentences: [TextSpan], tokens: [TextSpan]) -> Document {
            var doc = Document(id: "t", input: .cleanText(text), published: nil)
            doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
            doc.sentences = sentences
            doc.tokens = tokens.map { Token(span: $0) }
            return doc
        }
        var tokenized = Document(id: "t", input: .cleanText(text), published: nil)
        tokenized.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
        try SentenceStage().process(&tokenized)
        try TokenStage().process(&tokenized)
        let spans = tokenized.tokens.map(\.span)
        let sentences = tokenized.sentences
        #expect(sentences.count == 3)
        let layouts: [(sentences: [TextSpan], tokens: [TextSpan], empty: Bool)] = [
            (sentences, spans, false),
            ([], spans, false),
            (sentences, [], false),
            ([], [], false),
            // the middle sentence missing: its tokens lie outside every sentence
            ([sentences[0], sentences[2]], spans, false),
            // a token across a sentence boundary, and one after the last sentence
            (sentences, [spans[0], TextSpan(start: sentences[0].end - 1, end: sentences[1].start + 3), spans[spans.count - 1],
                         TextSpan(start: text.utf8.count, end: text.utf8.count)], true),
            // empty tokens inside a sentence
            (sentences, spans.prefix(3) + [TextSpan(start: spans[3].start, end: spans[3].start)] + spans.dropFirst(3), true),
            ([], [TextSpan(start: 0, end: 0)], true),
        ]
        for (index, layout) in layouts.enumerated() {
            let doc = document(sentences: layout.sentences, tokens: layout.tokens)
            let got = TimeStage.sentenceRanges(doc)
            #expect(got.ranges == SyntaxStage.sentenceRanges(doc), "layout \(index)")
            #expect(got.hasEmptyTokens == layout.empty, "layout \(index)")
        }
    }

    /// A whole count's duration written byte by byte is the text the general
    /// code writes, in every unit; fractions and huge counts are left to it.
    @Test func wholeDurationsAgreeWithGeneralCode() throws {
        try withTagger("Nothing.", published: nil) { tagger, _ in
            let units: [TimeUnit] = [.second, .minute, .hour, .day, .week, .weekend, .fortnight, .month, .quarter, .year,
                                     .decade, .century, .millennium]
            for unit in units {
                for value in [0.0, 1, 2, 3, 7, 9, 10, 12, 99, 100, 365, 999, 1000, 2024, 9999] {
                    #expect(tagger.wholeDuration(value, unit) == tagger.formattedDuration(value, unit), "\(value) \(unit)")
                    #expect(tagger.durationValue(value, unit) == tagger.formattedDuration(value, unit))
                }
                for value in [0.5, 2.5, 1.25, 10_000, 1_000_000, -1] {
                    #expect(tagger.wholeDuration(value, unit) == nil)
                    #expect(tagger.durationValue(value, unit) == tagger.formattedDuration(value, unit))
                }
                #expect(tagger.durationValue(nil, unit) == tagger.formattedDuration(nil, unit))
            }
            #expect(tagger.durationValue(6, .month) == "P6M")
            #expect(tagger.durationValue(2, .decade) == "P20Y")
            #expect(tagger.durationValue(3, .hour) == "PT3H")
        }
    }

    /// The document date is read in place: a date, or nil for anything else.
    @Test func documentDateParse() {
        #expect(CalendarDay.parse("2024-03-13") == CalendarDay(year: 2024, month: 3, day: 13))
        #expect(CalendarDay.parse("2024-02-29T10:00:00Z") == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(CalendarDay.parse("0987-12-31") == CalendarDay(year: 987, month: 12, day: 31))
        for text in [nil, "", "2024-3-13", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024/01/10",
                     "20x4-01-10", "2024-01-1x", "2024-01-"] as [String?] {
            #expect(CalendarDay.parse(text) == nil, "\(text ?? "nil")")
        }
    }

    /// ``TimeTokens`` frees its tokens without deinitializing them, which
    /// holds only while a token is plain data.
    @Test func timeTokenIsPlainData() {
        #expect(_isPOD(TimeToken.self))
    }

    /// The parts the first pass tests are the pieces of the word between its
    /// hyphens and dashes, empty ones dropped, the first five: checked
    /// against a plain split of every token of the sample texts.
    @Test func hyphenPartsAreThePieces() throws {
        var hyphenated = 0
        for text in dispatchTexts + ["a-b--c-d-e-f-g and -x- and 1990s\u{2013}2000s and mid\u{2010}1990s"] {
            try withTagger(text, published: nil) { tagger, ranges in
                for range in ranges {
                    tagger.sentenceStart = range.lowerBound
                    tagger.sentenceEnd = range.upperBound
                    for k in range {
                        let span = tagger.toks.tokens[k].span
                        let word = String(decoding: UnsafeBufferPointer(rebasing: tagger.bytes[span.start..<span.end]), as: UTF8.self)
                        let pieces = word.split(omittingEmptySubsequences: true) { "-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}".contains($0) }
                            .prefix(5).map(String.init)
                        var seen: [String] = []
                        let found = tagger.anyHyphenPart(k) { start, end in
                            seen.append(String(decoding: UnsafeBufferPointer(rebasing: tagger.bytes[start..<end]), as: UTF8.self))
                            return false
                        }
                        #expect(!found)
                        #expect(seen == pieces, "\(word)")
                        #expect(tagger.hyphenParts(k).count == pieces.count)
                        // Stops at the first part that passes.
                        if pieces.count > 1 {
                            var tried = 0
                            #expect(tagger.anyHyphenPart(k) { _, _ in tried += 1; return tried == 2 })
                            #expect(tried == 2)
                            hyphenated += 1
                        }
                    }
                }
            }
        }
        #expect(hyphenated > 10)
    }
}
