import Testing
import SitrepCore
@testable import SitrepStages

/// One case per rule of ``QuoteStage``: which spans are quotes and who said them.
@Suite struct QuoteStageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let text: String
        /// Expected quotes as `span text => canonical speaker` (`-`: null speaker).
        let quotes: [String]
        var testDescription: String { rule }
    }

    static let marks: [Case] = [
        Case(rule: "straight marks, cue then name", text: "\"The bridge is closed,\" said Ana Berg.",
             quotes: ["\"The bridge is closed,\" => Ana Berg"]),
        Case(rule: "curly marks, titled name then cue", text: "“Talks failed,” Colonel Ivo Rask said.",
             quotes: ["“Talks failed,” => Ivo Rask"]),
        Case(rule: "guillemets with inner spaces", text: "« We stay », said Lea Moreau.",
             quotes: ["« We stay » => Lea Moreau"]),
        Case(rule: "single marks", text: "'The road is mined,' said Tom Reed.",
             quotes: ["'The road is mined,' => Tom Reed"]),
        Case(rule: "apostrophes are not quotes", text: "The farmers' union rejected Ruritania's offer.", quotes: []),
        Case(rule: "nested quote belongs to the outer one", text: "\"He said 'never' twice,\" said Ana Berg.",
             quotes: ["\"He said 'never' twice,\" => Ana Berg"]),
        Case(rule: "a quote spans sentences", text: "\"We wait. We hope,\" said Ana Berg.",
             quotes: ["\"We wait. We hope,\" => Ana Berg"]),
        Case(rule: "lost opening mark starts at the paragraph", text: "The dam will hold,\" engineer Piet Laan said.",
             quotes: ["The dam will hold,\" => Piet Laan"]),
        Case(rule: "a quote continued in the next paragraph",
             text: "Ana Berg spoke first. \"The water rose fast.\n\n\"Then the power failed,\" she said.",
             quotes: ["\"The water rose fast. => Ana Berg", "\"Then the power failed,\" => Ana Berg"]),
        Case(rule: "a quote sandwiching its cue", text: "\"We tried,\" said Ana Berg, \"and we failed.\"",
             quotes: ["\"We tried,\" => Ana Berg", "\"and we failed.\" => Ana Berg"]),
        Case(rule: "scare quotes are names, not speech", text: "Officials announced a so-called \"peace corridor\" on Monday.", quotes: []),
        Case(rule: "partial quote takes the subject of its cue", text: "The minister, Lina Dahl, called the vote \"a farce\".",
             quotes: ["\"a farce\" => Lina Dahl"]),
        Case(rule: "a quote without any cue has a null speaker", text: "The wall was painted overnight.\n\n\"Never again.\"",
             quotes: ["\"Never again.\" => -"]),
    ]

    static let indirect: [Case] = [
        Case(rule: "X said that CLAUSE", text: "Governor Rui Costa said that the roads would reopen soon.",
             quotes: ["the roads would reopen soon => Rui Costa"]),
        Case(rule: "X said CLAUSE, after a time adverbial", text: "Governor Rui Costa said on Friday the roads would reopen soon.",
             quotes: ["the roads would reopen soon => Rui Costa"]),
        Case(rule: "According to X, CLAUSE", text: "According to the health ministry, nine clinics have closed.",
             quotes: ["nine clinics have closed => the health ministry"]),
        Case(rule: "CLAUSE, according to X", text: "Nine clinics have closed, according to aid workers.",
             quotes: ["Nine clinics have closed => aid workers"]),
        Case(rule: "CLAUSE, X said", text: "The border post was abandoned, a police officer said.",
             quotes: ["The border post was abandoned => a police officer"]),
        Case(rule: "adding that continues the sentence's speaker", text: "\"No,\" Ana Berg said, adding that the plan had failed.",
             quotes: ["\"No,\" => Ana Berg", "the plan had failed => Ana Berg"]),
        Case(rule: "passive is not speech", text: "The ship is said to be badly damaged.", quotes: []),
        Case(rule: "declining to say reports nothing", text: "Officials declined to say how many soldiers died.", quotes: []),
        Case(rule: "a partial quote after declining to say has no speaker", text: "Officials declined to say whether the plan was \"premature\".",
             quotes: ["\"premature\" => -"]),
        Case(rule: "only say, tell and add take a clause without that", text: "The ministry announced new funds for rural schools.", quotes: []),
        Case(rule: "a clause with a partial quote is left to it", text: "Ana Berg said the plan was \"dead\" and buried.",
             quotes: ["\"dead\" => Ana Berg"]),
    ]

    static let speakers: [Case] = [
        Case(rule: "Mr. X is the full name seen earlier", text: "Opposition leader Karl Sand left early.\n\n\"I have said enough,\" Mr. Sand said.",
             quotes: ["\"I have said enough,\" => Karl Sand"]),
        Case(rule: "a bare surname is the full name seen earlier", text: "Opposition leader Karl Sand left early.\n\nSand said the vote was rigged.",
             quotes: ["the vote was rigged => Karl Sand"]),
        Case(rule: "the minister is the latest minister", text: "Interior Minister Eva Roos arrived.\n\n\"Order will return,\" the minister said.",
             quotes: ["\"Order will return,\" => Eva Roos"]),
        Case(rule: "an appositive role resolves later", text: "Nils Aas, a spokesman for the port, spoke first.\n\n\"Ships are waiting,\" the spokesman said.",
             quotes: ["\"Ships are waiting,\" => Nils Aas"]),
        Case(rule: "he is the latest person", text: "Police chief Jan Holm met union leader Ola Berg. \"We agreed on nothing,\" he said.",
             quotes: ["\"We agreed on nothing,\" => Ola Berg"]),
        Case(rule: "she skips a man", text: "Ms. Ida Falk and Mr. Per Lund appeared. \"It was chaos,\" she said.",
             quotes: ["\"It was chaos,\" => Ida Falk"]),
        Case(rule: "it is the latest organization", text: "The Red Crescent sent two teams. \"We need access,\" it said.",
             quotes: ["\"We need access,\" => Red Crescent"]),
        Case(rule: "the statement is its author", text: "The Foreign Ministry said in a statement that talks were over. \"We are disappointed,\" the statement said.",
             quotes: ["talks were over => Foreign Ministry", "\"We are disappointed,\" => Foreign Ministry"]),
        Case(rule: "an unnamed speaker keeps its description", text: "\"It is over,\" a senior diplomat told reporters.",
             quotes: ["\"It is over,\" => a senior diplomat"]),
        Case(rule: "an auxiliary between speaker and cue is skipped", text: "\"It will pass,\" First Minister Jack Moray has insisted.",
             quotes: ["\"It will pass,\" => Jack Moray"]),
        Case(rule: "an aside between commas is skipped", text: "Ana Berg, speaking in Keln, said the talks had ended.",
             quotes: ["the talks had ended => Ana Berg"]),
        Case(rule: "a name after an organization noun is not a person", text: "Ana Berg runs the aid group Open Hands. \"We are tired,\" she said.",
             quotes: ["\"We are tired,\" => Ana Berg"]),
    ]

    @Test(arguments: marks + indirect + speakers)
    func quotesAndSpeakers(_ c: Case) throws {
        let doc = try QuoteTestSupport.run(c.text, QuoteStage())
        #expect(QuoteTestSupport.describeQuotes(doc) == c.quotes)
    }

    struct CueCase: CustomTestStringConvertible, Sendable {
        let text: String
        let cue: String
        var testDescription: String { cue }
    }

    @Test(arguments: [
        CueCase(text: "\"We are ready,\" Ana Berg told Reuters on Sunday.", cue: "told Reuters"),
        CueCase(text: "\"We are ready,\" Ana Berg told the council.", cue: "told the council"),
        CueCase(text: "The army said in a statement that two posts were lost.", cue: "said in a statement"),
        CueCase(text: "The two governments said in a joint communique that talks would resume.", cue: "said in a joint communique"),
        CueCase(text: "\"Sanctions fail,\" argued Ana Berg.", cue: "argued"),
        CueCase(text: "\"Nobody was hurt,\" she added.", cue: "added"),
        CueCase(text: "According to the army, two posts were lost.", cue: "According to"),
    ])
    func cueSpan(_ c: CueCase) throws {
        let doc = try QuoteTestSupport.run(c.text, QuoteStage())
        let quote = try #require(doc.quotes.first)
        let cue = try #require(quote.cue)
        #expect(doc.text(of: cue) == c.cue)
    }

    @Test func speakerSpanIsTheNameAndEntityGivesCanonicalAndActor() throws {
        var doc = try QuoteTestSupport.prepared("\"We are ready,\" Berg said.")
        let start = doc.text.utf8.count - "Berg said.".utf8.count
        doc.entities = [EntityMention(span: TextSpan(start: start, end: start + 4), type: .person, canonical: "Ana Maria Berg", actor: "RURGOV")]
        try QuoteStage().process(&doc)
        let speaker = try #require(doc.quotes.first?.speaker)
        #expect(doc.text(of: speaker.span) == "Berg")
        #expect(speaker.canonical == "Ana Maria Berg")
        #expect(speaker.actor == "RURGOV")
    }

    @Test func titleIsNotPartOfTheSpeakerSpan() throws {
        let doc = try QuoteTestSupport.run("\"We hold,\" said Defence Minister Anton Keller.", QuoteStage())
        let speaker = try #require(doc.quotes.first?.speaker)
        #expect(doc.text(of: speaker.span) == "Anton Keller")
    }

    @Test func quotesAreSortedAndValid() throws {
        let text = "Ana Berg said the border had closed. \"Nobody crosses,\" she said.\n\n'We wait,' said Tom Reed. According to the army, 300 troops moved."
        let doc = try QuoteTestSupport.run(text, QuoteStage())
        #expect(doc.quotes.count == 4)
        #expect(doc.quotes.map(\.span) == doc.quotes.map(\.span).sorted())
        try doc.validate()
    }

    @Test func declaresItsLayers() throws {
        let stage = QuoteStage()
        #expect(stage.name == "quotes")
        #expect(stage.requires == [.sentences, .tokens])
        #expect(stage.provides == [.quotes])
        #expect(throws: PipelineError.self) { _ = try Pipeline([ExtractStage(), SentenceStage(), stage]) }
    }

    @Test func emptyDocumentHasNoQuotes() throws {
        let doc = try QuoteTestSupport.run("", QuoteStage())
        #expect(doc.quotes.isEmpty)
    }
}

/// Builds documents for the quote and quantity tests: clean text through
/// extraction, sentences and tokens, then the stage under test.
enum QuoteTestSupport {
    static let textStages: [any Stage] = [ExtractStage(), SentenceStage(), TokenStage()]

    /// `text` with paragraphs, sentences and tokens.
    static func prepared(_ text: String) throws -> Document {
        var doc = Document(id: "t", input: .cleanText(text))
        try Pipeline(textStages).process(&doc)
        return doc
    }

    /// `text` through the text stages and `stage`.
    static func run(_ text: String, _ stage: any Stage) throws -> Document {
        var doc = try prepared(text)
        try stage.process(&doc)
        return doc
    }

    /// Quotes as `text => speaker` lines (`-` for a null speaker).
    static func describeQuotes(_ doc: Document) -> [String] {
        doc.quotes.map { quote in
            "\(doc.text(of: quote.span)) => \(quote.speaker.map { $0.canonical ?? String(doc.text(of: $0.span)) } ?? "-")"
        }
    }
}
