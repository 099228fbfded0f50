import Foundation
import SitrepCore
import Testing
@testable import SitrepStages

/// Hand-written HTML fixtures under `Fixtures/html`, loaded relative to this
/// file. Their text is fictional; their markup copies the *shape* of news
/// pages (cookie banner, nav, header, share bar, figure, split body, ad slot,
/// newsletter box, embedded tweet, tags, related links, comments, pop-up, footer).
enum HTMLFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/html")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func string(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }
}

/// Checks the invariants of every extraction: spans sorted, in bounds, on
/// scalar boundaries, separated by exactly "\n\n", rebuilding the text.
func checkHTMLInvariants(_ page: ExtractedArticle, sourceLocation: SourceLocation = #_sourceLocation) {
    let utf8 = Array(page.text.utf8)
    var rebuilt: [UInt8] = []
    for (i, span) in page.paragraphs.enumerated() {
        #expect(span.end <= utf8.count, "span \(span) past the end", sourceLocation: sourceLocation)
        guard span.end <= utf8.count else { return }
        if i > 0 { rebuilt += [0x0A, 0x0A] }
        rebuilt += utf8[span.start..<span.end]
        #expect(!span.isEmpty, "empty paragraph \(i)", sourceLocation: sourceLocation)
        let paragraph = Array(utf8[span.start..<span.end])
        #expect(!String(decoding: paragraph, as: UTF8.self).contains("\n\n"), "blank line inside paragraph \(i)", sourceLocation: sourceLocation)
    }
    #expect(rebuilt == utf8, "paragraph spans do not rebuild the text", sourceLocation: sourceLocation)
}

@Suite("HTML extraction: the news-page fixture")
struct HTMLNewsPageTests {
    let page: ExtractedArticle

    init() throws {
        page = HTMLExtractor().extract(bytes: try HTMLFixtures.bytes("news-article.html"), url: "https://courier.example/world/x?utm=1")
    }

    @Test func bodyIsTheStoryInOrder() {
        let paragraphs = page.paragraphTexts
        #expect(paragraphs.first?.hasPrefix("Officials in Ruritania said on Tuesday") == true)
        #expect(paragraphs.last == "Borduria’s government is expected to respond in kind, analysts said.\nA spokesman for its foreign ministry said a statement would follow “in due course”.")
        #expect(paragraphs.contains("Years of dispute"))
        checkHTMLInvariants(page)
    }

    /// The story is cut by an ad slot and a newsletter box; both halves come out.
    @Test func articleSplitByAdComesOutWhole() {
        #expect(page.text.contains("collapsed late on Monday"))
        #expect(page.text.contains("never signed, according to two people familiar"))
        let first = page.text.ranges(of: "Officials in Ruritania").first
        let second = page.text.ranges(of: "Negotiators had met").first
        #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound)
    }

    @Test func embeddedTweetAndListAreKept() {
        #expect(page.text.contains("We will defend every metre of our riverbank"))
        #expect(page.text.contains("Around 4,000 people live in the villages"))
    }

    @Test(arguments: [
        "We use cookies", "Home", "Share on Facebook", "Advertisement", "Story continues below",
        "Sign up for our newsletter", "Get the morning briefing", "Tags:", "Related stories",
        "Borduria recalls its ambassador", "Comments (2)", "nobody in the capital", "three free articles",
        "All rights reserved", "The foreign ministry building in Strelsau on Monday", "Courier Pictures",
        "By Flavia", "5 March 2024", "not text", "font-family",
    ])
    func furnitureIsLeftOut(_ phrase: String) {
        #expect(!page.text.contains(phrase), "\(phrase) leaked into the body")
    }

    @Test func headlineIsNotRepeatedAsFirstLine() {
        #expect(!page.text.contains("Ruritania expels two diplomats"))
    }

    @Test func metadata() {
        let article = page.article
        #expect(article.title == "Ruritania expels two diplomats after border talks collapse")
        #expect(article.byline == "Flavia Elphberg")
        #expect(article.published == "2024-03-05T09:30:00+01:00")
        #expect(article.language == "en-GB")
        #expect(article.url == "https://courier.example/world/2024/03/05/ruritania-expels-diplomats")
        #expect(article.caption == "The foreign ministry building in Strelsau on Monday.")
        #expect(article.credit == "Rudolf Rassendyll / Courier Pictures")
        #expect(article.tags == ["Ruritania", "Borduria", "diplomacy"])
        #expect(article.related == ["Borduria recalls its ambassador from Strelsau for consultations",
                                    "Flooded villages on the Ruritanian border wait for help"])
        #expect(article.subheads == ["Years of dispute"])
        #expect(page.diagnostics.isEmpty, "\(page.diagnostics)")
    }
}

