import SitrepCore

/// Where Sitrep keeps articles, their layers and deduplicated events.
///
/// Backends: ``MemoryStore`` (tests), ``SQLiteStore`` (GRDB, the default
/// `./sitrep.db`) and ``PostgresStore`` (postgres-nio). Commands and controllers
/// are generic over `some Store`, as Hummingbird's repository examples are over
/// their `TodoRepository`. Every backend passes the same test suite.
///
/// ## Topics
/// - Setting up: ``migrate()``, ``close()``, ``StoreLocation``
/// - Writing: ``store(_:)``, ``articleID(inputHash:)``, ``StoreOutcome``
/// - Reading: ``events(_:)``, ``event(id:)``, ``mentions(eventID:)``, ``articles(_:)``, ``article(id:)``,
///   ``layers(articleID:)``, ``actors(limit:)``, ``stats()``
/// - Aggregates for the API and UI: ``timeline(_:)``, ``eventPlaces(_:limit:)``, ``actorPairs(_:limit:)``
/// - Schema and health: ``schemaColumns()``, ``check()``
public protocol Store: Sendable {
    /// Applies the migrations not yet applied. Safe to call on every open.
    func migrate() async throws

    /// Stores one article with its layers and events in one transaction, unless
    /// it is an exact duplicate (same URL or same content hash) of a stored one.
    /// A near-duplicate is stored and joins the story of its closest match.
    func store(_ article: PreparedArticle) async throws -> StoreOutcome

    /// The stored article whose raw input had this hash, so a re-ingest can skip the pipeline.
    func articleID(inputHash: String) async throws -> Int64?

    /// Deduplicated events matching the query, newest first.
    func events(_ query: EventQuery) async throws -> [StoredEvent]

    /// The mentions of one event, in article order.
    func mentions(eventID: Int64) async throws -> [EventMentionRecord]

    /// Article summaries matching the query, newest first.
    func articles(_ query: ArticleQuery) async throws -> [ArticleSummary]

    /// One full article record.
    func article(id: Int64) async throws -> ArticleRecord?

    /// One deduplicated event by id.
    func event(id: Int64) async throws -> StoredEvent?

    /// Every annotation layer of one article, and the events it reports (empty
    /// when there is no such article).
    func layers(articleID: Int64) async throws -> ArticleLayers

    /// Events per day and CAMEO root for the query's filters, oldest first;
    /// events without a date are left out.
    func timeline(_ query: EventQuery) async throws -> [TimelineBucket]

    /// Events per place with coordinates for the query's filters, most events first.
    func eventPlaces(_ query: EventQuery, limit: Int) async throws -> [PlaceBucket]

    /// Source→target actor pairs for the query's filters, most events first;
    /// events without a source or a target are left out.
    func actorPairs(_ query: EventQuery, limit: Int) async throws -> [ActorPair]

    /// Actor codes by number of mentions and events.
    func actors(limit: Int) async throws -> [ActorSummary]

    /// Row counts and date range.
    func stats() async throws -> StoreStats

    /// Table name → column names, bookkeeping tables excluded.
    func schemaColumns() async throws -> [String: [String]]

    /// Checks the store: the database's own integrity check where it has one
    /// (SQLite's `integrity_check` and `foreign_key_check`), then Sitrep's
    /// invariants (see ``StoreInvariant``). Returns one line per problem;
    /// empty means healthy. `sitrep check` runs it, and the crash-safety tests
    /// run it after every `kill -9`.
    func check() async throws -> [String]

    /// Releases connections. The store is unusable afterwards.
    func close() async throws
}

/// What ``Store/store(_:)`` did with an article.
public enum StoreOutcome: Sendable, Equatable {
    /// Stored as a new article; `nearDuplicateOf` names the article it joined
    /// (with the estimated similarity) when it is a near-duplicate.
    case stored(articleID: Int64, storyID: Int64, nearDuplicateOf: Int64?, similarity: Double?)
    /// Not stored: an article with the same URL or content hash exists.
    case duplicate(of: Int64)
}

/// Filters of ``Store/events(_:)``. Codes are matched as prefixes
/// (`actor: "TUR"` matches `TURMIL`); dates are `YYYY-MM-DD`, inclusive.
public struct EventQuery: Sendable, Equatable {
    /// Source actor code prefix.
    public var actor: String?
    /// Target actor code prefix.
    public var target: String?
    /// CAMEO code prefix: "19" (a root) or "193".
    public var code: String?
    public var since: String?
    public var until: String?
    /// Place name (case-insensitive) or GeoNames id.
    public var place: String?
    /// Only events with both a source and a target actor (dyadic events, the
    /// only kind GDELT and ICEWS list); by default an event with one side
    /// unknown (flag `no-source`, or no target) is listed too.
    public var dyadic: Bool = false
    public var limit: Int = 100
    public var offset: Int = 0

