import Foundation
import SitrepCore
import SitrepStages
import Testing
@testable import SitrepStorage

/// The worker queue (``ArticleQueue``, ``QueueWorker``). PostgreSQL only, but
/// the guarded transaction it relies on is checked on both SQL backends.
@Suite("Queue")
struct QueueTests {
    static let postgres = Backend.postgresURL != nil

    /// A fresh PostgreSQL store's queue.
    static func withQueue(_ body: (ArticleQueue) async throws -> Void) async throws {
        try await Backend.postgres.withStore { store in
            try await body(ArticleQueue(store: try #require(store as? PostgresStore)))
        }
    }

    static func entry(_ id: String, _ text: String) -> QueueEntry {
        QueueEntry(IngestItem(id: id, input: .cleanText(text)), origin: "test:\(id)")
    }

    static func prepared(_ id: String, _ text: String) -> PreparedArticle {
        DocumentBuilder.prepared(DocumentBuilder.document(id: id, text: text, title: nil))
    }

    static func count(_ store: PostgresStore, _ sql: String) async throws -> Int {
        Int(try await store.fetch(SQLStatement(sql)).first?["n"].int64 ?? -1)
    }

    @Test("an item written as a JSON line reads back equal, with the same input hash", arguments: [
        IngestItem(id: "1", input: .html("<p>Ruritania — “quoted” \u{1F600}</p>"), url: "https://example.test/a?b=1&c=\"", published: "2026-03-03"),
        IngestItem(id: "x\ny", input: .scrapedText("Line one\r\nLine two\t\u{0}"), title: "T", source: "S"),
        IngestItem(id: "c", input: .cleanText("Officials in Strelsau said so."), published: "2026-03-03T10:00:00Z"),
        IngestItem(id: "t", input: .tokens([["Envoys", "met", "."], ["Talks", "end"]])),
    ])
    func jsonLineRoundTrip(item: IngestItem) throws {
        let back = try IngestItem(jsonLine: Array(item.jsonLine.utf8))
        #expect(back.id == item.id)
        #expect(back.input == item.input)
        #expect([back.url, back.published, back.title, back.source] == [item.url, item.published, item.title, item.source])
        #expect(back.inputHash == item.inputHash)
        #expect(!item.jsonLine.contains("\n"))
    }

    @Test("a guard that finds no row rolls the article's transaction back", arguments: Backend.available.filter { $0 != .memory })
    func guardedTransaction(backend: Backend) async throws {
        try await backend.withStore { store in
            let backend = try #require(store as? any SQLBackend)
            var missing = SQLStatement("UPDATE stories SET title = title WHERE key = ? RETURNING id", [.text("no such story")])
            missing.guardFailure = "no row"
            await #expect(throws: StoreError.guardFailed("no row")) {
                try await backend.storeArticle(Self.prepared("a1", Hay.wire), settings: .standard, also: [missing])
            }
            #expect(try await store.stats().articles == 0)
            #expect(try await store.stats().stories == 0)

            // A guard that finds its row (here: the story just inserted) lets it commit.
            let prepared = Self.prepared("a1", Hay.wire)
            var found = SQLStatement("UPDATE stories SET title = 'guarded' WHERE key = ? RETURNING id", [.text(prepared.article.contentHash)])
            found.guardFailure = "no story"
            let outcome = try await backend.storeArticle(prepared, settings: .standard, also: [found])
            guard case .stored = outcome else { Issue.record("not stored: \(outcome)"); return }
            #expect(try await store.stats().articles == 1)
        }
    }

    @Test("enqueueing is idempotent by input hash", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func enqueueIdempotent() async throws {
        try await Self.withQueue { queue in
            let entries = [Self.entry("a", "One."), Self.entry("b", "Two."), Self.entry("a-again", "One.")]
            let added = try await queue.enqueue(entries)
            #expect(added == 2)
            #expect(try await queue.enqueue(entries) == 0)
            var expected = QueueCounts()
            expected.pending = 2
            #expect(try await queue.counts() == expected)
            #expect(try await queue.hasOpenRows())
        }
    }

    @Test("concurrent claims take disjoint rows in queue order", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func claimsAreDisjoint() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.enqueue((0..<40).map { Self.entry("a\($0)", "Article \($0).") })
            let leases = try await withThrowingTaskGroup(of: QueueLease.self) { group in
                for worker in 0..<4 {
                    group.addTask { try await queue.claim(limit: 10, leaseSeconds: 60, maxAttempts: 3, worker: "w\(worker)") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let ids = leases.flatMap { $0.articles.map(\.id) }
            #expect(ids.count == 40)
            #expect(Set(ids).count == 40)
            #expect(leases.allSatisfy { $0.articles.map(\.id) == $0.articles.map(\.id).sorted() })
            #expect(try await queue.claim(limit: 10, leaseSeconds: 60, maxAttempts: 3, worker: "late").articles.isEmpty)
            #expect(try await queue.counts().claimed == 40)
        }
    }

    @Test("an expired lease is taken over, and the old holder writes nothing", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func takeOver() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.enqueue([Self.entry("a1", Hay.wire)])
            let slow = try await queue.claim(limit: 1, leaseSeconds: 1, maxAttempts: 3, worker: "slow")
            #expect(slow.articles.count == 1)
            // Not expired yet: nothing to claim.
            #expect(try await queue.claim(limit: 1, leaseSeconds: 60, maxAttempts: 3, worker: "fast").articles.isEmpty)
            try await Task.sleep(for: .milliseconds(1_200))
            let fast = try await queue.claim(limit: 1, leaseSeconds: 60, maxAttempts: 3, worker: "fast")
            let row = try #require(fast.articles.first)
            #expect(row.id == slow.articles[0].id)
            #expect(row.attempts == 2)
            #expect(row.takenOver && !slow.articles[0].takenOver)

            // The slow worker finishes after all: its transaction must roll back.
            await #expect(throws: QueueError.leaseLost(id: row.id)) {
                try await queue.complete(slow.articles[0], lease: slow, prepared: Self.prepared("a1", Hay.wire))
            }
            #expect(try await queue.store.stats().articles == 0)
            #expect(try await queue.store.stats().stories == 0)
            #expect(try await queue.renew(slow).isEmpty)
            await #expect(throws: QueueError.leaseLost(id: row.id)) {
                try await queue.fail(slow.articles[0], lease: slow, error: "late", maxAttempts: 3)
            }

            guard case let .stored(articleID, nil) = try await queue.complete(row, lease: fast, prepared: Self.prepared("a1", Hay.wire)) else {
                Issue.record("the new holder did not store the article"); return
            }
            #expect(try await queue.store.stats().articles == 1)
            let stored = try await queue.store.fetch(SQLStatement("SELECT status, outcome, article_id, worker, lease_token FROM article_queue"))
            #expect(stored.first?["status"].string == "done")
            #expect(stored.first?["outcome"].string == "stored")
            #expect(stored.first?["article_id"].int64 == articleID)
            #expect(stored.first?["worker"].string == "fast")
            #expect(stored.first?["lease_token"] == .null)
            // Done once: the old lease cannot mark it again, even as a duplicate.
            await #expect(throws: QueueError.leaseLost(id: row.id)) {
                try await queue.completeDuplicate(slow.articles[0], lease: slow, of: articleID)
            }
        }
    }

