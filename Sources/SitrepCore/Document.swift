/// What a caller hands Sitrep for one document (the interchange input).
public enum DocumentInput: Sendable, Equatable {
    /// A raw web page; the article is extracted from it.
    case html(String)
    /// Scraped page text with boilerplate lines; the article is extracted from it.
    case scrapedText(String)
    /// Text that already is the article, used exactly as given so that every
    /// offset refers to the caller's text.
    case cleanText(String)
    /// Pre-tokenized sentences; tokens and sentence boundaries are kept.
    case tokens([[String]])
}

/// Name and version of the stage behind a layer, stored with every result so
/// each fact says what produced it.
public struct StageRecord: Sendable, Equatable {
    public var stage: String
    public var version: String
    public var provides: [Layer]

    public init(stage: String, version: String, provides: [Layer]) {
        self.stage = stage
        self.version = version
        self.provides = provides
    }
}

/// One article and its standoff annotation layers.
///
/// The article text is set once, by extraction (``setArticle(text:article:paragraphs:)``);
/// every later layer points into it with ``TextSpan``s of UTF-8 bytes.
///
/// Invariants (checked by ``validate()`` and in tests): every span lies inside
/// `text` on scalar boundaries; sentences and tokens are sorted and do not
/// overlap; every token lies inside a sentence.
///
/// ## Topics
/// - Input and text: ``input``, ``text``, ``article``, ``setArticle(text:article:paragraphs:)``
/// - Layers: ``paragraphs``, ``sentences``, ``tokens``, ``syntax``, ``entities``, ``actors``, ``events``,
///   ``times``, ``places``, ``quotes``, ``quantities``
/// - Bookkeeping: ``diagnostics``, ``provenance``, ``layers``
public struct Document: Sendable {
    /// The caller's identifier, echoed back unchanged.
    public let id: String
    public let input: DocumentInput
    /// The document date (`YYYY-MM-DD` or ISO 8601) given by the caller, if any.
    public var published: String?
    public var url: String?

    /// The article text. Empty until extraction sets it.
    public private(set) var text: String = ""
    public private(set) var article = Article()

    public var paragraphs: [TextSpan] = []
    public var sentences: [TextSpan] = [] { didSet { sentenceTokenRanges = nil } }
    public var tokens: [Token] = [] { didSet { sentenceTokenRanges = nil } }
    /// The tokens of each sentence as a range of ``tokens``, one per
    /// sentence in order (empty for a sentence without tokens), when the
    /// tokenizer recorded them (``setTokens(_:sentenceTokenRanges:)``); nil
    /// for tokens given otherwise, and again after any change to ``sentences``
    /// or ``tokens``. Stages that work sentence by sentence read it instead of
    /// matching every token's span against the sentences.
    public private(set) var sentenceTokenRanges: [Range<Int>]?

    /// ``sentenceTokenRanges`` without the ranges of sentences that hold no
    /// token: the runs of tokens a parser or tagger works on, one per
    /// sentence. The same array, not a copy, when no sentence is empty (rare).
    public var nonEmptySentenceTokenRanges: [Range<Int>]? {
        guard let ranges = sentenceTokenRanges else { return nil }
        for range in ranges where range.isEmpty { return ranges.filter { !$0.isEmpty } }
        return ranges
    }
    /// The syntax layer: each token's tags, lemma and dependency, at the
    /// token's index (``syntax(of:)``). Empty until the syntax stage runs,
    /// then exactly as long as ``tokens``.
    public var syntax: [TokenSyntax] = []
    public var entities: [EntityMention] = []
    public var actors: [ActorMention] = []
    public var events: [Event] = []
    public var times: [TimeExpression] = []
    public var places: [PlaceMention] = []
    public var quotes: [Quote] = []
    public var quantities: [Quantity] = []

    public var diagnostics: [Diagnostic] = []
    public var provenance: [StageRecord] = []

    public init(id: String, input: DocumentInput, published: String? = nil, url: String? = nil) {
        self.id = id
        self.input = input
        self.published = published
        self.url = url
    }

    /// Sets the article text and metadata. Called once, by the extraction stage.
    public mutating func setArticle(text: String, article: Article, paragraphs: [TextSpan]) {
        precondition(!layers.contains(.article), "the article text of document \(id) is set once, by extraction")
        self.text = text
        self.article = article
        self.paragraphs = paragraphs
    }

    /// Sets the tokens together with each sentence's range of them.
    ///
    /// - Precondition: one range per sentence, in order, each starting where
    ///   the one before ended, the last ending at `tokens.count`; every token
    ///   non-empty and inside its sentence (``validate()`` checks it all).
    public mutating func setTokens(_ tokens: [Token], sentenceTokenRanges ranges: [Range<Int>]) {
        precondition(ranges.count == sentences.count && (ranges.last?.upperBound ?? 0) == tokens.count,
                     "one token range per sentence, covering the \(tokens.count) tokens")
        self.tokens = tokens
        sentenceTokenRanges = ranges
    }

