import SitrepCore

/// Extracts the article from scraped page text: the `text` input of the
/// interchange contract, one block of the page per line, with the page's
/// menus, share bars, "Read more" links, newsletter boxes, tag lists and
/// footers around and inside the story.
///
/// ```swift
/// let page = ScrapedTextExtractor().extract(SampleArticle.text)
/// page.article.title      // "Turkish jets strike militant targets in northern Iraq; …"
/// page.article.published  // "2024-06-11"
/// page.paragraphs.count   // body paragraphs and subheads, spans into page.text
/// ```
///
/// ## The cascade
///
/// Each line goes through the steps below in order; a step only looks at the
/// lines earlier steps left unclassified, as in trafilatura's cascade where
/// each stage engages only when the previous one under-delivered.
///
/// 1. **Lines** (``readLines(_:)``): split at line breaks, trim and collapse
///    whitespace, measure words, letters, case and terminal punctuation.
/// 2. **Noise**: binary junk (replacement and control characters), lines
///    without letters, bare timestamps.
/// 3. **Cues** (data: ``BoilerplateCues``, ``DateWords``): labels of related,
///    other and tag lists; inline tag lists; image credits; bylines; date
///    lines; then slot and page boilerplate by whole line, prefix, suffix and
///    phrase.
/// 4. **Shapes**: link lists and breadcrumbs (`Home | World | Europe`),
///    all-caps credits with a slash (`NAME / AGENCY`).
/// 5. **Repeats**: short non-sentence lines seen more than once.
/// 6. **Captions**: the line just above a credit.
/// 7. **Labelled lists**: the run of titles under a related or most-read
///    label, the run of tags under a tag label.
/// 8. **Body start**: the first *strong* body line, sentence-like with
///    ``Settings/bodyStartMinWords`` words or ``Settings/longLineBytes`` long.
/// 9. **Title**: the first title-like line before the body start; later copies
///    of it (a headline repeated as the first body line) are dropped.
/// 10. **Zones**: between title and body start, sentence-like lines (a
///     standfirst) are kept; from the body start to the first page cue after the
///     last strong line, sentence-like lines are body and short heading-like
///     lines followed by body are subheads; everything else is boilerplate.
/// 11. **Rescue**: when the rules kept nothing, every unclaimed sentence-like
///     or long line is kept (``Diagnostic`` `SR-EXT-003`).
///
/// Body paragraphs are never knowingly lost: when unsure, a long sentence-like
/// line stays in the body.
///
/// ## Diagnostics
///
/// `SR-EXT-001` no title, `SR-EXT-002` no date, `SR-EXT-003` rescue used,
/// `SR-EXT-004` no text at all, `SR-EXT-005` junk lines dropped, `SR-EXT-006`
/// the headline repeated in the body.
///
/// ## Topics
/// - Extracting: ``init(settings:)``, ``extract(_:)``, ``ExtractedArticle``
/// - Tuning: ``Settings``
public struct ScrapedTextExtractor: Sendable {
    /// The named thresholds of the rules. Change one field and keep the other
    /// defaults: `var settings = Settings(); settings.titleMinWords = 3`.
    public struct Settings: Sendable, Equatable {
        /// A title has at least this many words: navigation items ("Middle
        /// East", "Science & Tech") have fewer. Default 4.
        public var titleMinWords = 4
        /// A title is at most this many bytes. Default 300.
        public var titleMaxBytes = 300
        /// The first body paragraph is sentence-like with at least this many
        /// words (or is long): this keeps captions, kickers and one-line
        /// promos above the story out of the body. Default 10.
        public var bodyStartMinWords = 10
        /// A line at least this many bytes long is content whatever its
        /// punctuation (unless a cue says otherwise). Default 250.
        public var longLineBytes = 250
        /// Inside the body, a line without final punctuation but with at least
        /// this many words is still a paragraph (quotes missing their period,
        /// standfirsts). Default 15.
        public var unpunctuatedBodyMinWords = 15
        /// A subhead has at most this many words... Default 14.
        public var subheadMaxWords = 14
        /// ...and at least this many: a single word in the body is a share
        /// button or a label far more often than a heading. Default 2.
        public var subheadMinWords = 2
        /// A byline ("By Selin Arda in Ankara and Omar Haddad in Baghdad") has
        /// at most this many words, date included. Default 20.
        public var bylineMaxWords = 20
        /// Labels ("On the same subject", "Most read") and whole-line cues
        /// ("Share this article") have at most this many words. Default 8.
        public var labelMaxWords = 8
        /// A credit with a cue ("Photo: Anna Weiss/Northwind Images") has at
        /// most this many words; a longer line is a caption or a paragraph. Default 15.
        public var creditMaxWords = 15
        /// An all-caps credit with a slash is at most this many bytes. Default 100.
        public var creditMaxBytes = 100
        /// Share of uppercase among the cased letters of an all-caps credit. Default 0.75.
        public var creditMinUppercaseShare = 0.75
        /// A caption is at most this many bytes... Default 500.
        public var captionMaxBytes = 500
        /// ...and has at least this many words. Default 3.
        public var captionMinWords = 3
        /// A date line is at most this many bytes. Default 140.
        public var dateLineMaxBytes = 140
        /// Phrase cues (``BoilerplateCues/pagePhrases``) apply to lines of at
        /// most this many words, so body paragraphs mentioning a newsletter
        /// survive. Default 20.
        public var phraseCueMaxWords = 20
        /// Prefix cues apply to lines of at most this many words: a long line
        /// that happens to start like a cue is kept. Default 30.
        public var prefixCueMaxWords = 30
        /// Consent phrases apply to lines of at most this many words. Default 80.
        public var consentCueMaxWords = 80
        /// Suffix cues ("2 hours ago", "4 min read") apply to lines of at most
        /// this many words. Default 5.
        public var suffixCueMaxWords = 5
        /// Lines longer than this are not checked for repeats (they are content). Default 200.
        public var repeatMaxBytes = 200
        /// A line where this share of scalars are replacement or control
        /// characters is binary junk. Default 0.1.
        public var junkMinShare = 0.1
        /// A related or listed item has at most this many words. Default 25.
        public var listItemMaxWords = 25
        /// At most this many items are taken under one list label. Default 20.
        public var listMaxItems = 20
        /// A tag under a tag label has at most this many words. Default 5.
        public var tagMaxWords = 5
        /// At most this many tags are taken under one tag label. Default 40.
        public var tagsMaxItems = 40
        /// A link list ("Home | World | Europe") averages at most this many
        /// words per item. Default 4.
        public var linkListMaxItemWords = 4
        /// Lines longer than this are never link lists or lines without letters. Default 400.
        public var shapeMaxBytes = 400

