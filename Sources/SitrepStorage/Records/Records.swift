/// One `Codable` record per table. Coding keys are column names; offsets are
/// half-open UTF-8 byte offsets into the article's `text` (`start_byte` inclusive,
/// `end_byte` exclusive), as in ``SitrepCore/TextSpan``.
///
/// Dedup keys that SQL must compare with `=` (the event key columns) use the
/// empty string for "unknown", because SQL unique constraints treat NULLs as
/// distinct; the records' accessors turn it back into `nil`.
///
/// ## Topics
/// - Articles and stories: ``StoryRecord``, ``ArticleRecord``, ``LSHBandRecord``
/// - Layers: ``EntityRecord``, ``ActorRecord``, ``TimeRecord``, ``PlaceRecord``,
///   ``QuoteRecord``, ``QuantityRecord``
/// - Events: ``EventRecord``, ``EventMentionRecord``
/// - Worker queue: ``QueueRecord``
public enum Tables {
    /// Every table of the schema, in creation order (the schema test walks it).
    public static let all = [
        StoryRecord.table, ArticleRecord.table, EntityRecord.table, ActorRecord.table, TimeRecord.table,
        PlaceRecord.table, QuoteRecord.table, QuantityRecord.table, EventRecord.table,
        EventMentionRecord.table, LSHBandRecord.table, QueueRecord.table,
    ]
}

/// A story: every article that is the same text, give or take a headline or a
/// paragraph (see ``NearDuplicateDetector``).
public struct StoryRecord: Codable, Sendable, Equatable {
    public static let table = "stories"
    public var id: Int64?
    /// Content hash of the story's first article; a stable natural key.
    public var key: String
    public var title: String?
    /// Earliest `published` among the story's articles, when known.
    public var published: String?
    public var articleCount: Int
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, key, title, published
        case articleCount = "article_count"
        case createdAt = "created_at"
    }
}

/// One stored article. Exact duplicates (same URL, or same title and text) are
/// never stored twice; near-duplicates are stored and join their story.
public struct ArticleRecord: Codable, Sendable, Equatable {
    public static let table = "articles"
    public var id: Int64?
    public var storyID: Int64
    /// The caller's identifier (the interchange `id`).
    public var externalID: String
    public var url: String?
    /// SHA-256 (hex) of the title, a newline and the article text: the exact-duplicate key.
    public var contentHash: String
    /// SHA-256 (hex) of the raw input (page, scraped text or tokens), so that a
    /// re-ingest can skip the pipeline.
    public var inputHash: String
    /// MinHash signature: ``MinHash/hashCount`` little-endian `UInt32`s; nil
    /// when the text is too short to compare (``DeduplicationSettings/minimumShingles``).
    public var minhash: [UInt8]?
    /// The stored article this one nearly duplicates, and their estimated Jaccard similarity.
    public var nearDuplicateOf: Int64?
    public var similarity: Double?
    /// The feed or outlet name, when the input names one.
    public var source: String?
    public var title: String?
    public var byline: String?
    public var published: String?
    public var language: String?
    public var text: String
    /// JSON object: caption, credit, subheads, tags, related, paragraphs, sentences (byte spans).
    public var metadata: String
    /// JSON array of `{stage, version, provides}`: the stages behind the stored layers.
    public var provenance: String
    public var ingestedAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case storyID = "story_id"
        case externalID = "external_id"
        case url
        case contentHash = "content_hash"
        case inputHash = "input_hash"
        case minhash
        case nearDuplicateOf = "near_duplicate_of"
        case similarity, source, title, byline, published, language, text, metadata, provenance
        case ingestedAt = "ingested_at"
    }
}

/// A named-entity mention.
public struct EntityRecord: Codable, Sendable, Equatable {
    public static let table = "entities"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    /// PER, ORG, LOC or MISC.
    public var type: String
    public var canonical: String?
    public var actor: String?
    public var confidence: Double?

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text, type, canonical, actor, confidence
    }
}

/// A coded political actor mention ("TURMIL").
public struct ActorRecord: Codable, Sendable, Equatable {
    public static let table = "actors"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    public var code: String
    public var canonical: String?
    public var confidence: Double?

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text, code, canonical, confidence
    }
}

/// A time expression with its TIMEX3 value.
public struct TimeRecord: Codable, Sendable, Equatable {
    public static let table = "times"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    /// DATE, TIME, DURATION or SET.
    public var type: String
    public var value: String?
    /// JSON array of flag strings.
    public var flags: String

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text, type, value, flags
    }
}

/// A place mention resolved (or not) to the gazetteer.
public struct PlaceRecord: Codable, Sendable, Equatable {
    public static let table = "places"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    public var name: String?
    public var geonameID: Int64?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text, name
        case geonameID = "geonameid"
        case country
        case latitude = "lat"
        case longitude = "lon"
    }
}

/// A quotation with its speaker and cue spans.
public struct QuoteRecord: Codable, Sendable, Equatable {
    public static let table = "quotes"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    public var speakerStartByte: Int?
    public var speakerEndByte: Int?
    public var speakerText: String?
    public var speakerCanonical: String?
    public var speakerActor: String?
    public var cueStartByte: Int?
    public var cueEndByte: Int?
    /// `direct`, `partial` or `indirect`; nil for quotes stored before the kind was kept.
    public var kind: String?

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text
        case speakerStartByte = "speaker_start_byte"
        case speakerEndByte = "speaker_end_byte"
        case speakerText = "speaker_text"
        case speakerCanonical = "speaker_canonical"
        case speakerActor = "speaker_actor"
        case cueStartByte = "cue_start_byte"
        case cueEndByte = "cue_end_byte"
        case kind
    }
}

