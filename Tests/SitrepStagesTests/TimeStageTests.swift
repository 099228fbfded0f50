import Testing
import SitrepCore
@testable import SitrepStages

/// Runs the text layer and the `times` stage on a fictional sentence.
/// The document date of every case is Wednesday 2024-03-13 unless given.
func timeTag(_ text: String, published: String? = "2024-03-13") throws -> [(text: String, type: String, value: String?, flags: [String])] {
    var doc = Document(id: "t", input: .cleanText(text), published: published)
    doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
    try SentenceStage().process(&doc)
    try TokenStage().process(&doc)
    try TimeStage().process(&doc)
    return doc.times.map { (String(doc.text(of: $0.span)), $0.type.rawValue, $0.value, $0.flags) }
}

/// ``timeTag(_:published:)`` with the syntax layer first, so that the
/// governing verb's tense comes from the parse (``TimeClauseTense``).
///
/// - Parameter tree: heads (0-based, -1 for the root) and relations of every token, to put
///   in place of the committed model's where a test is about the tree, not the parser.
func timeTagParsed(_ text: String, published: String = "2024-03-13", tree: [(head: Int, deprel: String)]? = nil) throws -> [(text: String, value: String?)] {
    var doc = Document(id: "t", input: .cleanText(text), published: published)
    doc.setArticle(text: text, article: Article(), paragraphs: [TextSpan(start: 0, end: text.utf8.count)])
    try SentenceStage().process(&doc)
    try TokenStage().process(&doc)
    try SyntaxStage().process(&doc)
    if let tree {
        precondition(tree.count == doc.tokens.count, "the tree has \(tree.count) tokens, the text \(doc.tokens.count)")
        for (index, arc) in tree.enumerated() { doc.syntax[index].head = arc.head; doc.syntax[index].deprel = arc.deprel }
    }
    try TimeStage().process(&doc)
    return doc.times.map { (String(doc.text(of: $0.span)), $0.value) }
}

/// One expected expression: its text, type and value.
struct TimeCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var text: String
    var type: String
    var value: String?
    var testDescription: String { "\(text) in \"\(sentence)\"" }
    init(_ sentence: String, _ text: String, _ type: String, _ value: String?) {
        self.sentence = sentence; self.text = text; self.type = type; self.value = value
    }
}