        /// The documented defaults.
        public init() {}
    }

    /// The thresholds this extractor applies.
    public var settings: Settings

    /// Creates an extractor.
    ///
    /// - Parameter settings: thresholds of the rules; the defaults suit news pages.
    public init(settings: Settings = .init()) {
        self.settings = settings
    }

    /// Extracts the article from scraped page text.
    ///
    /// - Parameter page: the page text, one block per line. Any string is
    ///   accepted: empty, binary-looking, one line of 100 MB.
    /// - Returns: the body text (paragraphs joined by `"\n\n"`), its paragraph
    ///   spans, the article metadata and the diagnostics.
    /// - Complexity: O(n) in the page's bytes; cue and date rules look at
    ///   short lines or at a bounded prefix of long ones.
    public func extract(_ page: String) -> ExtractedArticle {
        // The table moves into the rules (no second reference, so no
        // copy-on-write copy of a large page).
        var rules = Rules(table: Self.readLines(page), settings: settings)
        rules.run()
        return Self.assemble(rules.table, rules.found, diagnostics: rules.diagnostics)
    }

    /// Builds the text, paragraph spans and article from classified lines.
    private static func assemble(_ table: LineTable, _ found: Rules.Found, diagnostics: [Diagnostic]) -> ExtractedArticle {
        var out: [UInt8] = []
        var spans: [TextSpan] = []
        var article = Article()
        for (index, line) in table.lines.enumerated() {
            switch line.kind {
            case .body, .subhead:
                if !out.isEmpty { out.append(0x0A); out.append(0x0A) }
                let start = out.count
                out.append(contentsOf: table.bytes[line.range])
                spans.append(TextSpan(start: start, end: out.count))
                if line.kind == .subhead { article.subheads.append(table.string(index)) }
            case .related:
                article.related.append(table.string(index))
            case .tag:
                article.tags.append(table.string(index))
            default:
                break
            }
        }
        article.title = found.title
        article.byline = found.byline
        article.published = found.published
        article.caption = found.caption
        article.credit = found.credit
        article.tags = found.inlineTags + article.tags
        var diagnostics = diagnostics
        if out.isEmpty {
            diagnostics.append(Diagnostic(id: "SR-EXT-004", severity: .warning,
                                          message: "no article text found in the page; the document text is empty", stage: ExtractStage.stageName))
        }
        return ExtractedArticle(text: String(decoding: out, as: UTF8.self), article: article, paragraphs: spans, diagnostics: diagnostics)
    }
}

/// The article found in a page: clean body text, metadata and paragraph spans.
///
/// Invariants: ``paragraphs`` are sorted, do not overlap, lie inside ``text``
/// on scalar boundaries and are separated by exactly `"\n\n"`; ``text`` is
/// their concatenation with that separator.
public struct ExtractedArticle: Sendable, Equatable {
    /// The clean body: paragraphs (subheads included as their own paragraphs)
    /// joined by `"\n\n"`.
    public var text: String
    /// Title, byline, date (`YYYY-MM-DD` when found and normalizable), caption,
    /// credit, subheads, tags and related titles. `url` is left to the caller.
    public var article: Article
    /// One span per paragraph, half-open UTF-8 byte offsets into ``text``.
    public var paragraphs: [TextSpan]
    /// Findings about the page (`SR-EXT-001` no title, ...), raised by the stage "extract".
    public var diagnostics: [Diagnostic]

    /// Creates an extraction result; the extractor is the usual source.
    public init(text: String, article: Article, paragraphs: [TextSpan], diagnostics: [Diagnostic]) {
        self.text = text
        self.article = article
        self.paragraphs = paragraphs
        self.diagnostics = diagnostics
    }

    /// The paragraphs as strings.
    public var paragraphTexts: [String] {
        let utf8 = Array(text.utf8)
        return paragraphs.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
    }
}

extension ScrapedTextExtractor {
    /// Each normalized non-blank line of `page` with the kind the cascade gave
    /// it, for tests and for debugging a wrong call.
    func explain(_ page: String) -> [(kind: LineKind, line: String)] {
        var rules = Rules(table: Self.readLines(page), settings: settings)
        rules.run()
        return rules.table.lines.indices.map { (rules.table.lines[$0].kind, rules.table.string($0)) }
    }
}
