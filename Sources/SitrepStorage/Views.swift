/// What the API and the web UI read beyond plain lists: one event, an
/// article's layers, and the aggregates behind the timeline, the map and the
/// actor network. Every aggregate takes the same ``EventQuery`` filters as
/// ``Store/events(_:)`` (its `limit` and `offset` are ignored).

/// Events of one day and one CAMEO root: a bar segment of the timeline.
public struct TimelineBucket: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var rootCode: String
    public var events: Int

    public init(date: String, rootCode: String, events: Int) {
        self.date = date
        self.rootCode = rootCode
        self.events = events
    }
}

/// Events at one place: a circle on the map.
public struct PlaceBucket: Sendable, Equatable {
    /// The event key's place: the GeoNames id, else the lowercased name.
    public var key: String
    public var name: String?
    public var country: String?
    public var latitude: Double
    public var longitude: Double
    public var events: Int
    /// Events by CAMEO root.
    public var roots: [String: Int]

    /// The GeoNames id, when the key is one.
    public var geonameID: Int64? { Int64(key) }
}

/// Events from one actor to another: an edge of the actor network.
public struct ActorPair: Sendable, Equatable {
    public var source: String
    public var target: String
    public var events: Int
    /// Events by CAMEO root.
    public var roots: [String: Int]
}

/// An event mention in an article, with the deduplicated event it reports.
public struct ArticleEventMention: Sendable, Equatable {
    public var mention: EventMentionRecord
    public var event: EventRecord
}

/// Every annotation layer of one stored article, in text order.
public struct ArticleLayers: Sendable, Equatable {
    public var entities: [EntityRecord] = []
    public var actors: [ActorRecord] = []
    public var times: [TimeRecord] = []
    public var places: [PlaceRecord] = []
    public var quotes: [QuoteRecord] = []
    public var quantities: [QuantityRecord] = []
    public var events: [ArticleEventMention] = []

    public init() {}
}

enum Aggregation {
    /// Folds (place, root) counts into one bucket per place, most events first.
    static func places(_ rows: [(key: String, name: String?, country: String?, lat: Double, lon: Double, root: String, events: Int)],
                       limit: Int) -> [PlaceBucket] {
        var byKey: [String: PlaceBucket] = [:]
        for row in rows {
            var bucket = byKey[row.key] ?? PlaceBucket(key: row.key, name: row.name, country: row.country,
                                                       latitude: row.lat, longitude: row.lon, events: 0, roots: [:])
            bucket.events += row.events
            bucket.roots[row.root, default: 0] += row.events
            byKey[row.key] = bucket
        }
        return byKey.values
            .sorted { $0.events != $1.events ? $0.events > $1.events : $0.key < $1.key }
            .prefix(limit).map { $0 }
    }

    /// Folds (source, target, root) counts into one pair each, heaviest first.
    static func pairs(_ rows: [(source: String, target: String, root: String, events: Int)], limit: Int) -> [ActorPair] {
        var byPair: [String: ActorPair] = [:]
        for row in rows {
            let key = row.source + "\u{1}" + row.target
            var pair = byPair[key] ?? ActorPair(source: row.source, target: row.target, events: 0, roots: [:])
            pair.events += row.events
            pair.roots[row.root, default: 0] += row.events
            byPair[key] = pair
        }
        return byPair.values
            .sorted { $0.events != $1.events ? $0.events > $1.events : ($0.source, $0.target) < ($1.source, $1.target) }
            .prefix(limit).map { $0 }
    }
}