/// A counted quantity ("some 300 protesters").
public struct QuantityRecord: Codable, Sendable, Equatable {
    public static let table = "quantities"
    public var id: Int64?
    public var articleID: Int64
    public var startByte: Int
    public var endByte: Int
    public var text: String
    public var value: Double?
    public var approximate: Bool
    public var unit: String?
    /// What is counted ("soldiers"); the interchange field `of`.
    public var counted: String?
    /// The event the quantity describes: the ``EventMentionRecord/ordinal`` of
    /// its mention in the same article.
    public var eventOrdinal: Int?

    enum CodingKeys: String, CodingKey {
        case id
        case articleID = "article_id"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case text, value, approximate, unit, counted
        case eventOrdinal = "event_ordinal"
    }
}

/// A deduplicated event: one row per (source, target, code root, date, place),
/// however many articles report it.
///
/// `mentionCount` counts mentions, `articleCount` distinct articles and
/// `sourceCount` distinct stories, so near-duplicate copies of one wire story
/// count as one source.
public struct EventRecord: Codable, Sendable, Equatable {
    public static let table = "events"
    public var id: Int64?
    /// Source actor code; "" when the event has no source.
    public var source: String
    /// Target actor code; "" when the event has no target.
    public var target: String
    /// CAMEO root code: the first two digits ("19").
    public var rootCode: String
    /// `YYYY-MM-DD`: the event's date, else the first reporting article's; "" when neither is known.
    public var eventDate: String
    /// Place key: the GeoNames id, else the lowercased place name; "" when there is no place.
    public var place: String
    /// The full CAMEO code of the first mention ("193").
    public var code: String
    public var label: String?
    public var placeName: String?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var mentionCount: Int
    public var articleCount: Int
    public var sourceCount: Int
    public var firstArticleID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, source, target
        case rootCode = "root_code"
        case eventDate = "event_date"
        case place, code, label
        case placeName = "place_name"
        case country
        case latitude = "lat"
        case longitude = "lon"
        case mentionCount = "mention_count"
        case articleCount = "article_count"
        case sourceCount = "source_count"
        case firstArticleID = "first_article_id"
    }
}

/// One report of an event in one article, with the evidence for it.
public struct EventMentionRecord: Codable, Sendable, Equatable {
    public static let table = "event_mentions"
    public var id: Int64?
    public var eventID: Int64
    public var articleID: Int64
    public var code: String
    public var sourceText: String?
    public var targetText: String?
    public var startByte: Int
    public var endByte: Int
    /// JSON array of `[start_byte, end_byte]` pairs: the trigger words.
    public var evidence: String
    public var confidence: Double
    /// JSON array of flag strings.
    public var flags: String
    /// The coding rule that produced the mention (the interchange `evidence`), when known.
    public var rule: String?
    /// The mention's position among its document's events (the interchange
    /// index that `quantities[].event` uses).
    public var ordinal: Int?

    enum CodingKeys: String, CodingKey {
        case id
        case eventID = "event_id"
        case articleID = "article_id"
        case code
        case sourceText = "source_text"
        case targetText = "target_text"
        case startByte = "start_byte"
        case endByte = "end_byte"
        case evidence, confidence, flags, rule, ordinal
    }
}

/// One LSH band of an article's MinHash signature: articles sharing a
/// `(band, hash)` are near-duplicate candidates.
public struct LSHBandRecord: Codable, Sendable, Equatable {
    public static let table = "lsh_bands"
    public var articleID: Int64
    public var band: Int
    /// Hash of the band's rows, with the band number mixed in.
    public var hash: Int64

    enum CodingKeys: String, CodingKey {
        case articleID = "article_id"
        case band, hash
    }
}

/// One input waiting in, or gone through, the worker queue (`sitrep enqueue`,
/// `sitrep worker`; see ``ArticleQueue``).
public struct QueueRecord: Codable, Sendable, Equatable {
    public static let table = "article_queue"
    public var id: Int64?
    /// ``IngestItem/inputHash``: an input is queued once.
    public var inputHash: String
    /// The input as one JSON line of the interchange input format, plus `title` and `source`.
    public var item: String
    /// Where it was read: `file:line`, a feed item or a WARC record.
    public var origin: String
    /// `pending`, `claimed` (a worker holds a lease), `done` or `failed`.
    public var status: String
    /// Claims so far, including ones whose worker died.
    public var attempts: Int
    /// The lease of the claiming worker: a token, and its expiry in milliseconds
    /// since 1970 by the database server's clock. Set exactly while `claimed`.
    public var leaseToken: String?
    public var leaseExpiresMs: Int64?
    /// The worker that holds or last held the row (`host:pid`).
    public var worker: String?
    /// When done: `stored`, or `duplicate` (of a stored article).
    public var outcome: String?
    /// The article stored for it, or the stored article it duplicates.
    public var articleID: Int64?
    /// The last failure's message; cleared when a later attempt succeeds.
    public var error: String?
    /// ISO 8601 with milliseconds, by the database server's clock.
    public var enqueuedAt: String
    public var finishedAt: String?

    enum CodingKeys: String, CodingKey {
        case id
        case inputHash = "input_hash"
        case item, origin, status, attempts
        case leaseToken = "lease_token"
        case leaseExpiresMs = "lease_expires_ms"
        case worker, outcome
        case articleID = "article_id"
        case error
        case enqueuedAt = "enqueued_at"
        case finishedAt = "finished_at"
    }
}
