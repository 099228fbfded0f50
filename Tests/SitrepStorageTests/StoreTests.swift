import Foundation
import SitrepCore
import Testing
@testable import SitrepStorage

/// The storage suite: every test runs on every available backend.
@Suite("Store")
struct StoreTests {
    @Test("stores an article with its layers at UTF-8 offsets", arguments: Backend.available)
    func storesLayers(backend: Backend) async throws {
        try await backend.withStore { store in
            let text = Hay.accented
            var doc = DocumentBuilder.document(id: "a1", text: text, title: "Envoys meet", url: "https://example.test/a1")
            let envoy = DocumentBuilder.span(of: "Señora Øyvind Ærø", in: text)
            let city = DocumentBuilder.span(of: "Strelsau", in: text)
            let monday = DocumentBuilder.span(of: "Monday", in: text)
            doc.entities = [EntityMention(span: envoy, type: .person, canonical: "Øyvind Ærø", actor: "RURGOV", confidence: 0.9)]
            doc.actors = [ActorMention(span: envoy, code: "RURGOV", canonical: "Øyvind Ærø")]
            doc.places = [PlaceMention(span: city, name: "Strelsau", geonameID: 999_001, country: "RU", latitude: 45.1, longitude: 19.8)]
            doc.times = [TimeExpression(span: monday, type: .date, value: "2026-03-02", flags: ["weekday-checked"])]
            doc.quotes = [Quote(span: envoy, speaker: Speaker(span: envoy, canonical: "Øyvind Ærø"), cue: monday)]
            doc.quantities = [Quantity(span: monday, value: 1, approximate: true, unit: nil, of: "days")]
            let outcome = try await store.store(DocumentBuilder.prepared(doc))
            guard case let .stored(articleID, _, nil, nil) = outcome else {
                Issue.record("expected a new article, got \(outcome)")
                return
            }
            let article = try #require(try await store.article(id: articleID))
            #expect(article.text == text)
            #expect(article.title == "Envoys meet")
            #expect(article.url == "https://example.test/a1")
            #expect(article.metadata.contains("\"subheads\":[]"))
            #expect(article.provenance.contains("\"stage\":\"extract\""))
            // Offsets are bytes: the name starts after the multi-byte "Zürich — ".
            #expect(envoy.start == Array("Zürich — ".utf8).count)
            let stats = try await store.stats()
            let counts: [Int] = [stats.articles, stats.stories, stats.entities, stats.actors, stats.places, stats.times, stats.quotes, stats.quantities]
            #expect(counts == [1, 1, 1, 1, 1, 1, 1, 1])
            let actors = try await store.actors(limit: 10)
            #expect(actors.map(\.code) == ["RURGOV"])
            #expect(actors.first?.mentions == 1)
        }
    }

    @Test("keeps each quote's kind and the event each quantity counts", arguments: Backend.available)
    func storesQuoteKindAndQuantityEvent(backend: Backend) async throws {
        try await backend.withStore { store in
            let text = Hay.wire
            var doc = DocumentBuilder.document(id: "a1", text: text, title: "Fishermen detained")
            let guards = DocumentBuilder.span(of: "border guards", in: text)
            let fishermen = DocumentBuilder.span(of: "eleven fishermen", in: text)
            let detained = DocumentBuilder.span(of: "detained", in: text)
            let sentence = TextSpan(start: 0, end: fishermen.end)
            // Two events, so that the link is to the second, not simply the first.
            doc.events = [
                Event(code: "010", source: EventArgument(span: guards, code: "RURMIL"), target: nil, span: sentence, confidence: 0.5),
                Event(code: "173", source: EventArgument(span: guards, code: "RURMIL"), target: EventArgument(span: fishermen, code: "---CVL"),
                      span: sentence, confidence: 0.8, evidence: [detained]),
            ]
            doc.quantities = [Quantity(span: fishermen, value: 11, of: "fishermen", event: 1),
                              Quantity(span: detained, value: nil, event: 7)]
            doc.quotes = [Quote(span: detained, speaker: nil, cue: nil, kind: .partial)]
            guard case let .stored(articleID, _, _, _) = try await store.store(DocumentBuilder.prepared(doc)) else {
                Issue.record("not stored"); return
            }
            let layers = try await store.layers(articleID: articleID)
            #expect(layers.quotes.map(\.kind) == ["partial"])
            #expect(layers.events.map(\.mention.ordinal) == [0, 1])
            // An index outside the document's events is not stored as a link.
            #expect(layers.quantities.map(\.eventOrdinal) == [nil, 1])
            let counted = try #require(layers.quantities.first { $0.counted == "fishermen" })
            let arrest = try #require(layers.events.first { $0.mention.ordinal == counted.eventOrdinal })
            #expect(arrest.mention.code == "173")
        }
    }

