import Foundation
import Hummingbird
import SitrepCore
import SitrepStorage

/// Who may add articles through `POST /api/articles`, and how much at once.
///
/// The convention (docs/api.md, "Writing"): a server bound to loopback lets
/// local clients write, unless a token is set; a server bound to any other
/// address accepts writes only with the token, and without one it is read-only.
/// Every write request must also be JSON lines by its `Content-Type` and, when
/// a browser sends an `Origin`, come from the server's own origin, so that a web
/// page open in the user's browser cannot post to a local server (a cross-site
/// form can send only `text/plain` and friends, and never without `Origin`).
public struct WriteAccess: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// No writes; the reason is sent with the 403.
        case closed(reason: String)
        /// Anyone who can connect may write (loopback, no token set).
        case open
        /// Writes must carry `Authorization: Bearer <token>`.
        case token(String)
    }

    public var rule: Rule
    /// The largest request body read; a larger one gets 413 before any of it is processed.
    public var maxBodyBytes: Int
    /// The most JSON lines in one request.
    public var maxLines: Int

    public init(rule: Rule, maxBodyBytes: Int = 16 << 20, maxLines: Int = 10_000) {
        self.rule = rule
        self.maxBodyBytes = maxBodyBytes
        self.maxLines = maxLines
    }

    /// A server that only reads.
    public static let readOnly = WriteAccess(rule: .closed(reason: "this server is read-only"))

    /// The rule for a server bound to `host`: see the type's documentation.
    public static func forServer(host: String, token: String?, readOnly: Bool, maxBodyBytes: Int = 16 << 20) -> WriteAccess {
        if readOnly { return WriteAccess(rule: .closed(reason: "this server is read-only (--read-only)"), maxBodyBytes: maxBodyBytes) }
        if let token, !token.isEmpty { return WriteAccess(rule: .token(token), maxBodyBytes: maxBodyBytes) }
        if isLoopback(host) { return WriteAccess(rule: .open, maxBodyBytes: maxBodyBytes) }
        return WriteAccess(rule: .closed(reason: "writes need a token when the server listens beyond this machine (--token-file or SITREP_TOKEN)"),
                           maxBodyBytes: maxBodyBytes)
    }

    /// Addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Whether the request may write; the error to answer otherwise.
    func authorize(_ request: Request) -> APIError? {
        switch rule {
        case let .closed(reason):
            return APIError(status: 403, code: "read_only", message: reason)
        case .open:
            break
        case let .token(token):
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                  Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8)) else {
                return APIError(status: 401, code: "unauthorized", message: "send the server's token as 'Authorization: Bearer TOKEN'")
            }
        }
        let type = request.headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.jsonLinesTypes.contains(type) else {
            return APIError(status: 415, code: "unsupported_media_type",
                            message: "send JSON lines with Content-Type: application/x-ndjson (or application/jsonl, application/json)")
        }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == "http://" + host || origin == "https://" + host else {
                return APIError(status: 403, code: "cross_origin", message: "writes from another origin are refused")
            }
        }
        return nil
    }

    static let jsonLinesTypes: Set<String> = ["application/x-ndjson", "application/jsonl", "application/json-lines", "application/json"]

    /// Compares without stopping at the first difference, so the time taken
    /// does not tell an attacker how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// Runs the pipeline over posted articles and stores them, one request at a
/// time (the pipeline is CPU-bound; reads go on meanwhile on the other
/// threads). The pipeline's models are loaded on the first write, so a server
/// that is only read never pays for them.
actor IngestService {
    private let store: any Store
    private let makePipeline: @Sendable () throws -> Pipeline
    private var ingester: Ingester?

    init(store: any Store, makePipeline: @escaping @Sendable () throws -> Pipeline) {
        self.store = store
        self.makePipeline = makePipeline
    }

    /// What became of one posted line.
    enum Outcome: Sendable {
        case result(id: String, IngestResult)
        case failure(id: String?, code: String, message: String)
    }

    /// Ingests each line in order; a bad line is reported and the rest go on.
    /// Each article is stored in its own transaction: a request cut short (the
    /// client gone, the server killed) leaves the articles before it stored
    /// whole and nothing of the one in progress, and posting it again stores
    /// only what is missing.
    func ingest(_ lines: [ArraySlice<UInt8>]) async throws -> [Outcome] {
        let ingester = try loadedIngester()
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(lines.count)
        for line in lines {
            let item: IngestItem
            do {
                item = try IngestItem(jsonLine: line)
            } catch {
                outcomes.append(.failure(id: nil, code: error.code, message: error.message))
                continue
            }
            do {
                outcomes.append(.result(id: item.id, try await ingester.ingest(item)))
            } catch let error as PipelineError {
                outcomes.append(.failure(id: item.id, code: "SR-PIPE-001", message: error.description))
            } catch {
                outcomes.append(.failure(id: item.id, code: "SR-STORE-001", message: "\(error)"))
            }
        }
        return outcomes
    }

    private func loadedIngester() throws -> Ingester {
        if let ingester { return ingester }
        let made = Ingester(store: store, pipeline: try makePipeline())
        ingester = made
        return made
    }
}

