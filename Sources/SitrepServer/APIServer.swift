import Foundation
import Hummingbird
import Logging
import SitrepCore
import SitrepStorage

/// `sitrep serve`: the JSON API over a ``SitrepStorage/Store`` and the web UI.
///
/// Routes (docs/api.md; the OpenAPI document at `/openapi.json` is checked
/// against them by the tests):
///
/// | route | handler |
/// | --- | --- |
/// | `GET /`, `GET /assets/{file}` | the UI's files, from memory |
/// | `GET /openapi.json` | the API description |
/// | `GET /metrics` | Prometheus metrics (``SitrepMetrics``), when the server has them |
/// | `GET /api/stats`, `/api/events`, `/api/events/{id}`, `/api/articles`, `/api/articles/{id}`, `/api/actors` | store reads |
/// | `GET /api/timeline`, `/api/map`, `/api/network` | aggregates for the UI's charts |
/// | `POST /api/articles` | JSON lines through the pipeline into the store (``WriteAccess`` decides who may) |
///
/// Every handler reads its parameters through ``APIQuery`` (bounded, validated)
/// and every value reaches SQL as a bound parameter (the store's rule). Errors
/// are JSON `{"error": {"code", "message"}}` with a 4xx status; an unexpected
/// failure is logged and answered with a 500 that does not leak its details.
public struct APIServer: Sendable {
    public let store: any Store
    public let assets: WebAssets
    public let logger: Logger

    /// The most mentions listed with one event (each needs its article's text
    /// to convert offsets).
    static let maxMentionsListed = 100

    /// Answers of the aggregate endpoints, kept for a while (see ``ResponseCache``).
    let cache: ResponseCache

    /// Who may post articles, and how much at once.
    public let writes: WriteAccess
    /// Runs posted articles through the pipeline; nil when the server has none.
    let ingestService: IngestService?
    /// Counts and times every request and serves `GET /metrics`; nil: neither.
    public let metrics: SitrepMetrics?

    /// - Parameters:
    ///   - writes: the write rule; ``WriteAccess/readOnly`` unless given.
    ///   - makePipeline: builds the pipeline for posted articles, on the first
    ///     write; without it the server cannot write whatever `writes` says.
    public init(store: any Store, assets: WebAssets, logger: Logger = Logger(label: "sitrep.serve"), cacheSeconds: Double = 30,
                writes: WriteAccess = .readOnly, makePipeline: (@Sendable () throws -> Pipeline)? = nil, metrics: SitrepMetrics? = nil) {
        self.store = store
        self.assets = assets
        self.logger = logger
        self.cache = ResponseCache(seconds: cacheSeconds)
        self.writes = writes
        self.ingestService = makePipeline.map { IngestService(store: store, makePipeline: $0) }
        self.metrics = metrics
    }