    @Test("an exact duplicate, by content hash or URL, is not stored twice", arguments: Backend.available)
    func exactDuplicates(backend: Backend) async throws {
        try await backend.withStore { store in
            let doc = DocumentBuilder.document(id: "a1", text: Hay.wire, title: "Fishermen detained", url: "https://example.test/1")
            let first = try await store.store(DocumentBuilder.prepared(doc))
            guard case let .stored(id, _, _, _) = first else { Issue.record("not stored: \(first)"); return }
            // Same title and text under another id and URL: the content hash matches.
            let copy = DocumentBuilder.document(id: "a2", text: Hay.wire, title: "Fishermen detained", url: "https://mirror.test/1")
            #expect(try await store.store(DocumentBuilder.prepared(copy)) == .duplicate(of: id))
            // Same URL, different text: the URL matches.
            let sameURL = DocumentBuilder.document(id: "a3", text: Hay.otherStory, title: "Harvest", url: "https://example.test/1")
            #expect(try await store.store(DocumentBuilder.prepared(sameURL)) == .duplicate(of: id))
            #expect(try await store.stats().articles == 1)
        }
    }

    @Test("a changed headline or an added trailing paragraph joins the story", arguments: Backend.available)
    func nearDuplicatesJoinOneStory(backend: Backend) async throws {
        try await backend.withStore { store in
            let original = DocumentBuilder.document(id: "wire", text: Hay.wire, title: "Ruritania detains Fenwick fishermen")
            let retitled = DocumentBuilder.document(id: "retitled", text: Hay.wire, title: "Eleven fishermen held in Strelsau")
            let extended = DocumentBuilder.document(id: "extended", text: Hay.wireWithTrailingParagraph, title: "Ruritania detains Fenwick fishermen")
            let other = DocumentBuilder.document(id: "harvest", text: Hay.otherStory, title: "Early barley harvest")

            guard case let .stored(firstID, storyID, nil, _) = try await store.store(DocumentBuilder.prepared(original)) else {
                Issue.record("the original was not stored as a new story"); return
            }
            let second = try await store.store(DocumentBuilder.prepared(retitled))
            guard case let .stored(_, secondStory, secondOf?, similarity?) = second else { Issue.record("retitled: \(second)"); return }
            #expect(secondStory == storyID)
            #expect(secondOf == firstID)
            #expect(similarity == 1)

            let third = try await store.store(DocumentBuilder.prepared(extended))
            guard case let .stored(_, thirdStory, _?, thirdSimilarity?) = third else { Issue.record("extended: \(third)"); return }
            #expect(thirdStory == storyID)
            #expect(thirdSimilarity >= DeduplicationSettings.standard.threshold)
            #expect(thirdSimilarity < 1)

            let fourth = try await store.store(DocumentBuilder.prepared(other))
            guard case let .stored(_, otherStory, nil, nil) = fourth else { Issue.record("other story: \(fourth)"); return }
            #expect(otherStory != storyID)

            let stats = try await store.stats()
            #expect((stats.articles, stats.stories, stats.nearDuplicates) == (4, 2, 2))
            let members = try await store.articles(ArticleQuery(storyID: storyID))
            #expect(Set(members.map(\.externalID)) == ["wire", "retitled", "extended"])
        }
    }

