import SitrepCore

/// Extracts the article from a raw web page: the `html` input of the
/// interchange contract.
///
/// ```swift
/// let page = HTMLExtractor().extract(html: pageSource, url: "https://example.org/a/1")
/// page.text               // body paragraphs joined by "\n\n"
/// page.article.title      // "Ruritania expels two diplomats"
/// page.article.published  // "2024-03-05" or "2024-03-05T09:30:00+01:00", as found
/// ```
///
/// ## The cascade
///
/// Each step engages only when the one before under-delivered, as in
/// trafilatura's `main extractor → fallback → baseline` sequence:
///
/// 1. **Decode** (``extract(bytes:url:)`` only): byte order mark, then a
///    declared `charset=`, then UTF-8 if valid, then Windows-1252; a page that
///    declares a legacy charset over valid UTF-8 is read as UTF-8.
/// 2. **Prefilter** (``Settings/dropRawTextBeforeParsing``): cut the contents
///    of `<script>`, `<style>`, `<svg>` and comments, which are more than half
///    of a typical news page's bytes and never article text (JSON-LD is kept).
/// 3. **Parse and lay out** (``HTMLPage``): libxml2's HTML parser in recover
///    mode builds the tree; one pass turns it into blocks of text the way a
///    browser lays them out (block vs inline elements, `<br>`, collapsed white
///    space, hidden elements skipped) and records each element's class/id
///    *cue* from the data tables in ``HTMLCues``.
/// 4. **Score**: a block is a *good paragraph* when it is paragraph-like, long
///    (``Settings/goodParagraphMinChars``) and not made of links
///    (``Settings/goodParagraphMaxLinkDensity``); its weight counts for every
///    element above it, except when a boilerplate cue sits on the way.
/// 5. **Main container, by density**: readability's local score (a good
///    paragraph credits the box holding it in full and the box above half)
///    picks the box whose own children are the story, not a page wrapper
///    and not a list of teaser cards; from there, climb while the box above
///    adds little good text of its own (``Settings/descendShare``), so the
///    story's header and footer come along but a sidebar does not. Siblings
///    of the same tag and class that also hold good text join it
///    (``Settings/splitPartLevels``): that is how an article cut into parts
///    by mid-article ad slots comes out whole.
/// 6. **Main container, by name**: an element that names itself the article
///    body (`itemprop="articleBody"`, `class="story-body"`), with its split
///    parts, wins when it holds at least ``Settings/namedContainerMinShare``
///    of step 5's good text.
/// 7. **Cue misfire fallback**: when the cues removed nearly all good text
///    (``Settings/cueMisfireShare``: a `<div class="page has-sidebar">`
///    around everything), steps 5–6 run again ignoring cues above the container.
/// 8. **Emit**: the container's blocks in order, without boilerplate-cued
///    boxes, figures and captions, link lists, the headline repeated as the
///    first line, and short non-sentences before the first and after the last
///    good paragraph (datelines, "Share this", tag rows).
/// 9. **Rescue**: when fewer than ``Settings/minBodyChars`` characters came
///    out, every good paragraph of the page, then the JSON-LD `articleBody`,
///    then every block of text (diagnostic `SR-HTML-003`).
/// 10. **Metadata** (``HTMLMetadata``): title, byline, date, language,
///     canonical URL, tags, caption and credit, related titles from meta tags,
///     JSON-LD and the page itself.
///
/// ## Diagnostics
///
/// `SR-HTML-001` no title, `SR-HTML-002` no date, `SR-HTML-003` rescue used,
/// `SR-HTML-004` no text at all, `SR-HTML-005` bytes not in the declared or
/// assumed charset (decoded as Windows-1252), `SR-HTML-006` page truncated to
/// ``Settings/maxPageBytes``.
///
/// ## Topics
/// - Extracting: ``init(settings:)``, ``extract(html:url:)``, ``extract(bytes:url:)``, ``ExtractedArticle``
/// - Tuning: ``Settings``
public struct HTMLExtractor: Sendable {
    /// The named thresholds of the cascade. Change one field and keep the
    /// other defaults: `var settings = HTMLExtractor.Settings(); settings.descendShare = 0.9`.
    public struct Settings: Sendable, Equatable {
        /// Cut script, style, svg and comment contents before parsing (see
        /// ``HTMLExtractor``, step 2). Only a speed step: off gives the same
        /// text, about twice as slowly. Default `true`.
        public var dropRawTextBeforeParsing = true
        /// A declared charset is looked for in this many first bytes. The HTML
        /// standard's prescan reads 1024; CMS pages often put 2–3 KB of other
        /// `<meta>` and `<link>` tags first. Default 4096.
        public var charsetPrescanBytes = 4096
        /// Pages longer than this are cut before parsing (`SR-HTML-006`), so
        /// one 1 GB "page" cannot take the batch's memory. Default 64 MiB.
        public var maxPageBytes = 64 << 20
        /// Elements nested deeper than this are read as part of their
        /// ancestor at this depth. Real pages nest 30–60 deep; the cap keeps
        /// 100,000 nested `<div>`s linear. Default 400.
        public var maxTrackedDepth = 400
        /// A good paragraph has at least this many characters (CJK characters
        /// count double, as they carry about twice the text of a Latin letter).
        /// Shorter blocks are headings, labels and teasers more often than
        /// story text. Default 60.
        public var goodParagraphMinChars = 60
        /// A good paragraph has at most this share of its bytes inside links:
        /// story paragraphs link a few words, teaser lists are all links.
        /// Default 0.3.
        public var goodParagraphMaxLinkDensity = 0.3
        /// The climb from the best-scoring box goes one level up while the
        /// box itself still holds at least this share of the good text of
        /// the box above. Lower climbs into page wrappers and lets comments
        /// and teasers in; 1.0 never climbs and loses a standfirst or a part
        /// of the story kept in a sibling box of another class. On the
        /// development pages F1 is flat from 0.8 to 0.9. Default 0.85.
        public var descendShare = 0.85
        /// A named article-body element wins over the density container when
        /// it holds at least this share of the container's good text. Default 0.6.
        public var namedContainerMinShare = 0.6
        /// How many levels above the chosen box the search for the other
        /// parts of an ad-split article goes (each part is often wrapped in
        /// its own grid row). Default 2.
        public var splitPartLevels = 2
        /// When cues leave less than this share of the page's good text,
        /// they are taken to have misfired on a wrapper. Default 0.3.
        public var cueMisfireShare = 0.3
        /// Any block with more than this share of its bytes in links is left
        /// out (menus, tag rows, "Read more" lines). Default 0.5.
        public var maxLinkDensity = 0.5
        /// Blocks shorter than this many characters are left out when more
        /// than ``shortBlockMaxLinkDensity`` of them is links. Default 80.
        public var shortBlockChars = 80
        /// See ``shortBlockChars``. Default 0.2.
        public var shortBlockMaxLinkDensity = 0.2
        /// Before the first and after the last good paragraph, a block is kept
        /// only if it reads as a sentence with at least this many characters;
        /// datelines, bylines, "Share this" and tag rows do not. Default 40.
        public var edgeSentenceMinChars = 40
        /// Below this many characters of body the rescue step runs. Default 200.
        public var minBodyChars = 200

