import Testing
import SitrepCore
@testable import SitrepStages

@Suite struct SentenceSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let sentences: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", text: "Officials in Ruritania said on Tuesday that talks had failed. The army was put on alert.",
             sentences: ["Officials in Ruritania said on Tuesday that talks had failed.", "The army was put on alert."]),
        Case(name: "titles and months", text: "Gen. Ivo Marek met Sen. Alda Voss on Jan. 5 in the capital. He left on Friday.",
             sentences: ["Gen. Ivo Marek met Sen. Alda Voss on Jan. 5 in the capital.", "He left on Friday."]),
        Case(name: "U.S. before a name", text: "The talks angered U.S. President Hal Brand, aides said. Mr. Brand denied it.",
             sentences: ["The talks angered U.S. President Hal Brand, aides said.", "Mr. Brand denied it."]),
        Case(name: "abbreviation ends a sentence", text: "The envoy flew to Washington D.C. The visit lasted a day.",
             sentences: ["The envoy flew to Washington D.C.", "The visit lasted a day."]),
        Case(name: "company", text: "Shares of Acme Corp. fell 5%. He works for Borealis Inc. The firm declined to comment.",
             sentences: ["Shares of Acme Corp. fell 5%.", "He works for Borealis Inc.", "The firm declined to comment."]),
        Case(name: "initials", text: "A novel by J. K. Rowling sold well in Ruritania. Critics were pleased.",
             sentences: ["A novel by J. K. Rowling sold well in Ruritania.", "Critics were pleased."]),
        Case(name: "numbers", text: "The army deployed 5,200 troops, up 3.5 percent, at a cost of $1.5bn. Talks resume Monday.",
             sentences: ["The army deployed 5,200 troops, up 3.5 percent, at a cost of $1.5bn.", "Talks resume Monday."]),
        Case(name: "No. 5 versus no.", text: "The ferry No. 5 sank near the coast. Asked if he would resign, he said no. Nobody was hurt.",
             sentences: ["The ferry No. 5 sank near the coast.", "Asked if he would resign, he said no.", "Nobody was hurt."]),
        Case(name: "ellipsis", text: "He paused... Then he left. The plan was ... unusual. Wait… Really?",
             sentences: ["He paused...", "Then he left.", "The plan was ... unusual.", "Wait…", "Really?"]),
        Case(name: "closing quote after the stop", text: "\"We will not yield,\" he said. \"Ruritania stands firm.\" Next day the talks resumed.",
             sentences: ["\"We will not yield,\" he said.", "\"Ruritania stands firm.\"", "Next day the talks resumed."]),
        Case(name: "curly quotes", text: "“We will not yield.” Officials nodded. ‘Fine.’ The end.",
             sentences: ["“We will not yield.”", "Officials nodded.", "‘Fine.’", "The end."]),
        Case(name: "quoted question continues", text: "\"Why now?\" asked the minister. Nobody answered!",
             sentences: ["\"Why now?\" asked the minister.", "Nobody answered!"]),
        Case(name: "brackets", text: "(The vote was close.) Officials counted again. The result [a draw.] stood.",
             sentences: ["(The vote was close.)", "Officials counted again.", "The result [a draw.] stood."]),
        Case(name: "footnote stays", text: "Marek was born in 1950. [12] He studied law.",
             sentences: ["Marek was born in 1950. [12]", "He studied law."]),
        Case(name: "question and exclamation", text: "Will the talks resume? Nobody knows! Officials declined to comment.",
             sentences: ["Will the talks resume?", "Nobody knows!", "Officials declined to comment."]),
        Case(name: "colon and semicolon do not split", text: "The minister said: talks will resume; the army will stand down.",
             sentences: ["The minister said: talks will resume; the army will stand down."]),
        Case(name: "headline and dateline", text: "Ruritania expels two diplomats\n\nFriday, March 3, 2023\n\nOfficials in Ruritania said on Tuesday that two diplomats must leave.",
             sentences: ["Ruritania expels two diplomats", "Friday, March 3, 2023", "Officials in Ruritania said on Tuesday that two diplomats must leave."]),
        Case(name: "blank line always splits", text: "The minister of\n\nfinance resigned",
             sentences: ["The minister of", "finance resigned"]),
        Case(name: "scraped lines", text: "Ruritania expels diplomats\nOfficials said on Tuesday that the embassy would close\nThe army was on alert.",
             sentences: ["Ruritania expels diplomats", "Officials said on Tuesday that the embassy would close", "The army was on alert."]),
        Case(name: "lowercase continuation line", text: "Officials said on Tuesday that the\nembassy would close. The army was on alert.",
             sentences: ["Officials said on Tuesday that the\nembassy would close.", "The army was on alert."]),
        Case(name: "hard-wrapped text", text: "Officials in Ruritania said on Tuesday that the\nborder with Borealis would close at midnight and\nthat Foreign Minister Alda Voss would travel to\nthe capital. The army was on alert.",
             sentences: ["Officials in Ruritania said on Tuesday that the\nborder with Borealis would close at midnight and\nthat Foreign Minister Alda Voss would travel to\nthe capital.", "The army was on alert."]),
        Case(name: "bullets", text: "Measures announced:\n• curfew after 10 p.m.\n• schools closed\n- markets open\n* banks shut",
             sentences: ["Measures announced:", "• curfew after 10 p.m.", "• schools closed", "- markets open", "* banks shut"]),
        Case(name: "inline bullets", text: "Top stories • Ruritania votes • Borealis protests",
             sentences: ["Top stories", "• Ruritania votes", "• Borealis protests"]),
        Case(name: "numbered list", text: "The rebels demanded:\n1. release of prisoners\n2. an open border.",
             sentences: ["The rebels demanded:", "1. release of prisoners", "2. an open border."]),
        Case(name: "bullets in wrapped text", text: "The rebels issued demands that were\nread out on state radio and\nrepeated later:\n- release of prisoners\n- an open border",
             sentences: ["The rebels issued demands that were\nread out on state radio and\nrepeated later:", "- release of prisoners", "- an open border"]),
        Case(name: "URLs, e-mail and decimals", text: "See https://news.example.org/ruritania.html?id=3.5 for details. Write to press@ruritania.gov.rt today. Growth was 3.5 percent.",
             sentences: ["See https://news.example.org/ruritania.html?id=3.5 for details.", "Write to press@ruritania.gov.rt today.", "Growth was 3.5 percent."]),
        Case(name: "circa", text: "The fort was built c. 1230 BC. It fell later.",
             sentences: ["The fort was built c. 1230 BC.", "It fell later."]),
        Case(name: "CRLF", text: "First sentence here.\r\n\r\nSecond one.\r\nThird one.",
             sentences: ["First sentence here.", "Second one.", "Third one."]),
        Case(name: "no punctuation", text: "Ruritania expels diplomats", sentences: ["Ruritania expels diplomats"]),
        Case(name: "empty", text: "", sentences: []),
        Case(name: "white space only", text: " \n\n\t \u{00A0}", sentences: []),
        Case(name: "NUL", text: "Talks\u{0}failed. Army alert.", sentences: ["Talks\u{0}failed.", "Army alert."]),
        Case(name: "emoji and combining marks", text: "The crowd cheered 👨‍👩‍👧. Cafe\u{301} owners agreed.",
             sentences: ["The crowd cheered 👨‍👩‍👧.", "Cafe\u{301} owners agreed."]),
        Case(name: "lowercase sentence start is not split", text: "The deal was signed in Geneva. iPhone sales rose.",
             sentences: ["The deal was signed in Geneva. iPhone sales rose."]),
    ]

    @Test(arguments: cases)
    func splits(_ c: Case) {
        let spans = SentenceSplitter().split(c.text)
        #expect(TextLayerCheck.strings(c.text, spans) == c.sentences)
    }

    @Test(arguments: cases.map(\.text) + TextLayerCheck.awkwardTexts)
    func spansAreWellFormedAndCoverTheText(_ text: String) {
        let spans = SentenceSplitter().split(text)
        TextLayerCheck.expectWellFormed(spans, in: text, coverEverything: true)
    }

    @Test func megabyteWithoutPunctuationFinishesFast() {
        let words = ["Ruritania", "officials", "border", "talks", "army", "the", "of", "said"]
        var text = ""
        text.reserveCapacity(1_100_000)
        var k = 0
        while text.utf8.count < 1_000_000 {
            text += words[k % words.count]
            text += k % 17 == 16 ? "\n" : " "
            k += 1
        }
        let noSpaces = String(repeating: "a.", count: 500_000)
        let clock = ContinuousClock()
        var spans: [TextSpan] = []
        var packed: [TextSpan] = []
        let elapsed = clock.measure {
            spans = SentenceSplitter().split(text)
            packed = SentenceSplitter().split(noSpaces)
        }
        #expect(!spans.isEmpty)
        #expect(packed == [TextSpan(start: 0, end: 1_000_000)])
        #expect(elapsed < .seconds(5), "1 MB took \(elapsed)")
    }
}

