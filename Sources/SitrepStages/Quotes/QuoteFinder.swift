import SitrepCore

/// Finds quote spans, their cues and speaker phrases by word order (steps 1-4 of
/// ``QuoteStage``). Speaker phrases are token ranges; ``SpeakerResolver`` turns them
/// into canonical speakers.
struct QuoteFinder {
    let words: TokenWords
    let lexicon: QuoteLexicon
    /// Whether each token lies inside a direct or partial quote (marks included).
    private(set) var insideQuote: [Bool]
    /// Cue tokens already used by a direct or partial quote.
    private var usedCue: [Bool]

    init(words: TokenWords, lexicon: QuoteLexicon) {
        self.words = words
        self.lexicon = lexicon
        insideQuote = [Bool](repeating: false, count: words.count)
        usedCue = [Bool](repeating: false, count: words.count)
    }

    // MARK: - Step 1: quote marks

    private struct Mark {
        var index: Int
        var isDouble: Bool
        var opens: Bool
        var closes: Bool
    }

    /// Direct and partial quotes delimited by marks, in text order.
    mutating func directQuotes() -> [QuoteCandidate] {
        var result: [QuoteCandidate] = []
        for (p, range) in words.paragraphs.enumerated() where !range.isEmpty {
            quotes(inParagraph: p, range, into: &result)
        }
        for candidate in result {
            for t in candidate.first...candidate.last { insideQuote[t] = true }
        }
        return result
    }

    private func quotes(inParagraph p: Int, _ range: Range<Int>, into result: inout [QuoteCandidate]) {
        let paragraphStart = words.starts[range.lowerBound]
        let paragraphEnd = words.ends[range.upperBound - 1]
        var marks: [Mark] = []
        for t in range {
            let shape = words.shapes[t]
            guard shape.contains(.doubleMark) || shape.contains(.singleMark) else { continue }
            let before = words.spaceBefore(t, paragraphStart: paragraphStart)
            let after = words.spaceAfter(t, paragraphEnd: paragraphEnd)
            var opens = before && !after
            var closes = !before && after
            if !opens && !closes {
                // Both or neither side spaced (« inner spaces », word"word): trust the glyph.
                opens = shape.contains(.opensByGlyph)
                closes = shape.contains(.closesByGlyph)
            }
            // Otherwise context wins over the glyph: German „...“ closes with “.
            marks.append(Mark(index: t, isDouble: shape.contains(.doubleMark), opens: opens, closes: closes))
        }
        guard !marks.isEmpty else { return }

        var openDouble: Int?
        var openSingle: Int?
        var sawDouble = false
        func add(_ first: Int, _ last: Int, openAtEnd: Bool, lostOpening: Bool) {
            let start = lostOpening ? paragraphStart : words.starts[first]
            let end = words.ends[last]
            guard last > first || lostOpening else { return }
            // Names and scare quotes: `a so-called "security belt"`.
            if !lostOpening && first > range.lowerBound && lexicon.scareQuotePrefixes.contains(words.keys[first - 1]) { return }
            var candidate = QuoteCandidate(kind: .direct, span: TextSpan(start: start, end: end),
                                           first: lostOpening ? range.lowerBound : first, last: last, paragraph: p)
            candidate.openAtEnd = openAtEnd
            candidate.kind = lostOpening ? .direct : kind(openingMark: first)
            result.append(candidate)
        }
        for (m, mark) in marks.enumerated() {
            if mark.isDouble {
                if openSingle != nil { continue }   // nested in a single-quoted quote
                if let open = openDouble {
                    if mark.closes || !mark.opens {
                        add(open, mark.index, openAtEnd: false, lostOpening: false)
                        openDouble = nil
                    } else {
                        // A second opening mark: the first was never closed; restart.
                        openDouble = mark.index
                    }
                } else if mark.opens || (!mark.closes && !sawDouble) {
                    openDouble = mark.index
                } else if !sawDouble && mark.closes && mark.index > range.lowerBound + 1 {
                    // The paragraph's first double mark closes: its opening mark was lost.
                    add(range.lowerBound, mark.index, openAtEnd: false, lostOpening: true)
                }
                sawDouble = true
            } else {
                if openDouble != nil { continue }   // nested in a double-quoted quote
                if let open = openSingle {
                    guard mark.closes else { continue }
                    if isPossessive(mark.index) && marks[(m + 1)...].contains(where: { !$0.isDouble && $0.closes }) { continue }
                    add(open, mark.index, openAtEnd: false, lostOpening: false)
                    openSingle = nil
                } else if mark.opens, mark.index + 1 < range.upperBound,
                          words.shapes[mark.index + 1].contains(.capitalized) || words.shapes[mark.index + 1].contains(.lowercase)
                            || words.shapes[mark.index + 1].contains(.digit) {
                    openSingle = mark.index
                }
            }
        }
        if let open = openDouble, open < range.upperBound - 1 {
            add(open, range.upperBound - 1, openAtEnd: true, lostOpening: false)
        }
        // An unclosed single mark is an apostrophe or a typo; it is not a quote.
    }