    /// Headers on every page and file: no sniffing, no framing, no referrer,
    /// and a content security policy that allows only the server's own scripts
    /// (an injected `<script>` in an article could not run even if it reached
    /// the DOM as markup, which the UI never lets it do).
    static let securityHeaders: HTTPFields = [
        .xContentTypeOptions: "nosniff",
        .init("X-Frame-Options")!: "DENY",
        .init("Referrer-Policy")!: "no-referrer",
        .contentSecurityPolicy: "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ]

    /// The router with every route.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        if let metrics {
            router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory))
            router.get("/metrics") { _, _ in metrics.response() }
        }
        router.get("/") { _, _ in self.file("index.html") }
        router.get("/index.html") { _, _ in self.file("index.html") }
        router.get("/assets/:file") { _, context in self.file(context.parameters.get("file") ?? "") }
        router.get("/openapi.json") { _, _ in Self.response(bytes: self.assets.openAPI, contentType: "application/json; charset=utf-8") }
        router.get("/api/stats") { request, _ in
            await self.json(request, cached: true) { _, json in APIJSON.stats(try await self.store.stats(), into: &json) }
        }
        router.get("/api/events") { request, _ in
            await self.json(request) { query, json in
                let filters = try query.eventQuery()
                let events = try await self.store.events(filters)
                Self.list(events, filters.limit, filters.offset, into: &json, APIJSON.event)
            }
        }
        router.get("/api/events/:id") { request, context in
            await self.json(request) { _, json in try await self.eventDetail(try Self.id(context), into: &json) }
        }
        router.get("/api/articles") { request, _ in
            await self.json(request) { query, json in
                let limit = try query.integer("limit", default: 100, in: 1...1000)
                let offset = try query.integer("offset", default: 0, in: 0...1_000_000)
                var story: Int64? = nil
                if let raw = query.string("story") {
                    guard let value = Int64(raw), value > 0 else { throw APIError.badRequest("'story' must be a positive integer") }
                    story = value
                }
                let articles = try await self.store.articles(ArticleQuery(
                    storyID: story, title: query.string("q"), source: query.string("source"),
                    since: try query.date("since"), until: try query.date("until"), limit: limit, offset: offset))
                Self.list(articles, limit, offset, into: &json, APIJSON.articleSummary)
            }
        }
        router.get("/api/articles/:id") { request, context in
            await self.json(request) { _, json in
                let id = try Self.id(context)
                guard let article = try await self.store.article(id: id) else { throw APIError.notFound("no article \(id)") }
                APIJSON.article(article, layers: try await self.store.layers(articleID: id), into: &json)
            }
        }
        router.get("/api/actors") { request, _ in
            await self.json(request, cached: true) { query, json in
                let limit = try query.integer("limit", default: 100, in: 1...1000)
                Self.list(try await self.store.actors(limit: limit), limit, 0, into: &json, APIJSON.actor)
            }
        }
        router.get("/api/timeline") { request, _ in
            await self.json(request, cached: true) { query, json in
                let buckets = try await self.store.timeline(try query.eventQuery())
                Self.items(buckets, into: &json, APIJSON.timeline)
            }
        }
        router.get("/api/map") { request, _ in
            await self.json(request, cached: true) { query, json in
                let limit = try query.integer("limit", default: 500, in: 1...5000)
                let places = try await self.store.eventPlaces(try query.eventQuery(), limit: limit)
                Self.items(places, into: &json, APIJSON.place)
            }
        }
        router.get("/api/network") { request, _ in
            await self.json(request, cached: true) { query, json in
                let limit = try query.integer("limit", default: 150, in: 1...2000)
                APIJSON.network(try await self.store.actorPairs(try query.eventQuery(), limit: limit), into: &json)
            }
        }
        router.post("/api/articles") { request, _ in await self.ingest(request) }
        return router
    }

    /// The application bound to `host:port`; `onRunning` receives the port
    /// actually bound (the system's choice when `port` is 0).
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "sitrep"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Starts the server and runs until SIGINT or SIGTERM.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    // MARK: handlers

    private func eventDetail(_ id: Int64, into json: inout JSONWriter) async throws {
        guard let stored = try await store.event(id: id) else { throw APIError.notFound("no event \(id)") }
        let mentions = try await store.mentions(eventID: id)
        var articles: [Int64: (title: String?, index: CodePointIndex)] = [:]
        for mention in mentions.prefix(Self.maxMentionsListed) where articles[mention.articleID] == nil {
            if let article = try await store.article(id: mention.articleID) {
                articles[mention.articleID] = (article.title, CodePointIndex(article.text))
            }
        }
        json.beginObject()
        APIJSON.eventFields(stored, into: &json)
        json.key("mention_list")
        json.beginArray()
        for mention in mentions.prefix(Self.maxMentionsListed) {
            guard let article = articles[mention.articleID] else { continue }
            APIJSON.mention(mention, index: article.index, articleTitle: article.title, into: &json)
        }
        json.endArray()
        json.endObject()
    }

    private static func id(_ context: BasicRequestContext) throws(APIError) -> Int64 {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw .badRequest("the id in the path must be a positive integer")
        }
        return id
    }

    // MARK: responses

    private func file(_ name: String) -> Response {
        guard let file = assets.files[name] else {
            return Self.error(.notFound("no such file"))
        }
        var response = Self.response(bytes: file.bytes, contentType: file.contentType)
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// Runs a JSON handler: parses the query, writes the body, and turns
    /// failures into JSON errors.
    private func json(_ request: Request, cached: Bool = false, _ body: (APIQuery, inout JSONWriter) async throws -> Void) async -> Response {
        do {
            let query = try APIQuery(request.uri.query)
            let key = request.uri.path + "?" + (request.uri.query ?? "")
            if cached, let bytes = await cache.get(key) {
                return Self.response(bytes: bytes, contentType: "application/json; charset=utf-8")
            }
            // A page of 100 events is about 40 KB: one allocation, no regrowth.
            var json = JSONWriter(reservingCapacity: 65_536)
            try await body(query, &json)
            if cached { await cache.set(key, json.bytes) }
            return Self.response(bytes: json.bytes, contentType: "application/json; charset=utf-8")
        } catch let error as APIError {
            return Self.error(error)
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.error(APIError(status: 500, code: "internal", message: "the request failed; the server log has the details"))
        }
    }

    private static func list<Item>(_ items: [Item], _ limit: Int, _ offset: Int, into json: inout JSONWriter,
                                   _ write: (Item, inout JSONWriter) -> Void) {
        json.beginObject()
        json.key("items")
        json.beginArray()
        for item in items { write(item, &json) }
        json.endArray()
        json.key("limit"); json.int(limit)
        json.key("offset"); json.int(offset)
        json.endObject()
    }

    private static func items<Item>(_ items: [Item], into json: inout JSONWriter, _ write: (Item, inout JSONWriter) -> Void) {
        json.beginObject()
        json.key("items")
        json.beginArray()
        for item in items { write(item, &json) }
        json.endArray()
        json.endObject()
    }

    static func response(bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func error(_ error: APIError) -> Response {
        var json = JSONWriter(reservingCapacity: 256)
        json.beginObject()
        json.key("error")
        json.beginObject()
        json.key("code"); json.string(error.code)
        json.key("message"); json.string(error.message)
        json.endObject()
        json.endObject()
        return response(bytes: json.bytes, contentType: "application/json; charset=utf-8", status: HTTPResponse.Status(code: error.status))
    }
}

/// Recent answers of the aggregate endpoints (stats, actors, timeline, map,
/// network), by path and query.
///
/// Without filters these scan every event: about half a second each at a
/// million events, and the dashboard asks for all of them on every visit.
/// They change only when articles are ingested, so an answer a few seconds
/// old is as good as a new one. Lists and single records are never cached.
actor ResponseCache {
    private let lifetime: UInt64
    private let capacity = 512
    private var entries: [String: (bytes: [UInt8], expires: UInt64)] = [:]

    /// - Parameter seconds: how long an answer is reused; 0 turns caching off.
    init(seconds: Double) {
        lifetime = UInt64(max(0, seconds) * 1e9)
    }

    func get(_ key: String) -> [UInt8]? {
        guard lifetime > 0, let entry = entries[key] else { return nil }
        if entry.expires < DispatchTime.now().uptimeNanoseconds {
            entries[key] = nil
            return nil
        }
        return entry.bytes
    }

    /// Forgets every answer: the store has changed.
    func clear() {
        entries.removeAll(keepingCapacity: true)
    }

    func set(_ key: String, _ bytes: [UInt8]) {
        guard lifetime > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if entries.count >= capacity {
            entries = entries.filter { $0.value.expires >= now }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        }
        entries[key] = (bytes, now + lifetime)
    }
}
