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
    public let version = "rules.v1"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let provides: Set<Layer> = [.times]

    public init() {}

    public func process(_ doc: inout Document) throws {
        guard !doc.tokens.isEmpty else { doc.times = []; return }
        let dct = CalendarDay.parse(doc.published) ?? CalendarDay.parse(doc.article.published)
        // The syntax stage's sentence ranges: the parse's heads count from them.
        let layout = Self.sentenceRanges(doc)
        var ranges = layout.ranges
        var spans = layout.spans
        let hasEmptyTokens = layout.hasEmptyTokens
        var text = doc.text
        // Empty tokens (a user's `tokens` input can hold them) name no time, and
        // the rules read a token's first and last byte: tag the others. Their
        // parse, whose heads count positions in the sentence, is then not used.
        if hasEmptyTokens {
            var kept: [TextSpan] = []
            var compacted: [Range<Int>] = []
            for range in ranges {
                let start = kept.count
                for k in range where spans[k].end > spans[k].start { kept.append(spans[k]) }
                if kept.count > start { compacted.append(start..<kept.count) }
            }
            spans = kept
            ranges = compacted
        }
        let matches: [TimeMatch] = text.withUTF8 { buffer in
            var tagger = TimeTagger(lexicon: TimeLexicon.shared, bytes: buffer, spans: spans, dct: dct)
            if !hasEmptyTokens {
                tagger.clauseTense = TimeClauseTense(tokens: doc.tokens, sentenceRanges: ranges, lexicon: tagger.lexicon)
            }
            return tagger.run(sentences: ranges)
        }
        var times: [TimeExpression] = []
        times.reserveCapacity(matches.count)
        for m in matches {
            let span = TextSpan(start: spans[m.start].start, end: spans[m.end - 1].end)
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
    /// sentences, with the tokens' spans and whether any token is empty.
    ///
    /// The same ranges: a run of tokens inside one sentence is a range, a
    /// token outside every sentence a range of its own, and a document with
    /// tokens but no sentences one range. The tokens (88 bytes each with
    /// their parse, a cache line apiece) are walked once, to copy their spans
    /// (``TimeTokens/spans``, 16 bytes each); the ranges, the empty-token test
    /// and the tagger's first pass then read the copy, where each used to
    /// walk the tokens themselves.
    ///
    /// - Complexity: O(t + s) for t tokens and s sentences.
    static func sentenceRanges(_ doc: Document) -> (ranges: [Range<Int>], spans: [TextSpan], hasEmptyTokens: Bool) {
        let spans = doc.tokens.withUnsafeBufferPointer { tokens in
            [TextSpan](unsafeUninitializedCapacity: tokens.count) { buffer, initialized in
                for index in 0..<tokens.count { buffer[index] = tokens[index].span }
                initialized = tokens.count
            }
        }
        let hasEmptyTokens = spans.contains { $0.end <= $0.start }
        if doc.sentences.isEmpty { return (spans.isEmpty ? [] : [0..<spans.count], spans, hasEmptyTokens) }
        let ranges = doc.sentences.withUnsafeBufferPointer { sentences in
            spans.withUnsafeBufferPointer { spans in
                var ranges: [Range<Int>] = []
                ranges.reserveCapacity(sentences.count)
                var start = 0, currentKey = Int.min, next = 0
                for index in 0..<spans.count {
                    let span = spans[index]
                    while next < sentences.count && sentences[next].end <= span.start { next += 1 }
                    let key = next < sentences.count && sentences[next].contains(span) ? next : -1 - index
                    if index > 0 && key != currentKey { ranges.append(start..<index); start = index }
                    currentKey = key
                }
                if !spans.isEmpty { ranges.append(start..<spans.count) }
                return ranges
            }
        }
        return (ranges, spans, hasEmptyTokens)
    }
}