        public init() {}
    }

    public let settings: Settings

    /// The stage name recorded with diagnostics: HTML extraction runs inside
    /// the `extract` stage.
    static let stageName = "extract"

    public init(settings: Settings = .init()) {
        self.settings = settings
    }

    /// Extracts the article from an already decoded page.
    ///
    /// - Parameters:
    ///   - html: the page source. Any string is accepted: empty, binary-looking,
    ///     unclosed tags, 100,000-deep nesting, tens of megabytes.
    ///   - url: where the page came from; used when the page has no canonical
    ///     URL and to resolve a relative one.
    /// - Returns: the body text (paragraphs joined by `"\n\n"`), its paragraph
    ///   spans, the article metadata and the diagnostics.
    /// - Complexity: O(n) in the page's bytes and elements.
    public func extract(html: String, url: String?) -> ExtractedArticle {
        run(Array(html.utf8), encoding: "UTF-8", url: url, diagnostics: [])
    }

    /// Extracts the article from the page's raw bytes, detecting its charset
    /// (byte order mark, `<meta charset>`, `http-equiv` Content-Type, then
    /// UTF-8 if valid, else Windows-1252).
    ///
    /// - Parameters:
    ///   - bytes: the page as fetched.
    ///   - url: where the page came from, if known.
    /// - Returns: as ``extract(html:url:)``.
    public func extract(bytes: [UInt8], url: String?) -> ExtractedArticle {
        let decision = Self.decideCharset(bytes, settings: settings)
        var diagnostics: [Diagnostic] = []
        if decision.source.hasPrefix("fallback") {
            diagnostics.append(Diagnostic(id: "SR-HTML-005", severity: .info,
                                          message: "the page is not valid UTF-8 and declares no charset libxml2 knows; decoded as Windows-1252",
                                          stage: Self.stageName))
        }
        return run(decision.bytes, encoding: decision.encoding, url: url, diagnostics: diagnostics)
    }

