import Foundation
import Testing

/// `sitrep ingest` on RSS/Atom feeds and WARC archives, end to end through the
/// built binary and an SQLite file.
@Suite(.serialized) struct IngestSourcesTests {
    static let articleHTML = """
        <p>Officials in Ruritania said on Tuesday that border guards had detained eleven fishermen from \
        Grand Fenwick after their trawler crossed into disputed waters near the port of Strelsau.</p>\
        <p>The foreign ministry summoned the Fenwick envoy and demanded an explanation, while the \
        fishermen&#8217;s families gathered outside the harbour office asking for news of the crew.</p>
        """

    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Ruritania Today</title>
            <link>https://ruritania.test/</link>
            <item>
              <title>Eleven Fenwick fishermen detained off Strelsau</title>
              <link>https://ruritania.test/news/fishermen</link>
              <guid>https://ruritania.test/news/fishermen</guid>
              <pubDate>Tue, 03 Mar 2026 14:05:00 GMT</pubDate>
              <description>Border guards detained a trawler crew.</description>
              <content:encoded><![CDATA[\(articleHTML)]]></content:encoded>
            </item>
            <item>
              <title>Barley harvest starts early in the lowlands</title>
              <link>https://ruritania.test/news/harvest</link>
              <pubDate>Wed, 04 Mar 2026 09:00:00 +0100</pubDate>
              <description>Farmers in the lowlands of Ruritania began the barley harvest a fortnight early this \
        year after an unusually dry spring, the agriculture ministry reported on Wednesday.</description>
            </item>
          </channel>
        </rss>
        """

    /// One WARC record (CRLF line ends, as the format requires).
    static func warcRecord(type: String, uri: String, block: [UInt8]) -> [UInt8] {
        let header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2026-03-05T10:00:00Z\r\n"
            + "WARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\nContent-Type: application/http; msgtype=\(type)\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func httpResponse(status: String, contentType: String, body: [UInt8]) -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// A crawl of three records: a request, a page in Windows-1252 (declared
    /// only in the HTTP header), and a 404.
    static func warc() -> [UInt8] {
        // "café" and a curly apostrophe in Windows-1252: 0xE9 and 0x92.
        let page: [UInt8] = Array("<html><head><title>Harbour caf".utf8) + [0xE9] + Array(" closes | Strelsau Post</title></head><body><article><h1>Harbour caf".utf8) + [0xE9]
            + Array(" closes</h1><p>The harbour caf".utf8) + [0xE9] + Array(" in Strelsau closed on Monday after forty years, its owner said, blaming the dispute over fishing rights that has kept the fleet in port since spring.</p><p>Fishermen".utf8) + [0x92]
            + Array("s families had met there every morning; the town council said it would look for a new tenant before the summer season.</p></article></body></html>".utf8)
        return warcRecord(type: "request", uri: "https://strelsau.test/cafe", block: Array("GET /cafe HTTP/1.1\r\nHost: strelsau.test\r\n\r\n".utf8))
            + warcRecord(type: "response", uri: "https://strelsau.test/cafe", block: httpResponse(status: "200 OK", contentType: "text/html; charset=windows-1252", body: page))
            + warcRecord(type: "response", uri: "https://strelsau.test/missing", block: httpResponse(status: "404 Not Found", contentType: "text/html", body: Array("<p>gone</p>".utf8)))
    }

    static func database() -> String {
        scratchPath(suffix: ".db")
    }

    static func articles(_ db: String) throws -> [[String: Any]] {
        let run = try SitrepRun.run(["articles", "--database", db, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func aFeedIsIngestedItemByItemAndOnlyOnce() throws {
        let db = Self.database()
        let feed = temporaryFile(Array(Self.feed.utf8), suffix: ".rss")
        let first = try SitrepRun.run(["ingest", "--database", db, feed])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("read 2, stored 2"), "\(first.stderr)")
        let articles = try Self.articles(db)
        let byURL = Dictionary(uniqueKeysWithValues: articles.map { ($0["url"] as? String ?? "", $0) })
        let fishermen = try #require(byURL["https://ruritania.test/news/fishermen"])
        #expect(fishermen["title"] as? String == "Eleven Fenwick fishermen detained off Strelsau")
        #expect(fishermen["source"] as? String == "Ruritania Today")
        #expect((fishermen["published"] as? String)?.hasPrefix("2026-03-03") == true)
        // The full content, not the one-line description, is the article.
        #expect((fishermen["bytes"] as? Int ?? 0) > 250)
        #expect((byURL["https://ruritania.test/news/harvest"]?["published"] as? String)?.hasPrefix("2026-03-04") == true)

        let again = try SitrepRun.run(["ingest", "--database", db, feed])
        #expect(again.stderr.contains("stored 0"), "\(again.stderr)")
        #expect(again.stderr.contains("duplicates 2"), "\(again.stderr)")
    }

    /// `--max-bytes` bounds WARC records as it bounds files and lines.
    @Test func maxBytesSkipsLargerWARCRecords() throws {
        let db = Self.database()
        let archive = temporaryFile(Self.warc(), suffix: ".warc")
        let run = try SitrepRun.run(["ingest", "--database", db, "--max-bytes", "300", archive])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("is over the 300-byte limit and was skipped (`sitrep ingest --max-bytes` sets the limit)"), "\(run.stderr)")
        #expect(run.stderr.contains("stored 0"), "\(run.stderr)")
    }

    @Test func aWARCArchiveYieldsItsHTMLResponsesDecodedByTheirHTTPCharset() throws {
        let db = Self.database()
        let archive = temporaryFile(Self.warc(), suffix: ".warc")
        let run = try SitrepRun.run(["ingest", "--database", db, archive])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("read 1, stored 1"), "\(run.stderr)")
        #expect(run.stderr.contains("2 WARC records without an article skipped"), "\(run.stderr)")
        let article = try #require(try Self.articles(db).first)
        #expect(article["url"] as? String == "https://strelsau.test/cafe")
        #expect(article["title"] as? String == "Harbour café closes")
        let events = try SitrepRun.run(["stats", "--database", db, "--format", "json"])
        #expect(events.status == 0)

        // The same archive gzipped, under a name with no known extension: sniffed.
        let gzipped = scratchPath()
        try Data(Self.warc()).write(to: URL(fileURLWithPath: gzipped))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-f", gzipped]
        try gzip.run()
        gzip.waitUntilExit()
        let other = Self.database()
        let sniffed = try SitrepRun.run(["ingest", "--database", other, gzipped + ".gz"])
        #expect(sniffed.stderr.contains("read 1, stored 1"), "\(sniffed.stderr)")
    }

    @Test func aTruncatedWARCKeepsItsGoodRecordsAndReportsTheRest() throws {
        let db = Self.database()
        var bytes = Self.warc()
        let cut = Self.warcRecord(type: "response", uri: "https://strelsau.test/cut",
                                  block: Self.httpResponse(status: "200 OK", contentType: "text/html", body: Array("<p>cut short</p>".utf8)))
        bytes += cut.prefix(cut.count - 30)
        let archive = temporaryFile(bytes, suffix: ".warc")
        let run = try SitrepRun.run(["ingest", "--database", db, archive, "--strict"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("stored 1"), "\(run.stderr)")
        #expect(run.stderr.contains("errors 1"), "\(run.stderr)")
        #expect(run.stderr.lowercased().contains("truncated"), "\(run.stderr)")
    }

    @Test func aFeedWithEntityDeclarationsIsRefused() throws {
        let db = Self.database()
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
            """
        let feed = temporaryFile(Array(hostile.utf8), suffix: ".xml")
        let run = try SitrepRun.run(["ingest", "--database", db, feed])
        #expect(run.stderr.contains("errors 1"), "\(run.stderr)")
        #expect(!run.stderr.contains("root:"), "\(run.stderr)")
        #expect(try Self.articles(db).isEmpty)
    }

    /// `sitrep events --dyadic` lists only events with both actors known; without
    /// it an event with one side unknown ("British teachers went on strike") is listed too.
    @Test func eventsDyadicKeepsEventsWithBothActors() throws {
        let db = Self.database()
        let line = #"{"id":"d1","text":"Turkey attacked Iraq on Monday. British teachers went on strike on Tuesday.","clean":true,"published":"2024-06-12"}"#
        let input = temporaryFile(Array((line + "\n").utf8), suffix: ".jsonl")
        #expect(try SitrepRun.run(["ingest", "--quiet", "--database", db, input]).status == 0)
        func listed(_ extra: [String]) throws -> [String] {
            let run = try SitrepRun.run(["events", "--database", db, "--format", "json"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            return rows.map { "\($0["source"] as? String ?? "") \($0["target"] as? String ?? "") \($0["code"] as? String ?? "")" }.sorted()
        }
        #expect(try listed([]) == ["GBREDU  143", "TUR IRQ 190"])
        #expect(try listed(["--dyadic"]) == ["TUR IRQ 190"])
    }
}