    /// `farmers' union`: a mark after a word ending in s, followed by a word.
    private func isPossessive(_ t: Int) -> Bool {
        guard t > 0, t + 1 < words.count else { return false }
        let previousEnd = words.ends[t - 1]
        let last = words.bytes[previousEnd - 1]
        return (last == 0x73 || last == 0x53) && words.starts[t] == previousEnd
            && (words.shapes[t + 1].contains(.lowercase) || words.shapes[t + 1].contains(.capitalized))
    }

    /// Direct when the quote starts its sentence or follows `:`, `,`, a dash or a cue
    /// verb; partial when it sits inside a clause.
    private func kind(openingMark t: Int) -> QuoteKind {
        let sentence = Int(words.sentenceOf[t])
        if sentence < 0 || t == words.sentences[sentence].lowerBound { return .direct }
        let previous = t - 1
        let shape = words.shapes[previous]
        if shape.contains(.colon) || shape.contains(.comma) || shape.contains(.sentenceEnd) { return .direct }
        if shape.contains(.symbol) && !shape.contains(.doubleMark) && !shape.contains(.singleMark) { return .direct }
        if lexicon.speechVerbs.contains(words.keys[previous]) { return .direct }
        return .partial
    }

    // MARK: - Step 3: cue and speaker phrase of a marked quote

    /// Finds the cue and speaker phrase of a direct or partial quote.
    mutating func attribute(_ candidate: inout QuoteCandidate) {
        let found: (cue: Range<Int>, speaker: Range<Int>?)?
        if candidate.kind == .partial {
            found = attributionBefore(candidate, partial: true) ?? attributionAfter(candidate)
        } else {
            found = attributionAfter(candidate) ?? attributionBefore(candidate, partial: false)
        }
        guard let found else { return }
        candidate.cue = found.cue
        for t in found.cue { usedCue[t] = true }
        if let speaker = found.speaker {
            candidate.speakerTokens = speaker
            candidate.rule = .phrase
        } else {
            candidate.rule = .sameSentence
        }
    }

    /// `"...," said Lena Marsh` / `"...," Defence Minister Anton Keller said`.
    private func attributionAfter(_ candidate: QuoteCandidate) -> (cue: Range<Int>, speaker: Range<Int>?)? {
        let close = candidate.last
        guard !candidate.openAtEnd, close + 1 < words.count else { return nil }
        let sentence = Int(words.sentenceOf[close])
        guard sentence >= 0 else { return nil }
        let end = words.sentences[sentence].upperBound
        var i = close + 1
        if i < end && words.shapes[i].contains(.comma) { i += 1 }
        guard i < end, words.paragraphOf[i] == words.paragraphOf[close] else { return nil }
        if isSpeechVerb(i) {
            let cue = cueRange(i, end: end)
            guard let speaker = speakerAfter(i + 1, limit: end) else { return nil }
            return (cue, speaker)
        }
        var j = i
        while j < min(end, i + 12) {
            let shape = words.shapes[j]
            if insideQuote[j] || shape.contains(.doubleMark) || shape.contains(.singleMark) && words.ends[j] - words.starts[j] == 1 || shape.contains(.sentenceEnd) { break }
            if isSpeechVerb(j) && !(j > i && lexicon.passiveAuxiliaries.contains(words.keys[j - 1])) {
                guard let speaker = speakerBefore(cue: j, limit: i) else { return nil }
                return (cueRange(j, end: end), speaker)
            }
            j += 1
        }
        return nil
    }

