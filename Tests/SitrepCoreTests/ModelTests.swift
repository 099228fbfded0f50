import Synchronization
import Testing
@testable import SitrepCore

@Suite struct CodePointIndexTests {
    @Test(arguments: [
        "plain ASCII text",
        "Türkiye’s «jets» struck — 😀 👩‍👩‍👧 e\u{301}",
        String(repeating: "é😀a", count: 300),
        "",
    ])
    func agreesWithSwiftScalarCounts(text: String) {
        let index = CodePointIndex(text)
        var byteOffset = 0
        var scalarOffset = 0
        for scalar in text.unicodeScalars {
            #expect(index.codePoint(atByte: byteOffset) == scalarOffset)
            byteOffset += String(scalar).utf8.count
            scalarOffset += 1
        }
        #expect(index.codePoint(atByte: byteOffset) == scalarOffset)
        #expect(index.codePointCount == text.unicodeScalars.count)
    }
}

/// A stage for pipeline tests that adds a fixed layer.
private struct FakeStage: Stage {
    let name: String
    let version = "test.v1"
    let requires: Set<Layer>
    let provides: Set<Layer>
    var action: @Sendable (inout Document) throws -> Void = { _ in }
    func process(_ doc: inout Document) throws { try action(&doc) }
}

private struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }

@Suite struct PipelineTests {
    @Test func refusesAChainWithAGap() {
        let extract = FakeStage(name: "extract", requires: [], provides: [.article])
        let entities = FakeStage(name: "entities", requires: [.tokens], provides: [.entities])
        #expect(throws: PipelineError.missingLayers(stage: "entities", missing: [.tokens], provided: [.article])) {
            try Pipeline([extract, entities])
        }
    }

    @Test func recordsProvenanceInOrder() throws {
        let extract = FakeStage(name: "extract", requires: [], provides: [.article, .paragraphs]) { doc in
            doc.setArticle(text: "Ruritania expelled two diplomats.", article: Article(title: "Expelled"), paragraphs: [TextSpan(start: 0, end: 33)])
        }
        let sentences = FakeStage(name: "sentences", requires: [.article], provides: [.sentences]) { doc in
            doc.sentences = [TextSpan(start: 0, end: 33)]
        }
        let doc = try Pipeline([extract, sentences]).run(.cleanText("x"), id: "d1")
        #expect(doc.provenance.map(\.stage) == ["extract", "sentences"])
        #expect(doc.layers == [.article, .paragraphs, .sentences])
        #expect(doc.producer(of: .sentences)?.version == "test.v1")
        #expect(doc.text(of: TextSpan(start: 10, end: 18)) == "expelled")
        try doc.validate()
    }

    /// A batch runs stage by stage, and each document comes out as it would
    /// alone; a document whose stage fails stops there, and the others go on.
    @Test func runsABatchStageByStage() throws {
        let order = Mutex<[String]>([])
        let extract = FakeStage(name: "extract", requires: [], provides: [.article]) { doc in
            order.withLock { $0.append("extract \(doc.id)") }
            doc.setArticle(text: "Ruritania expelled two diplomats.", article: Article(), paragraphs: [])
        }
        let times = FakeStage(name: "times", requires: [.article], provides: [.times]) { doc in
            order.withLock { $0.append("times \(doc.id)") }
            if doc.id == "d2" { throw Boom() }
            doc.times = [TimeExpression(span: TextSpan(start: 0, end: 9), type: .date, value: doc.id)]
        }
        let quotes = FakeStage(name: "quotes", requires: [.article], provides: [.quotes]) { doc in
            order.withLock { $0.append("quotes \(doc.id)") }
        }
        let pipeline = try Pipeline([extract, times, quotes])
        var docs = ["d1", "d2", "d3"].map { Document(id: $0, input: .cleanText("x")) }
        let failures = pipeline.process(batch: &docs)
        #expect(order.withLock { $0 } == ["extract d1", "extract d2", "extract d3", "times d1", "times d2", "times d3", "quotes d1", "quotes d3"])
        #expect(failures == [nil, .stageFailed(stage: "times", document: "d2", reason: "boom"), nil])
        let alone = try pipeline.run(.cleanText("x"), id: "d1")
        #expect(docs[0].text == alone.text && docs[0].times == alone.times && docs[0].provenance == alone.provenance)
        #expect(docs[2].times.map(\.value) == ["d3"])
        #expect(docs[1].provenance.map(\.stage) == ["extract"])
        #expect(docs[2].provenance.map(\.stage) == ["extract", "times", "quotes"])
    }

    @Test func namesTheStageThatFailed() {
        let failing = FakeStage(name: "times", requires: [], provides: [.times]) { _ in throw Boom() }
        #expect(throws: PipelineError.stageFailed(stage: "times", document: "d9", reason: "boom")) {
            try Pipeline([failing]).run(.cleanText("x"), id: "d9")
        }
    }
}

