import Foundation
import SitrepCore
import Testing
@testable import SitrepStages

/// The expected extraction of one scraped-page fixture (`NAME.expected.json`).
struct ExpectedExtraction: Decodable {
    var title: String?
    var byline: String?
    var published: String?
    var caption: String?
    var credit: String?
    var subheads: [String]
    var tags: [String]
    var related: [String]
    var paragraphs: [String]
}

/// Scraped-page fixtures under `Fixtures/scraped`, loaded relative to this
/// file (the test target declares no resources). `sample` is
/// ``SampleArticle/text`` itself, so the built-in sample cannot drift from its
/// expected extraction.
enum ScrapedFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scraped")

    /// One per page shape: the built-in sample (wire story with every kind of
    /// furniture), a second wire story, a live blog, a page without caption, a
    /// French page, a Spanish page, a short item, a body of short paragraphs.
    static let names = ["sample", "wire-story", "live-blog", "no-caption", "french-boilerplate", "spanish-boilerplate", "short-item", "short-paragraphs"]

    static func page(_ name: String) throws -> String {
        if name == "sample" { return SampleArticle.text }
        return try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }

    static func expected(_ name: String) throws -> ExpectedExtraction {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).expected.json"))
        return try JSONDecoder().decode(ExpectedExtraction.self, from: data)
    }

    /// The page's non-blank lines, trimmed and with whitespace collapsed.
    static func lines(of page: String) -> [String] {
        page.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}

/// Checks the invariants of an extraction: spans sorted, in bounds, on scalar
/// boundaries, separated by exactly "\n\n" and covering the whole text.
fileprivate func checkSpanInvariants(_ result: ExtractedArticle, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(result.text.utf8)
    var previousEnd = 0
    for (index, span) in result.paragraphs.enumerated() {
        #expect(span.start < span.end, "paragraph \(index) is empty", sourceLocation: sourceLocation)
        #expect(span.end <= bytes.count, "paragraph \(index) ends past the text", sourceLocation: sourceLocation)
        guard span.end <= bytes.count, span.start >= previousEnd else {
            Issue.record("paragraph \(index) \(span) is out of order or out of bounds", sourceLocation: sourceLocation)
            return
        }
        #expect(bytes[span.start] & 0xC0 != 0x80, "paragraph \(index) starts inside a scalar", sourceLocation: sourceLocation)
        #expect(span.end == bytes.count || bytes[span.end] & 0xC0 != 0x80, "paragraph \(index) ends inside a scalar", sourceLocation: sourceLocation)
        if index > 0 {
            #expect(Array(bytes[previousEnd..<span.start]) == [0x0A, 0x0A], "paragraphs \(index - 1) and \(index) are not separated by a blank line", sourceLocation: sourceLocation)
        } else {
            #expect(span.start == 0, sourceLocation: sourceLocation)
        }
        previousEnd = span.end
    }
    #expect(previousEnd == bytes.count, "text continues after the last paragraph", sourceLocation: sourceLocation)
}

@Suite("Scraped text extraction")
struct ScrapedTextExtractorTests {
    let extractor = ScrapedTextExtractor()

    // MARK: - Fixtures

    @Test("metadata equals the expected fields", arguments: ScrapedFixtures.names)
    func metadata(_ name: String) throws {
        let expected = try ScrapedFixtures.expected(name)
        let article = extractor.extract(try ScrapedFixtures.page(name)).article
        #expect(article.title == expected.title)
        #expect(article.byline == expected.byline)
        #expect(article.published == expected.published)
        #expect(article.caption == expected.caption)
        #expect(article.credit == expected.credit)
        #expect(article.subheads == expected.subheads)
        #expect(article.tags == expected.tags)
        #expect(article.related == expected.related)
        #expect(article.url == nil, "the extractor leaves the URL to the stage")
    }

    @Test("no body paragraph is lost", arguments: ScrapedFixtures.names)
    func noParagraphLost(_ name: String) throws {
        let expected = try ScrapedFixtures.expected(name)
        let paragraphs = extractor.extract(try ScrapedFixtures.page(name)).paragraphTexts
        for paragraph in expected.paragraphs {
            #expect(paragraphs.contains(paragraph), "lost: \(paragraph)")
        }
        #expect(paragraphs == expected.paragraphs, "paragraphs differ in order or content")
    }