@Suite("Time expressions: recognition and normalization")
struct TimeStageTests {
    /// Each recognition category, normalized against 2024-03-13 (a Wednesday).
    @Test(arguments: [
        // explicit and partial dates
        TimeCase("Ruritania held elections on June 12, 2020, officials said.", "June 12, 2020", "DATE", "2020-06-12"),
        TimeCase("The treaty was signed on 12 June 2020 in Strelsau.", "12 June 2020", "DATE", "2020-06-12"),
        TimeCase("The border reopened in June 2019.", "June 2019", "DATE", "2019-06"),
        TimeCase("The port closed in 2008.", "2008", "DATE", "2008"),
        TimeCase("Output recovered by mid-2019.", "mid-2019", "DATE", "2019"),
        TimeCase("The dispute dates back to the 1990s.", "the 1990s", "DATE", "199"),
        TimeCase("The ministry published the figures on 2023-11-02.", "2023-11-02", "DATE", "2023-11-02"),
        TimeCase("The monarchy was restored in the 19th century.", "the 19th century", "DATE", "18"),
        TimeCase("Ruritania's 20th century borders were redrawn twice.", "20th century", "DATE", "19"),
        // years read out, as broadcast transcripts write them
        TimeCase("The dam was finished in nineteen ninety-six, the minister said.", "nineteen ninety-six", "DATE", "1996"),
        TimeCase("The strike began in January nineteen seventy-nine.", "January nineteen seventy-nine", "DATE", "1979-01"),
        // weekdays, named days, relative expressions
        TimeCase("Troops left the capital on Monday, the army said.", "Monday", "DATE", "2024-03-11"),
        TimeCase("Rebels attacked a convoy yesterday.", "yesterday", "DATE", "2024-03-12"),
        TimeCase("Talks collapsed last week, diplomats said.", "last week", "DATE", "2024-W10"),
        TimeCase("The mayor resigned a year ago.", "a year ago", "DATE", "2023"),
        TimeCase("Prices rose earlier this month.", "earlier this month", "DATE", "2024-03"),
        TimeCase("Exports fell last fall.", "last fall", "DATE", "2023-FA"),
        TimeCase("Earnings will rise in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
        // a quarter that has not begun, in a past clause, is last year's
        TimeCase("Earnings rose in the third quarter.", "the third quarter", "DATE", "2023-Q3"),
        TimeCase("The strike began early next year.", "early next year", "DATE", "2025"),
        // times of day
        TimeCase("The blast happened at 10:35 a.m. near the market.", "10:35 a.m.", "TIME", "2024-03-13T10:35"),
        TimeCase("The minister spoke this morning.", "this morning", "TIME", "2024-03-13TMO"),
        // durations
        TimeCase("The siege lasted six months.", "six months", "DURATION", "P6M"),
        TimeCase("He served two and a half years in prison.", "two and a half years", "DURATION", "P2Y6M"),
        TimeCase("The ceasefire held for a decade.", "a decade", "DURATION", "P10Y"),
        TimeCase("Fighting continued for nearly two weeks.", "nearly two weeks", "DURATION", "P2W"),
        TimeCase("Negotiators met for the past two months.", "the past two months", "DURATION", "P2M"),
        TimeCase("She signed a two-year contract.", "two-year", "DURATION", "P2Y"),
        TimeCase("The refugees waited for years.", "years", "DURATION", "PXY"),
        // sets
        TimeCase("Inspectors visit the site every week.", "every week", "SET", "P1W"),
        TimeCase("The report is published annually.", "annually", "SET", "P1Y"),
        TimeCase("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        TimeCase("The mine produces 5 million tonnes a year.", "a year", "SET", "P1Y"),
        // vague references
        TimeCase("The region has recently seen more protests.", "recently", "DATE", "PAST_REF"),
        TimeCase("The city is now under curfew.", "now", "DATE", "PRESENT_REF"),
        TimeCase("More troops will arrive in the coming months.", "the coming months", "DATE", "FUTURE_REF"),
    ])
    func recognizesAndNormalizes(_ c: TimeCase) throws {
        let times = try timeTag(c.sentence)
        let hit = times.first { $0.text == c.text }
        #expect(hit != nil, "no expression '\(c.text)' in \(times.map(\.text))")
        #expect(hit?.type == c.type)
        #expect(hit?.value == c.value)
    }

    /// Every expression holds a head word, so it is found wherever it stands,
    /// not only when another time word happens to be near: a clock time's
    /// "p.m." and a spelled decade are heads. A "first half" with no year or
    /// unit after it (a match's first half) is not a date, and "the" before a
    /// plain noun does not start one ("the company's sales last year").
    @Test func expressionsAreFoundByTheirOwnHead() throws {
        #expect(try timeTag("The guard was shot at 10 p.m. as he left the depot.").map(\.text) == ["10 p.m."])
        #expect(try timeTag("Unemployment is the lowest since the seventies, the bank said.").map { [$0.text, $0.value ?? "nil"] } == [["the seventies", "197"]])
        #expect(try timeTag("Strelsau scored twice in the first half, the coach said.").isEmpty)
        #expect(try timeTag("Profits rose in the first half of 2023.").map(\.text) == ["the first half of 2023"])
        #expect(try timeTag("The company's sales fell last year.").map(\.text) == ["last year"])
    }

    /// Spans follow TimeML extent rules: determiners and modifiers in, prepositions out.
    @Test func spansIncludeModifiersButNotPrepositions() throws {
        let times = try timeTag("The rebels withdrew in early December and returned during the last week.")
        #expect(times.map(\.text) == ["early December", "the last week"])
    }

    /// With the parse, a bare weekday goes the way of the verb it belongs to,
    /// not of the nearest tense word: here a relative clause sits between
    /// them and carries the opposite tense.
    @Test func weekdayFollowsItsOwnVerb() throws {
        // Wednesday 2024-03-13: the last Friday is the 8th, the next Monday the 18th.
        // The first sentence's tree is given: the beam parser (#5) takes "chair" for its root.
        let envoyTree: [(head: Int, deprel: String)] = [
            (1, "case"), (13, "obl"), (3, "det"), (13, "nsubj"), (7, "punct"), (7, "nsubj"), (7, "aux"), (3, "acl:relcl"),
            (9, "amod"), (11, "nmod:poss"), (9, "case"), (7, "obj"), (7, "punct"), (-1, "root"), (13, "punct"),
        ]
        let resigned = try timeTagParsed("On Friday the envoy, who will chair next month's summit, resigned.", tree: envoyTree)
        #expect(resigned.first { $0.text == "Friday" }?.value == "2024-03-08")
        let attack = try timeTagParsed("On Monday the rebels, who had waited for weeks, will attack the town.")
        #expect(attack.first { $0.text == "Monday" }?.value == "2024-03-18")
        // The word window alone gets both wrong.
        #expect(try timeTag("On Friday the envoy, who will chair next month's summit, resigned.").first?.value == "2024-03-15")
        #expect(try timeTag("On Monday the rebels, who had waited for weeks, will attack the town.").first?.value == "2024-03-11")
    }

    /// Deadline words and verbs of scheduling point a weekday forward even in
    /// a past-tense clause; the past perfect, a date before the scheduling
    /// verb, and a participle that only describes a noun do not.
    @Test(arguments: [
        // Wednesday 2024-03-13: the last Tuesday is the 12th, the next the 19th.
        ("Officials postponed the vote until Tuesday.", "Tuesday", "2024-03-19"),
        ("Officials postponed the vote on Tuesday.", "Tuesday", "2024-03-12"),
        ("The agency gave the family until 9 a.m. Tuesday to sign the papers.", "9 a.m. Tuesday", "2024-03-19T09:00"),
        ("The delegation could leave as soon as Friday, the minister said.", "Friday", "2024-03-15"),
        ("Police had not named the suspect until Monday.", "Monday", "2024-03-11"),
        ("Protesters planned a large rally in the capital on Saturday.", "Saturday", "2024-03-16"),
        ("On Saturday, protesters planned a large rally in the capital.", "Saturday", "2024-03-09"),
        ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "2024-03-14"),
        ("A memorial service planned for Saturday was canceled after threats.", "Saturday", "2024-03-09"),
        // The parser hangs "Thursday" on "remain"; the verb right before it governs.
        ("A spokesman said Thursday that the troops will remain in the region.", "Thursday", "2024-03-07"),
    ] as [(String, String, String)])
    func deadlinesAndSchedulingPointForward(sentence: String, text: String, value: String) throws {
        let times = try timeTagParsed(sentence)
        #expect(times.first { $0.text == text }?.value == value, "\(times)")
    }

    /// A season after "the" goes the way of its clause; with a year, it is
    /// that year's; "the winter storm" and a bare "fall" are not seasons.
    @Test func seasons() throws {
        let october = "2024-10-30"
        #expect(try timeTag("Orders slowed well into the summer, the company said.", published: october).map(\.value) == ["2024-SU"])
        #expect(try timeTag("The plant will reopen in the early summer.", published: october).map(\.value) == ["2025-SU"])
        #expect(try timeTag("Prices last reached that level in the winter of 1994.", published: october).map(\.value) == ["1994-WI"])
        #expect(try timeTag("Prices last reached that level in the winter of nineteen ninety-four.", published: october).map(\.text) == ["the winter of nineteen ninety-four"])
        #expect(try timeTag("The winter storm closed roads as prices continued to fall.", published: october).isEmpty)
        #expect(try timeTag("Historians study the fall of the empire.", published: october).isEmpty)
    }

    /// Results news: "the latest period" is the quarter being reported, "the
    /// full year" the document's year.
    @Test func latestPeriodAndFullYear() throws {
        let times = try timeTag("Sales in the latest period were $1.76 billion. For the full year, the company expects a loss.", published: "2024-11-02")
        #expect(times.map(\.text) == ["the latest period", "the full year"])
        #expect(times.map(\.value) == ["2024-Q3", "2024"])
    }

    /// "the week of March 6" is that day's week; "mid-afternoon yesterday"
    /// the part of the named day; "that same day" after a month is a day of
    /// that month whose number the text does not give.
    @Test func weekOfDayPartOfNamedDayAndDayOfMonth() throws {
        #expect(try timeTag("A hearing is set for the week of March 18.").map(\.value) == ["2024-W12"])
        let strike = try timeTag("The strike began mid-afternoon yesterday.")
        #expect(strike.map(\.text) == ["mid-afternoon yesterday"])
        #expect(strike.map(\.value) == ["2024-03-12TAF"])
        let same = try timeTag("The embassy closed last October, and the ambassador left that same day.")
        #expect(same.map(\.value) == ["2023-10", "2023-10-XX"])
    }

    /// "the previous Friday" counts from the last date mentioned, not from
    /// the document date; "is to resume ... Tuesday" looks ahead.
    @Test func previousWeekdayAndBeTo() throws {
        let previous = try timeTag("Shares closed on Monday, March 11, down 4% from the previous Friday.")
        #expect(previous.map(\.text) == ["Monday, March 11", "the previous Friday"])
        #expect(previous.map(\.value) == ["2024-03-11", "2024-03-08"])
        #expect(try timeTag("The talks ended on Friday, March 1; the following Monday they resumed.").map(\.value) == ["2024-03-01", "2024-03-04"])
        let resume = try timeTagParsed("The company, which is being sold, is to resume trading in Paris Tuesday.")
        #expect(resume.first { $0.text == "Tuesday" }?.value == "2024-03-19")
    }

    /// A participle without auxiliaries takes the tense of the clause it
    /// hangs from: "rising ... in March" in a past-tense sentence looks back.
    @Test func participleTakesItsClauseTense() throws {
        let times = try timeTagParsed("The stock has fluctuated sharply on takeover speculation, rising to a high for the year of $42 a share in June from $29 in March.", published: "2024-10-30")
        #expect(times.first { $0.text == "March" }?.value == "2024-03", "\(times)")
    }

    /// Business-news comparisons: "year-earlier" and "year-ago" go back a year
    /// from the period being reported, even far from the head word that
    /// opened the sentence's search; "year-end" is the year's last day.
    @Test func yearEarlierAndYearEnd() throws {
        let quarter = try timeTag("Profit rose 5% in the third quarter from $3 million, a gain on the weak results of the year-earlier period.")
        #expect(quarter.map(\.text) == ["the third quarter", "the year-earlier period"])
        #expect(quarter.map(\.value) == ["2023-Q3", "2022-Q3"])
        // The last date named lies in another year: the comparison is with the document's year.
        let bare = try timeTag("Sales in 2019 were flat. Revenue beat year-earlier levels and debt fell by year-end.")
        #expect(bare.map(\.text) == ["2019", "year-earlier", "year-end"])
        #expect(bare.map(\.value) == ["2019", "2023", "2024-12-31"])
    }

    /// A count and a singular unit without a hyphen modify a noun ("a six year
    /// term"); a spoken "the year two thousand" is a year.
    @Test func unhyphenatedModifiersAndSpokenMillennium() throws {
        let term = try timeTag("She began a six year term after a two day vote count.")
        #expect(term.map(\.text) == ["six year", "two day"])
        #expect(term.map(\.value) == ["P6Y", "P2D"])
        #expect(try timeTag("The 1988 second quarter was weak.").map(\.value) != ["PT1988S"])
        let millennium = try timeTag("Engineers checked the systems for the year two thousand.")
        #expect(millennium.map(\.text) == ["the year two thousand"])
        #expect(millennium.map(\.value) == ["2000"])
    }

    /// A year is not an amount: "2000 troops" has no time expression.
    /// The tense reading compares tags as integers (``TagKey``): every
    /// constant must be the key of the string it stands for, a relation's
    /// subtype must still count as `aux`, and a long string must match nothing.
    @Test func tagKeysSpellTheirStrings() {
        for (key, string) in TagKey.spelled { #expect(key == TagKey(string), "\(string)") }
        #expect(TagKey("aux:pass").isAux && TagKey("aux").isAux)
        #expect(!TagKey("advcl").isAux && !TagKey("au").isAux)
        #expect(TagKey("postponement") == TagKey(raw: .max) && TagKey("postponement") != .pos)
    }

    @Test func amountsAreNotYears() throws {
        #expect(try timeTag("The government sent $2020 and 50 percent more.").isEmpty)
        #expect(try timeTag("A 50-year-old man and a man aged 50 years old were hurt.").isEmpty)
        // Read-out years need two number words: a count of nineteen, or of
        // nineteen hundred, is not a year.
        #expect(try timeTag("Nineteen soldiers and nineteen hundred refugees crossed the river.").isEmpty)
    }

    /// Names are not months: "Jan Kavan", "Theresa May".
    @Test func namesAreNotMonths() throws {
        #expect(try timeTag("Foreign Minister Jan Novak met Prime Minister Theresa May.").isEmpty)
    }

    /// A count past what an Int holds once trapped the shift of "ago": such
    /// a number counts no time.
    @Test func absurdCountsAreNoDurations() throws {
        let found = try timeTag("It fell 777777777777777777777777777 weeks ago, 99999999999999999999 years later, 3 weeks ago.")
        #expect(found.map(\.text) == ["3 weeks ago"])
        #expect(found.first?.value == "2024-W08")
    }

    /// Empty tokens, which a user's `tokens` input can hold (one at the very end
    /// once made the rules read past the text), are skipped.
    @Test func emptyTokensAreSkipped() throws {
        var doc = Document(id: "t", input: .tokens([["It", "", "happened", "on", "Monday", ""], [""], ["", "Two", "days", "later", ""]]), published: "2024-03-13")
        try ExtractStage().process(&doc)
        try SentenceStage().process(&doc)
        try TokenStage().process(&doc)
        #expect(doc.tokens.contains { $0.span.end == $0.span.start })
        try TimeStage().process(&doc)
        #expect(doc.times.map { String(doc.text(of: $0.span)) } == ["Monday", "Two days later"])
        #expect(doc.times.map(\.value) == ["2024-03-11", "2024-03-13"])
    }
}

@Suite("Time expressions: tense direction and anchoring")
struct TimeDirectionTests {
    /// A bare weekday goes back in a past clause and forward in a future one
    /// (the document date 2024-03-13 is a Wednesday).
    @Test(arguments: [
        ("The envoy arrived Friday, aides said.", "2024-03-08"),
        ("The envoy will arrive Friday.", "2024-03-15"),
        ("The envoy is going to arrive Friday.", "2024-03-15"),
        ("The envoy had arrived on Friday.", "2024-03-08"),
        ("The envoy arrives Wednesday.", "2024-03-13"),
    ])
    func weekdayFollowsTense(_ sentence: String, _ value: String) throws {
        #expect(try timeTag(sentence).first?.value == value)
    }

    /// A year-less month goes in the direction of the tense when that stays
    /// within half a year: "October" in March.
    @Test(arguments: [
        ("Parliament will vote in May.", "2024-05"),
        ("Parliament voted in February.", "2024-02"),
        ("Parliament voted in October.", "2023-10"),
        ("Parliament will vote in October.", "2024-10"),
    ])
    func monthFollowsTense(_ sentence: String, _ value: String) throws {
        #expect(try timeTag(sentence).first?.value == value)
    }

    /// "the day before" and "two days later" count from the last date
    /// mentioned, which an anchored expression itself becomes.
    @Test func anchoredToLastDate() throws {
        let times = try timeTag("The militia seized the bridge on June 3, 2021. Two days later, it was retaken. The army had warned the day before.")
        #expect(times.map(\.value) == ["2021-06-03", "2021-06-05", "2021-06-04"])
    }

    /// A comparison ("a year earlier") keeps the granularity of its anchor
    /// and does not move the narrative: "the quarter" is still the one named.
    @Test func yearEarlierKeepsQuarter() throws {
        let times = try timeTag("Profit rose in the third quarter of 2023 from a year earlier. Sales in the quarter grew.")
        #expect(times.map(\.value) == ["2023-Q3", "2022-Q3", "2023-Q3"])
    }

    /// Without a document date, relative expressions get no value and a flag.
    @Test func noDocumentDateNoGuess() throws {
        let times = try timeTag("The rebels attacked yesterday and again on Oct. 12.", published: nil)
        #expect(times.count == 2)
        #expect(times[0].value == nil)
        #expect(times[0].flags == ["no-document-date"])
        #expect(times[1].value == "XXXX-10-12")
        #expect(times[1].flags == ["no-document-date"])
    }

    /// The article's own date is used when the caller gave none.
    @Test func articleDateIsAnAnchor() throws {
        var doc = Document(id: "t", input: .cleanText("Troops left yesterday."))
        doc.setArticle(text: "Troops left yesterday.", article: Article(published: "2024-03-13"), paragraphs: [])
        try SentenceStage().process(&doc)
        try TokenStage().process(&doc)
        try TimeStage().process(&doc)
        #expect(doc.times.first?.value == "2024-03-12")
    }
}

@Suite("Time expressions: consistency flags")
struct TimeFlagTests {
    /// 5 October 2020 was a Monday; "Tuesday, Oct. 5, 2020" contradicts it.
    @Test func weekdayMismatch() throws {
        let bad = try timeTag("The vote took place on Tuesday, Oct. 5, 2020.")
        #expect(bad.first?.flags == ["weekday-mismatch"])
        let good = try timeTag("The vote took place on Monday, Oct. 5, 2020.")
        #expect(good.first?.flags == [])
        #expect(good.first?.value == "2020-10-05")
    }

    /// A date after the document date in a past-tense clause.
    @Test func afterDocumentDate() throws {
        let times = try timeTag("The rebels captured the town on June 2, 2025.")
        #expect(times.first?.flags == ["after-document-date"])
        #expect(try timeTag("The rebels will capture the town by June 2, 2025.").first?.flags == [])
    }

    /// "31 June" does not exist: no value, a flag.
    @Test func impossibleDate() throws {
        let times = try timeTag("The decree was signed on 31 June 2023.")
        #expect(times.first?.value == nil)
        #expect(times.first?.flags == ["impossible-date"])
    }
}

@Suite("Time words table")
struct TimeWordsTests {
    /// Every table line parses and no two words share a hash (the lexicon traps otherwise).
    @Test func tableLoads() {
        let lexicon = TimeLexicon.shared
        #expect(lexicon.info(timeWordHash("september"))?.month == 9)
        #expect(lexicon.info(timeWordHash("fortnight"))?.unit == .fortnight)
        #expect(lexicon.info(timeWordHash("xyzzy")) == nil)
    }

    /// Calendar arithmetic behind week and weekday values.
    @Test func calendar() {
        let day = CalendarDay(year: 2024, month: 3, day: 13)
        #expect(day.weekday == 3)
        #expect(day.weekValue == "2024-W11")
        #expect(CalendarDay(ordinal: day.ordinal).value == "2024-03-13")
        #expect(CalendarDay(year: 2021, month: 1, day: 3).weekValue == "2020-W53")
        #expect(day.adding(months: -1).value == "2024-02-13")
    }
}
