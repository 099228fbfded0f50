import Testing
import SitrepCore
@testable import SitrepStages

@Suite struct TokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        /// Expected tokens, separated by " | ".
        let tokens: String
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(text: "Ruritania's army can't stop al-Sadr.", tokens: "Ruritania | 's | army | ca | n't | stop | al-Sadr | ."),
        Case(text: "Officials in the U.S. said Covid-19 cases rose.", tokens: "Officials | in | the | U.S. | said | Covid-19 | cases | rose | ."),
        Case(text: "The army sent 5,200 troops in the 1990s, up 3.5 percent.", tokens: "The | army | sent | 5,200 | troops | in | the | 1990s | , | up | 3.5 | percent | ."),
        Case(text: "It cost $5 and rose 50% to $1.5bn.", tokens: "It | cost | $ | 5 | and | rose | 50 | % | to | $ | 1.5bn | ."),
        Case(text: "He paused... then left.", tokens: "He | paused | ... | then | left | ."),
        Case(text: "Write to press@ruritania.gov.rt or see https://news.example.org/a?b=1.", tokens: "Write | to | press@ruritania.gov.rt | or | see | https://news.example.org/a?b=1 | ."),
        Case(text: "(See www.example.org/ruritania_(2023).)", tokens: "( | See | www.example.org/ruritania_(2023) | . | )"),
        Case(text: "@RuritaniaGov posted #FreeRuritania today.", tokens: "@RuritaniaGov | posted | #FreeRuritania | today | ."),
        Case(text: "They're sure we've won, I'm told; she'd go, we'll see.", tokens: "They | 're | sure | we | 've | won | , | I | 'm | told | ; | she | 'd | go | , | we | 'll | see | ."),
        Case(text: "Don't. The teachers' union cannot wait.", tokens: "Do | n't | . | The | teachers | ' | union | can | not | wait | ."),
        Case(text: "I don’t know Ruritania’s plan.", tokens: "I | do | n’t | know | Ruritania | ’s | plan | ."),
        Case(text: "“Ruritania will not yield,” he said.", tokens: "“ | Ruritania | will | not | yield | , | ” | he | said | ."),
        Case(text: "\"Ruritania will not yield.\"", tokens: "\" | Ruritania | will | not | yield | . | \""),
        Case(text: "Ruritania—the capital—was calm – mostly.", tokens: "Ruritania | — | the | capital | — | was | calm | – | mostly | ."),
        Case(text: "He works for Acme Corp.", tokens: "He | works | for | Acme | Corp."),
        Case(text: "Mr. Havel and Gen. Marek met J. K. Rowling.", tokens: "Mr. | Havel | and | Gen. | Marek | met | J. | K. | Rowling | ."),
        Case(text: "The talks ended at 10:30 p.m. on 24/7 news.", tokens: "The | talks | ended | at | 10:30 | p.m. | on | 24/7 | news | ."),
        Case(text: "AT&T and O'Brien (Reuters) left [sic].", tokens: "AT&T | and | O'Brien | ( | Reuters | ) | left | [ | sic | ] | ."),
        Case(text: "Great news 👨‍👩‍👧!", tokens: "Great | news | 👨‍👩‍👧 | !"),
        Case(text: "Cafe\u{301} owners in Zürich agreed.", tokens: "Cafe\u{301} | owners | in | Zürich | agreed | ."),
        Case(text: "Growth [...] slowed -- sharply!?", tokens: "Growth | [...] | slowed | -- | sharply | ! | ?"),
        Case(text: "Ruri\u{AD}tania\u{200B} wins", tokens: "Ruri\u{AD}tania | wins"),
        Case(text: "Prices rose 5 % in the '90s.", tokens: "Prices | rose | 5 | % | in | the | '90s | ."),
        Case(text: "Talks\u{0}failed.", tokens: "Talks | \u{0} | failed | ."),
    ]

    @Test(arguments: cases)
    func tokenizes(_ c: Case) {
        let sentences = [TextSpan(start: 0, end: c.text.utf8.count)]
        let spans = Tokenizer().tokenize(c.text, sentences: sentences)
        #expect(TextLayerCheck.strings(c.text, spans).joined(separator: " | ") == c.tokens)
    }

    @Test func tokensNeverCrossSentenceEnds() {
        let text = "Ruritania votes.Turnout high"
        let sentences = [TextSpan(start: 0, end: 4), TextSpan(start: 4, end: 16), TextSpan(start: 16, end: 28)]
        let spans = Tokenizer().tokenize(text, sentences: sentences)
        #expect(TextLayerCheck.strings(text, spans) == ["Ruri", "tania", "votes", ".", "Turnout", "high"])
    }

    @Test func onlyTheGivenSentencesAreTokenized() {
        let text = "Skip this. Keep this."
        let spans = Tokenizer().tokenize(text, sentences: [TextSpan(start: 11, end: 21)])
        #expect(TextLayerCheck.strings(text, spans) == ["Keep", "this", "."])
        #expect(Tokenizer().tokenize(text, sentences: []).isEmpty)
    }

    @Test(arguments: cases.map(\.text) + TextLayerCheck.awkwardTexts)
    func tokensAreWellFormedAndInsideSentences(_ text: String) {
        let sentences = SentenceSplitter().split(text)
        let spans = Tokenizer().tokenize(text, sentences: sentences)
        TextLayerCheck.expectWellFormed(spans, in: text, coverEverything: true)
        for span in spans {
            #expect(sentences.contains { $0.contains(span) }, "token \(span) is outside every sentence")
        }
    }

    @Test func megabyteWithoutPunctuationFinishesFast() {
        let text = String(repeating: "Ruritania officials said talks ", count: 33_000)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            count = Tokenizer().tokenize(text, sentences: [TextSpan(start: 0, end: text.utf8.count - 1)]).count
        }
        #expect(count == 33_000 * 4)
        #expect(elapsed < .seconds(5), "1 MB took \(elapsed)")
    }
}