    /// `General Aziz Karimov told the council: "..."` / `Sofia Brandt called the proposal "..."`.
    private func attributionBefore(_ candidate: QuoteCandidate, partial: Bool) -> (cue: Range<Int>, speaker: Range<Int>?)? {
        let open = candidate.first
        let sentence = Int(words.sentenceOf[open])
        guard sentence >= 0, !candidate.span.isEmpty else { return nil }
        let start = words.sentences[sentence].lowerBound
        guard open > start else { return nil }
        if !partial {
            // A direct quote is introduced by `said:` or `said,` (or `said "`).
            let previous = words.shapes[open - 1]
            guard previous.contains(.colon) || previous.contains(.comma) || isSpeechVerb(open - 1) else { return nil }
        }
        var limit = start
        for t in stride(from: open - 1, through: start, by: -1) where insideQuote[t] { limit = t + 1; break }
        let reach = partial ? 25 : 8
        var j = open - 1
        while j >= max(limit, open - reach) {
            if !usedCue[j] && (isSpeechVerb(j) || partial && lexicon.partialQuoteVerbs.contains(words.keys[j]))
                && !(j > limit && lexicon.negators.contains(words.keys[j - 1])) {
                let cue = cueRange(j, end: open)
                if let speaker = speakerBefore(cue: j, limit: limit) { return (cue, speaker) }
                if j > limit, words.shapes[j - 1].contains(.comma) || insideQuote[j - 1],
                   let speaker = speakerAfter(j + 1, limit: open) {
                    return (cue, speaker)
                }
                return (cue, nil)
            }
            j -= 1
        }
        return nil
    }

    @inline(__always) private func isSpeechVerb(_ t: Int) -> Bool {
        lexicon.speechVerbs.contains(words.keys[t])
    }

    /// The cue verb at `t` with a `told` addressee and an extension ("said in a statement").
    func cueRange(_ t: Int, end: Int) -> Range<Int> {
        var k = t + 1
        let key = words.keys[t]
        if (key == lexicon.told || key == lexicon.tells) && k < end {
            if lexicon.addressees.contains(words.keys[k]) {
                k += 1
            } else if (words.keys[k] == lexicon.the || words.keys[k] == lexicon.a) && k + 1 < end && isWord(k + 1) && !lexicon.timeWords.contains(words.keys[k + 1]) {
                k += 2
            } else {
                var n = 0
                while k < end && n < 3 && words.shapes[k].contains(.capitalized) && !lexicon.timeWords.contains(words.keys[k]) && !lexicon.notNames.contains(words.keys[k]) {
                    k += 1; n += 1
                }
            }
        }
        let extensionLength = k < end ? lexicon.cueExtensions.match(words.keys, at: k, limit: end) : 0
        return t..<(k + extensionLength)
    }

    @inline(__always) private func isWord(_ t: Int) -> Bool {
        words.shapes[t].contains(.lowercase) || words.shapes[t].contains(.capitalized)
    }

    /// The speaker phrase after a cue verb: `said UN envoy Maria Solberg, whose ...`,
    /// `said a spokesman for the agency`. Stops at punctuation, a relative pronoun,
    /// or a preposition once a name has been read (`Piotr Zelen of the Alliance`).
    func speakerAfter(_ start: Int, limit: Int) -> Range<Int>? {
        var j = start
        var sawName = false
        while j < limit && j - start < 8 {
            let shape = words.shapes[j]
            let key = words.keys[j]
            if shape.contains(.symbol) && key != lexicon.possessive && !isAttachedApostrophe(j) { break }
            if lexicon.clauseBoundaries.contains(key) || lexicon.speechVerbs.contains(key) { break }
            if lexicon.prepositions.contains(key) && (sawName || j == start) { break }
            if lexicon.timeWords.contains(key) && !shape.contains(.capitalized) && j == start { break }
            if shape.contains(.capitalized) && !lexicon.titles.contains(key) && !lexicon.notNames.contains(key) { sawName = true }
            j += 1
        }
        return j > start ? start..<j : nil
    }

    /// A plural possessive mark glued to its word (`dockworkers' union`).
    private func isAttachedApostrophe(_ t: Int) -> Bool {
        t > 0 && words.shapes[t].contains(.singleMark) && words.starts[t] == words.ends[t - 1]
            && t + 1 < words.count && words.starts[t + 1] > words.ends[t]
    }

