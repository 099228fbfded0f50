import Foundation
import SitrepCore

/// One processed document turned into the rows it will be stored as, before
/// any database id exists (`articleID`, `storyID` and `eventID` fields are 0
/// until the store fills them in).
///
/// Built once per document, so every backend stores exactly the same rows.
public struct PreparedArticle: Sendable {
    public var article: ArticleRecord
    public var entities: [EntityRecord] = []
    public var actors: [ActorRecord] = []
    public var times: [TimeRecord] = []
    public var places: [PlaceRecord] = []
    public var quotes: [QuoteRecord] = []
    public var quantities: [QuantityRecord] = []
    /// Each event's key row (counts 0) with its mention.
    public var events: [(event: EventRecord, mention: EventMentionRecord)] = []
    /// MinHash signature of the text, nil when too short to compare.
    public var signature: [UInt32]?
    public var bands: [LSHBandRecord] = []

    /// Prepares a processed document.
    ///
    /// - Parameters:
    ///   - doc: the document, after the pipeline.
    ///   - inputHash: SHA-256 hex of the raw input (see ``inputHash(of:)``).
    ///   - title: a title given with the input, used when extraction found none.
    ///   - source: the outlet or feed name given with the input.
    ///   - minhash: the signature settings.
    ///   - now: the ingestion time, ISO 8601.
    public init(_ doc: Document, inputHash: String, title: String? = nil, source: String? = nil,
                minhash: MinHash, now: String = PreparedArticle.timestamp()) {
        let article = doc.article
        let title = article.title ?? title
        let url = doc.url ?? article.url
        let published = doc.published ?? article.published
        // PostgreSQL's text type cannot hold U+0000, which scraped pages do
        // carry; it is stored as a space in both backends (one byte for one, so
        // every offset still holds).
        let storedText = Self.withoutNUL(doc.text)
        let signature = minhash.signature(of: storedText)
        self.signature = signature

        var metadata = JSONWriter()
        metadata.beginObject()
        metadata.key("caption"); metadata.string(article.caption)
        metadata.key("credit"); metadata.string(article.credit)
        metadata.key("subheads"); metadata.strings(article.subheads)
        metadata.key("tags"); metadata.strings(article.tags)
        metadata.key("related"); metadata.strings(article.related)
        metadata.key("paragraphs"); Self.writeSpans(doc.paragraphs, into: &metadata)
        metadata.key("sentences"); Self.writeSpans(doc.sentences, into: &metadata)
        metadata.endObject()

        var provenance = JSONWriter()
        provenance.beginArray()
        for record in doc.provenance {
            provenance.beginObject()
            provenance.key("stage"); provenance.string(record.stage)
            provenance.key("version"); provenance.string(record.version)
            provenance.key("provides"); provenance.strings(record.provides.map(\.rawValue))
            provenance.endObject()
        }
        provenance.endArray()

        self.article = ArticleRecord(
            id: nil, storyID: 0, externalID: doc.id, url: url,
            contentHash: Self.contentHash(title: title, text: storedText), inputHash: inputHash,
            minhash: signature.map(MinHash.encode), nearDuplicateOf: nil, similarity: nil,
            source: source, title: title, byline: article.byline, published: published,
            language: article.language, text: storedText,
            metadata: String(decoding: metadata.bytes, as: UTF8.self),
            provenance: String(decoding: provenance.bytes, as: UTF8.self),
            ingestedAt: now
        )
        if let signature {
            bands = minhash.bandKeys(of: signature).map { LSHBandRecord(articleID: 0, band: $0.band, hash: $0.hash) }
        }

        func text(_ span: TextSpan) -> String { Self.withoutNUL(String(doc.text(of: span))) }
        entities = doc.entities.map {
            EntityRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                         type: $0.type.rawValue, canonical: $0.canonical, actor: $0.actor, confidence: $0.confidence)
        }
        actors = doc.actors.map {
            ActorRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                        code: $0.code, canonical: $0.canonical, confidence: $0.confidence)
        }
        times = doc.times.map {
            TimeRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                       type: $0.type.rawValue, value: $0.value, flags: Self.json($0.flags))
        }
        places = doc.places.map {
            PlaceRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                        name: $0.name, geonameID: $0.geonameID.map(Int64.init), country: $0.country,
                        latitude: $0.latitude, longitude: $0.longitude)
        }
        quotes = doc.quotes.map {
            QuoteRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                        speakerStartByte: $0.speaker?.span.start, speakerEndByte: $0.speaker?.span.end,
                        speakerText: $0.speaker.map { text($0.span) }, speakerCanonical: $0.speaker?.canonical,
                        speakerActor: $0.speaker?.actor, cueStartByte: $0.cue?.start, cueEndByte: $0.cue?.end,
                        kind: $0.kind.rawValue)
        }
        quantities = doc.quantities.map {
            QuantityRecord(id: nil, articleID: 0, startByte: $0.span.start, endByte: $0.span.end, text: text($0.span),
                           value: $0.value, approximate: $0.approximate, unit: $0.unit, counted: $0.of,
                           eventOrdinal: $0.event.flatMap { doc.events.indices.contains($0) ? $0 : nil })
        }
        events = doc.events.enumerated().map { ordinal, event in
            let place = event.place
            let key = EventRecord(
                id: nil, source: event.source?.code ?? "", target: event.target?.code ?? "",
                rootCode: Self.rootCode(event.code), eventDate: Self.eventDate(event.date, published: published),
                place: Self.placeKey(place, text: place.map { text($0.span) }), code: event.code, label: event.label,
                placeName: place.map { $0.name ?? text($0.span) }, country: place?.country,
                latitude: place?.latitude, longitude: place?.longitude,
                mentionCount: 0, articleCount: 0, sourceCount: 0, firstArticleID: nil)
            var evidence = JSONWriter()
            evidence.beginArray()
            for span in event.evidence { evidence.beginArray(); evidence.int(span.start); evidence.int(span.end); evidence.endArray() }
            evidence.endArray()
            let mention = EventMentionRecord(
                id: nil, eventID: 0, articleID: 0, code: event.code,
                sourceText: event.source?.span.map(text), targetText: event.target?.span.map(text),
                startByte: event.span.start, endByte: event.span.end,
                evidence: String(decoding: evidence.bytes, as: UTF8.self),
                confidence: event.confidence, flags: Self.json(event.flags), rule: event.rule, ordinal: ordinal)
            return (key, mention)
        }
    }

    /// `text` with each U+0000 replaced by a space (same UTF-8 length).
    static func withoutNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(decoding: text.utf8.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    // MARK: keys

    /// SHA-256 hex of the title, a newline and the text: equal only for the same
    /// headline over the same text. A copy under a new headline is therefore
    /// stored, and joins the story as a near-duplicate.
    public static func contentHash(title: String?, text: String) -> String {
        SHA256.hex((title ?? "") + "\n" + text)
    }

    /// SHA-256 hex of a raw input, with its kind, so that the same text given
    /// as scraped and as clean text hashes differently.
    public static func inputHash(of input: DocumentInput) -> String {
        switch input {
        case let .html(page): SHA256.hex("html\n" + page)
        case let .scrapedText(text): SHA256.hex("text\n" + text)
        case let .cleanText(text): SHA256.hex("clean\n" + text)
        case let .tokens(sentences): SHA256.hex("tokens\n" + sentences.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}"))
        }
    }

    /// The CAMEO root: the first two digits of the code ("190" → "19", "0356" → "03").
    public static func rootCode(_ code: String) -> String {
        let digits = String(code.prefix(2))
        return digits.count == 2 ? digits : String(repeating: "0", count: 2 - digits.count) + digits
    }

    /// The event's day (`YYYY-MM-DD`): its own date when it names a day, else the
    /// article's publication day (GDELT's convention), else "".
    public static func eventDate(_ date: String?, published: String?) -> String {
        for candidate in [date, published] {
            if let candidate, DocumentDate.isValid(candidate) { return String(candidate.prefix(10)) }
        }
        return ""
    }

    /// The place part of the event key: the GeoNames id, else the lowercased name or text, else "".
    public static func placeKey(_ place: PlaceMention?, text: String?) -> String {
        guard let place else { return "" }
        if let id = place.geonameID { return String(id) }
        return (place.name ?? text ?? "").lowercased()
    }

    /// Now, as ISO 8601 in UTC with seconds.
    public static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    private static func json(_ strings: [String]) -> String {
        var writer = JSONWriter(reservingCapacity: 64)
        writer.strings(strings)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func writeSpans(_ spans: [TextSpan], into writer: inout JSONWriter) {
        writer.beginArray()
        for span in spans { writer.beginArray(); writer.int(span.start); writer.int(span.end); writer.endArray() }
        writer.endArray()
    }
}
