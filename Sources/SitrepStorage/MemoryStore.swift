/// A ``Store`` in memory, for tests and for trying things out: the same
/// deduplication and query semantics as the SQL backends, with no database.
public actor MemoryStore: Store {
    private let settings: DeduplicationSettings
    private var stories: [StoryRecord] = []
    private var articleRecords: [ArticleRecord] = []
    private var entities: [EntityRecord] = []
    private var actorRecords: [ActorRecord] = []
    private var times: [TimeRecord] = []
    private var places: [PlaceRecord] = []
    private var quotes: [QuoteRecord] = []
    private var quantities: [QuantityRecord] = []
    private var eventRecords: [EventRecord] = []
    private var mentionRecords: [EventMentionRecord] = []
    private var bands: [Int64: [Int64]] = [:]  // band hash -> article ids

    public init(settings: DeduplicationSettings = .standard) {
        self.settings = settings
    }

    public func migrate() async throws {}

    public func store(_ prepared: PreparedArticle) async throws -> StoreOutcome {
        let hash = prepared.article.contentHash
        if let existing = articleRecords.first(where: { $0.contentHash == hash || ($0.url != nil && $0.url == prepared.article.url) }) {
            return .duplicate(of: existing.id!)
        }
        var match: (candidate: NearDuplicateCandidate, similarity: Double)? = nil
        if let signature = prepared.signature {
            var ids = Set<Int64>()
            for band in prepared.bands { ids.formUnion(bands[band.hash] ?? []) }
            let candidates = ids.sorted().compactMap { id -> NearDuplicateCandidate? in
                let article = articleRecords[Int(id) - 1]
                return article.minhash.map { NearDuplicateCandidate(articleID: id, storyID: article.storyID, signature: MinHash.decode($0)) }
            }
            match = NearDuplicateDetector.bestMatch(for: signature, among: candidates, settings: settings)
        }
        var article = prepared.article
        let articleID = Int64(articleRecords.count + 1)
        article.id = articleID
        if let match {
            article.storyID = match.candidate.storyID
            article.nearDuplicateOf = match.candidate.articleID
            article.similarity = match.similarity
        } else {
            let story = StoryRecord(id: Int64(stories.count + 1), key: hash, title: article.title, published: nil,
                                    articleCount: 0, createdAt: article.ingestedAt)
            stories.append(story)
            article.storyID = story.id!
        }
        let storyIndex = Int(article.storyID) - 1
        stories[storyIndex].articleCount += 1
        if let published = article.published, stories[storyIndex].published.map({ $0 > published }) ?? true {
            stories[storyIndex].published = published
        }
        articleRecords.append(article)

        func assign<Record>(_ rows: [Record], _ setID: (inout Record, Int64, Int64) -> Void, count: Int) -> [Record] {
            rows.enumerated().map { offset, row in
                var row = row
                setID(&row, Int64(count + offset + 1), articleID)
                return row
            }
        }
        entities += assign(prepared.entities, { $0.id = $1; $0.articleID = $2 }, count: entities.count)
        actorRecords += assign(prepared.actors, { $0.id = $1; $0.articleID = $2 }, count: actorRecords.count)
        times += assign(prepared.times, { $0.id = $1; $0.articleID = $2 }, count: times.count)
        places += assign(prepared.places, { $0.id = $1; $0.articleID = $2 }, count: places.count)
        quotes += assign(prepared.quotes, { $0.id = $1; $0.articleID = $2 }, count: quotes.count)
        quantities += assign(prepared.quantities, { $0.id = $1; $0.articleID = $2 }, count: quantities.count)
        for band in prepared.bands { bands[band.hash, default: []].append(articleID) }

        var touched = Set<Int>()
        for (key, mention) in prepared.events {
            let index: Int
            if let existing = eventRecords.firstIndex(where: {
                $0.source == key.source && $0.target == key.target && $0.rootCode == key.rootCode
                    && $0.eventDate == key.eventDate && $0.place == key.place
            }) {
                index = existing
            } else {
                var event = key
                event.id = Int64(eventRecords.count + 1)
                event.firstArticleID = articleID
                eventRecords.append(event)
                index = eventRecords.count - 1
            }
            var mention = mention
            mention.id = Int64(mentionRecords.count + 1)
            mention.eventID = eventRecords[index].id!
            mention.articleID = articleID
            mentionRecords.append(mention)
            touched.insert(index)
        }
        for index in touched {
            let id = eventRecords[index].id!
            let mentions = mentionRecords.filter { $0.eventID == id }
            eventRecords[index].mentionCount = mentions.count
            eventRecords[index].articleCount = Set(mentions.map(\.articleID)).count
            eventRecords[index].sourceCount = Set(mentions.map { articleRecords[Int($0.articleID) - 1].storyID }).count
        }
        return .stored(articleID: articleID, storyID: article.storyID, nearDuplicateOf: match?.candidate.articleID, similarity: match?.similarity)
    }

    public func articleID(inputHash: String) async throws -> Int64? {
        articleRecords.first { $0.inputHash == inputHash }?.id
    }

    /// Whether an event passes the query's filters (the SQL backends' `WHERE`).
    private func matches(_ event: EventRecord, _ query: EventQuery) -> Bool {
        if let actor = query.actor, !event.source.hasPrefix(actor.uppercased()) { return false }
        if let target = query.target, !event.target.hasPrefix(target.uppercased()) { return false }
        if let code = query.code {
            if event.rootCode != PreparedArticle.rootCode(code) { return false }
            if code.count > 2 && !event.code.hasPrefix(code) { return false }
        }
        if let since = query.since, event.eventDate < String(since.prefix(10)) { return false }
        if let until = query.until, event.eventDate.isEmpty || event.eventDate > String(until.prefix(10)) { return false }
        if let place = query.place?.lowercased(), event.placeName?.lowercased() != place && event.place != place { return false }
        if query.dyadic && (event.source.isEmpty || event.target.isEmpty) { return false }
        return true
    }

    private func stored(_ event: EventRecord) -> StoredEvent {
        let first = event.firstArticleID.map { articleRecords[Int($0) - 1] }
        return StoredEvent(event: event, firstURL: first?.url, firstTitle: first?.title, firstIngestedAt: first?.ingestedAt)
    }

    public func events(_ query: EventQuery) async throws -> [StoredEvent] {
        eventRecords.filter { matches($0, query) }
            .sorted { ($0.eventDate, $0.id!) > ($1.eventDate, $1.id!) }
            .dropFirst(query.offset).prefix(query.limit)
            .map(stored)
    }

    public func event(id: Int64) async throws -> StoredEvent? {
        id >= 1 && id <= eventRecords.count ? stored(eventRecords[Int(id) - 1]) : nil
    }

    public func layers(articleID: Int64) async throws -> ArticleLayers {
        var layers = ArticleLayers()
        func ordered<Record>(_ rows: [Record], _ article: (Record) -> Int64, _ span: (Record) -> (Int, Int)) -> [Record] {
            rows.filter { article($0) == articleID }.sorted { span($0) < span($1) }
        }
        layers.entities = ordered(entities, \.articleID) { ($0.startByte, $0.endByte) }
        layers.actors = ordered(actorRecords, \.articleID) { ($0.startByte, $0.endByte) }
        layers.times = ordered(times, \.articleID) { ($0.startByte, $0.endByte) }
        layers.places = ordered(places, \.articleID) { ($0.startByte, $0.endByte) }
        layers.quotes = ordered(quotes, \.articleID) { ($0.startByte, $0.endByte) }
        layers.quantities = ordered(quantities, \.articleID) { ($0.startByte, $0.endByte) }
        layers.events = ordered(mentionRecords, \.articleID) { ($0.startByte, $0.endByte) }
            .map { ArticleEventMention(mention: $0, event: eventRecords[Int($0.eventID) - 1]) }
        return layers
    }

    public func timeline(_ query: EventQuery) async throws -> [TimelineBucket] {
        var counts: [String: TimelineBucket] = [:]
        for event in eventRecords where !event.eventDate.isEmpty && matches(event, query) {
            counts[event.eventDate + " " + event.rootCode, default: TimelineBucket(date: event.eventDate, rootCode: event.rootCode, events: 0)].events += 1
        }
        return counts.values.sorted { ($0.date, $0.rootCode) < ($1.date, $1.rootCode) }
    }

    public func eventPlaces(_ query: EventQuery, limit: Int) async throws -> [PlaceBucket] {
        Aggregation.places(eventRecords.compactMap { event in
            guard !event.place.isEmpty, let lat = event.latitude, let lon = event.longitude, matches(event, query) else { return nil }
            return (key: event.place, name: event.placeName, country: event.country, lat: lat, lon: lon, root: event.rootCode, events: 1)
        }, limit: limit)
    }

    public func actorPairs(_ query: EventQuery, limit: Int) async throws -> [ActorPair] {
        Aggregation.pairs(eventRecords.compactMap { event in
            guard !event.source.isEmpty, !event.target.isEmpty, matches(event, query) else { return nil }
            return (source: event.source, target: event.target, root: event.rootCode, events: 1)
        }, limit: limit)
    }

    public func mentions(eventID: Int64) async throws -> [EventMentionRecord] {
        mentionRecords.filter { $0.eventID == eventID }.sorted { ($0.articleID, $0.startByte, $0.id!) < ($1.articleID, $1.startByte, $1.id!) }
    }

    public func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] {
        articleRecords
            .filter { article in
                if let story = query.storyID, article.storyID != story { return false }
                if let title = query.title, !(article.title ?? "").contains(title) { return false }
                if let source = query.source, article.source != source { return false }
                if let since = query.since, (article.published ?? "") < String(since.prefix(10)) { return false }
                if let until = query.until, (article.published ?? "~") >= String(until.prefix(10)) + "~" { return false }
                return true
            }
            // SQL sorts NULL first ascending, so last descending, as here.
            .sorted { ($0.published ?? "", $0.id!) > ($1.published ?? "", $1.id!) }
            .dropFirst(query.offset).prefix(query.limit)
            .map { article in
                ArticleSummary(id: article.id!, storyID: article.storyID, externalID: article.externalID, url: article.url,
                               title: article.title, source: article.source, published: article.published,
                               nearDuplicateOf: article.nearDuplicateOf, similarity: article.similarity,
                               textBytes: article.text.utf8.count)
            }
    }

    public func article(id: Int64) async throws -> ArticleRecord? {
        id >= 1 && id <= articleRecords.count ? articleRecords[Int(id) - 1] : nil
    }

    public func actors(limit: Int) async throws -> [ActorSummary] {
        var summaries: [String: ActorSummary] = [:]
        func touch(_ code: String) { if summaries[code] == nil { summaries[code] = ActorSummary(code: code, mentions: 0, articles: 0, asSource: 0, asTarget: 0) } }
        for (code, rows) in Dictionary(grouping: actorRecords, by: \.code) {
            touch(code)
            summaries[code]!.mentions = rows.count
            summaries[code]!.articles = Set(rows.map(\.articleID)).count
        }
        for event in eventRecords {
            if !event.source.isEmpty { touch(event.source); summaries[event.source]!.asSource += 1 }
            if !event.target.isEmpty { touch(event.target); summaries[event.target]!.asTarget += 1 }
        }
        func weight(_ s: ActorSummary) -> Int { s.mentions + s.asSource + s.asTarget }
        return summaries.values
            .sorted { weight($0) != weight($1) ? weight($0) > weight($1) : $0.code < $1.code }
            .prefix(limit).map { $0 }
    }

    public func stats() async throws -> StoreStats {
        let published = articleRecords.compactMap(\.published)
        return StoreStats(
            articles: articleRecords.count, stories: stories.count,
            nearDuplicates: articleRecords.filter { $0.nearDuplicateOf != nil }.count,
            events: eventRecords.count, eventMentions: mentionRecords.count, entities: entities.count,
            actors: actorRecords.count, times: times.count, places: places.count, quotes: quotes.count,
            quantities: quantities.count, firstPublished: published.min(), lastPublished: published.max())
    }

    /// A memory store has no SQL schema: always empty.
    public func schemaColumns() async throws -> [String: [String]] {
        [:]
    }

    /// The shared invariants (``StoreInvariant``), checked over the arrays.
    public func check() async throws -> [String] {
        let mentionsByEvent = Dictionary(grouping: mentionRecords, by: \.eventID)
        let articlesByStory = Dictionary(grouping: articleRecords, by: \.storyID)
        let mentionKeys = Set(mentionRecords.compactMap { mention in mention.ordinal.map { MentionKey(article: mention.articleID, ordinal: $0) } })
        let counts: [(StoreInvariant, Int)] = [
            (.eventHasMention, eventRecords.filter { mentionsByEvent[$0.id ?? -1] == nil }.count),
            (.eventCountsMatch, eventRecords.filter { event in
                let mentions = mentionsByEvent[event.id ?? -1] ?? []
                return event.mentionCount != mentions.count || event.articleCount != Set(mentions.map(\.articleID)).count
            }.count),
            (.storyCountMatches, stories.filter { $0.articleCount != (articlesByStory[$0.id ?? -1]?.count ?? 0) }.count),
            (.storyHasArticle, stories.filter { articlesByStory[$0.id ?? -1] == nil }.count),
            (.inputStoredOnce, Dictionary(grouping: articleRecords, by: \.inputHash).values.filter { $0.count > 1 }.count),
            (.quantityEventExists, quantities.filter { quantity in
                guard let ordinal = quantity.eventOrdinal else { return false }
                return !mentionKeys.contains(MentionKey(article: quantity.articleID, ordinal: ordinal))
            }.count),
        ]
        return counts.compactMap { $0.0.problem($0.1) }
    }

    /// An event mention by article and position, for ``StoreInvariant/quantityEventExists``.
    private struct MentionKey: Hashable {
        var article: Int64
        var ordinal: Int
    }

    public func close() async throws {}
}
