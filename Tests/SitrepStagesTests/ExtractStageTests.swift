import SitrepCore
import Testing
@testable import SitrepStages

@Suite("Extract stage")
struct ExtractStageTests {
    let stage = ExtractStage()

    private func run(_ input: DocumentInput, published: String? = nil, url: String? = nil) throws -> Document {
        var doc = Document(id: "doc-1", input: input, published: published, url: url)
        try Pipeline([stage]).process(&doc)
        return doc
    }

    @Test("the stage declares its name, version and layers")
    func declaration() throws {
        #expect(stage.name == "extract")
        #expect(stage.version == "text-rules.v1+html-cascade.v1")
        #expect(stage.requires.isEmpty)
        #expect(stage.provides == [.article, .paragraphs])
        let doc = try run(.cleanText("Talks resumed."))
        #expect(doc.producer(of: .article)?.stage == "extract")
        #expect(doc.layers == [.article, .paragraphs])
    }

    // MARK: - Scraped text

    @Test("scraped text: text, paragraphs and article come from the extractor; URL from the document")
    func scrapedText() throws {
        let doc = try run(.scrapedText(SampleArticle.text), url: "https://example.org/world/turkey-iraq")
        let extracted = ScrapedTextExtractor().extract(SampleArticle.text)
        #expect(doc.text == extracted.text)
        #expect(doc.paragraphs == extracted.paragraphs)
        #expect(doc.article.title == extracted.article.title)
        #expect(doc.article.url == "https://example.org/world/turkey-iraq")
        #expect(doc.article.published == SampleArticle.published)
        #expect(doc.published == SampleArticle.published, "the page's date is used when the caller gave none")
        try doc.validate()
    }

    @Test("span round trip: text(of:) of every paragraph equals the paragraph", arguments: ScrapedFixtures.names)
    func roundTrip(_ name: String) throws {
        let expected = try ScrapedFixtures.expected(name)
        let doc = try run(.scrapedText(try ScrapedFixtures.page(name)))
        #expect(doc.paragraphs.map { String(doc.text(of: $0)) } == expected.paragraphs)
        try doc.validate()
    }

    @Test("scraped text: the caller's date anchors the document and a different page date is reported")
    func callerDate() throws {
        let doc = try run(.scrapedText(SampleArticle.text), published: "2024-06-12T08:00:00Z")
        #expect(doc.published == "2024-06-12T08:00:00Z")
        #expect(doc.article.published == "2024-06-11")
        #expect(doc.diagnostics.contains { $0.id == "SR-EXT-010" && $0.stage == "extract" })

        let same = try run(.scrapedText(SampleArticle.text), published: "2024-06-11T09:40:00Z")
        #expect(!same.diagnostics.contains { $0.id == "SR-EXT-010" })
    }

    @Test("scraped text without a date keeps the caller's date in the article")
    func callerDateOnly() throws {
        let page = "Talks resume in Geneva after a pause\nOfficials in Ruritania said on Tuesday that the talks would resume next week in Geneva."
        let doc = try run(.scrapedText(page), published: "2025-01-07")
        #expect(doc.article.published == "2025-01-07")
        #expect(doc.diagnostics.contains { $0.id == "SR-EXT-002" })
    }

    @Test("scraped text: extractor diagnostics are attached to the document")
    func diagnostics() throws {
        let doc = try run(.scrapedText(""))
        #expect(doc.text.isEmpty)
        #expect(doc.diagnostics.map(\.id).contains("SR-EXT-004"))
        #expect(doc.diagnostics.allSatisfy { $0.stage == "extract" })
    }

    // MARK: - Clean text

    @Test("clean text is kept exactly; paragraphs are trimmed blocks between blank lines")
    func cleanText() throws {
        let text = "  First block, line one.\r\nLine two.  \r\n\r\n \t \n\nSecond block.\n\n\n   Third 👋 block.\n"
        let doc = try run(.cleanText(text), published: "2025-03-04", url: "https://example.org/a")
        #expect(doc.text == text)
        #expect(doc.paragraphs.map { String(doc.text(of: $0)) } == ["First block, line one.\r\nLine two.", "Second block.", "Third 👋 block."])
        #expect(doc.article.published == "2025-03-04")
        #expect(doc.article.url == "https://example.org/a")
        #expect(doc.article.title == nil)
        try doc.validate()
    }

    @Test("clean text edge cases", arguments: [
        ("", [String]()),
        ("\n\n  \n", []),
        ("One line without newline", ["One line without newline"]),
        ("a\n\nb", ["a", "b"]),
    ])
    func cleanTextEdges(_ text: String, _ blocks: [String]) throws {
        let doc = try run(.cleanText(text))
        #expect(doc.text == text)
        #expect(doc.paragraphs.map { String(doc.text(of: $0)) } == blocks)
    }

    // MARK: - Tokens

    @Test("tokens: text, sentences and tokens follow the caller's tokens exactly")
    func tokens() throws {
        let sentences = [["Ruritania", "expelled", "two", "diplomats", "."], ["“", "No", ",", "”", "she", "said", "."], ["Zürich", "👨‍👩‍👧"]]
        let doc = try run(.tokens(sentences), published: "2025-03-04")
        #expect(doc.text == "Ruritania expelled two diplomats .\n“ No , ” she said .\nZürich 👨‍👩‍👧")
        #expect(doc.sentences.count == 3)
        #expect(doc.paragraphs == doc.sentences)
        #expect(doc.tokens.map { String(doc.text(of: $0.span)) } == sentences.flatMap { $0 })
        #expect(doc.sentences.map { String(doc.text(of: $0)) } == ["Ruritania expelled two diplomats .", "“ No , ” she said .", "Zürich 👨‍👩‍👧"])
        #expect(doc.article.published == "2025-03-04")
        try doc.validate()
    }

    @Test("tokens: an empty sentence keeps its place so sentence indexes match the input")
    func emptySentence() throws {
        let doc = try run(.tokens([["Talks", "resumed", "."], [], ["Nobody", "was", "hurt", "."]]))
        #expect(doc.sentences.count == 3)
        #expect(doc.sentences[1].isEmpty)
        #expect(doc.tokens.count == 7)
        try doc.validate()
    }

    // MARK: - HTML

    @Test("HTML input goes through the HTML extractor, and the caller's URL wins")
    func html() throws {
        let page = """
        <html><head><title>Ruritania closes border | The Daily Example</title>
        <link rel="canonical" href="https://example.org/canonical"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Ruritania closes border</h1>
        <p>Ruritania closed its northern border on Tuesday after two days of clashes with smugglers, the interior ministry said in a statement.</p>
        <p>Officials said the crossing at Varna would stay shut until further notice, and that 300 extra police officers had been sent to the area.</p>
        </article><footer>All rights reserved.</footer></body></html>
        """
        var doc = Document(id: "doc-1", input: .html(page), url: "https://example.org/given")
        try stage.process(&doc)
        #expect(doc.text.hasPrefix("Ruritania closed its northern border on Tuesday"))
        #expect(!doc.text.contains("Home"))
        #expect(!doc.text.contains("All rights reserved"))
        #expect(doc.paragraphs.count == 2)
        #expect(doc.article.url == "https://example.org/given")
        try doc.validate()
        var anonymous = Document(id: "doc-2", input: .html(page))
        try stage.process(&anonymous)
        #expect(anonymous.article.url == "https://example.org/canonical")
    }
}
