import Testing
import SitrepCore
@testable import SitrepStages

/// The stages that work sentence by sentence read the tokenizer's recorded
/// ranges (``Document/sentenceTokenRanges``) when they are there, and find the
/// ranges from the spans when they are not: the output must be the same.
@Suite struct SentenceTokenRangesTests {
    static let text = """
        Ruritania's army crossed the border on Tuesday. \
        The defence minister said two days later that 1,200 troops would stay until March 2025.
        Officials in Vitrova condemned the move.
        """

    /// The document after the text layer, with its ranges recorded.
    func tokenized() throws -> Document {
        var doc = Document(id: "r", input: .cleanText(Self.text), published: "2024-03-13")
        doc.setArticle(text: Self.text, article: Article(), paragraphs: [TextSpan(start: 0, end: Self.text.utf8.count)])
        try SentenceStage().process(&doc)
        try TokenStage().process(&doc)
        return doc
    }

    @Test func stagesGiveTheSameOutputWithAndWithoutRecordedRanges() throws {
        var recorded = try tokenized()
        #expect(recorded.sentences.count == 3 && recorded.sentenceTokenRanges?.count == 3)
        var found = recorded
        found.tokens = recorded.tokens    // the same tokens, their ranges dropped
        #expect(found.sentenceTokenRanges == nil)
        for stage in [EntityStage() as any Stage, SyntaxStage(), TimeStage()] {
            try stage.process(&recorded)
            try stage.process(&found)
        }
        #expect(recorded.sentenceTokenRanges != nil)
        #expect(!recorded.times.isEmpty && !recorded.entities.isEmpty)
        #expect(recorded.times.map(\.span) == found.times.map(\.span))
        #expect(recorded.times.map(\.value) == found.times.map(\.value))
        #expect(recorded.entities.map(\.span) == found.entities.map(\.span))
        #expect(recorded.syntax == found.syntax)
        // Sentence-relative heads: the third sentence's root is inside it.
        let third = recorded.sentenceTokenRanges![2]
        #expect(third.contains { recorded.syntax[$0].head == -1 })
        try recorded.validate()
    }

    @Test func emptyRangesAreSkipped() throws {
        // Three sentences, the second white space only.
        let text = "Ruritania votes.   Turnout high."
        var doc = Document(id: "e", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        doc.sentences = [TextSpan(start: 0, end: 16), TextSpan(start: 16, end: 19), TextSpan(start: 19, end: 32)]
        try TokenStage().process(&doc)
        #expect(doc.sentenceTokenRanges == [0..<3, 3..<3, 3..<6])
        #expect(doc.nonEmptySentenceTokenRanges == [0..<3, 3..<6])
        doc.sentences = [TextSpan(start: 0, end: 32)]
        #expect(doc.nonEmptySentenceTokenRanges == nil)
    }
}