@Suite("HTML extraction: text layout")
struct HTMLLayoutTests {
    @Test func brParagraphsEntitiesAndWhitespace() throws {
        let page = HTMLExtractor().extract(html: try HTMLFixtures.string("br-layout.html"), url: nil)
        #expect(page.paragraphTexts.count == 3)
        #expect(page.paragraphTexts.first == "The harvest festival returned to Zenda on Saturday for the first time in four years, with stalls, music and a parade through the old town.")
        #expect(page.text.contains("more than 12,000 visitors came, far more than the 8,000"))
        #expect(page.text.contains("the café tents"))
        #expect(page.text.contains("“It felt like the whole valley was here,” said one stall holder — a baker"))
        #expect(page.text.contains("twenty years.\nShe said"))
        #expect(page.article.title == "Harvest festival returns to Zenda")
        #expect(page.article.published == "2023-09-14")
        checkHTMLInvariants(page)
    }

    /// White space between inline elements is a space; between blocks, a paragraph break.
    @Test func inlineAndBlockBoundaries() {
        let html = "<html><body><div><p>Officials in <b>Ruritania</b> <i>said</i> on Tuesday that <a href=\"#\">two</a> <em>diplomats</em> had been expelled from the capital after talks.</p>"
            + "<div><span>The embassy</span> <span>was closed on Wednesday morning and its staff left the country by train for the border.</span></div></div></body></html>"
        let page = HTMLExtractor().extract(html: html, url: nil)
        #expect(page.paragraphTexts == [
            "Officials in Ruritania said on Tuesday that two diplomats had been expelled from the capital after talks.",
            "The embassy was closed on Wednesday morning and its staff left the country by train for the border.",
        ])
    }

    @Test(arguments: [
        ("<p style=\"display: none\">", "</p>"), ("<p hidden>", "</p>"), ("<div aria-hidden=\"true\">", "</div>"),
        ("<script>", "</script>"), ("<style>", "</style>"), ("<noscript>", "</noscript>"), ("<!--", "-->"),
        ("<template>", "</template>"), ("<SCRIPT type=\"text/javascript\">", "</SCRIPT >"),
    ])
    func hiddenTextIsNotLaidOut(open: String, close: String) {
        let secret = "The hidden sentence about the secret treaty should never be visible to any reader of the page."
        let html = "<html><body><article><p>\(Self.story)</p>\(open)\(secret)\(close)<p>\(Self.story2)</p></article></body></html>"
        let page = HTMLExtractor().extract(html: html, url: nil)
        #expect(!page.text.contains("secret treaty"))
        #expect(page.text.contains("neighbouring Borduria"))
        #expect(page.text.contains("The two countries"))
    }

    static let story = "Officials in Ruritania said on Tuesday that two diplomats from neighbouring Borduria had been ordered to leave the country within two days."
    static let story2 = "The two countries have argued for more than a decade over the course of the river, which shifted after the floods of 2011."
}

@Suite("HTML extraction: page shapes")
struct HTMLPageShapeTests {
    static let article = [
        "Officials in Ruritania said on Tuesday that two diplomats from Borduria had been ordered to leave within two days.",
        "The foreign ministry accused the two men of activities incompatible with their status, a phrase used for espionage.",
        "Negotiators had met in the border town of Zenda for three days of talks, the fourth round of talks this year.",
    ]

    static func teaser(_ i: Int) -> String {
        "<li class=\"card\"><div class=\"card-info\"><span>Tuesday 5 March</span><h3><a href=\"/t/\(i)\">Teaser headline number \(i) about another story</a></h3>"
            + "<div class=\"card-description\">This is the longer description of teaser number \(i), which talks about a different story on the same site entirely.</div></div></li>"
    }

    /// A short story above a long list of teaser cards whose descriptions
    /// together hold more text than the story: the story's own box wins
    /// (each description sits in its own card).
    @Test func teaserCardsDoNotOutweighAShortStory() {
        let body = Self.article.map { "<p>\($0)</p>" }.joined()
        let teasers = (1...12).map(Self.teaser).joined()
        let html = "<html><body><main><article><h1>Diplomats expelled</h1><div class=\"text\">\(body)</div></article></main>"
            + "<div class=\"below\"><ul class=\"list\">\(teasers)</ul></div></body></html>"
        let page = HTMLExtractor().extract(html: html, url: nil)
        #expect(page.paragraphTexts == Self.article)
    }