    /// The layers some stage has provided so far.
    public var layers: Set<Layer> {
        var result = Set<Layer>()
        for record in provenance { result.formUnion(record.provides) }
        return result
    }

    /// The record of the stage that provided `layer`, if any.
    public func producer(of layer: Layer) -> StageRecord? {
        provenance.last { $0.provides.contains(layer) }
    }

    /// Whether each token overlaps one of `spans` (entity or time mentions, say),
    /// in one pass over the tokens.
    public func tokensCovered(by spans: [TextSpan]) -> [Bool] {
        var covered = [Bool](repeating: false, count: tokens.count)
        var t = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            while t < tokens.count && tokens[t].span.end <= span.start { t += 1 }
            var u = t
            while u < tokens.count && tokens[u].span.start < span.end { covered[u] = true; u += 1 }
        }
        return covered
    }

    /// The syntax of token `index`, or nil before the syntax layer exists.
    public func syntax(of index: Int) -> TokenSyntax? {
        syntax.isEmpty ? nil : syntax[index]
    }

    /// The text of a span.
    public func text(of span: TextSpan) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: span.start)
        let upper = utf8.index(lower, offsetBy: span.count)
        return text[lower..<upper]
    }

    /// Index of the sentence that contains byte `offset`, by binary search.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].start <= offset ? low : nil
    }

    /// Adds a diagnostic raised by `stage`.
    public mutating func report(_ id: String, _ severity: Diagnostic.Severity, _ message: String, stage: String, span: TextSpan? = nil) {
        diagnostics.append(Diagnostic(id: id, severity: severity, message: message, stage: stage, span: span))
    }
}

extension Document {
    /// A violated document invariant.
    public struct InvariantViolation: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks the span invariants of every layer.
    ///
    /// - Throws: ``InvariantViolation`` naming the first broken rule.
    public func validate() throws {
        let bytes = Array(text.utf8)
        func check(_ span: TextSpan, _ what: String) throws {
            guard span.end <= bytes.count else {
                throw InvariantViolation(description: "\(what) \(span) ends past the text (\(bytes.count) bytes)")
            }
            for offset in [span.start, span.end] where offset < bytes.count && bytes[offset] & 0xC0 == 0x80 {
                throw InvariantViolation(description: "\(what) \(span) splits a UTF-8 sequence at byte \(offset)")
            }
        }
        func checkSorted(_ spans: [TextSpan], _ what: String) throws {
            for (index, span) in spans.enumerated() {
                try check(span, what)
                if index > 0 && spans[index - 1].end > span.start {
                    throw InvariantViolation(description: "\(what) \(spans[index - 1]) and \(span) overlap or are out of order")
                }
            }
        }
        try checkSorted(paragraphs, "paragraph")
        try checkSorted(sentences, "sentence")
        try checkSorted(tokens.map(\.span), "token")
        if let ranges = sentenceTokenRanges {
            var next = 0
            for (index, range) in ranges.enumerated() {
                guard index < sentences.count, range.lowerBound == next else {
                    throw InvariantViolation(description: "sentence token range \(index) (\(range)) does not follow the one before it, or has no sentence")
                }
                for token in tokens[range] where token.span.start >= token.span.end || !sentences[index].contains(token.span) {
                    throw InvariantViolation(description: "token \(token.span) of sentence token range \(index) is empty or lies outside sentence \(sentences[index])")
                }
                next = range.upperBound
            }
            if ranges.count != sentences.count || next != tokens.count {
                throw InvariantViolation(description: "the sentence token ranges cover \(next) of \(tokens.count) tokens in \(ranges.count) of \(sentences.count) sentences")
            }
        }
        if !syntax.isEmpty && syntax.count != tokens.count {
            throw InvariantViolation(description: "the syntax layer has \(syntax.count) entries for \(tokens.count) tokens")
        }
        for entity in entities { try check(entity.span, "entity") }
        for actor in actors { try check(actor.span, "actor") }
        for time in times { try check(time.span, "time") }
        for place in places { try check(place.span, "place") }
        for quote in quotes { try check(quote.span, "quote") }
        for quantity in quantities { try check(quantity.span, "quantity") }
        for event in events { try check(event.span, "event") }
        if !sentences.isEmpty {
            for token in tokens where sentenceIndex(containing: token.span.start).map({ !sentences[$0].contains(token.span) }) ?? true {
                throw InvariantViolation(description: "token \(token.span) lies outside every sentence")
            }
        }
    }
}