    /// The speaker phrase before the cue verb at `cue`, not reaching before `limit`.
    ///
    /// `the organiser, Claire Dufort, told` gives the appositive name; `Karin Holm, a
    /// spokeswoman for the port authority, said` and `Paulo Ferro, speaking in
    /// parliament, said` skip the aside; otherwise the phrase runs back to a comma,
    /// a clause boundary (`that`, `which`), another verb of saying or the sentence start.
    func speakerBefore(cue: Int, limit: Int) -> Range<Int>? {
        var cue = cue
        while cue - 1 > limit && lexicon.cueAdverbs.contains(words.keys[cue - 1]) { cue -= 1 }
        let k = cue - 1
        guard k >= limit else { return nil }
        guard words.shapes[k].contains(.comma) else { return segmentBefore(cue, limit: limit) }
        var p = k - 1
        while p >= limit && p > k - 12 && !words.shapes[p].contains(.comma) { p -= 1 }
        let asideStart = p >= limit && words.shapes[p].contains(.comma) ? p + 1 : limit
        guard asideStart < k else { return nil }
        let hasOuterComma = asideStart > limit
        if isNameRun(asideStart..<k) || !hasOuterComma {
            return hasOuterComma ? asideStart..<k : segmentBefore(k, limit: limit)
        }
        return segmentBefore(asideStart - 1, limit: limit)
    }

    /// Whether every token is capitalized (a title or a name), at most five of them.
    private func isNameRun(_ range: Range<Int>) -> Bool {
        guard range.count <= 5 else { return false }
        for t in range {
            let key = words.keys[t]
            guard words.shapes[t].contains(.capitalized), !lexicon.notNames.contains(key), !lexicon.determiners.contains(key) else { return false }
        }
        return true
    }

    /// The noun phrase ending before token `end`, scanning back to `limit`.
    private func segmentBefore(_ end: Int, limit: Int) -> Range<Int>? {
        var s = end
        while s > limit && end - s < 8 {
            let t = s - 1
            let shape = words.shapes[t]
            let key = words.keys[t]
            if shape.contains(.symbol) && key != lexicon.possessive { break }
            if lexicon.clauseBoundaries.contains(key) || lexicon.speechVerbs.contains(key) || lexicon.partialQuoteVerbs.contains(key) { break }
            if key == lexicon.and {
                // "Ruritania and Borduria said": a coordination of names stays whole.
                guard s < end, words.shapes[s].contains(.capitalized), t > limit, words.shapes[t - 1].contains(.capitalized) else { break }
            }
            s -= 1
        }
        guard s < end else { return nil }
        // "On Tuesday the ministry said": drop a leading prepositional phrase.
        if lexicon.prepositions.contains(words.keys[s]) {
            var d = s + 2
            while d < end && !lexicon.determiners.contains(words.keys[d]) { d += 1 }
            if d < end { s = d }
        }
        return s..<end
    }

    // MARK: - Step 4: indirect speech

    /// Reported clauses outside quotes, in text order.
    mutating func indirectQuotes() -> [QuoteCandidate] {
        var result: [QuoteCandidate] = []
        for range in words.sentences where range.count >= 4 {
            indirect(in: range, into: &result)
        }
        return result
    }

