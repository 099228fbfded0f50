import Foundation
import Testing
@testable import SitrepStorage

/// `sitrep enqueue` and `sitrep worker` as users run them: the built binary,
/// several processes, PostgreSQL from `SITREP_TEST_POSTGRES_URL`
/// (`scripts/with-postgres.sh`).
@Suite("Worker queue", .serialized)
struct WorkerQueueTests {
    static let postgresURL = ProcessInfo.processInfo.environment["SITREP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(arguments: ["worker", "enqueue"])
    func anSQLiteDatabaseIsAUsageError(command: String) throws {
        let folder = URL(fileURLWithPath: scratchPath())
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("queue.db").path
        let input = temporaryFile(Array(#"{"id": "1", "text": "Officials met."}"#.utf8), suffix: ".jsonl")
        defer { unlink(input) }
        let run = try SitrepRun.run(command == "worker" ? ["worker", "--database", database] : ["enqueue", "--database", database, input])
        #expect(run.status == 64)
        #expect(run.stderr.contains("needs a PostgreSQL database"))
        #expect(run.stderr.contains("sitrep ingest"))
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is created")
    }

    @Test("enqueue queues each input once and says so", .enabled(if: postgresURL != nil, "SITREP_TEST_POSTGRES_URL is not set"))
    func enqueueIsIdempotent() async throws {
        try await Scratch.withDatabase { url, store in
            let lines = (0..<30).map { #"{"id": "e\#($0)", "text": "Envoys met in Strelsau for the \#($0)th time.", "clean": true}"# }
            let input = temporaryFile(Array((lines + ["not json"]).joined(separator: "\n").utf8), suffix: ".jsonl")
            defer { unlink(input) }
            let first = try SitrepRun.run(["enqueue", "--database", url, input])
            #expect(first.status == 0)
            #expect(first.stderr.contains("read 31, queued 30, already queued 0, errors 1"), "\(first.stderr)")
            let again = try SitrepRun.run(["enqueue", "--database", url, "--strict", input])
            #expect(again.status == 1)
            #expect(again.stderr.contains("queued 0, already queued 30"), "\(again.stderr)")
            #expect(try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status = 'pending'") == 30)
        }
    }

    @Test("SIGTERM: the worker finishes its article, gives its rows back and exits 0",
          .enabled(if: postgresURL != nil, "SITREP_TEST_POSTGRES_URL is not set"))
    func sigtermStopsCleanly() async throws {
        try await Scratch.withDatabase { url, store in
            let input = Scratch.articles(3_000)
            defer { unlink(input) }
            #expect(try SitrepRun.run(["enqueue", "--database", url, "--quiet", input]).status == 0)
            let worker = try WorkerProcess(url: url, extra: ["--batch", "50", "--log-level", "info"])
            let deadline = Date().addingTimeInterval(TestBudget.scaled(60))
            while try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status = 'done'") < 100 && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            kill(worker.pid, SIGTERM)
            let status = await worker.wait(timeout: 20)
            #expect(status == 0)
            #expect(worker.log.contains("stop requested"), "\(worker.log)")
            #expect(try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status = 'claimed'") == 0)
            let done = try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status = 'done'")
            #expect(done < 3_000)
            #expect(try await Scratch.count(store, "SELECT COUNT(*) AS n FROM articles") == done)
        }
    }

    /// Issue 11: workers killed with SIGKILL at random moments while 10,000
    /// articles go through; afterwards every article is stored exactly once.
    @Test("issue 11: SIGKILLed workers lose nothing and duplicate nothing",
          .enabled(if: postgresURL != nil, "SITREP_TEST_POSTGRES_URL is not set"), .timeLimit(TestBudget.minutes(8)))
    func exactlyOnceUnderSIGKILL() async throws {
        try await Scratch.withDatabase { url, store in
            let total = 10_000
            let input = Scratch.articles(total)
            defer { unlink(input) }
            let started = Date()
            let enqueue = try await SitrepRun.runAsync(["enqueue", "--database", url, input])
            #expect(enqueue.status == 0)
            #expect(enqueue.stderr.contains("queued \(total),"), "\(enqueue.stderr)")

            // Short leases, so killed workers' rows come back quickly; attempts
            // are not limited, since a kill charges every row of its batch.
            let options = ["--batch", "8", "--lease-seconds", "2", "--max-attempts", "1000", "--exit-when-empty"]
            var workers = try (0..<3).map { _ in try WorkerProcess(url: url, extra: options) }
            var generator = SystemRandomNumberGenerator()
            var kills = 0
            // Kill a random worker every 0.3-1.2 s and start a new one, while
            // at least a tenth of the queue is left.
            while kills < 12, try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status <> 'done'") > total / 10 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...1_200, using: &generator)))
                let victim = Int.random(in: 0..<workers.count, using: &generator)
                kill(workers[victim].pid, SIGKILL)
                _ = await workers[victim].wait(timeout: 10)
                kills += 1
                workers[victim] = try WorkerProcess(url: url, extra: options)
            }
            for worker in workers {
                let status = await worker.wait(timeout: 300)
                #expect(status == 0, "a worker failed: \(worker.log.suffix(2_000))")
            }
            let seconds = Date().timeIntervalSince(started)

            let queue = try await store.fetch(SQLStatement("SELECT status, outcome, COUNT(*) AS n FROM article_queue GROUP BY status, outcome"))
            #expect(queue.count == 1)
            #expect(queue.first?["status"].string == "done")
            #expect(queue.first?["outcome"].string == "stored", "a 'duplicate' outcome would mean an article was processed twice")
            #expect(queue.first?["n"].int64 == Int64(total))
            #expect(try await Scratch.count(store, "SELECT COUNT(*) AS n FROM articles") == total)
            #expect(try await Scratch.count(store, "SELECT COUNT(DISTINCT external_id) AS n FROM articles") == total)
            #expect(try await Scratch.count(store, "SELECT COUNT(*) AS n FROM stories WHERE article_count <> 1") == 0)
            // Each row points at the article of its own input, and no two rows share one.
            #expect(try await Scratch.count(store, """
                SELECT COUNT(DISTINCT q.article_id) AS n FROM article_queue q JOIN articles a ON a.id = q.article_id AND a.input_hash = q.input_hash
                """) == total)
            let ids = try await store.fetch(SQLStatement("SELECT external_id FROM articles")).compactMap { $0["external_id"].string }
            #expect(Set(ids) == Set((0..<total).map { "k\($0)" }))
            // The kills hit workers holding leases: some rows were taken over.
            let takenOver = try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE attempts > 1")
            #expect(kills >= 3)
            #expect(takenOver > 0)
            print("issue 11: \(total) articles, \(kills) workers SIGKILLed, \(takenOver) rows taken over, \(String(format: "%.1f", seconds)) s")
        }
    }
}

/// A `sitrep worker` process with a light pipeline, its log in a temporary file.
final class WorkerProcess {
    let process = Process()
    let logPath: String

    init(url: String, extra: [String]) throws {
        logPath = scratchPath("sitrep-worker-", suffix: ".log")
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: SitrepRun.binary)
        process.arguments = ["worker", "--database", url, "--through", "extract", "--log-level", "notice"] + extra
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        unlink(logPath)
    }

    var pid: pid_t { process.processIdentifier }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The exit status, or nil (after killing it) when it ran past `timeout` seconds.
    /// Waits for the worker to exit, polling without holding a thread (see
    /// ``offThePool(_:)``); nil when it was still running at the timeout
    /// (scaled by ``TestBudget``) and was killed.
    func wait(timeout: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(TestBudget.scaled(timeout))
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
}

/// A throwaway database on the server of `SITREP_TEST_POSTGRES_URL`, and synthetic input.
enum Scratch {
    static func withDatabase(_ body: (String, PostgresStore) async throws -> Void) async throws {
        guard let base = WorkerQueueTests.postgresURL, var components = URLComponents(string: base) else {
            preconditionFailure("SITREP_TEST_POSTGRES_URL is not set")
        }
        let name = "sitrep_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStore(url: base)
        // Identifiers cannot be bound; `name` is made of [a-z0-9_] here.
        _ = try await admin.fetch(SQLStatement("CREATE DATABASE \(name)"))
        components.path = "/" + name
        let url = components.string!
        do {
            let store = try await PostgresStore(url: url)
            do {
                try await body(url, store)
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
            _ = try await admin.fetch(SQLStatement("DROP DATABASE \(name) WITH (FORCE)"))
            try await admin.close()
        } catch {
            _ = try? await admin.fetch(SQLStatement("DROP DATABASE \(name) WITH (FORCE)"))
            try? await admin.close()
            throw error
        }
    }

    static func count(_ store: PostgresStore, _ sql: String) async throws -> Int {
        Int(try await store.fetch(SQLStatement(sql)).first?["n"].int64 ?? -1)
    }

    /// `count` short distinct articles as clean-text JSON lines, ids `k0`, `k1`...
    /// Under eight four-word shingles each, so that near-duplicate detection
    /// skips them: texts this alike would all be candidates of one another.
    static func articles(_ count: Int) -> String {
        var text = ""
        for number in 0..<count {
            text += #"{"id": "k\#(number)", "text": "Envoys held talks number \#(number) in Strelsau today.", "clean": true}"# + "\n"
        }
        return temporaryFile(Array(text.utf8), suffix: ".jsonl")
    }
}