    @Test("no boilerplate line survives in the body", arguments: ScrapedFixtures.names)
    func noBoilerplateSurvives(_ name: String) throws {
        let expected = try ScrapedFixtures.expected(name)
        let page = try ScrapedFixtures.page(name)
        let result = extractor.extract(page)
        let paragraphs = Set(result.paragraphTexts)
        let wanted = Set(expected.paragraphs)
        for line in ScrapedFixtures.lines(of: page) where !wanted.contains(line) {
            #expect(!paragraphs.contains(line), "boilerplate kept as a paragraph: \(line)")
        }
        for paragraph in result.paragraphTexts {
            #expect(wanted.contains(paragraph), "unexpected paragraph: \(paragraph)")
        }
    }

    @Test("paragraph spans are sorted, in bounds and on scalar boundaries", arguments: ScrapedFixtures.names)
    func spanInvariants(_ name: String) throws {
        checkSpanInvariants(extractor.extract(try ScrapedFixtures.page(name)))
    }

    @Test("CRLF and CR line endings extract the same article", arguments: ScrapedFixtures.names)
    func lineEndings(_ name: String) throws {
        let page = try ScrapedFixtures.page(name)
        let unix = extractor.extract(page)
        let windows = extractor.extract(page.replacingOccurrences(of: "\n", with: "\r\n"))
        let classicMac = extractor.extract(page.replacingOccurrences(of: "\n", with: "\r"))
        #expect(windows.text == unix.text)
        #expect(windows.article == unix.article)
        #expect(windows.paragraphs == unix.paragraphs)
        #expect(classicMac.text == unix.text)
    }

    @Test("whitespace inside lines is trimmed and collapsed, words untouched")
    func whitespaceNormalization() throws {
        let page = try ScrapedFixtures.page("wire-story")
        let messy = page.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  \t" + $0.replacingOccurrences(of: " ", with: " \u{00A0}  ") + " \u{2009}" }
            .joined(separator: "\n\n")
        let clean = extractor.extract(page)
        let result = extractor.extract(messy)
        #expect(result.text == clean.text)
        #expect(result.article == clean.article)
    }

