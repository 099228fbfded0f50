import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import SitrepCore
@testable import SitrepServer
@testable import SitrepStorage
import Testing

/// The API served for real, on a free loopback port, over a store filled with
/// hand-built documents (so the assertions do not depend on the pipeline's
/// accuracy).
@Suite("HTTP API", .serialized)
struct APITests {
    /// Multi-byte characters before every annotation, so byte and code point offsets differ.
    static let text = "Zürich — Señora Øyvind Ærø 😀 said Ruritanian police detained eleven fishermen in Strelsau on Monday."
    static let hostileTitle = "<script>window.__xss=1</script><b>x</b> \"quoted\" & 'single'"

    static func span(_ needle: String) -> TextSpan {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
            return TextSpan(start: start, end: start + pattern.count)
        }
        preconditionFailure("'\(needle)' is not in the text")
    }

    /// A store with one annotated article and one article with a hostile title.
    static func filledStore() async throws -> any Store {
        let store = try await SQLiteStore.inMemory()
        var doc = Document(id: "a1", input: .cleanText(text), published: "2026-03-03", url: "https://example.test/a1")
        doc.setArticle(text: text, article: Article(title: "Fishermen detained", published: "2026-03-03", url: "https://example.test/a1"), paragraphs: [])
        let speaker = span("Señora Øyvind Ærø"), police = span("Ruritanian police"), city = span("Strelsau")
        let detained = span("detained"), monday = span("Monday"), count = span("eleven fishermen")
        doc.entities = [EntityMention(span: speaker, type: .person, canonical: "Øyvind Ærø"), EntityMention(span: city, type: .location)]
        doc.actors = [ActorMention(span: police, code: "RURCOP")]
        doc.places = [PlaceMention(span: city, name: "Strelsau", geonameID: 999_001, country: "RU", latitude: 45.1, longitude: 19.8)]
        doc.times = [TimeExpression(span: monday, type: .date, value: "2026-03-02", flags: [])]
        doc.quantities = [Quantity(span: count, value: 11, approximate: false, unit: nil, of: "fishermen", event: 0)]
        doc.quotes = [Quote(span: TextSpan(start: detained.start, end: city.end), speaker: Speaker(span: speaker, canonical: "Øyvind Ærø"),
                            cue: span("said"), kind: .indirect)]
        doc.events = [Event(code: "173", label: "Arrest, detain", source: EventArgument(span: police, code: "RURCOP"),
                            target: EventArgument(span: count, code: "---CVL"), date: "2026-03-02",
                            place: doc.places[0], span: TextSpan(start: 0, end: text.utf8.count), confidence: 0.8,
                            evidence: [detained], flags: [], rule: "verb \"detained\" (ARREST)")]
        _ = try await store.store(PreparedArticle(doc, inputHash: "h1", minhash: MinHash()))

        let other = "A second, plain article about the harvest in the lowlands, with no annotations at all."
        var hostile = Document(id: "a2", input: .cleanText(other), published: "2026-03-04")
        hostile.setArticle(text: other, article: Article(title: hostileTitle, published: "2026-03-04"), paragraphs: [])
        _ = try await store.store(PreparedArticle(hostile, inputHash: "h2", minhash: MinHash()))
        return store
    }

    /// Runs `body` with the server's base URL, then stops the server.
    static func withServer(_ body: @Sendable (URL) async throws -> Void) async throws {
        let store = try await filledStore()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        try await Self.serve(APIServer(store: store, assets: try WebAssets.bundled(), logger: logger), body)
        try await store.close()
    }

    /// Runs `server` on a free loopback port while `body` runs with its base URL.
    static func serve(_ server: APIServer, _ body: @Sendable (URL) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            try await body(URL(string: "http://127.0.0.1:\(port)")!)
            group.cancelAll()
        }
    }

    struct Fetched {
        var status: Int
        var headers: [String: String]
        var body: Data
        func json() throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]) }
    }

    static func get(_ base: URL, _ path: String) async throws -> Fetched {
        let url = try #require(URL(string: base.absoluteString + path))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return Fetched(status: http.statusCode, headers: headers, body: data)
    }

    @Test("lists, filters and details answer with the documented shapes")
    func readsAndFilters() async throws {
        try await Self.withServer { base in
            let stats = try await Self.get(base, "/api/stats").json()
            #expect(stats["articles"] as? Int == 2)
            #expect(stats["events"] as? Int == 1)

            let events = try await Self.get(base, "/api/events?actor=rur&code=17&since=2026-03-01&place=strelsau").json()
            let items = try #require(events["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let event = try #require(items.first)
            #expect(event["source"] as? String == "RURCOP")
            #expect(event["date"] as? String == "2026-03-02")
            let place = try #require(event["place"] as? [String: Any])
            #expect(place["geonameid"] as? Int == 999_001)
            #expect((event["first_article"] as? [String: Any])?["title"] as? String == "Fishermen detained")
            for query in ["actor=USA", "code=19", "since=2026-04-01", "place=Zenda", "target=RUR"] {
                #expect((try await Self.get(base, "/api/events?\(query)").json()["items"] as? [Any])?.isEmpty == true, "\(query)")
            }

            let id = try #require(event["id"] as? Int)
            let detail = try await Self.get(base, "/api/events/\(id)").json()
            let mentions = try #require(detail["mention_list"] as? [[String: Any]])
            #expect(mentions.count == 1)
            #expect(mentions.first?["evidence"] as? String == "verb \"detained\" (ARREST)")
            #expect(mentions.first?["article_title"] as? String == "Fishermen detained")

            let timeline = try #require(try await Self.get(base, "/api/timeline").json()["items"] as? [[String: Any]])
            #expect(timeline.count == 1 && timeline.first?["root_code"] as? String == "17")
            let map = try #require(try await Self.get(base, "/api/map").json()["items"] as? [[String: Any]])
            #expect(map.first?["name"] as? String == "Strelsau")
            let network = try await Self.get(base, "/api/network").json()
            #expect((network["edges"] as? [[String: Any]])?.first?["target"] as? String == "---CVL")
            let actors = try #require(try await Self.get(base, "/api/actors?limit=5").json()["items"] as? [[String: Any]])
            #expect(actors.contains { $0["code"] as? String == "RURCOP" })
        }
    }

    @Test("article offsets are code points of its text, and a hostile title comes back as data")
    func articleOffsets() async throws {
        try await Self.withServer { base in
            let article = try await Self.get(base, "/api/articles/1").json()
            let text = try #require(article["text"] as? String)
            #expect(text == Self.text)
            let scalars = Array(text.unicodeScalars)
            func slice(_ item: [String: Any]) -> String {
                guard let start = item["start"] as? Int, let end = item["end"] as? Int, 0 <= start, start <= end, end <= scalars.count else { return "<bad span>" }
                var result = String.UnicodeScalarView()
                result.append(contentsOf: scalars[start..<end])
                return String(result)
            }
            for (layer, expected) in [("entities", "Señora Øyvind Ærø"), ("actors", "Ruritanian police"), ("places", "Strelsau"),
                                      ("times", "Monday"), ("quantities", "eleven fishermen"), ("quotes", "detained eleven fishermen in Strelsau")] {
                let items = try #require(article[layer] as? [[String: Any]], "\(layer)")
                #expect(items.first.map(slice) == expected, "\(layer)")
            }
            let quote = try #require((article["quotes"] as? [[String: Any]])?.first)
            #expect((quote["speaker"] as? [String: Any]).map(slice) == "Señora Øyvind Ærø")
            #expect(quote["kind"] as? String == "indirect")
            let event = try #require((article["events"] as? [[String: Any]])?.first)
            // The head count points at the arrest it counts: by position in this
            // response's events and by the deduplicated event's id.
            let quantity = try #require((article["quantities"] as? [[String: Any]])?.first)
            #expect(quantity["event"] as? Int == 0)
            #expect(quantity["event_id"] as? Int == event["event_id"] as? Int)
            #expect(quantity["event_id"] as? Int != nil)
            let trigger = try #require((event["triggers"] as? [[Int]])?.first)
            #expect(slice(["start": trigger[0], "end": trigger[1]]) == "detained")
            #expect(event["evidence"] as? String == "verb \"detained\" (ARREST)")

            let found = try #require(try await Self.get(base, "/api/articles?q=%3Cscript%3E").json()["items"] as? [[String: Any]])
            #expect(found.count == 1)
            #expect(found.first?["title"] as? String == Self.hostileTitle)
        }
    }

    @Test("bad requests and missing records get JSON errors with 400 and 404")
    func errors() async throws {
        try await Self.withServer { base in
            for (path, status) in [("/api/events/0", 400), ("/api/events/abc", 400), ("/api/events/99", 404), ("/api/articles/99", 404),
                                   ("/api/events?limit=5000", 400), ("/api/events?since=yesterday", 400), ("/api/events?place=%FF", 400),
                                   ("/api/events?actor=%27%20OR%201%3D1", 400), ("/assets/..%2Fopenapi.json", 404), ("/assets/nothing.js", 404)] {
                let response = try await Self.get(base, path)
                #expect(response.status == status, "\(path)")
                let error = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
                #expect((error?["error"] as? [String: Any])?["message"] is String, "\(path)")
            }
        }
    }

    @Test("the UI's files are served with a content security policy")
    func webFiles() async throws {
        try await Self.withServer { base in
            let page = try await Self.get(base, "/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            #expect(page.headers["x-content-type-options"] == "nosniff")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(html.contains("/assets/app.js"))
            for (file, type) in [("app.js", "text/javascript"), ("app.css", "text/css"), ("world.json", "application/json")] {
                let asset = try await Self.get(base, "/assets/\(file)")
                #expect(asset.status == 200, "\(file)")
                #expect(asset.headers["content-type"]?.hasPrefix(type) == true, "\(file)")
            }
        }
    }

    @Test("every route is in the OpenAPI document, and every documented path answers")
    func openAPI() async throws {
        try await Self.withServer { base in
            let document = try await Self.get(base, "/openapi.json").json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(Set(paths.keys) == ["/api/stats", "/api/events", "/api/events/{id}", "/api/articles", "/api/articles/{id}",
                                        "/api/actors", "/api/timeline", "/api/map", "/api/network"])
            let articles = try #require(paths["/api/articles"] as? [String: Any])
            #expect(Set(articles.keys) == ["get", "post"])
            for path in paths.keys.sorted() {
                let response = try await Self.get(base, path.replacingOccurrences(of: "{id}", with: "1"))
                #expect(response.status == 200, "\(path)")
            }
        }
    }
}