    /// A furniture word on a wrapper around everything ("sidebar-layout")
    /// must not empty the page: the cue-misfire fallback takes over.
    @Test func cueOnAWrapperAroundEverything() {
        let body = Self.article.map { "<p>\($0)</p>" }.joined()
        let html = "<html><body><div class=\"sidebar-layout\"><div class=\"menu\"><a href=\"/\">Home</a></div><div>\(body)</div></div></body></html>"
        let page = HTMLExtractor().extract(html: html, url: nil)
        #expect(page.paragraphTexts == Self.article)
        #expect(!page.text.contains("Home"))
    }

    /// The same story in two boxes of one class, an ad box between them.
    @Test(arguments: [0, 1, 2])
    func storySplitByAdSlot(wrapping: Int) {
        let open = String(repeating: "<div class=\"row\">", count: wrapping)
        let close = String(repeating: "</div>", count: wrapping)
        let html = "<html><body><article>"
            + "\(open)<div class=\"story-part\"><p>\(Self.article[0])</p><p>\(Self.article[1])</p></div>\(close)"
            + "<div class=\"ad-slot\"><p>Advertisement</p></div>"
            + "\(open)<div class=\"story-part\"><p>\(Self.article[2])</p></div>\(close)"
            + "</article><div class=\"comments\"><p>A reader comment that is long enough to look like a paragraph of real text.</p></div></body></html>"
        let page = HTMLExtractor().extract(html: html, url: nil)
        #expect(page.paragraphTexts == Self.article)
    }

    @Test func emptyAndTextlessPagesSayWhy() {
        let page = HTMLExtractor().extract(html: "<html><head><title>x</title></head><body><img src=a.png></body></html>", url: nil)
        #expect(page.text.isEmpty)
        #expect(page.diagnostics.map(\.id).contains("SR-HTML-004"))
    }
}

@Suite("HTML extraction: charsets")
struct HTMLCharsetTests {
    static let body = "<p>Le caf\u{E9} de la place \u{E9}tait plein ce matin, et les habitants de Zenda parlaient tous de la fronti\u{E8}re ferm\u{E9}e.</p>"

    /// Windows-1252 bytes for a string of Latin-1 and ASCII characters.
    static func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value) } }

    @Test(arguments: [
        ("meta charset", "<meta charset=\"iso-8859-1\">", true),
        ("http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", true),
        ("undeclared legacy", "", true),
        ("declared latin-1 over UTF-8", "<meta charset=\"ISO-8859-1\">", false),
        ("declared UTF-8", "<meta charset=\"utf-8\">", false),
    ])
    func decodes(_ name: String, head: String, legacyBytes: Bool) {
        let html = "<html><head>\(head)</head><body>\(Self.body)</body></html>"
        let bytes = legacyBytes ? Self.latin1(html) : Array(html.utf8)
        let page = HTMLExtractor().extract(bytes: bytes, url: nil)
        #expect(page.text.contains("Le café de la place était plein"), "\(name): \(page.text)")
        #expect(page.text.contains("frontière fermée"), "\(name)")
    }

    @Test func windows1252PunctuationRange() {
        // 0x93/0x94 are curly quotes and 0x80 the euro sign in Windows-1252.
        let bytes = Array("<html><body><p>".utf8) + [0x93] + Array("Prices rose to 5".utf8) + [0x80] + Array(" a loaf,".utf8) + [0x94]
            + Array(" said the baker of Zenda, who has sold bread at the market for twenty years.</p></body></html>".utf8)
        let page = HTMLExtractor().extract(bytes: bytes, url: nil)
        #expect(page.text.hasPrefix("“Prices rose to 5€ a loaf,” said the baker"))
        #expect(page.diagnostics.contains { $0.id == "SR-HTML-005" })
    }

    @Test(arguments: [(true, "UTF-16LE"), (false, "UTF-16BE")])
    func utf16WithByteOrderMark(littleEndian: Bool, _ label: String) {
        let html = "<html><body>\(Self.body)</body></html>"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in html.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let page = HTMLExtractor().extract(bytes: bytes, url: nil)
        #expect(page.text.contains("Le café de la place"), "\(label)")
    }

    @Test(arguments: [
        ("<meta charset=\"utf-8\">", "utf-8"), ("<META CHARSET=UTF-8>", "utf-8"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>", "shift_jis"),
        ("<meta name=\"x\">", nil),
    ] as [(String, String?)])
    func declaredCharsetPrescan(_ head: String, _ expected: String?) {
        #expect(HTMLExtractor.declaredCharset(Array(head.utf8), limit: 4096) == expected)
    }
}

