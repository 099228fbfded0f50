import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
@testable import SitrepServer
import SitrepStorage
import Testing

/// `GET /metrics` on a real server: requests are counted and timed by method,
/// route pattern and status. Each test has its own registry (nothing is
/// bootstrapped), so the counts are exactly what it did.
@Suite("Metrics", .serialized)
struct MetricsTests {
    /// Runs `body` with the base URL of a server that keeps `metrics`.
    static func withServer(_ metrics: SitrepMetrics, _ body: @Sendable (URL) async throws -> Void) async throws {
        let store = try await APITests.filledStore()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        try await APITests.serve(APIServer(store: store, assets: try WebAssets.bundled(), logger: logger, metrics: metrics), body)
        try await store.close()
    }

    /// The value of the sample `name{labels}` in a Prometheus text exposition.
    static func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test("requests are counted and timed by method, route and status")
    func countsRequests() async throws {
        let metrics = SitrepMetrics()
        try await Self.withServer(metrics) { base in
            for _ in 0..<3 { #expect(try await APITests.get(base, "/api/stats").status == 200) }
            #expect(try await APITests.get(base, "/api/events/1").status == 200)
            #expect(try await APITests.get(base, "/api/events/99999").status == 404)
            #expect(try await APITests.get(base, "/api/events?code=x").status == 400)
            #expect(try await APITests.get(base, "/no/such/route").status == 404)

            let scraped = try await APITests.get(base, "/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(decoding: scraped.body, as: UTF8.self)
            func requests(_ route: String, _ status: Int) -> Double? {
                Self.sample(text, #"sitrep_http_requests_total{method="GET",route="\#(route)",status="\#(status)"}"#)
            }
            #expect(requests("/api/stats", 200) == 3, "\(text)")
            // The route is the pattern, not the path asked for.
            #expect(requests("/api/events/{id}", 200) == 1)
            #expect(requests("/api/events/{id}", 404) == 1)
            #expect(requests("/api/events", 400) == 1)
            #expect(requests("NotFound", 404) == 1)
            #expect(!text.contains("99999") && !text.contains("/no/such/route"))
            let histogram = #"sitrep_http_request_duration_seconds_count{method="GET",route="/api/stats",status="200"}"#
            #expect(Self.sample(text, histogram) == 3)
            #expect(text.contains(#"sitrep_http_request_duration_seconds_bucket{method="GET",route="/api/stats",status="200",le="0.001"}"#))
            let started = try #require(Self.sample(text, "process_start_time_seconds"))
            #expect(abs(started - Date().timeIntervalSince1970) < 600)

            // The scrape itself is counted for the next one.
            let again = String(decoding: try await APITests.get(base, "/metrics").body, as: UTF8.self)
            #expect(Self.sample(again, #"sitrep_http_requests_total{method="GET",route="/metrics",status="200"}"#) == 1)
        }
    }

    @Test("a server without metrics has no /metrics route")
    func offUnlessGiven() async throws {
        try await APITests.withServer { base in
            let status = try await APITests.get(base, "/metrics").status
            #expect(status == 404)
        }
    }
}
