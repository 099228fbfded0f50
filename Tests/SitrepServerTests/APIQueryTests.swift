import Testing
@testable import SitrepServer

@Suite("API query strings")
struct APIQueryTests {
    @Test("decodes percent escapes and '+' as a space, keeps the first of repeated keys")
    func decoding() throws {
        let query = try APIQuery("place=Kyiv%20Oblast&q=jets+strike&actor=tur&actor=USA&%70lace2=x&empty=")
        #expect(query.string("place") == "Kyiv Oblast")
        #expect(query.string("q") == "jets strike")
        #expect(try query.actorCode("actor") == "TUR")
        #expect(query.string("place2") == "x")
        #expect(query.string("empty") == nil)
        #expect(query.string("missing") == nil)
        #expect(try APIQuery("q=%E2%80%9Cquoted%E2%80%9D").string("q") == "“quoted”")
    }

    @Test("refuses malformed escapes, invalid UTF-8 and oversized queries", arguments: [
        "q=%", "q=%2", "q=%zz", "q=%FF", "q=%C3", String(repeating: "a", count: 5000),
        (0..<40).map { "k\($0)=v" }.joined(separator: "&"), "q=" + String(repeating: "x", count: 300),
    ])
    func refusals(raw: String) {
        #expect(throws: APIError.self) { try APIQuery(raw) }
    }

    @Test("validates typed parameters with messages that name them")
    func typed() throws {
        let good = try APIQuery("limit=20&since=2026-03-01&code=19&actor=TURMIL")
        #expect(try good.integer("limit", default: 100, in: 1...1000) == 20)
        #expect(try good.date("since") == "2026-03-01")
        #expect(try good.eventCode("code") == "19")
        #expect(try APIQuery("code=4").eventCode("code") == "04")
        #expect(try APIQuery("actor=---bus").actorCode("actor") == "---BUS")
        let filters = try good.eventQuery()
        #expect(filters.actor == "TURMIL" && filters.code == "19" && filters.limit == 20 && filters.since == "2026-03-01")
        #expect(!filters.dyadic)
        #expect(try APIQuery("dyadic=true").eventQuery().dyadic && APIQuery("dyadic=1").eventQuery().dyadic)
        #expect(try !APIQuery("dyadic=false").eventQuery().dyadic)

        for (raw, name) in [("limit=0", "limit"), ("limit=abc", "limit"), ("limit=1001", "limit"), ("since=2026-3-1", "since"),
                            ("code=19a", "code"), ("code=12345", "code"), ("actor=TUR%27--", "actor"), ("offset=-1", "offset"),
                            ("dyadic=yes", "dyadic")] {
            do {
                _ = try APIQuery(raw).eventQuery()
                Issue.record("\(raw) was accepted")
            } catch {
                #expect(error.status == 400)
                #expect(error.message.contains("'\(name)'"), "\(raw): \(error.message)")
            }
        }
    }
}

@Suite("Aggregate answer cache")
struct ResponseCacheTests {
    @Test("answers are reused until they expire, and never when the lifetime is 0")
    func expiry() async throws {
        let cache = ResponseCache(seconds: 0.2)
        await cache.set("/api/timeline?", [1, 2, 3])
        #expect(await cache.get("/api/timeline?") == [1, 2, 3])
        #expect(await cache.get("/api/timeline?code=19") == nil)
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(await cache.get("/api/timeline?") == nil)

        let off = ResponseCache(seconds: 0)
        await off.set("/api/stats?", [1])
        #expect(await off.get("/api/stats?") == nil)
    }
}