    @Test("events are deduplicated by (source, target, root, date, place) and count stories", arguments: Backend.available)
    func eventDeduplication(backend: Backend) async throws {
        try await backend.withStore { store in
            func report(_ id: String, _ text: String, title: String, events: (String) -> [Event]) -> PreparedArticle {
                var doc = DocumentBuilder.document(id: id, text: text, title: title, published: "2026-03-03T09:00:00")
                doc.events = events(text)
                return DocumentBuilder.prepared(doc)
            }
            let detain: (String) -> [Event] = { text in
                [DocumentBuilder.event("173", source: "RURBOR", target: "GFWCIV", place: "Strelsau", trigger: "detained", in: text)]
            }
            // Two mentions of the same event in one article (different codes of root 17) and a second event.
            _ = try await store.store(report("a", Hay.wire, title: "Fishermen detained") { text in
                detain(text) + [
                    DocumentBuilder.event("171", source: "RURBOR", target: "GFWCIV", place: "Strelsau", trigger: "questioned", in: text),
                    DocumentBuilder.event("036", source: "GFWGOV", target: "RUR", place: "Zenda", date: "2026-04-10", trigger: "raise the matter", in: text),
                ]
            })
            // A near-duplicate copy (same story) and an independent report (another story).
            _ = try await store.store(report("b", Hay.wireWithTrailingParagraph, title: "Fishermen detained", events: detain))
            let independent = "Border guards of Ruritania detained eleven crew members of a Fenwick trawler near Strelsau, " +
                "according to a statement read on state radio on Tuesday evening, which gave no further details of the incident at sea."
            _ = try await store.store(report("c", independent, title: "Trawler crew held", events: detain))

            let all = try await store.events(EventQuery())
            #expect(all.count == 2)
            let detention = try #require(all.first { $0.event.rootCode == "17" })
            #expect(detention.event.code == "173")
            #expect(detention.event.eventDate == "2026-03-03")
            #expect(detention.event.place == "strelsau")
            #expect(detention.event.mentionCount == 4)
            #expect(detention.event.articleCount == 3)
            #expect(detention.event.sourceCount == 2)
            let mentions = try await store.mentions(eventID: try #require(detention.event.id))
            #expect(mentions.count == 4)
            #expect(mentions.allSatisfy { $0.evidence.hasPrefix("[[") })
            #expect(try await store.stats().events == 2)
        }
    }

    /// Stores the wire report (published 2026-03-03) carrying `events`.
    static func storeWire(id: String, events: [Event], in store: any Store) async throws {
        var doc = DocumentBuilder.document(id: id, text: Hay.wire, title: "Fishermen detained", published: "2026-03-03")
        doc.events = events
        _ = try await store.store(DocumentBuilder.prepared(doc))
    }

    /// The codes of the events `query` lists, sorted.
    static func codes(of query: EventQuery, in store: any Store) async throws -> [String] {
        try await store.events(query).map(\.event.code).sorted()
    }

    @Test("event queries filter by actor, target, code, dates and place", arguments: Backend.available)
    func eventQueries(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.storeWire(id: "q", events: [
                DocumentBuilder.event("173", source: "RURBOR", target: "GFWCIV", place: "Strelsau", trigger: "detained", in: Hay.wire),
                DocumentBuilder.event("036", source: "GFWGOV", target: "RURGOV", place: "Zenda", date: "2026-04-10", trigger: "raise the matter", in: Hay.wire),
                DocumentBuilder.event("112", source: "GFWGOV", target: "RURBOR", place: nil, trigger: "unlawful", in: Hay.wire),
            ], in: store)
            func codes(_ query: EventQuery) async throws -> [String] { try await Self.codes(of: query, in: store) }
            #expect(try await codes(EventQuery()) == ["036", "112", "173"])
            #expect(try await codes(EventQuery(actor: "GFW")) == ["036", "112"])
            #expect(try await codes(EventQuery(actor: "gfwgov", target: "RUR")) == ["036", "112"])
            #expect(try await codes(EventQuery(target: "RURBOR")) == ["112"])
            #expect(try await codes(EventQuery(code: "17")) == ["173"])
            #expect(try await codes(EventQuery(code: "173")) == ["173"])
            #expect(try await codes(EventQuery(code: "174")) == [])
            #expect(try await codes(EventQuery(since: "2026-04-01")) == ["036"])
            #expect(try await codes(EventQuery(until: "2026-03-03")) == ["112", "173"])
            #expect(try await codes(EventQuery(place: "zenda")) == ["036"])
            #expect(try await codes(EventQuery(place: "STRELSAU")) == ["173"])
            #expect(try await store.events(EventQuery(limit: 1)).count == 1)
            let newest = try await store.events(EventQuery(limit: 1)).first
            #expect(newest?.event.eventDate == "2026-04-10")
        }
    }

