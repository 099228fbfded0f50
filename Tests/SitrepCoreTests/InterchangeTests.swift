import Testing
@testable import SitrepCore

@Suite struct InterchangeRequestTests {
    private func parse(_ line: String) throws(InterchangeError) -> InterchangeRequest {
        try InterchangeRequest.parse(line: Array(line.utf8))
    }

    @Test func readsEachInputKind() throws {
        #expect(try parse(#"{"id":"a","text":"Page text"}"#).input == .scrapedText("Page text"))
        #expect(try parse(#"{"id":"a","text":"Article","clean":true}"#).input == .cleanText("Article"))
        #expect(try parse(#"{"id":"a","html":"<p>x</p>"}"#).input == .html("<p>x</p>"))
        #expect(try parse(#"{"id":7,"tokens":[["EU","rejects"],["Fine","."]]}"#).input == .tokens([["EU", "rejects"], ["Fine", "."]]))
        let request = try parse(#"{"id":"r1","text":"x","url":"https://example.org/a","published":"2020-06-08T10:00:00Z"}"#)
        #expect(request.url == "https://example.org/a")
        #expect(request.published == "2020-06-08T10:00:00Z")
        #expect(request.idString == "r1")
    }

    @Test(arguments: [
        (#"[1,2]"#, "SR-IN-003"),
        (#"{"text":"x"}"#, "SR-IN-004"),
        (#"{"id":null,"text":"x"}"#, "SR-IN-005"),
        (#"{"id":"a","text":5}"#, "SR-IN-005"),
        (#"{"id":"a","clean":"yes","text":"x"}"#, "SR-IN-005"),
        (#"{"id":"a","tokens":[["a",1]]}"#, "SR-IN-005"),
        (#"{"id":"a"}"#, "SR-IN-006"),
        (#"{"id":"a","text":"x","html":"y"}"#, "SR-IN-007"),
        (#"{"id":"a", "text": "x"#, "SR-IN-002"),
    ])
    func refusesBadLinesWithAStableCode(line: String, code: String) {
        #expect {
            try parse(line)
        } throws: { error in
            (error as? InterchangeError)?.code == code
        }
    }

    @Test(arguments: [
        ("2021-02-30", nil),
        ("last week", nil),
        ("9:55 AM ET", nil),
        ("Wed Nov 23", nil),
        ("24 November 2016", "2016-11-24"),
        ("Nov. 24, 2016", "2016-11-24"),
        ("Thu, 24 Nov 2016 09:55:00 GMT", "2016-11-24"),
        ("2016/11/24", "2016-11-24"),
        ("31 June 2016", nil),
    ] as [(String, String?)])
    func readsOtherDateFormatsOrDropsThemWithANote(given: String, expected: String?) throws {
        let request = try parse(#"{"id":"a","text":"x","published":"\#(given)"}"#)
        #expect(request.published == expected)
        #expect(request.dateNote?.contains(given) == true)
    }

    @Test func validatesDocumentDates() {
        #expect(DocumentDate.isValid("2024-02-29"))
        #expect(!DocumentDate.isValid("2023-02-29"))
        #expect(DocumentDate.isValid("1987-02-26T15:01:01"))
        #expect(!DocumentDate.isValid("1987-02-26x"))
        #expect(!DocumentDate.isValid("87-02-26"))
    }
}

@Suite struct InterchangeEncoderTests {
    @Test func writesCodePointOffsetsAndEchoesTheID() throws {
        let text = "Türkiye’s jets struck. Baghdad protested."
        var doc = Document(id: "x", input: .cleanText(text), published: "2026-03-03")
        doc.setArticle(text: text, article: Article(title: "Strikes"), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
        let second = text.utf8.count - "Baghdad protested.".utf8.count
        doc.sentences = [TextSpan(start: 0, end: second - 1), TextSpan(start: second, end: text.utf8.count)]
        doc.entities = [EntityMention(span: TextSpan(start: second, end: second + 7), type: .location)]
        let bytes = InterchangeEncoder.encode(doc, id: .number(42, text: "42"))
        let value = try JSONReader.read(bytes)
        #expect(value["id"] == .number(42, text: "42"))
        #expect(value["schema"] == .string("sitrep.document/1"))
        #expect(value["article"]?["text"] == .string(text))
        #expect(value["article"]?["published"] == .string("2026-03-03"))
        // "Türkiye’s" has two multi-byte characters: byte and code-point offsets differ.
        let secondCodePoint = text.unicodeScalars.count - "Baghdad protested.".unicodeScalars.count
        #expect(value["sentences"] == .array([
            .object([("start", .number(0, text: "0")), ("end", .number(Double(secondCodePoint - 1), text: "\(secondCodePoint - 1)"))]),
            .object([("start", .number(Double(secondCodePoint), text: "\(secondCodePoint)")), ("end", .number(Double(text.unicodeScalars.count), text: "\(text.unicodeScalars.count)"))]),
        ]))
        #expect(value["entities"]?.arrayValue?.first?["text"] == .string("Baghdad"))
        #expect(value["error"] == .null)
        #expect(value["events"] == .array([]))
    }

    @Test func syntaxTokensCarryDocumentLevelHeads() throws {
        let text = "Ankara protested. Iraq’s jets struck."
        var doc = Document(id: "x", input: .cleanText(text), published: nil)
        doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
        let second = "Ankara protested. ".utf8.count
        doc.sentences = [TextSpan(start: 0, end: second - 1), TextSpan(start: second, end: text.utf8.count)]
        func span(_ word: String, from: Int = 0) -> TextSpan {
            let bytes = Array(text.utf8)
            let needle = Array(word.utf8)
            let start = (from...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
            return TextSpan(start: start, end: start + needle.count)
        }
        // Heads in the model are sentence-local: "jets" (1) heads "Iraq’s" in sentence two.
        let words: [(String, Int, TokenSyntax)] = [
            ("Ankara", 0, TokenSyntax(upos: "PROPN", xpos: "NNP", lemma: "Ankara", head: 1, deprel: "nsubj")),
            ("protested", 0, TokenSyntax(upos: "VERB", xpos: "VBD", lemma: "protest", head: -1, deprel: "root")),
            (".", 0, TokenSyntax(upos: "PUNCT", xpos: ".", lemma: ".", head: 1, deprel: "punct")),
            ("Iraq’s", second, TokenSyntax(upos: "PROPN", xpos: "NNP", lemma: "Iraq", head: 1, deprel: "nmod:poss")),
            ("jets", second, TokenSyntax(upos: "NOUN", xpos: "NNS", lemma: "jet", head: 2, deprel: "nsubj")),
            ("struck", second, TokenSyntax(upos: "VERB", xpos: "VBD", lemma: "strike", head: -1, deprel: "root")),
            (".", second, TokenSyntax(upos: "PUNCT", xpos: ".", lemma: ".", head: 2, deprel: "punct")),
        ]
        doc.tokens = words.map { Token(span: span($0.0, from: $0.1)) }
        doc.syntax = words.map(\.2)
        let value = try JSONReader.read(InterchangeEncoder.encode(doc, id: .string("x"), options: .init(includeSyntax: true)))
        let tokens = try #require(value["tokens"]?.arrayValue)
        #expect(tokens.count == 7)
        #expect(tokens.map { $0["text"]?.stringValue } == ["Ankara", "protested", ".", "Iraq’s", "jets", "struck", "."])
        let heads: [Int?] = [1, nil, 1, 4, 5, nil, 5]
        #expect(tokens.map { $0["head"] } == heads.map { head in Optional(head.map { JSONValue.number(Double($0), text: "\($0)") } ?? .null) })
        #expect(tokens[4]["lemma"] == .string("jet"))
        #expect(tokens[4]["upos"] == .string("NOUN"))
        #expect(tokens[4]["xpos"] == .string("NNS"))
        #expect(tokens[3]["deprel"] == .string("nmod:poss"))
        // Offsets are code points: "’" is three bytes, one code point.
        #expect(tokens[4]["start"] == .number(Double(second + 7), text: "\(second + 7)"))
        // Without the option, no tokens at all; with --tokens only, bare spans.
        #expect(try JSONReader.read(InterchangeEncoder.encode(doc, id: .string("x")))["tokens"] == nil)
        let spans = try JSONReader.read(InterchangeEncoder.encode(doc, id: .string("x"), options: .init(includeTokens: true)))["tokens"]
        #expect(spans?.arrayValue?.first == .array([.number(0, text: "0"), .number(6, text: "6")]))
    }

    @Test func errorLinesCarryTheLineNumberWhenThereIsNoID() throws {
        let value = try JSONReader.read(InterchangeEncoder.encodeError(id: nil, line: 17, code: "SR-IN-002", message: "bad"))
        #expect(value["id"] == .number(17, text: "17"))
        #expect(value["error"]?["code"] == .string("SR-IN-002"))
    }

    @Test func tagsTokensInIOB2() {
        let text = "The European Union met\nin Brussels ."
        var doc = Document(id: "t", input: .tokens([["The", "European", "Union", "met"], ["in", "Brussels", "."]]))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        let offsets = [(0, 3), (4, 12), (13, 18), (19, 22), (23, 25), (26, 34), (35, 36)]
        doc.tokens = offsets.map { Token(span: TextSpan(start: $0.0, end: $0.1)) }
        doc.entities = [
            EntityMention(span: TextSpan(start: 4, end: 18), type: .organization),
            EntityMention(span: TextSpan(start: 26, end: 34), type: .location),
        ]
        #expect(IOB2.tags(for: doc, sentenceLengths: [4, 3]) == [["O", "B-ORG", "I-ORG", "O"], ["O", "B-LOC", "O"]])
    }
}
