import SitrepCore
import Testing
@testable import SitrepStorage

/// `Store.check()`: healthy after ordinary writes, and each broken invariant reported.
@Suite("Store check")
struct StoreCheckTests {
    private func fill(_ store: any Store) async throws {
        let text = Hay.wire
        var a = DocumentBuilder.document(id: "a", text: text, title: "Fishermen detained", published: "2026-03-03")
        a.events = [DocumentBuilder.event("173", source: "RURCOP", target: "FENCVL", place: "Strelsau", date: "2026-03-03", trigger: "detained", in: text)]
        a.quantities = [Quantity(span: DocumentBuilder.span(of: "eleven fishermen", in: text), value: 11, of: "fishermen", event: 0)]
        _ = try await store.store(PreparedArticle(a, inputHash: "input-a", minhash: MinHash()))
        // The same story under another headline: a near-duplicate, a second mention.
        var b = DocumentBuilder.document(id: "b", text: text, title: "Ruritania holds eleven fishermen", published: "2026-03-03")
        b.events = a.events
        _ = try await store.store(PreparedArticle(b, inputHash: "input-b", minhash: MinHash()))
    }

    @Test("a store written normally is healthy", arguments: Backend.available)
    func healthy(backend: Backend) async throws {
        try await backend.withStore { store in
            #expect(try await store.check() == [])
            try await fill(store)
            #expect(try await store.stats().eventMentions == 2)
            #expect(try await store.check() == [])
        }
    }

    @Test("miscounted events and stories, events without mentions and repeated inputs are reported",
          arguments: Backend.available.filter { $0 != .memory })
    func brokenInvariants(backend: Backend) async throws {
        try await backend.withStore { store in
            try await fill(store)
            let sql = try #require(store as? any SQLBackend)
            try await sql.transaction([SQLStatement("UPDATE events SET mention_count = 7")])
            var problems = try await store.check()
            #expect(problems == ["every event's mention_count and article_count equal its mentions: 1 rows break it"])

            try await sql.transaction([
                SQLStatement("UPDATE events SET mention_count = 2"),
                SQLStatement("UPDATE stories SET article_count = article_count + 1"),
                SQLStatement("UPDATE articles SET input_hash = 'same'"),
            ])
            problems = try await store.check()
            #expect(problems.contains { $0.hasPrefix("every story's article_count equals its articles") })
            #expect(problems.contains { $0.hasPrefix("no raw input is stored as two articles") })

            try await sql.transaction([SQLStatement("UPDATE quantities SET event_ordinal = 0")])
            #expect(!(try await store.check()).contains { $0.hasPrefix("every quantity's event") })
            try await sql.transaction([SQLStatement("DELETE FROM event_mentions")])
            problems = try await store.check()
            #expect(problems.contains { $0.hasPrefix("every event has at least one mention: 1 rows") })
            #expect(problems.contains { $0.hasPrefix("every quantity's event is an event mention of its own article: 1 rows") })
        }
    }
}