    public init(actor: String? = nil, target: String? = nil, code: String? = nil, since: String? = nil,
                until: String? = nil, place: String? = nil, dyadic: Bool = false, limit: Int = 100, offset: Int = 0) {
        self.actor = actor
        self.target = target
        self.code = code
        self.since = since
        self.until = until
        self.place = place
        self.dyadic = dyadic
        self.limit = limit
        self.offset = offset
    }
}

/// An event with where it was first reported.
public struct StoredEvent: Sendable, Equatable {
    public var event: EventRecord
    public var firstURL: String?
    public var firstTitle: String?
    /// When the first reporting article was stored (ISO 8601).
    public var firstIngestedAt: String?
}

/// Filters of ``Store/articles(_:)``.
public struct ArticleQuery: Sendable, Equatable {
    public var storyID: Int64?
    /// Case-sensitive substring of the title.
    public var title: String?
    public var source: String?
    public var since: String?
    public var until: String?
    public var limit: Int = 100
    public var offset: Int = 0

    public init(storyID: Int64? = nil, title: String? = nil, source: String? = nil, since: String? = nil,
                until: String? = nil, limit: Int = 100, offset: Int = 0) {
        self.storyID = storyID
        self.title = title
        self.source = source
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}

/// An article without its text and layers.
public struct ArticleSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var storyID: Int64
    public var externalID: String
    public var url: String?
    public var title: String?
    public var source: String?
    public var published: String?
    public var nearDuplicateOf: Int64?
    public var similarity: Double?
    /// Length of the text in UTF-8 bytes.
    public var textBytes: Int

    enum CodingKeys: String, CodingKey {
        case id
        case storyID = "story_id"
        case externalID = "external_id"
        case url, title, source, published
        case nearDuplicateOf = "near_duplicate_of"
        case similarity
        case textBytes = "text_bytes"
    }
}

/// One actor code with its counts.
public struct ActorSummary: Codable, Sendable, Equatable {
    public var code: String
    /// Mentions in the actors layer.
    public var mentions: Int
    /// Distinct articles with a mention.
    public var articles: Int
    /// Events with this code as source, and as target.
    public var asSource: Int
    public var asTarget: Int

    enum CodingKeys: String, CodingKey {
        case code, mentions, articles
        case asSource = "as_source"
        case asTarget = "as_target"
    }
}

/// Counts of what the store holds.
public struct StoreStats: Codable, Sendable, Equatable {
    public var articles: Int
    public var stories: Int
    /// Articles stored as near-duplicates of an earlier one.
    public var nearDuplicates: Int
    public var events: Int
    public var eventMentions: Int
    public var entities: Int
    public var actors: Int
    public var times: Int
    public var places: Int
    public var quotes: Int
    public var quantities: Int
    public var firstPublished: String?
    public var lastPublished: String?

    enum CodingKeys: String, CodingKey {
        case articles, stories
        case nearDuplicates = "near_duplicates"
        case events
        case eventMentions = "event_mentions"
        case entities, actors, times, places, quotes, quantities
        case firstPublished = "first_published"
        case lastPublished = "last_published"
    }

    /// The counts as ordered (name, value) pairs, for tables and CSV.
    public var fields: [(name: String, value: String)] {
        [("articles", "\(articles)"), ("stories", "\(stories)"), ("near_duplicates", "\(nearDuplicates)"),
         ("events", "\(events)"), ("event_mentions", "\(eventMentions)"), ("entities", "\(entities)"),
         ("actors", "\(actors)"), ("times", "\(times)"), ("places", "\(places)"), ("quotes", "\(quotes)"),
         ("quantities", "\(quantities)"), ("first_published", firstPublished ?? ""), ("last_published", lastPublished ?? "")]
    }
}

/// A storage failure, with what to do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// `--database` is neither a path nor a `postgres://` URL that can be read.
    case badLocation(String, reason: String)
    /// The database refused a statement.
    case database(String)
    /// A guarded transaction found its guard's row gone (the worker queue:
    /// the lease was taken over), so it wrote nothing.
    case guardFailed(String)

    public var description: String {
        switch self {
        case let .guardFailed(message):
            "nothing was written: \(message)"
        case let .badLocation(location, reason):
            "cannot use database '\(location)': \(reason); give a file path (./sitrep.db) or postgres://user@host:port/db"
        case let .database(message):
            "database error: \(message)"
        }
    }
}
