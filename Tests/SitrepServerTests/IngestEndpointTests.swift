import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import SitrepCore
@testable import SitrepServer
import SitrepStages
import SitrepStorage
import Testing

/// `POST /api/articles`: who may write, what a bad request gets, and what a
/// good one stores, through the real pipeline on a live server.
@Suite("HTTP writes", .serialized)
struct IngestEndpointTests {
    static let token = "s3cret-token-for-tests-0123456789"

    static let lines = """
        {"id":"w1","text":"Ruritanian police detained eleven fishermen in Strelsau on Monday, the interior ministry said.","clean":true,"published":"2026-03-03","url":"https://example.test/w1","title":"Fishermen detained"}
        {"id":"w2","text":"Ruritanian police detained eleven fishermen in Strelsau on Monday, the interior ministry said.","clean":true,"published":"2026-03-03","url":"https://example.test/w1","title":"Fishermen detained"}
        {"id":"w3","text":
        {"text":"no id"}

        {"id":"w4","text":"The harvest in the lowlands was the best in a decade, farmers in Zenda said on Tuesday.","clean":true,"published":"2026-03-04"}
        """

    /// Runs `body` against a server with the write rule given, over an empty store.
    static func withServer(_ writes: WriteAccess, _ body: @Sendable (URL, any Store) async throws -> Void) async throws {
        let store = try await SQLiteStore.inMemory()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = APIServer(store: store, assets: try WebAssets.bundled(), logger: logger, writes: writes,
                               makePipeline: { try StandardPipeline.make() })
        try await APITests.serve(server) { base in try await body(base, store) }
        try await store.close()
    }

    static func post(_ base: URL, _ body: String, headers: [String: String] = ["Content-Type": "application/x-ndjson"]) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: base.appendingPathComponent("api/articles"))
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = try #require(response as? HTTPURLResponse).statusCode
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (status, json)
    }

    static func errorCode(_ json: [String: Any]) -> String? {
        (json["error"] as? [String: Any])?["code"] as? String
    }

    @Test("posted lines are processed, stored once, and each line's fate is reported")
    func storesAndReports() async throws {
        try await Self.withServer(WriteAccess(rule: .open)) { base, store in
            let (status, json) = try await Self.post(base, Self.lines)
            #expect(status == 200)
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.map { $0["line"] as? Int } == [1, 2, 3, 4, 6])
            #expect(items[0]["status"] as? String == "stored")
            #expect(items[1]["status"] as? String == "duplicate")
            #expect(items[1]["article_id"] as? Int == items[0]["article_id"] as? Int)
            #expect(Self.errorCode(items[2]) == "SR-IN-002")
            #expect(Self.errorCode(items[3]) == "SR-IN-004")
            #expect(items[4]["status"] as? String == "stored")
            #expect(json["read"] as? Int == 5)
            #expect(json["stored"] as? Int == 2)
            #expect(json["duplicates"] as? Int == 1)
            #expect(json["errors"] as? Int == 2)
            #expect(try await store.stats().articles == 2)
            // The pipeline ran: the stored article has its layers.
            let id = try #require(items[0]["article_id"] as? Int)
            #expect(try await store.layers(articleID: Int64(id)).entities.isEmpty == false)

            // Posting again stores nothing.
            let again = try await Self.post(base, Self.lines)
            #expect(again.json["stored"] as? Int == 0)
            #expect(again.json["duplicates"] as? Int == 3)
            #expect(try await store.stats().articles == 2)
            #expect(try await store.check() == [])
        }
    }

    @Test("with a token, writes without it or with a wrong one are refused")
    func tokenRequired() async throws {
        try await Self.withServer(.forServer(host: "0.0.0.0", token: Self.token, readOnly: false)) { base, store in
            let line = #"{"id":"t1","text":"Zenda's farmers protested on Monday.","clean":true}"#
            #expect(try await Self.post(base, line).status == 401)
            let wrong = ["Content-Type": "application/x-ndjson", "Authorization": "Bearer " + Self.token.dropLast() + "X"]
            #expect(try await Self.post(base, line, headers: wrong).status == 401)
            let short = ["Content-Type": "application/x-ndjson", "Authorization": "Bearer s3cret"]
            #expect(try await Self.post(base, line, headers: short).status == 401)
            #expect(try await store.stats().articles == 0)
            let right = ["Content-Type": "application/x-ndjson", "Authorization": "Bearer " + Self.token]
            let accepted = try await Self.post(base, line, headers: right)
            #expect(accepted.status == 200)
            #expect(accepted.json["stored"] as? Int == 1)
        }
    }

    @Test("a read-only server, another origin, a form's content type and oversized bodies are refused before anything is stored")
    func refusals() async throws {
        let line = #"{"id":"r1","text":"Zenda's farmers protested on Monday.","clean":true}"#
        try await Self.withServer(.readOnly) { base, store in
            let refused = try await Self.post(base, line)
            #expect(refused.status == 403)
            #expect(Self.errorCode(refused.json) == "read_only")
            #expect(try await store.stats().articles == 0)
        }
        try await Self.withServer(WriteAccess(rule: .open, maxBodyBytes: 4096, maxLines: 3)) { base, store in
            let form = try await Self.post(base, line, headers: ["Content-Type": "text/plain"])
            #expect(form.status == 415)
            let crossSite = try await Self.post(base, line, headers: ["Content-Type": "application/x-ndjson", "Origin": "http://evil.example"])
            #expect(crossSite.status == 403)
            #expect(Self.errorCode(crossSite.json) == "cross_origin")
            let big = String(repeating: line + "\n", count: 100)
            #expect(try await Self.post(base, big).status == 413)
            let many = (1...4).map { #"{"id":"m\#($0)","text":"Line \#($0) of a batch.","clean":true}"# }.joined(separator: "\n")
            let tooMany = try await Self.post(base, many)
            #expect(tooMany.status == 413)
            #expect(Self.errorCode(tooMany.json) == "too_many_lines")
            #expect(try await Self.post(base, "\n \n").status == 400)
            #expect(try await store.stats().articles == 0)
            // The server's own origin is fine.
            let own = try await Self.post(base, line, headers: ["Content-Type": "application/x-ndjson; charset=utf-8", "Origin": base.absoluteString])
            #expect(own.status == 200)
            #expect(try await store.stats().articles == 1)
        }
    }

    @Test("the write rule follows the address bound and the token")
    func rules() {
        #expect(WriteAccess.forServer(host: "127.0.0.1", token: nil, readOnly: false).rule == .open)
        #expect(WriteAccess.forServer(host: "::1", token: nil, readOnly: false).rule == .open)
        #expect(WriteAccess.forServer(host: "127.0.0.1", token: "t", readOnly: false).rule == .token("t"))
        #expect(WriteAccess.forServer(host: "0.0.0.0", token: "t", readOnly: false).rule == .token("t"))
        guard case .closed = WriteAccess.forServer(host: "0.0.0.0", token: nil, readOnly: false).rule else {
            Issue.record("a server on every interface without a token must be read-only")
            return
        }
        guard case .closed = WriteAccess.forServer(host: "127.0.0.1", token: "t", readOnly: true).rule else {
            Issue.record("--read-only wins over a token")
            return
        }
        #expect(WriteAccess.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!WriteAccess.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!WriteAccess.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!WriteAccess.constantTimeEqual([], Array("a".utf8)))
    }
}