    private func indirect(in range: Range<Int>, into result: inout [QuoteCandidate]) {
        let start = range.lowerBound
        var end = range.upperBound
        // Clauses end before the sentence's final punctuation.
        while end > start && words.shapes[end - 1].contains(.sentenceEnd) { end -= 1 }
        let sentenceHasQuote = range.contains { insideQuote[$0] }
        var j = start
        while j < end {
            defer { j += 1 }
            if insideQuote[j] || usedCue[j] || lexicon.cueStarters.payload(words.keys[j]) < 0 { continue }
            let key = words.keys[j]
            if key == lexicon.according && j + 1 < end && words.keys[j + 1] == lexicon.to {
                if j == start {
                    // According to X, CLAUSE.
                    var comma = j + 2
                    while comma < end && !words.shapes[comma].contains(.comma) { comma += 1 }
                    guard comma < end, comma > j + 2 else { continue }
                    if let candidate = clause(comma + 1..<end, cue: j..<j + 2, speaker: j + 2..<comma, minimum: 3) {
                        result.append(candidate); j = end
                    }
                } else if words.shapes[j - 1].contains(.comma) {
                    // CLAUSE, according to X.
                    var stop = j + 2
                    while stop < end && !words.shapes[stop].contains(.comma) { stop += 1 }
                    guard stop > j + 2 else { continue }
                    if let candidate = clause(start..<j - 1, cue: j..<j + 2, speaker: j + 2..<stop, minimum: 3) {
                        result.append(candidate); j = end
                    }
                }
                continue
            }
            if lexicon.participleCues.contains(key) && j + 1 < end && words.keys[j + 1] == lexicon.that {
                // ..., adding that CLAUSE.
                if let candidate = clause(j + 2..<end, cue: j..<j + 1, speaker: nil, minimum: 2) {
                    result.append(candidate); j = end
                }
                continue
            }
            guard lexicon.speechVerbs.contains(key) else { continue }
            if j > start && lexicon.passiveAuxiliaries.contains(words.keys[j - 1]) { continue }
            // "declined to say how many", "would not say": no speech is reported.
            if j > start && lexicon.negators.contains(words.keys[j - 1]) { continue }
            let cue = cueRange(j, end: end)
            let k = skipTime(from: cue.upperBound, end: end)
            var limit = start
            for t in stride(from: j - 1, through: start, by: -1) where insideQuote[t] { limit = t + 1; break }
            let speaker = speakerBefore(cue: j, limit: limit)
            if k < end && words.keys[k] == lexicon.that {
                // X said (on Tuesday) that CLAUSE.
                if let candidate = clause(k + 1..<end, cue: cue, speaker: speaker, minimum: 2) {
                    result.append(candidate); j = end
                }
            } else if k < end && lexicon.zeroThatVerbs.contains(key) && startsClause(k) {
                // X said CLAUSE.
                if let candidate = clause(k..<end, cue: cue, speaker: speaker, minimum: 3) {
                    result.append(candidate); j = end
                }
            } else if (k >= end || words.shapes[k].contains(.comma)) && !sentenceHasQuote, let speaker, speaker.lowerBound - 1 > start,
                      words.shapes[speaker.lowerBound - 1].contains(.comma) {
                // CLAUSE, X said.
                if let candidate = clause(start..<speaker.lowerBound - 1, cue: cue, speaker: speaker, minimum: 3) {
                    result.append(candidate); j = end
                }
            }
        }
    }

    /// Skips a time adverbial after a cue ("said late on Monday"), unless it is only a
    /// weak word such as `on` ("said on condition of anonymity").
    private func skipTime(from k: Int, end: Int) -> Int {
        var j = k
        var strong = false
        while j < end && (lexicon.timeWords.contains(words.keys[j]) || (j > k && words.shapes[j].contains(.digit))) {
            if !lexicon.weakTimeWords.contains(words.keys[j]) && !words.shapes[j].contains(.digit) { strong = true }
            j += 1
        }
        return strong ? j : k
    }

    /// Whether token `k` can start a reported clause without `that`.
    private func startsClause(_ k: Int) -> Bool {
        let shape = words.shapes[k]
        if shape.contains(.symbol) && !shape.contains(.doubleMark) { return shape.contains(.symbol) && words.bytes[words.starts[k]] == 0x24 }
        if shape.contains(.doubleMark) || shape.contains(.singleMark) { return false }
        let key = words.keys[k]
        // "said at least 35 people were killed": `at least` / `at most` open a noun phrase.
        if key == lexicon.at && k + 1 < words.count && (words.keys[k + 1] == lexicon.least || words.keys[k + 1] == lexicon.most) { return true }
        return !lexicon.prepositions.contains(key) && !lexicon.clauseBoundaries.contains(key) && key != lexicon.to
    }

    private func clause(_ range: Range<Int>, cue: Range<Int>, speaker: Range<Int>?, minimum: Int) -> QuoteCandidate? {
        guard range.count >= minimum, range.lowerBound >= 0 else { return nil }
        for t in range where insideQuote[t] || words.shapes[t].contains(.doubleMark) { return nil }
        var candidate = QuoteCandidate(kind: .indirect, span: words.span(range), first: range.lowerBound,
                                       last: range.upperBound - 1, paragraph: Int(words.paragraphOf[range.lowerBound]))
        candidate.cue = cue
        if let speaker {
            candidate.speakerTokens = speaker
            candidate.rule = .phrase
        } else {
            candidate.rule = .sameSentence
        }
        return candidate
    }
}