    private func run(_ input: [UInt8], encoding: String, url: String?, diagnostics: [Diagnostic]) -> ExtractedArticle {
        var diagnostics = diagnostics
        var bytes = input
        if bytes.count > settings.maxPageBytes {
            bytes.removeSubrange(settings.maxPageBytes...)
            diagnostics.append(Diagnostic(id: "SR-HTML-006", severity: .warning,
                                          message: "the page is \(input.count) bytes; only the first \(settings.maxPageBytes) were read (raise Settings.maxPageBytes to read more)",
                                          stage: Self.stageName))
        }
        if settings.dropRawTextBeforeParsing { bytes = HTMLPrefilter.apply(bytes) }
        let page = HTMLPage.read(bytes, encoding: encoding, settings: settings)
        var metadata = HTMLMetadata.read(page, url: url)
        let selection = HTMLBodySelector(page: page, settings: settings, title: metadata.article.title).select()
        var body = selection.paragraphs
        if selection.usedRescue || body.isEmpty, let ldBody = metadata.jsonLDBody, body.joined().count < ldBody.count / 2 {
            body = ldBody.split(separator: "\n").map { String($0).htmlTrimmed }.filter { !$0.isEmpty }
        }
        var out: [UInt8] = []
        var spans: [TextSpan] = []
        for paragraph in body {
            if !out.isEmpty { out.append(0x0A); out.append(0x0A) }
            let start = out.count
            out.append(contentsOf: paragraph.utf8)
            spans.append(TextSpan(start: start, end: out.count))
        }
        metadata.article.subheads = selection.subheads
        if selection.usedRescue {
            diagnostics.append(Diagnostic(id: "SR-HTML-003", severity: .info,
                                          message: "no article container held enough text; the rescue step kept every long paragraph of the page",
                                          stage: Self.stageName))
        }
        if metadata.article.title == nil {
            diagnostics.append(Diagnostic(id: "SR-HTML-001", severity: .info, message: "no title found in meta tags, JSON-LD, <h1> or <title>", stage: Self.stageName))
        }
        if metadata.article.published == nil {
            diagnostics.append(Diagnostic(id: "SR-HTML-002", severity: .info, message: "no publication date found in meta tags, JSON-LD or <time>", stage: Self.stageName))
        }
        if out.isEmpty {
            diagnostics.append(Diagnostic(id: "SR-HTML-004", severity: .warning,
                                          message: "no article text found in the page; the document text is empty", stage: Self.stageName))
        }
        return ExtractedArticle(text: String(decoding: out, as: UTF8.self), article: metadata.article, paragraphs: spans, diagnostics: diagnostics)
    }
}
