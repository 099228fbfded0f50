import Testing
import SitrepCore
@testable import SitrepStages

/// One case per rule of ``QuantityStage``.
@Suite struct QuantityStageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let text: String
        /// Expected `span text | value | approximate | unit | of` per quantity.
        let quantities: [String]
        var testDescription: String { rule }
    }

    static func describe(_ doc: Document) -> [String] {
        doc.quantities.map { q in
            let value = q.value.map { $0 == $0.rounded() ? String(Int64($0)) : String($0) } ?? "-"
            return "\(doc.text(of: q.span)) | \(value) | \(q.approximate ? "approx" : "exact") | \(q.unit ?? "-") | \(q.of ?? "-")"
        }
    }

    static let cases: [Case] = [
        Case(rule: "digits with a thousands comma", text: "Ruritania sent 1,200 soldiers.", quantities: ["1,200 | 1200 | exact | - | soldiers"]),
        Case(rule: "an approximator", text: "Some 300 protesters gathered.", quantities: ["Some 300 | 300 | approx | - | protesters"]),
        Case(rule: "a two-word approximator", text: "At least 35 civilians died.", quantities: ["At least 35 | 35 | approx | - | civilians"]),
        Case(rule: "a number word", text: "Three drones fell.", quantities: ["Three | 3 | exact | - | drones"]),
        Case(rule: "a dozen after more than", text: "More than a dozen rockets hit the base.", quantities: ["More than a dozen | 12 | approx | - | rockets"]),
        Case(rule: "tens of thousands", text: "Tens of thousands of people marched.", quantities: ["Tens of thousands | 20000 | approx | - | people"]),
        Case(rule: "a vague plural multiple", text: "Dozens of homes burned.", quantities: ["Dozens | 24 | approx | - | homes"]),
        Case(rule: "currency symbol, scale and in", text: "Borduria pledged $2 billion in aid.", quantities: ["$2 billion | 2000000000 | exact | USD | aid"]),
        Case(rule: "money before the noun it buys", text: "The bank approved a $1.2 billion loan.", quantities: ["$1.2 billion | 1200000000 | exact | USD | loan"]),
        Case(rule: "currency word after the number", text: "The loan is worth 300 million euros.", quantities: ["300 million euros | 300000000 | exact | EUR | -"]),
        Case(rule: "percent as a word", text: "Turnout fell to 40 percent.", quantities: ["40 percent | 40 | exact | percent | -"]),
        Case(rule: "percent as a sign", text: "Prices rose 5% in May.", quantities: ["5% | 5 | exact | percent | -"]),
        Case(rule: "a measure with of", text: "Engineers rebuilt about 40 km of track.", quantities: ["about 40 km | 40 | approx | km | track"]),
        Case(rule: "a casualty participle is what is counted", text: "The blast left 35 killed.", quantities: ["35 | 35 | exact | - | killed"]),
        Case(rule: "a noun with a casualty participle", text: "Medics saw 12 protesters wounded in the clash.", quantities: ["12 | 12 | exact | - | protesters wounded"]),
        Case(rule: "of skips a possessive", text: "Forty of his men deserted.", quantities: ["Forty | 40 | exact | - | men"]),
        Case(rule: "the head of a compound noun", text: "They handed out 400 food parcels.", quantities: ["400 | 400 | exact | - | parcels"]),
        Case(rule: "a hyphenated number word", text: "Twenty-five villages were emptied.", quantities: ["Twenty-five | 25 | exact | - | villages"]),
        Case(rule: "a decimal with a scale", text: "The fund holds 1.5 million dollars.", quantities: ["1.5 million dollars | 1500000 | exact | USD | -"]),
        Case(rule: "thousands grouped by a space", text: "A crowd of 12 500 people gathered.", quantities: ["12 500 | 12500 | exact | - | people"]),
        Case(rule: "a year is not a quantity", text: "The treaty was signed in 1994.", quantities: []),
        Case(rule: "a year after an approximator is not a quantity", text: "Costs rose over 1985 and 1986.", quantities: []),
        Case(rule: "wire abbreviations of units", text: "Profit rose 12 pct to 24 dlrs.", quantities: ["12 pct | 12 | exact | percent | -", "24 dlrs | 24 | exact | USD | -"]),
        Case(rule: "a day of the month is not a quantity", text: "Talks resume on 12 March and end on March 19.", quantities: []),
        Case(rule: "a duration belongs to times", text: "The siege lasted 48 hours.", quantities: []),
        Case(rule: "a clock time belongs to times", text: "The blast came at 2 a.m. local time.", quantities: []),
        Case(rule: "one alone is not a quantity", text: "One soldier said no one was hurt.", quantities: []),
        Case(rule: "a number in a name is not a quantity", text: "The council cited Resolution 2231 again.", quantities: []),
    ]

    @Test(arguments: cases)
    func quantities(_ c: Case) throws {
        let doc = try QuoteTestSupport.run(c.text, QuantityStage())
        #expect(Self.describe(doc) == c.quantities)
    }

    /// With a times layer, a word of a time expression is never what a quantity
    /// counts: "about $20 billion last year" counts no "last", and "148 current
    /// members" counts the members.
    @Test func aTimeExpressionIsNotWhatIsCounted() throws {
        var doc = try QuoteTestSupport.prepared("Trade reached about $20 billion last year, and 300 soldiers left last week. The 148 current members met.")
        try TimeStage().process(&doc)
        try QuantityStage().process(&doc)
        #expect(Self.describe(doc) == ["about $20 billion | 20000000000 | approx | USD | -", "300 | 300 | exact | - | soldiers", "148 | 148 | exact | - | members"])
    }

    @Test func spansAreValidAndSorted() throws {
        let doc = try QuoteTestSupport.run("Some 300 protesters and 12 police officers were hurt; $2 billion in aid arrived.", QuantityStage())
        #expect(doc.quantities.count == 3)
        #expect(doc.quantities.map(\.span) == doc.quantities.map(\.span).sorted())
        try doc.validate()
    }

    @Test func declaresItsLayers() throws {
        let stage = QuantityStage()
        #expect(stage.name == "quantities")
        #expect(stage.requires == [.sentences, .tokens])
        #expect(stage.provides == [.quantities])
        #expect(throws: PipelineError.self) { _ = try Pipeline([ExtractStage(), stage]) }
    }
}
