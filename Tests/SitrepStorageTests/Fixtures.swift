import SitrepCore
@testable import SitrepStorage

/// Texts written for these tests (fictional places and people), kept in one place.
enum Hay {
    /// A wire story of about 130 words in three paragraphs.
    static let wire = """
        Officials in Ruritania said on Tuesday that border guards had detained eleven fishermen from \
        Grand Fenwick after their trawler crossed into disputed waters near the port of Strelsau.

        The foreign ministry in Strelsau summoned the Fenwick envoy and demanded an explanation, while \
        the fishermen's families gathered outside the harbour office asking for news of the crew. A \
        ministry spokeswoman said the men were in good health and would be questioned before any \
        decision on charges was taken.

        Grand Fenwick's prime minister called the detention unlawful and said his government would \
        raise the matter with the regional fisheries council when it meets next month in Zenda. \
        Trade between the two countries has fallen sharply since the dispute over fishing rights began.
        """

    /// The same story with a paragraph added at the end, as a syndicating site might.
    static let wireWithTrailingParagraph = wire + """


        In a separate statement, the harbour authority said ferry services between the two coasts \
        would run as normal this week, although passengers should expect longer checks at the pier.
        """

    /// A different story on a related subject: must not join the wire story.
    static let otherStory = """
        Farmers in the lowlands of Ruritania began the barley harvest a fortnight early this year after \
        an unusually dry spring, the agriculture ministry reported on Wednesday.

        Yields are expected to be lower than last season, and grain merchants in Zenda have already \
        raised their prices. The ministry said it would release part of the national reserve if bread \
        prices rose by more than a tenth before the winter, and it urged millers not to hoard stocks.
        """

    /// A text with multi-byte characters before the annotations, so byte and
    /// character offsets differ.
    static let accented = "Zürich — Señora Øyvind Ærø met Ruritania's envoy in Strelsau on Monday."

    /// Strings that break naive SQL building.
    static let injections = [
        "Robert'); DROP TABLE articles;--",
        "' OR '1'='1",
        "%_\\",
        "\"; DELETE FROM events; --",
        "$1 ? ?? :name",
    ]
}

/// Builds documents directly, without the pipeline.
enum DocumentBuilder {
    /// A document with `text` set as clean text and the article metadata given.
    static func document(id: String, text: String, title: String?, url: String? = nil, published: String? = "2026-03-03") -> Document {
        var doc = Document(id: id, input: .cleanText(text), published: published, url: url)
        doc.setArticle(text: text, article: Article(title: title, published: published, url: url), paragraphs: [])
        doc.provenance.append(StageRecord(stage: "extract", version: "test.v1", provides: [.article, .paragraphs]))
        return doc
    }

    /// The byte span of the first occurrence of `needle` in `text`.
    static func span(of needle: String, in text: String) -> TextSpan {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
            return TextSpan(start: start, end: start + pattern.count)
        }
        preconditionFailure("'\(needle)' is not in the text")
    }

    /// An event of `code` between `source` and `target` at `place`, on the span
    /// of `trigger`; an empty code leaves that side unknown.
    static func event(_ code: String, source: String, target: String, place: String?, date: String? = nil,
                      trigger: String, in text: String) -> Event {
        let span = span(of: trigger, in: text)
        let placeMention = place.map { PlaceMention(span: self.span(of: $0, in: text), name: $0, country: "RUR", latitude: 45.1, longitude: 19.8) }
        return Event(code: code, label: "test", source: source.isEmpty ? nil : EventArgument(span: nil, code: source),
                     target: target.isEmpty ? nil : EventArgument(span: nil, code: target), date: date, place: placeMention,
                     span: span, confidence: 0.8, evidence: [span])
    }

    static func prepared(_ doc: Document, title: String? = nil, source: String? = nil) -> PreparedArticle {
        PreparedArticle(doc, inputHash: PreparedArticle.inputHash(of: doc.input), title: title, source: source, minhash: MinHash())
    }
}
