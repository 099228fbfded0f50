import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `kill -9` in the middle of writing, twenty times over: after each kill the
/// store passes `sitrep check` (SQLite's integrity and foreign-key checks and
/// Sitrep's invariants), and after a final run every article is there exactly
/// once. Each article is one transaction, so a kill loses at most the article
/// in progress, and the next run, being idempotent, stores it.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let kills = 20
    static let articleCount = 1_500

    /// Distinct short articles, each with its own URL and text.
    static func articles(_ count: Int, prefix: String) -> [String] {
        let places = ["Strelsau", "Zenda", "Tarlenheim", "Hentzau", "Ruritania"]
        let actions = ["detained", "protested against", "met", "criticized", "praised", "accused", "visited"]
        let subjects = ["police", "protesters", "the army", "the ministry", "farmers", "officials", "the mayor"]
        return (0..<count).map { i in
            let text = "\(places[i % 5]) \(subjects[i % 7]) \(actions[(i / 7) % 7]) \(subjects[(i / 3) % 7]) in \(places[(i / 5) % 5]) on Monday, "
                + "according to report number \(i) of the \(prefix) series, which counted \(i * 7 % 997 + 2) people."
            return #"{"id":"\#(prefix)\#(i)","text":"\#(text)","clean":true,"url":"https://example.test/\#(prefix)/\#(i)"}"#
        }
    }

    /// `sitrep check` passes and the store holds this many articles.
    static func storedArticles(_ database: String) async throws -> Int {
        let check = try await SitrepRun.runAsync(["check", "--database", database])
        #expect(check.status == 0, "sitrep check: \(check.stdout) \(check.stderr)")
        #expect(check.stdout == "ok\n")
        let stats = try await SitrepRun.runAsync(["stats", "--database", database, "--format", "json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let counts = (try? JSONSerialization.jsonObject(with: Data(stats.stdout.utf8))) as? [[String: Any]]
        return counts?.first?["articles"] as? Int ?? -1
    }

    /// Starts `sitrep` with its output discarded.
    static func start(_ arguments: [String], stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SitrepRun.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    static func killHard(_ process: Process) async {
        kill(process.processIdentifier, SIGKILL)
        _ = try? await offThePool { process.waitUntilExit() }
    }

    @Test("kill -9 during sitrep ingest, 20 times: the store stays sound and every article ends up stored once")
    func ingest() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.jsonl").path
        let database = folder.appendingPathComponent("store.db").path
        FileManager.default.createFile(atPath: input, contents: Data((Self.articles(Self.articleCount, prefix: "i").joined(separator: "\n") + "\n").utf8))

        var generator = SystemRandomNumberGenerator()
        var stored = 0
        var killedMidWrite = 0
        for _ in 0..<Self.kills {
            let started = Date()
            let process = try Self.start(["ingest", "--quiet", "--database", database, input])
            // The models load first (seconds, more on a loaded machine); the kill
            // comes at a random moment once articles are being committed, so that
            // it lands mid-write whatever the machine's speed (a sanitized build
            // writes several times more slowly, so its window is wider). A debug
            // build stores about 250 of these articles a second, so twenty kills
            // at most 0.4 s after the first commit leave work for every run.
            await Self.waitForCommits(to: database, after: started, while: process)
            try await Task.sleep(for: .seconds(TestBudget.scaled(Double.random(in: 0.05...0.4, using: &generator))))
            guard process.isRunning else { break }
            await Self.killHard(process)
            let now = try await Self.storedArticles(database)
            #expect(now >= stored, "a kill lost stored articles: \(stored) before, \(now) after")
            if now > stored && now < Self.articleCount { killedMidWrite += 1 }
            stored = max(stored, now)
        }
        print("crash safety, ingest: \(killedMidWrite) of \(Self.kills) kills landed mid-write, \(stored) of \(Self.articleCount) articles stored by then")
        #expect(killedMidWrite >= 5, "only \(killedMidWrite) kills landed while articles were being written")

        let finish = try await SitrepRun.runAsync(["ingest", "--database", database, input])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(finish.stderr.contains("errors 0"), "\(finish.stderr)")
        #expect(try await Self.storedArticles(database) == Self.articleCount)
    }

    @Test("kill -9 during POST /api/articles, 20 times: the store stays sound and every article ends up stored once")
    func serveWrites() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("store.db").path
        let lines = Self.articles(Self.articleCount, prefix: "s")
        let batches = stride(from: 0, to: lines.count, by: 25).map { lines[$0..<min($0 + 25, lines.count)].joined(separator: "\n") }

        var generator = SystemRandomNumberGenerator()
        var stored = 0
        var killedMidWrite = 0
        for _ in 0..<Self.kills {
            let (process, base) = try await offThePool { try Self.startServer(database) }
            let progress = Progress()
            let poster = Task { await Self.postAll(batches, to: base, progress: progress) }
            // The batches stored before come back at once; the first new one
            // loads the models. Kill at a random moment once new batches are
            // being stored, early enough that twenty kills leave work for every
            // run (a debug build stores about 300 articles a second here).
            let storedBatches = stored / 25
            let deadline = Date().addingTimeInterval(TestBudget.scaled(120))
            while progress.batches <= storedBatches && Date() < deadline && !progress.finished { try await Task.sleep(for: .milliseconds(50)) }
            try await Task.sleep(for: .seconds(TestBudget.scaled(Double.random(in: 0.05...0.4, using: &generator))))
            await Self.killHard(process)
            _ = await poster.value
            let now = try await Self.storedArticles(database)
            #expect(now >= stored, "a kill lost stored articles: \(stored) before, \(now) after")
            if now > stored && now < Self.articleCount { killedMidWrite += 1 }
            stored = max(stored, now)
        }
        print("crash safety, serve: \(killedMidWrite) of \(Self.kills) kills landed mid-write, \(stored) of \(Self.articleCount) articles stored by then")
        #expect(killedMidWrite >= 5, "only \(killedMidWrite) kills landed while articles were being written")

        let (process, base) = try await offThePool { try Self.startServer(database) }
        let failures = await Self.postAll(batches, to: base)
        kill(process.processIdentifier, SIGTERM)
        _ = try? await offThePool { process.waitUntilExit() }
        #expect(failures == 0)
        #expect(try await Self.storedArticles(database) == Self.articleCount)
    }

    /// Starts `sitrep serve` on a free port and waits for its address.
    static func startServer(_ database: String) throws -> (Process, URL) {
        let errors = Pipe()
        let process = try start(["serve", "--database", database, "--port", "0", "--log-level", "critical"], stderr: errors)
        var seen = Data()
        let deadline = Date().addingTimeInterval(TestBudget.scaled(60))
        while Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if let range = text.range(of: "listening on "), let end = text[range.upperBound...].firstIndex(of: "\n"),
               let url = URL(string: String(text[range.upperBound..<end])) {
                // Keep draining stderr so the server never blocks on a full pipe.
                Thread { _ = errors.fileHandleForReading.readDataToEndOfFile() }.start()
                return (process, url)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(String(decoding: seen, as: UTF8.self))"])
    }

    /// Batches stored so far by ``postAll(_:to:progress:)``.
    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var ended = false
        var batches: Int { lock.withLock { count } }
        /// The poster has stopped: every batch is stored or one failed.
        var finished: Bool { lock.withLock { ended } }
        func add() { lock.withLock { count += 1 } }
        func finish() { lock.withLock { ended = true } }
    }

    /// Waits until the SQLite write-ahead log of `database` changes after
    /// `after` (a transaction committed), or the process ends, or a minute passes.
    static func waitForCommits(to database: String, after: Date, while process: Process) async {
        let wal = database + "-wal"
        let deadline = Date().addingTimeInterval(TestBudget.scaled(60))
        while process.isRunning && Date() < deadline {
            if let modified = (try? FileManager.default.attributesOfItem(atPath: wal))?[.modificationDate] as? Date, modified > after { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Posts the batches in order until one fails (the server was killed);
    /// returns the number of batches that failed.
    static func postAll(_ batches: [String], to base: URL, progress: Progress = Progress()) async -> Int {
        let session = URLSession(configuration: .ephemeral)
        defer { progress.finish() }
        for (index, batch) in batches.enumerated() {
            var request = URLRequest(url: base.appendingPathComponent("api/articles"))
            request.httpMethod = "POST"
            request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(batch.utf8)
            request.timeoutInterval = 120
            guard let (_, response) = try? await session.data(for: request),
                  (response as? HTTPURLResponse)?.statusCode == 200 else {
                return batches.count - index
            }
            progress.add()
        }
        return 0
    }
}
