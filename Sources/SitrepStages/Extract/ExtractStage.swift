import SitrepCore

/// The first stage: sets ``SitrepCore/Document/text``, the article metadata
/// and the paragraph spans from the document's input.
///
/// | input | text | paragraphs | article |
/// | --- | --- | --- | --- |
/// | `.scrapedText` | the body found by ``ScrapedTextExtractor`` | its paragraphs and subheads | title, byline, date, caption, credit, subheads, tags, related |
/// | `.cleanText` | exactly as given | blocks between blank lines, trimmed | `published` = the caller's |
/// | `.tokens` | tokens joined by spaces, sentences by `"\n"` | one per sentence | `published` = the caller's |
/// | `.html` | the body found by ``HTMLExtractor`` | its blocks (paragraphs, subheads, list items, quotes) | title, byline, date, language, canonical URL, tags, caption, credit, related |
///
/// For `.tokens` input the stage also fills ``SitrepCore/Document/sentences``
/// and ``SitrepCore/Document/tokens`` with the caller's boundaries, which the
/// interchange contract says are kept as given (one output tag per input
/// token); later sentence and token stages should leave them alone when set.
///
/// Dates: `article.published` is the date found in the page, else the
/// caller's; `doc.published` (the anchor of relative times) is the caller's,
/// else the page's. A disagreement is reported (`SR-EXT-010`). Extraction puts
/// `doc.url` into `article.url`.
///
/// ## Topics
/// - ``init(extractor:)``, ``extractor``
/// - ``ExtractError``
public struct ExtractStage: Stage {
    /// The stage name used in diagnostics and provenance.
    public static let stageName = "extract"

    /// `"extract"`.
    public let name = ExtractStage.stageName
    /// Bump whenever extraction output can change.
    public let version = "text-rules.v1+html-cascade.v1"
    /// Nothing: extraction is the first stage.
    public let requires: Set<Layer> = []
    /// The article text and metadata, and the paragraph spans.
    public let provides: Set<Layer> = [.article, .paragraphs]
    /// The scraped-text extractor and its settings.
    public var extractor: ScrapedTextExtractor
    public var htmlExtractor: HTMLExtractor

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - extractor: the scraped-text extractor, with its settings.
    ///   - htmlExtractor: the HTML extractor, with its settings.
    public init(extractor: ScrapedTextExtractor = .init(), htmlExtractor: HTMLExtractor = .init()) {
        self.extractor = extractor
        self.htmlExtractor = htmlExtractor
    }

    /// Sets the document's text, article and paragraphs.
    public func process(_ doc: inout Document) throws {
        switch doc.input {
        case .scrapedText(let page):
            var result = extractor.extract(page)
            result.article.url = doc.url
            adopt(result, into: &doc)

        case .html(let page):
            var result = htmlExtractor.extract(html: page, url: doc.url)
            // The caller's URL wins; the page's canonical link fills in when there is none.
            result.article.url = doc.url ?? result.article.url
            adopt(result, into: &doc)

        case .cleanText(let text):
            let article = Article(published: doc.published, url: doc.url)
            doc.setArticle(text: text, article: article, paragraphs: Self.blocks(of: text))

        case .tokens(let sentences):
            let laid = Self.layOut(sentences)
            doc.setArticle(text: laid.text, article: Article(published: doc.published, url: doc.url), paragraphs: laid.sentences)
            doc.sentences = laid.sentences
            doc.tokens = laid.tokens
        }
    }

    /// Sets an extractor's result on the document and settles its date: the
    /// page's date goes into the article, the caller's (if any) anchors
    /// relative times, and a disagreement between the two is noted.
    private func adopt(_ result: ExtractedArticle, into doc: inout Document) {
        var article = result.article
        let pageDate = result.article.published
        if let given = doc.published, let pageDate, !given.hasPrefix(pageDate) {
            doc.report("SR-EXT-010", .info,
                       "the page is dated \(pageDate) but the caller gave \(given); relative times are anchored on \(given)",
                       stage: name)
        }
        article.published = pageDate ?? doc.published
        if doc.published == nil { doc.published = pageDate }
        doc.setArticle(text: result.text, article: article, paragraphs: result.paragraphs)
        doc.diagnostics += result.diagnostics
    }

    /// The blocks of `text` separated by blank lines (lines of ASCII
    /// whitespace only), each trimmed of ASCII whitespace.
    ///
    /// - Returns: sorted, non-overlapping, non-empty spans into `text`.
    /// - Complexity: O(n) in the bytes of `text`.
    public static func blocks(of text: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        var blockStart = -1     // first non-blank byte of the current block
        var blockEnd = -1       // one past its last non-blank byte
        var lineHasText = false
        var offset = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }
        for b in text.utf8 {
            if b == 0x0A {
                if !lineHasText && blockStart >= 0 {
                    spans.append(TextSpan(start: blockStart, end: blockEnd))
                    blockStart = -1
                }
                lineHasText = false
            } else if !isSpace(b) {
                if blockStart < 0 { blockStart = offset }
                blockEnd = offset + 1
                lineHasText = true
            }
            offset += 1
        }
        if blockStart >= 0 { spans.append(TextSpan(start: blockStart, end: blockEnd)) }
        return spans
    }

    /// Lays out pre-tokenized sentences: tokens joined by one space, sentences
    /// by `"\n"`. Tokens are kept as given, even when they hold spaces; an
    /// empty sentence keeps its (empty) span so sentence indexes match the input.
    public static func layOut(_ sentences: [[String]]) -> (text: String, sentences: [TextSpan], tokens: [Token]) {
        var bytes: [UInt8] = []
        var sentenceSpans: [TextSpan] = []
        var tokens: [Token] = []
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            let start = bytes.count
            for (position, token) in sentence.enumerated() {
                if position > 0 { bytes.append(0x20) }
                let tokenStart = bytes.count
                bytes.append(contentsOf: token.utf8)
                tokens.append(Token(span: TextSpan(start: tokenStart, end: bytes.count)))
            }
            sentenceSpans.append(TextSpan(start: start, end: bytes.count))
        }
        return (String(decoding: bytes, as: UTF8.self), sentenceSpans, tokens)
    }
}