    @Test("the built-in sample is dated, sized and documented as promised")
    func sampleArticle() throws {
        let expected = try ScrapedFixtures.expected("sample")
        #expect(SampleArticle.published == expected.published)
        #expect(!SampleArticle.id.isEmpty)
        let words = expected.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
        #expect((450...650).contains(words), "sample body has \(words) words")
        let result = extractor.extract(SampleArticle.text)
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics)")
    }

    // MARK: - Rules in isolation

    @Test("a headline repeated as the first body line is dropped")
    func repeatedHeadline() {
        let page = """
        Menu
        Ruritania and Borduria sign border treaty
        By Ana Ruiz
        Ruritania and Borduria sign border treaty
        The two governments signed a treaty on Tuesday that fixes the 300-kilometre border for the first time since 1921.
        Newsletter
        """
        let result = extractor.extract(page)
        #expect(result.article.title == "Ruritania and Borduria sign border treaty")
        #expect(result.paragraphTexts == ["The two governments signed a treaty on Tuesday that fixes the 300-kilometre border for the first time since 1921."])
        #expect(result.diagnostics.contains { $0.id == "SR-EXT-006" })
    }

    @Test("a sentence starting with By is body, not a byline")
    func bylineLookalike() {
        let page = """
        Talks collapse in Geneva after twelve hours
        The talks in Geneva collapsed on Monday night after twelve hours of negotiation between the delegations.
        By Tuesday morning, both delegations had left the city.
        """
        let result = extractor.extract(page)
        #expect(result.article.byline == nil)
        #expect(result.paragraphTexts.last == "By Tuesday morning, both delegations had left the city.")
        // A weekday or month after "By" is a time, not a name, even without a final period.
        let dated = "Talks collapse in Geneva after twelve hours\nBy Tuesday, June 11\nThe talks in Geneva collapsed on Monday night after twelve hours of negotiation."
        #expect(extractor.extract(dated).article.byline == nil)
    }

    @Test("a body paragraph mentioning a newsletter or starting like a cue survives when long")
    func longParagraphsSurviveCues() {
        let long = "Sign up rates for the army reserve rose by 12 percent last year, the defence ministry said, adding that the newsletter it sends to veterans had helped recruitment in rural areas more than any advertising campaign."
        let page = "Reserve recruitment rises in Ruritania\n\(long)\nShare"
        #expect(extractor.extract(page).paragraphTexts == [long])
    }

    @Test("a consent banner is dropped above the article but a paragraph about cookies inside it is kept")
    func consentBanner() {
        let banner = "We use cookies and similar technologies to improve your experience, measure our audience and show you relevant advertising. By continuing to browse you accept their use."
        let inside = "The regulator found that the ministry's website uses cookies to track visitors without asking for their consent, in breach of a 2022 law, and ordered it to stop within 30 days."
        let page = """
        \(banner)
        Ruritanian regulator fines ministry over website tracking
        The data protection authority of Ruritania fined the interior ministry 40,000 euros on Tuesday over its website.
        \(inside)
        The ministry said it would appeal.
        """
        let result = extractor.extract(page)
        #expect(result.article.title == "Ruritanian regulator fines ministry over website tracking")
        #expect(!result.paragraphTexts.contains(banner))
        #expect(result.paragraphTexts.contains(inside))
        #expect(result.paragraphTexts.count == 3)
    }

    @Test("date lines are normalized", arguments: [
        ("Published 11 June 2024", "2024-06-11"),
        ("Tuesday, June 11, 2024 at 09:40 GMT", "2024-06-11"),
        ("Jun. 11th, 2024", "2024-06-11"),
        ("Updated: 2024-06-11T14:15:00Z", "2024-06-11"),
        ("11.06.2024", "2024-06-11"),
        ("13/06/2024", "2024-06-13"),
        ("06/13/2024", "2024-06-13"),
        ("Publié le 4 mars 2025 à 10h12", "2025-03-04"),
        ("Publicado el 4 de marzo de 2025", "2025-03-04"),
        ("Veröffentlicht am 14. März 2025, 10:12 Uhr", "2025-03-14"),
        ("1er février 2024", "2024-02-01"),
        ("29 February 2024", "2024-02-29"),
    ])
    func dates(_ line: String, _ iso: String) {
        let page = "\(line)\nOfficials in Ruritania said on Tuesday that the border would reopen to trucks and buses next week."
        #expect(extractor.extract(page).article.published == iso)
    }

    @Test("ambiguous, impossible and yearless dates are not guessed", arguments: [
        "06/11/2024", "30 February 2024", "Published on June 11", "Published 3 hours ago",
    ])
    func undatedLines(_ line: String) {
        let page = "\(line)\nOfficials in Ruritania said on Tuesday that the border would reopen to trucks and buses next week."
        let result = extractor.extract(page)
        #expect(result.article.published == nil)
        #expect(result.diagnostics.contains { $0.id == "SR-EXT-002" })
    }

    @Test("a publication date wins over an earlier update date")
    func publishedBeatsUpdated() {
        let page = """
        Border reopens after two years of closure
        Updated 12 June 2024
        Published 10 June 2024
        Officials in Ruritania said on Tuesday that the border would reopen to trucks and buses next week.
        """
        #expect(extractor.extract(page).article.published == "2024-06-10")
    }

    @Test("settings change one threshold and keep the other defaults")
    func settings() {
        let page = "Border reopens\nOfficials in Ruritania said on Tuesday that the border would reopen to trucks and buses next week."
        #expect(extractor.extract(page).article.title == nil)
        var settings = ScrapedTextExtractor.Settings()
        settings.titleMinWords = 2
        #expect(settings.bodyStartMinWords == ScrapedTextExtractor.Settings().bodyStartMinWords)
        #expect(ScrapedTextExtractor(settings: settings).extract(page).article.title == "Border reopens")
    }

    @Test("the rescue keeps sentences when the main rules find no body")
    func rescue() {
        let page = "Home\nTalks resumed.\nNobody was hurt."
        let result = extractor.extract(page)
        #expect(result.paragraphTexts == ["Talks resumed.", "Nobody was hurt."])
        #expect(result.diagnostics.contains { $0.id == "SR-EXT-003" })
    }

    // MARK: - Awkward input

    @Test("empty and whitespace-only pages give an empty article", arguments: ["", " ", "\n\n\n", " \t \r\n \u{00A0}\u{3000}\n\u{2028}"])
    func emptyPages(_ page: String) {
        let result = extractor.extract(page)
        #expect(result.text.isEmpty)
        #expect(result.paragraphs.isEmpty)
        #expect(result.article == Article())
        #expect(result.diagnostics.contains { $0.id == "SR-EXT-004" })
    }

    @Test("binary junk does not crash and leaves no junk in the body", arguments: [1, 2, 3, 42])
    func binaryJunk(_ seed: UInt64) {
        var generator = JunkBytes(seed: seed)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let junk = String(decoding: bytes, as: UTF8.self)
        let result = extractor.extract(junk)
        checkSpanInvariants(result)
        #expect(!result.text.contains("\u{FFFD}"))

        // Junk around a real article does not hide it.
        let page = junk + "\n" + SampleArticle.text + "\n" + junk
        let mixed = extractor.extract(page)
        #expect(mixed.article.title == extractor.extract(SampleArticle.text).article.title)
        #expect(mixed.text == extractor.extract(SampleArticle.text).text)
        #expect(mixed.diagnostics.contains { $0.id == "SR-EXT-005" })
    }

    @Test("NUL bytes, emoji sequences, combining marks and RTL text keep spans valid")
    func unusualScalars() {
        let page = """
        Families 👨‍👩‍👧 return to Zenda after the floods
        Officials said on Tuesday that 1,200 families had returned to Zenda, and that the café and the mosque\u{0301} reopened.
        قال مسؤولون يوم الثلاثاء إن ألفا ومئتي عائلة عادت إلى المدينة بعد الفيضانات.
        A line with a NUL \u{0000} byte in the middle of an otherwise ordinary sentence about the floods.
        """
        let result = extractor.extract(page)
        checkSpanInvariants(result)
        #expect(result.article.title == "Families 👨‍👩‍👧 return to Zenda after the floods")
        #expect(result.paragraphs.count == 3)
    }

    /// Alone, a debug build extracts each 20 MB line in about 0.6 s (100 MB in
    /// about 3 s). The bound leaves room for the whole test suite running in
    /// parallel on two cores; a quadratic blow-up would take hours.
    static let hugeBound = Duration.seconds(10)

    @Test("a 20 MB single line is extracted in linear time")
    func hugeSingleLine() {
        let sentence = "Officials in Ruritania said on Tuesday that talks would resume next week. "
        let line = String(repeating: sentence, count: 20_000_000 / sentence.utf8.count)
        let clock = ContinuousClock()
        var result: ExtractedArticle?
        let elapsed = clock.measure { result = extractor.extract(line) }
        #expect(elapsed < Self.hugeBound, "took \(elapsed)")
        #expect(result?.paragraphs.count == 1)
        #expect(result?.text.utf8.count == line.utf8.count - 1)   // the trailing space is trimmed
    }

    @Test("a 20 MB line without spaces, and one of junk, do not blow up")
    func hugeUnbrokenLines() {
        let clock = ContinuousClock()
        let solid = String(repeating: "x", count: 20_000_000)
        var result: ExtractedArticle?
        var elapsed = clock.measure { result = extractor.extract(solid) }
        #expect(elapsed < Self.hugeBound, "took \(elapsed)")
        #expect(result?.text.utf8.count == solid.utf8.count)

        let junk = String(repeating: "\u{FFFD}\u{0001}ab", count: 4_000_000)   // 24 MB
        elapsed = clock.measure { result = extractor.extract(junk) }
        #expect(elapsed < Self.hugeBound, "took \(elapsed)")
        #expect(result?.text.isEmpty == true)
    }

    /// 80,000 lines. Per-line rules cost tens of microseconds in a debug
    /// build; the bound only catches a quadratic blow-up (which would take hours).
    @Test("many short lines are extracted in linear time")
    func manyLines() {
        let block = "Menu\nShare\nOfficials said on Tuesday that talks would resume next week in Geneva.\nRead more: talks\n"
        let page = String(repeating: block, count: 20_000)
        let clock = ContinuousClock()
        var result: ExtractedArticle?
        let elapsed = clock.measure { result = extractor.extract(page) }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(result?.paragraphs.count == 20_000)
    }
}

/// SplitMix64: a small deterministic generator so junk tests are reproducible.
fileprivate struct JunkBytes: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