@Suite("HTML extraction: metadata rules")
struct HTMLMetadataTests {
    @Test(arguments: [
        ("2024-03-05", "2024-03-05"), ("2024-03-05T09:30:00+01:00", "2024-03-05T09:30:00+01:00"),
        ("2024-03-05 09:30:00", "2024-03-05T09:30:00"), ("2024/03/05", "2024-03-05"), ("20240305", "2024-03-05"),
        ("2019-11-19T01:19:34.819Z", "2019-11-19T01:19:34.819Z"), ("March 5, 2024", nil), ("2024-13-05", nil), ("", nil),
    ] as [(String, String?)])
    func dates(_ raw: String, _ expected: String?) {
        #expect(HTMLMetadata.normalizeDate(raw) == expected)
    }

    @Test(arguments: [
        ("Ruritania expels two diplomats | The Courier", "Ruritania expels two diplomats"),
        ("Harvest festival returns to Zenda - Zenda Weekly", "Harvest festival returns to Zenda"),
        ("Zenda - Strelsau - Borduria travel guide for the long summer holidays", "Zenda - Strelsau - Borduria travel guide for the long summer holidays"),
        ("Home | News", "Home | News"),
    ])
    func titleSuffix(_ raw: String, _ expected: String) {
        #expect(HTMLMetadata.cleanTitle(raw) == expected)
    }

    @Test func jsonLDGraphAndAuthorArray() {
        let ld = JSONLD([#"{"@graph":[{"@type":"WebSite","name":"Courier"},{"@type":["NewsArticle"],"headline":"Talks collapse","author":[{"name":"A. Elphberg"},{"name":"R. Rassendyll"}],"datePublished":"2024-03-05"}]}"#,
                         "{ not json"])
        #expect(ld.headline == "Talks collapse")
        #expect(ld.author == "A. Elphberg and R. Rassendyll")
        #expect(ld.datePublished == "2024-03-05")
    }
}

@Suite("HTML extraction: the raw-text prefilter")
struct HTMLPrefilterTests {
    @Test(arguments: [
        ("<p>a</p><script>if (x < 1) { y('</p>') }</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
        ("<style>p{}</style>x", "<style></style>x"),
        ("a<!-- <p>hidden</p> -->b", "ab"),
        ("<script type=\"application/ld+json\">{\"a\":1}</script>", "<script type=\"application/ld+json\">{\"a\":1}</script>"),
        ("<scripts>kept</scripts>", "<scripts>kept</scripts>"),
        ("<svg viewBox='0 0 1 1'><path d='M0'/></svg>after", "<svg viewBox='0 0 1 1'></svg>after"),
        ("<script>never closed", "<script>"),
        ("<!-- never closed", ""),
    ])
    func cutsRawTextOnly(_ input: String, _ expected: String) {
        #expect(String(decoding: HTMLPrefilter.apply(Array(input.utf8)), as: UTF8.self) == expected)
    }

    /// The prefilter is a speed step only: the fixture gives the same result without it.
    @Test func sameResultWithoutPrefilter() throws {
        let bytes = try HTMLFixtures.bytes("news-article.html")
        var settings = HTMLExtractor.Settings()
        settings.dropRawTextBeforeParsing = false
        #expect(HTMLExtractor(settings: settings).extract(bytes: bytes, url: nil) == HTMLExtractor().extract(bytes: bytes, url: nil))
    }
}

/// Malformed input never crashes, never hangs and never writes to stderr.
@Suite("HTML extraction: malformed input", .serialized)
struct HTMLMalformedInputTests {
    static let paragraph = "<p>Officials in Ruritania said on Tuesday that two diplomats from Borduria had been ordered to leave within two days.</p>"

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static let cases: [(String, [UInt8])] = [
        ("empty", []),
        ("whitespace", Array("  \n\t ".utf8)),
        ("text only", Array("Just some words without any markup at all.".utf8)),
        ("unclosed tags", Array(("<html><body><div><p>" + String(repeating: "<div><span><b><i>text ", count: 2000) + paragraph).utf8)),
        ("stray closing tags", Array((String(repeating: "</div></p></table>", count: 3000) + paragraph).utf8)),
        ("binary", randomBytes(200_000, seed: 42)),
        ("NUL bytes", Array("<p>before\u{0}after</p>".utf8) + [0, 0, 0] + Array(paragraph.utf8)),
        ("truncated tag", Array("<html><body><p>Officials said<a href=\"http://exa".utf8)),
        ("wrong charset label", Array("<meta charset=\"x-no-such-charset\"><p>caf\u{E9}</p>".utf8)),
        ("invalid UTF-8 under a UTF-8 label", Array("<meta charset=\"utf-8\"><p>".utf8) + [0xC3, 0x28, 0xFF, 0xE2, 0x82] + Array(paragraph.utf8)),
        ("unterminated comment", Array(("<p>visible</p><!--" + String(repeating: "x", count: 10_000)).utf8)),
        ("huge attribute", Array(("<div class=\"" + String(repeating: "a", count: 1_000_000) + "\">" + paragraph + "</div>").utf8)),
    ]

