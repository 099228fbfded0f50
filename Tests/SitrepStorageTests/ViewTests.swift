import SitrepCore
import Testing
@testable import SitrepStorage

/// The reads behind the API and the UI: one event, an article's layers, and
/// the timeline, map and network aggregates, on every backend.
@Suite("Store views")
struct ViewTests {
    /// Three articles: two events in Strelsau (one reported twice), one in Zenda, one without a place.
    private func fill(_ store: any Store) async throws {
        let first = Hay.wire
        var a = DocumentBuilder.document(id: "a", text: first, title: "Fishermen detained", published: "2026-03-03")
        a.events = [
            DocumentBuilder.event("173", source: "RURCOP", target: "FENCVL", place: "Strelsau", date: "2026-03-03", trigger: "detained", in: first),
            DocumentBuilder.event("042", source: "RURGOV", target: "FENGOV", place: "Strelsau", date: "2026-03-03", trigger: "summoned", in: first),
        ]
        a.events[0].rule = "verb detain"
        _ = try await store.store(DocumentBuilder.prepared(a))

        let second = Hay.otherStory
        var b = DocumentBuilder.document(id: "b", text: second, title: "Harvest", published: "2026-03-04")
        b.events = [
            DocumentBuilder.event("173", source: "RURCOP", target: "FENCVL", place: "Zenda", date: "2026-03-04", trigger: "raised", in: second),
            DocumentBuilder.event("042", source: "RURGOV", target: "FENGOV", place: nil, date: "2026-03-04", trigger: "urged", in: second),
        ]
        _ = try await store.store(DocumentBuilder.prepared(b))

        // The wire story again under another headline: a near-duplicate whose
        // detention event is a second mention of the first article's.
        var c = DocumentBuilder.document(id: "c", text: first, title: "Ruritania holds eleven fishermen", published: "2026-03-03")
        c.events = [DocumentBuilder.event("173", source: "RURCOP", target: "FENCVL", place: "Strelsau", date: "2026-03-03", trigger: "detained", in: first)]
        _ = try await store.store(DocumentBuilder.prepared(c))
    }

    @Test("the timeline counts events per day and root, oldest first, with the event filters", arguments: Backend.available)
    func timeline(backend: Backend) async throws {
        try await backend.withStore { store in
            try await fill(store)
            #expect(try await store.timeline(EventQuery()) == [
                TimelineBucket(date: "2026-03-03", rootCode: "04", events: 1),
                TimelineBucket(date: "2026-03-03", rootCode: "17", events: 1),
                TimelineBucket(date: "2026-03-04", rootCode: "04", events: 1),
                TimelineBucket(date: "2026-03-04", rootCode: "17", events: 1),
            ])
            #expect(try await store.timeline(EventQuery(code: "17", since: "2026-03-04")) == [
                TimelineBucket(date: "2026-03-04", rootCode: "17", events: 1),
            ])
        }
    }

    @Test("the map groups events by place and leaves out events without one", arguments: Backend.available)
    func places(backend: Backend) async throws {
        try await backend.withStore { store in
            try await fill(store)
            let places = try await store.eventPlaces(EventQuery(), limit: 10)
            #expect(places.map(\.key) == ["strelsau", "zenda"])
            #expect(places.first?.events == 2)
            #expect(places.first?.roots == ["04": 1, "17": 1])
            #expect(places.first?.latitude == 45.1)
            #expect(try await store.eventPlaces(EventQuery(actor: "RURGOV"), limit: 10).map(\.key) == ["strelsau"])
            #expect(try await store.eventPlaces(EventQuery(), limit: 1).count == 1)
        }
    }

    @Test("the network folds events into source-target pairs, heaviest first", arguments: Backend.available)
    func network(backend: Backend) async throws {
        try await backend.withStore { store in
            try await fill(store)
            let pairs = try await store.actorPairs(EventQuery(), limit: 10)
            #expect(pairs.map { "\($0.source)>\($0.target)" } == ["RURCOP>FENCVL", "RURGOV>FENGOV"])
            #expect(pairs.map(\.events) == [2, 2])
            #expect(pairs.first?.roots == ["17": 2])
            #expect(try await store.actorPairs(EventQuery(place: "Zenda"), limit: 10).map(\.source) == ["RURCOP"])
        }
    }

    @Test("one event by id, and an article's layers with the events it reports", arguments: Backend.available)
    func eventAndLayers(backend: Backend) async throws {
        try await backend.withStore { store in
            try await fill(store)
            let detention = try #require(try await store.events(EventQuery(code: "173", place: "strelsau")).first)
            let id = try #require(detention.event.id)
            let again = try #require(try await store.event(id: id))
            #expect(again == detention)
            #expect(again.event.mentionCount == 2)
            #expect(try await store.event(id: 9_999) == nil)

            let layers = try await store.layers(articleID: 1)
            #expect(layers.events.map(\.mention.code) == ["173", "042"])
            #expect(layers.events.map(\.event.id) == [id, layers.events[1].event.id])
            #expect(layers.events.first?.mention.rule == "verb detain")
            #expect(layers.events.last?.mention.rule == nil)
            #expect(try await store.layers(articleID: 9_999) == ArticleLayers())
        }
    }

    @Test("prefix and place filters merge their index branches newest first, and page across them", arguments: Backend.available)
    func branchedEventQueries(backend: Backend) async throws {
        try await backend.withStore { store in
            // Six events over six days from three codes that share the prefix RUR,
            // plus one from another actor; places by GeoNames id and by name only.
            let text = Hay.wire
            var doc = DocumentBuilder.document(id: "x", text: text, title: "Many events", published: "2026-03-01")
            let sources = ["RUR", "RURGOV", "RURMIL", "RURGOV", "RUR", "RURMIL", "FENGOV"]
            doc.events = sources.enumerated().map { day, source in
                var event = DocumentBuilder.event("042", source: source, target: "FENGOV", place: "Strelsau",
                                                  date: "2026-03-0\(day + 1)", trigger: "summoned", in: text)
                if day % 2 == 0 { event.place?.geonameID = 999_001 }
                return event
            }
            _ = try await store.store(DocumentBuilder.prepared(doc))

            let all = try await store.events(EventQuery(actor: "RUR"))
            #expect(all.map(\.event.eventDate) == ["2026-03-06", "2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01"])
            #expect(all.map(\.event.source) == ["RURMIL", "RUR", "RURGOV", "RURMIL", "RURGOV", "RUR"])
            let page = try await store.events(EventQuery(actor: "rur", limit: 2, offset: 3))
            #expect(page.map(\.event.eventDate) == ["2026-03-03", "2026-03-02"])
            #expect(try await store.events(EventQuery(actor: "RURG")).count == 2)
            #expect(try await store.events(EventQuery(actor: "ZZZ")).isEmpty)
            #expect(try await store.events(EventQuery(target: "FEN", limit: 3)).map(\.event.eventDate) == ["2026-03-07", "2026-03-06", "2026-03-05"])

            // By name: every event once, whether its key is the id or the name.
            let byName = try await store.events(EventQuery(place: "strelsau"))
            #expect(byName.count == 7)
            #expect(Set(byName.map(\.event.place)) == ["999001", "strelsau"])
            #expect(try await store.events(EventQuery(place: "999001")).count == 4)
        }
    }
}