@Suite struct TokenStageTests {
    @Test func tokenizesTheSentences() throws {
        let text = "Ruritania votes. Turnout wasn't high."
        var doc = Document(id: "t1", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        try SentenceStage().process(&doc)
        try TokenStage().process(&doc)
        #expect(TextLayerCheck.strings(text, doc.tokens.map(\.span)) == ["Ruritania", "votes", ".", "Turnout", "was", "n't", "high", "."])
        try doc.validate()
    }

    @Test func keepsTokensOfTokenInput() throws {
        let text = "Ruritania votes ."
        var doc = Document(id: "t2", input: .tokens([["Ruritania", "votes", "."]]))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        doc.sentences = [TextSpan(start: 0, end: 17)]
        let given = [Token(span: TextSpan(start: 0, end: 9)), Token(span: TextSpan(start: 10, end: 15)), Token(span: TextSpan(start: 16, end: 17))]
        doc.tokens = given
        try TokenStage().process(&doc)
        #expect(doc.tokens == given)
    }

    @Test func recordsEachSentencesTokenRange() throws {
        // The second "sentence" is white space only: its range is empty.
        let text = "Ruritania votes.   Turnout wasn't high."
        var doc = Document(id: "t3", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        doc.sentences = [TextSpan(start: 0, end: 16), TextSpan(start: 16, end: 19), TextSpan(start: 19, end: 39)]
        try TokenStage().process(&doc)
        #expect(doc.sentenceTokenRanges == [0..<3, 3..<3, 3..<8])
        #expect(doc.tokens.map(\.span) == Tokenizer().tokenize(text, sentences: doc.sentences))
        try doc.validate()
        // Any change to the tokens or the sentences drops the ranges.
        var retokenized = doc
        retokenized.tokens.removeLast()
        #expect(retokenized.sentenceTokenRanges == nil)
        var resplit = doc
        resplit.sentences = [TextSpan(start: 0, end: 39)]
        #expect(resplit.sentenceTokenRanges == nil)
        try resplit.validate()
    }

    @Test func validationRejectsRangesThatDoNotMatchTheSentences() {
        let text = "Ruritania votes. Turnout high."
        var doc = Document(id: "t4", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        doc.sentences = [TextSpan(start: 0, end: 16), TextSpan(start: 17, end: 30)]
        let spans = [(0, 9), (10, 15), (15, 16), (17, 24), (25, 29), (29, 30)]
        let tokens = spans.map { Token(span: TextSpan(start: $0.0, end: $0.1)) }
        // "." of the first sentence counted with the second.
        doc.setTokens(tokens, sentenceTokenRanges: [0..<2, 2..<6])
        #expect(throws: Document.InvariantViolation.self) { try doc.validate() }
        doc.setTokens(tokens, sentenceTokenRanges: [0..<3, 3..<6])
        #expect(throws: Never.self) { try doc.validate() }
    }

    @Test func declaresItsLayers() {
        let stage = TokenStage()
        #expect(stage.name == "tokens" && stage.requires == [.sentences] && stage.provides == [.tokens])
    }
}