    @Test("a failing article is retried, then failed for good with its error", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func failsAfterMaxAttempts() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.enqueue([Self.entry("bad", "Bad.")])
            let first = try await queue.claim(limit: 5, leaseSeconds: 60, maxAttempts: 2, worker: "w")
            #expect(try await queue.fail(first.articles[0], lease: first, error: "boom 1", maxAttempts: 2) == false)
            #expect(try await queue.counts().pending == 1)
            let second = try await queue.claim(limit: 5, leaseSeconds: 60, maxAttempts: 2, worker: "w")
            #expect(second.articles.first?.attempts == 2)
            #expect(try await queue.fail(second.articles[0], lease: second, error: "boom 2", maxAttempts: 2) == true)
            #expect(try await queue.claim(limit: 5, leaseSeconds: 60, maxAttempts: 2, worker: "w").articles.isEmpty)
            var expected = QueueCounts()
            expected.failed = 1
            #expect(try await queue.counts() == expected)
            #expect(try await !queue.hasOpenRows())
            let row = try await queue.store.fetch(SQLStatement("SELECT error, finished_at FROM article_queue"))
            #expect(row.first?["error"].string == "boom 2")
            #expect(row.first?["finished_at"].string?.hasSuffix("Z") == true)
        }
    }

    @Test("rows whose leases expired on every attempt are given up; released rows are not charged", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func giveUpAndRelease() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.enqueue([Self.entry("crashy", "Crash."), Self.entry("fine", "Fine.")])
            // "crashy": claimed twice by workers that die (leases left to expire).
            for _ in 0..<2 {
                let lease = try await queue.claim(limit: 1, leaseSeconds: 0.05, maxAttempts: 2, worker: "dies")
                #expect(lease.articles.first?.origin == "test:crashy")
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try await queue.giveUpExpired(maxAttempts: 2) == 1)
            // "fine": claimed, then released by a stopping worker: still pending, no attempt charged.
            let lease = try await queue.claim(limit: 5, leaseSeconds: 60, maxAttempts: 2, worker: "stops")
            #expect(lease.articles.map(\.origin) == ["test:fine"])
            #expect(try await queue.release(lease) == 1)
            let rows = try await queue.store.fetch(SQLStatement("SELECT origin, status, attempts, error FROM article_queue ORDER BY id"))
            #expect(rows.map { $0["status"].string } == ["failed", "pending"])
            #expect(rows.map { $0["attempts"].int64 } == [2, 0])
            #expect(rows[0]["error"].string?.contains("lease expired") == true)
        }
    }

    @Test("a worker drains the queue: stored, duplicates, and a failure", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func workerDrainsTheQueue() async throws {
        try await Self.withQueue { queue in
            // Ingested before being queued: a duplicate input, found by the claim.
            let ingested = IngestItem(id: "old", input: .cleanText(Hay.otherStory), title: "Harvest")
            let ingester = Ingester(store: queue.store, pipeline: try StandardPipeline.make(through: .extract))
            guard case let .stored(oldID, _) = try await ingester.ingest(ingested) else { Issue.record("not ingested"); return }
            let items = [
                IngestItem(id: "wire", input: .cleanText(Hay.wire), title: "Fishermen detained"),
                // Same title and text under another URL: a duplicate article, found after the pipeline.
                IngestItem(id: "copy", input: .cleanText(Hay.wire), url: "https://mirror.test/1", title: "Fishermen detained"),
                ingested,
                // PostgreSQL text cannot hold U+0000: stored with a space in its place.
                IngestItem(id: "nul", input: .cleanText("Scraped text with a \u{0} byte in it.")),
                IngestItem(id: "bad", input: .cleanText("An article the pipeline refuses: UNPROCESSABLE.")),
            ] + (0..<20).map { IngestItem(id: "n\($0)", input: .cleanText("Short note number \($0) from Strelsau.")) }
            #expect(try await queue.enqueue(items.map { QueueEntry($0, origin: $0.id) }) == items.count)

            var settings = QueueWorker.Settings()
            settings.batch = 3
            settings.maxAttempts = 2
            settings.exitWhenEmpty = true
            settings.storeRetries = 0
            let refusing = try Pipeline(try StandardPipeline.make(through: .extract).stages + [RefusingStage()])
            let worker = QueueWorker(queue: queue, pipeline: refusing, settings: settings,
                                     name: "test:1", logger: .init(label: "test"))
            let report = try await worker.run(stop: StopSignal())
            #expect(report.stored == 22)
            #expect(report.duplicates == 2)
            #expect(report.retried == 1)
            #expect(report.failed == 1)
            #expect(report.leasesLost == 0)
            let rows = try await queue.store.fetch(SQLStatement("SELECT origin, status, outcome, article_id, error FROM article_queue ORDER BY id"))
            let byOrigin = Dictionary(uniqueKeysWithValues: rows.map { ($0["origin"].string ?? "", $0) })
            #expect(byOrigin["old"]?["outcome"].string == "duplicate")
            #expect(byOrigin["old"]?["article_id"].int64 == oldID)
            #expect(byOrigin["copy"]?["outcome"].string == "duplicate")
            #expect(byOrigin["copy"]?["article_id"] == byOrigin["wire"]?["article_id"])
            #expect(byOrigin["nul"]?["status"].string == "done")
            let nulID = try #require(byOrigin["nul"]?["article_id"].int64)
            let nulArticle = try #require(try await queue.store.article(id: nulID))
            #expect(nulArticle.text == "Scraped text with a   byte in it.")
            #expect(byOrigin["bad"]?["status"].string == "failed")
            #expect(byOrigin["bad"]?["error"].string?.contains("UNPROCESSABLE") == true)
            #expect(try await queue.store.stats().articles == 23)
        }
    }

    @Test("a stop request finishes the current article and releases the rest", .enabled(if: postgres, "SITREP_TEST_POSTGRES_URL is not set"))
    func stopReleases() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.enqueue((0..<10).map { Self.entry("s\($0)", "Stop test number \($0).") })
            var settings = QueueWorker.Settings()
            settings.batch = 10
            let stop = StopSignal()
            // The signal arrives while the first article is in the pipeline.
            let pipeline = try Pipeline(try StandardPipeline.make(through: .extract).stages + [StopStage(stop: stop)])
            let worker = QueueWorker(queue: queue, pipeline: pipeline, settings: settings, name: "test:2", logger: .init(label: "test"))
            let report = try await worker.run(stop: stop)
            #expect(report.stored == 1)
            #expect(report.released == 9)
            var expected = QueueCounts()
            expected.pending = 9
            expected.done = 1
            #expect(try await queue.counts() == expected)
            let attempts = try await queue.store.fetch(SQLStatement("SELECT attempts FROM article_queue WHERE status = 'pending'"))
            #expect(attempts.allSatisfy { $0["attempts"].int64 == 0 })
        }
    }
}

/// Requests a stop when it runs, as a SIGTERM would mid-article.
private struct StopStage: Stage {
    let stop: StopSignal
    let name = "stop"
    let version = "test.v1"
    let requires: Set<Layer> = []
    let provides: Set<Layer> = []
    func process(_ doc: inout Document) throws { stop.request() }
}

/// A stage that fails documents carrying the word UNPROCESSABLE, so a test can
/// make one article fail in the pipeline.
struct RefusingStage: Stage {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "the test stage refuses documents marked UNPROCESSABLE" }
    }
    var name: String { "refuse" }
    var version: String { "test.v1" }
    var requires: Set<Layer> { [] }
    var provides: Set<Layer> { [] }
    func process(_ doc: inout Document) throws {
        if doc.text.contains("UNPROCESSABLE") { throw Refused() }
    }
}
