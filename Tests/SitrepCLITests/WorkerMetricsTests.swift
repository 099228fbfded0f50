import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import SitrepStorage

/// `sitrep worker --metrics-port`: the built binary against PostgreSQL
/// (`scripts/with-postgres.sh`), scraped while it runs.
@Suite("Worker metrics", .serialized)
struct WorkerMetricsTests {
    @Test("a bad --metrics-port is a usage error")
    func badPort() throws {
        let run = try SitrepRun.run(["worker", "--database", "postgres://nobody@127.0.0.1:1/none", "--metrics-port", "70000"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--metrics-port must be from 0 to 65535"), "\(run.stderr)")
    }

    @Test("the worker serves its counts and durations at /metrics",
          .enabled(if: WorkerQueueTests.postgresURL != nil, "SITREP_TEST_POSTGRES_URL is not set"), .timeLimit(TestBudget.minutes(2)))
    func scraped() async throws {
        try await Scratch.withDatabase { url, store in
            let total = 25
            let lines = (0..<total).map { #"{"id": "m\#($0)", "text": "Envoys held talks number \#($0) in Strelsau today.", "clean": true}"# }
            let input = temporaryFile(Array(lines.joined(separator: "\n").utf8), suffix: ".jsonl")
            defer { unlink(input) }
            #expect(try SitrepRun.run(["enqueue", "--database", url, "--quiet", input]).status == 0)
            let worker = try WorkerProcess(url: url, extra: ["--metrics-port", "0", "--log-level", "notice"])
            let deadline = Date().addingTimeInterval(TestBudget.scaled(60))
            var metricsURL: URL?
            while Date() < deadline {
                if metricsURL == nil, let range = worker.log.range(of: #"url=http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression) {
                    metricsURL = URL(string: String(worker.log[range].dropFirst(4)))
                }
                let open = try await Scratch.count(store, "SELECT COUNT(*) AS n FROM article_queue WHERE status IN ('pending', 'claimed')")
                if metricsURL != nil && open == 0 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let endpoint = try #require(metricsURL, "no metrics url in the log: \(worker.log)")
            let (data, response) = try await URLSession.shared.data(from: endpoint)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let text = String(decoding: data, as: UTF8.self)
            func value(_ series: String) -> Double? {
                text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
            }
            #expect(value(#"sitrep_worker_articles_total{outcome="stored"}"#) == Double(total), "\(text)")
            // Every series exists from the start, at 0 until something happens.
            #expect(value(#"sitrep_worker_articles_total{outcome="retried"}"#) == 0)
            #expect(value(#"sitrep_worker_articles_total{outcome="failed"}"#) == 0)
            #expect(value(#"sitrep_worker_articles_total{outcome="duplicate"}"#) == 0)
            #expect(value("sitrep_worker_leases_taken_over_total") == 0)
            #expect(value("sitrep_worker_leases_lost_total") == 0)
            #expect(value("sitrep_worker_pipeline_duration_seconds_count") == Double(total))
            #expect(value("sitrep_worker_store_duration_seconds_count") == Double(total))
            #expect((value("sitrep_worker_claim_duration_seconds_count") ?? 0) >= 2)
            #expect(value("process_start_time_seconds") != nil)

            kill(worker.pid, SIGTERM)
            #expect(await worker.wait(timeout: 20) == 0, "\(worker.log)")
        }
    }
}