extension APIServer {
    /// `POST /api/articles`: JSON lines in the interchange input format (plus
    /// `title` and `source`), each run through the pipeline and stored as
    /// `sitrep ingest` would; the answer lists what became of each line.
    func ingest(_ request: Request) async -> Response {
        if let refusal = writes.authorize(request) { return Self.error(refusal) }
        guard let service = ingestService else {
            return Self.error(APIError(status: 403, code: "read_only", message: "this server cannot run the pipeline"))
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: writes.maxBodyBytes)
        } catch {
            return Self.error(APIError(status: 413, code: "too_large", message: "the body is larger than \(writes.maxBodyBytes) bytes"))
        }
        // Non-blank lines with their 1-based numbers (a CR before the LF dropped).
        var lines: [ArraySlice<UInt8>] = []
        var lineNumbers: [Int] = []
        for (index, raw) in Array(body.readableBytesView).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines.append(line)
            lineNumbers.append(index + 1)
        }
        guard !lines.isEmpty else { return Self.error(.badRequest("the body holds no JSON lines")) }
        guard lines.count <= writes.maxLines else {
            return Self.error(APIError(status: 413, code: "too_many_lines", message: "at most \(writes.maxLines) lines per request"))
        }
        let outcomes: [IngestService.Outcome]
        do {
            outcomes = try await service.ingest(lines)
        } catch {
            logger.error("cannot build the pipeline", metadata: ["error": "\(error)"])
            return Self.error(APIError(status: 500, code: "internal", message: "the pipeline could not be loaded; the server log has the details"))
        }
        var json = JSONWriter(reservingCapacity: 64 * outcomes.count + 64)
        var counts = (stored: 0, nearDuplicates: 0, duplicates: 0, errors: 0)
        json.beginObject()
        json.key("items")
        json.beginArray()
        for (outcome, line) in zip(outcomes, lineNumbers) {
            json.beginObject()
            json.key("line"); json.int(line)
            switch outcome {
            case let .result(id, result):
                json.key("id"); json.string(id)
                switch result {
                case let .stored(articleID, storyID):
                    counts.stored += 1
                    json.key("status"); json.string("stored")
                    json.key("article_id"); json.int(Int(articleID))
                    json.key("story_id"); json.int(Int(storyID))
                case let .nearDuplicate(articleID, storyID, of, similarity):
                    counts.stored += 1; counts.nearDuplicates += 1
                    json.key("status"); json.string("near_duplicate")
                    json.key("article_id"); json.int(Int(articleID))
                    json.key("story_id"); json.int(Int(storyID))
                    json.key("of"); json.int(Int(of))
                    json.key("similarity"); json.double(similarity)
                case let .duplicate(of):
                    counts.duplicates += 1
                    json.key("status"); json.string("duplicate")
                    json.key("article_id"); json.int(Int(of))
                }
            case let .failure(id, code, message):
                counts.errors += 1
                json.key("id"); json.string(id)
                json.key("error")
                json.beginObject()
                json.key("code"); json.string(code)
                json.key("message"); json.string(message)
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.key("read"); json.int(outcomes.count)
        json.key("stored"); json.int(counts.stored)
        json.key("near_duplicates"); json.int(counts.nearDuplicates)
        json.key("duplicates"); json.int(counts.duplicates)
        json.key("errors"); json.int(counts.errors)
        json.endObject()
        // Cached aggregates are stale once anything was stored.
        if counts.stored > 0 { await cache.clear() }
        return Self.response(bytes: json.bytes, contentType: "application/json; charset=utf-8")
    }
}