@Suite struct SentenceStageTests {
    @Test func splitsEachParagraphSeparately() throws {
        // Paragraph 2 starts lowercase and would join paragraph 1 if the whole text were split.
        let text = "Ruritania votes\ncounting began at dawn. Turnout was high."
        var doc = Document(id: "r1", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: 15), TextSpan(start: 16, end: 57)])
        try SentenceStage().process(&doc)
        #expect(TextLayerCheck.strings(text, doc.sentences) == ["Ruritania votes", "counting began at dawn.", "Turnout was high."])
        try doc.validate()
    }

    @Test func splitsTheWholeTextWithoutParagraphs() throws {
        let text = "Ruritania votes. Turnout was high."
        var doc = Document(id: "r2", input: .cleanText(text))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        try SentenceStage().process(&doc)
        #expect(doc.sentences == [TextSpan(start: 0, end: 16), TextSpan(start: 17, end: 34)])
    }

    @Test func keepsSentencesOfTokenInput() throws {
        let text = "Ruritania votes . Turnout was high ."
        var doc = Document(id: "r3", input: .tokens([["Ruritania", "votes", "."], ["Turnout", "was", "high", "."]]))
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        let given = [TextSpan(start: 0, end: 36)]
        doc.sentences = given
        try SentenceStage().process(&doc)
        #expect(doc.sentences == given)
    }

    @Test func declaresItsLayers() throws {
        let stage = SentenceStage()
        #expect(stage.name == "sentences" && stage.version == "rules.v1")
        #expect(stage.requires == [.article] && stage.provides == [.sentences])
        #expect(throws: PipelineError.self) { try Pipeline([stage]) }
    }
}