    @Test("dyadic queries keep only events with both a source and a target, in the list and the aggregates", arguments: Backend.available)
    func dyadicQueries(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.storeWire(id: "d", events: [
                DocumentBuilder.event("173", source: "RURBOR", target: "GFWCIV", place: "Strelsau", trigger: "detained", in: Hay.wire),
                DocumentBuilder.event("036", source: "GFWGOV", target: "", place: "Zenda", trigger: "raise the matter", in: Hay.wire),
                DocumentBuilder.event("112", source: "", target: "RURBOR", place: "Strelsau", trigger: "unlawful", in: Hay.wire),
            ], in: store)
            func codes(_ query: EventQuery) async throws -> [String] { try await Self.codes(of: query, in: store) }
            #expect(try await codes(EventQuery()) == ["036", "112", "173"])
            #expect(try await codes(EventQuery(dyadic: true)) == ["173"])
            #expect(try await codes(EventQuery(place: "zenda", dyadic: true)) == [])
            #expect(try await codes(EventQuery(actor: "RUR", dyadic: true)) == ["173"])
            #expect(try await store.timeline(EventQuery()).map(\.events).reduce(0, +) == 3)
            #expect(try await store.timeline(EventQuery(dyadic: true)).map(\.events).reduce(0, +) == 1)
            #expect(try await store.eventPlaces(EventQuery(), limit: 10).map(\.events).sorted() == [1, 2])
            #expect(try await store.eventPlaces(EventQuery(dyadic: true), limit: 10).map(\.events) == [1])
        }
    }

    @Test("SQL injection strings are stored and queried as data", arguments: Backend.available)
    func injectionStringsAreData(backend: Backend) async throws {
        try await backend.withStore { store in
            for (index, evil) in Hay.injections.enumerated() {
                let text = "Report \(index): " + evil + " " + Hay.otherStory
                var doc = DocumentBuilder.document(id: evil, text: text, title: evil, url: "https://example.test/?q=" + evil)
                doc.actors = [ActorMention(span: DocumentBuilder.span(of: evil, in: text), code: evil)]
                doc.events = [Event(code: "190", source: EventArgument(span: nil, code: evil), target: EventArgument(span: nil, code: "RUR"),
                                    place: nil, span: DocumentBuilder.span(of: evil, in: text), confidence: 0.5)]
                let outcome = try await store.store(DocumentBuilder.prepared(doc, source: evil))
                guard case .stored = outcome else { Issue.record("\(evil): \(outcome)"); continue }
            }
            #expect(try await store.stats().articles == Hay.injections.count)
            for evil in Hay.injections {
                let byTitle = try await store.articles(ArticleQuery(title: evil))
                #expect(byTitle.map(\.title) == [evil], "title query for \(evil)")
                let bySource = try await store.articles(ArticleQuery(source: evil))
                #expect(bySource.map(\.externalID) == [evil])
                // Actor codes match as case-sensitive prefixes of the uppercased query.
                let events = try await store.events(EventQuery(actor: evil))
                #expect(events.map(\.event.source).sorted() == Hay.injections.filter { $0.hasPrefix(evil.uppercased()) }.sorted(), "actor query for \(evil)")
            }
            // A LIKE wildcard in a filter matches itself only.
            #expect(try await store.articles(ArticleQuery(title: "%")).map(\.title) == ["%_\\"])
            #expect(try await store.events(EventQuery(actor: "%")).map(\.event.source) == ["%_\\"])
            #expect(try await store.actors(limit: 100).count == Hay.injections.count + 1)
            #expect(try await store.stats().events == Hay.injections.count)
        }
    }
}