@Suite struct DocumentInvariantTests {
    private func document(_ text: String) -> Document {
        var doc = Document(id: "t", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        return doc
    }

    @Test func rejectsASpanInsideAUTF8Sequence() {
        var doc = document("é bien")
        doc.sentences = [TextSpan(start: 1, end: 7)]
        #expect(throws: Document.InvariantViolation.self) { try doc.validate() }
    }

    @Test func rejectsOverlappingTokensAndTokensOutsideSentences() {
        var doc = document("Ankara warned. Baghdad replied.")
        doc.sentences = [TextSpan(start: 0, end: 14), TextSpan(start: 15, end: 31)]
        doc.tokens = [Token(span: TextSpan(start: 0, end: 6)), Token(span: TextSpan(start: 4, end: 13))]
        #expect(throws: Document.InvariantViolation.self) { try doc.validate() }
        doc.tokens = [Token(span: TextSpan(start: 12, end: 16))]
        #expect(throws: Document.InvariantViolation.self) { try doc.validate() }
        doc.tokens = [Token(span: TextSpan(start: 0, end: 6)), Token(span: TextSpan(start: 15, end: 22))]
        #expect(throws: Never.self) { try doc.validate() }
    }

    @Test func theSyntaxLayerHasOneEntryPerToken() {
        var doc = document("Ankara warned.")
        doc.sentences = [TextSpan(start: 0, end: 14)]
        doc.tokens = [Token(span: TextSpan(start: 0, end: 6)), Token(span: TextSpan(start: 7, end: 13)), Token(span: TextSpan(start: 13, end: 14))]
        #expect(doc.syntax(of: 1) == nil, "no syntax layer yet")
        let verb = TokenSyntax(upos: "VERB", xpos: "VBD", lemma: "warn", head: -1, deprel: "root")
        doc.syntax = [TokenSyntax(upos: "PROPN", xpos: "NNP", lemma: "Ankara", head: 1, deprel: "nsubj"), verb]
        #expect(throws: Document.InvariantViolation.self) { try doc.validate() }
        doc.syntax.append(TokenSyntax(upos: "PUNCT", xpos: ".", lemma: ".", head: 1, deprel: "punct"))
        #expect(throws: Never.self) { try doc.validate() }
        #expect(doc.syntax(of: 1) == verb)
    }

    @Test func findsTheSentenceOfAnOffset() {
        var doc = document("One. Two. Three.")
        doc.sentences = [TextSpan(start: 0, end: 4), TextSpan(start: 5, end: 9), TextSpan(start: 10, end: 16)]
        #expect(doc.sentenceIndex(containing: 0) == 0)
        #expect(doc.sentenceIndex(containing: 6) == 1)
        #expect(doc.sentenceIndex(containing: 4) == nil)
        #expect(doc.sentenceIndex(containing: 15) == 2)
        #expect(doc.sentenceIndex(containing: 16) == nil)
    }
}

@Suite struct DocumentTests {
    @Test func tokensCoveredBySpansInAnyOrder() {
        let words = ["The", "United", "Nations", "met", "in", "New", "York", "on", "Monday", "."]
        let text = "The United Nations met in New York on Monday."
        var doc = Document(id: "t", input: .cleanText(text))
        var offset = 0
        doc.tokens = words.map { word in
            let start = offset + (word == "." || offset == 0 ? 0 : 1)
            offset = start + word.utf8.count
            return Token(span: TextSpan(start: start, end: offset))
        }
        #expect(doc.tokens.map { String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) } == words)
        // "New York" (bytes 26-34), "United Nations" (4-18), "Mon" (38-41), given out of order.
        let covered = doc.tokensCovered(by: [TextSpan(start: 26, end: 34), TextSpan(start: 4, end: 18), TextSpan(start: 38, end: 41)])
        #expect(covered == [false, true, true, false, false, true, true, false, true, false])
        #expect(doc.tokensCovered(by: []) == Array(repeating: false, count: 10))
    }
}