    @Test(arguments: cases.map(\.0))
    func neverCrashes(_ name: String) throws {
        let bytes = try #require(Self.cases.first { $0.0 == name }?.1)
        let page = HTMLExtractor().extract(bytes: bytes, url: nil)
        checkHTMLInvariants(page)
        if bytes.isEmpty { #expect(page.text.isEmpty && page.diagnostics.contains { $0.id == "SR-HTML-004" }) }
        if name == "unclosed tags" || name == "stray closing tags" { #expect(page.text.contains("Officials in Ruritania")) }
    }

    /// libxml2 2.9 halts at depth 256 unless told otherwise; the text past
    /// that depth must still come out (300), and 100,000 levels must not hang.
    @Test(arguments: [300, 100_000])
    func deepNesting(_ depth: Int) {
        let html = String(repeating: "<div>", count: depth) + Self.paragraph + String(repeating: "</div>", count: depth)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let page = HTMLExtractor().extract(html: html, url: nil)
            checkHTMLInvariants(page)
            #expect(page.text.contains("Officials in Ruritania said on Tuesday"))
        }
        #expect(elapsed < .seconds(30), "\(depth)-deep nesting took \(elapsed)")
    }

    /// Deep nesting with text at every level: the tracked depth cap keeps the
    /// scoring linear.
    @Test func deepNestingWithTextEverywhere() {
        let html = String(repeating: "<div>word ", count: 50_000)
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = HTMLExtractor().extract(html: html, url: nil).text }
        #expect(text.hasPrefix("word"))
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    @Test func fiftyMegabytePage() {
        // The shape of a real page, scaled up: over half of the bytes are script.
        let script = "<script>var slots = [" + String(repeating: "{\"id\": \"ad-1\", \"size\": [300, 250]}, ", count: 6) + "];</script>"
        let unit = "<div class=\"item\"><p>Officials in Ruritania said on Tuesday that talks had collapsed again.</p>\(script)</div>\n"
        let count = 50_000_000 / unit.utf8.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50_000_000 + 100)
        bytes += Array("<html><body>".utf8)
        let unitBytes = Array(unit.utf8)
        for _ in 0..<count { bytes += unitBytes }
        let clock = ContinuousClock()
        var page: ExtractedArticle?
        let elapsed = clock.measure { page = HTMLExtractor().extract(bytes: bytes, url: nil) }
        #expect(page?.text.contains("talks had collapsed again") == true)
        #expect(elapsed < .seconds(120), "50 MB took \(elapsed)")
    }

    @Test func pageOverTheSizeLimitIsCutWithDiagnostic() {
        var settings = HTMLExtractor.Settings()
        settings.maxPageBytes = 1000
        let html = "<html><body>" + String(repeating: Self.paragraph, count: 100) + "</body></html>"
        let page = HTMLExtractor(settings: settings).extract(html: html, url: nil)
        #expect(page.diagnostics.contains { $0.id == "SR-HTML-006" })
        #expect(page.text.utf8.count < 1000)
    }

    /// Extraction is a pure function of its input: the same page from
    /// several threads at once gives the same result.
    @Test func concurrentExtractionsAgree() async throws {
        let bytes = try HTMLFixtures.bytes("news-article.html")
        let expected = HTMLExtractor().extract(bytes: bytes, url: nil)
        let results = await withTaskGroup(of: ExtractedArticle.self) { group in
            for _ in 0..<8 { group.addTask { HTMLExtractor().extract(bytes: bytes, url: nil) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
