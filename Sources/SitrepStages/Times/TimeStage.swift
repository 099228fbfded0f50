import SitrepCore

/// The `times` stage: TIMEX3 time expressions, normalized against the document date.
///
/// It reads the tokens of each sentence (``Document/tokens``, ``Document/sentences``)
/// and fills ``Document/times`` with spans in UTF-8 bytes, TIMEX3 types and
/// values. The rules are described on `TimeTagger`; the words they use are the
/// tables of ``TimeWords``.
///
/// ## Normalization
///
/// - The document date is ``Document/published``, else the article's own
///   ``Article/published``. Without one, expressions that need it get a nil
///   value (or an underspecified one such as `XXXX-10-12`) and the flag
///   `no-document-date`; the stage never guesses a year.
/// - A year-less date ("October", "Oct. 12", "Friday") goes back in a past
///   clause and forward in a future one (see `TimeTense`); without a tense
///   cue it takes the nearest occurrence (a weekday: the last one).
/// - "the day before", "two days later", "that year" and "a year earlier"
///   count from the last date mentioned, else from the document date.
/// - Durations are `P…` values (`P6M`, `P30M` for "two and a half years",
///   `P10Y` for "a decade", `PXY` for "years"); vague references are
///   `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`; sets carry their period (`P1W`,
///   `XXXX-WXX-1`).
///
/// ## Flags
///
/// | flag | meaning |
/// | --- | --- |
/// | `weekday-mismatch` | a weekday contradicts its date ("Monday, Oct. 6, 2020", a Tuesday) |
/// | `after-document-date` | a date with an explicit year after the document date, in a past-tense clause |
/// | `impossible-date` | a day the month does not have ("31 June"); the value is nil |
/// | `no-document-date` | the value needed the document date, which is missing |
/// | `no-day-anchor` | "the day before" when the last date mentioned has no day (no value; "that same day" gets the month's `YYYY-MM-XX`) |
///
/// Spans follow TimeML's extent rules: determiners, modifiers and
/// approximators are inside ("the last week", "early December", "nearly two
/// years"), prepositions are not.
///
/// - Complexity: O(n) in the number of tokens. Most words are ruled out as
///   heads by their shape alone, with no hash; the rules run only near heads,
///   at tokens that can start an expression, and read only the tokens they test.
public struct TimeStage: Stage {
    public let name = "times"
    public let version = "rules.v2"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let provides: Set<Layer> = [.times]

    public init() {}

    public func process(_ doc: inout Document) throws {
        guard !doc.tokens.isEmpty else { doc.times = []; return }
        let dct = CalendarDay.parse(doc.published) ?? CalendarDay.parse(doc.article.published)
        // The syntax stage's sentence ranges: the parse's heads count from them.
        var (ranges, hasEmptyTokens) = Self.sentenceRanges(doc)
        var tokens = doc.tokens
        var text = doc.text
        // Empty tokens (a user's `tokens` input can hold them) name no time, and
        // the rules read a token's first and last byte: tag the others. Their
        // parse, whose heads count positions in the sentence, is then not used.
        if hasEmptyTokens {
            var kept: [Token] = []
            var compacted: [Range<Int>] = []
            for range in ranges {
                let start = kept.count
                for k in range where tokens[k].span.end > tokens[k].span.start { kept.append(Token(span: tokens[k].span)) }
                if kept.count > start { compacted.append(start..<kept.count) }
            }
            tokens = kept
            ranges = compacted
        }
        let matches: [TimeMatch] = text.withUTF8 { buffer in
            var tagger = TimeTagger(lexicon: TimeLexicon.shared, bytes: buffer, tokens: tokens, dct: dct)
            if !hasEmptyTokens {
                tagger.clauseTense = TimeClauseTense(syntax: doc.syntax, sentenceRanges: ranges, lexicon: tagger.lexicon)
            }
            return tagger.run(sentences: ranges)
        }
        var times: [TimeExpression] = []
        times.reserveCapacity(matches.count)
        for m in matches {
            let span = TextSpan(start: tokens[m.start].span.start, end: tokens[m.end - 1].span.end)
            times.append(TimeExpression(span: span, type: m.type, value: m.value, flags: m.flags))
        }
        doc.times = times
        if dct == nil, times.contains(where: { $0.flags.contains("no-document-date") }) {
            doc.report("SR-TIME-001", .warning,
                       "no document date (published) was given or found, so relative time expressions have no value; pass \"published\" to resolve them",
                       stage: name)
        }
    }

    /// ``SyntaxStage/sentenceRanges(_:)``, the token index ranges of the
    /// sentences, and whether any token is empty.
    ///
    /// The tokenizer's own ranges (``Document/sentenceTokenRanges``) when it
    /// recorded them, its tokens never empty; else found from the spans. The
    /// same ranges: a run of tokens inside one sentence is a range, a
    /// token outside every sentence a range of its own, and a document with
    /// tokens but no sentences one range. One pass over the tokens' spans
    /// gives both answers: each run is walked by an inner loop that compares
    /// a span with its sentence's bounds, held in registers.
    ///
    /// - Complexity: O(t + s) for t tokens and s sentences.
    static func sentenceRanges(_ doc: Document) -> (ranges: [Range<Int>], hasEmptyTokens: Bool) {
        if let recorded = doc.nonEmptySentenceTokenRanges { return (recorded, false) }
        return doc.tokens.withUnsafeBufferPointer { tokens in
            doc.sentences.withUnsafeBufferPointer { sentences in
                var ranges: [Range<Int>] = []
                var hasEmptyTokens = false
                if sentences.isEmpty {
                    for token in tokens where token.span.end <= token.span.start { hasEmptyTokens = true; break }
                    return (tokens.isEmpty ? [] : [0..<tokens.count], hasEmptyTokens)
                }
                ranges.reserveCapacity(sentences.count)
                var k = 0, next = 0
                while k < tokens.count {
                    let span = tokens[k].span
                    if span.end <= span.start { hasEmptyTokens = true }
                    // The first sentence that ends after the token starts.
                    while next < sentences.count && sentences[next].end <= span.start { next += 1 }
                    guard next < sentences.count && sentences[next].contains(span) else {
                        ranges.append(k..<k + 1)    // outside every sentence
                        k += 1
                        continue
                    }
                    // The run of tokens inside the same sentence (a token
                    // starting at its end belongs to the next).
                    let sentenceStart = sentences[next].start, sentenceEnd = sentences[next].end
                    var end = k + 1
                    while end < tokens.count {
                        let s = tokens[end].span.start, e = tokens[end].span.end
                        guard s >= sentenceStart && s < sentenceEnd && e <= sentenceEnd else { break }
                        if e <= s { hasEmptyTokens = true }
                        end += 1
                    }
                    ranges.append(k..<end)
                    k = end
                }
                return (ranges, hasEmptyTokens)
            }
        }
    }
}
