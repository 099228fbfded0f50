import Testing
@testable import SitrepInputs

private func record(_ http: [UInt8], extraHeaders: [String] = []) -> WARCRecord {
    WARCRecord(
        type: "response", targetURI: "http://news.example/a", contentType: "application/http; msgtype=response",
        headers: extraHeaders.map { line in
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingASCIISpaces() }
            return (name: parts[0], value: parts[1])
        },
        block: http, location: InputLocation(path: "test.warc", record: 1, offset: 0)
    )
}

@Suite struct HTTPResponseTests {
    @Test func parsesStatusHeadersMediaTypeAndCharset() throws {
        let http = httpResponse(headers: ["Content-Type: Text/HTML; Charset=\"ISO-8859-1\"", "X-Note: a", "  folded"], body: articleHTML)
        let response = try HTTPResponse(parsing: record(http))
        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.mediaType == "text/html")
        #expect(response.charset == "iso-8859-1")
        #expect(response.header("x-note") == "a folded")
        #expect(response.body == articleHTML)
        #expect(!response.isPartial)
    }

    @Test func decodesChunkedThenGzippedBodies() throws {
        let http = httpResponse(headers: ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                                body: chunked(deflateBytes(articleHTML), size: 10))
        let response = try HTTPResponse(parsing: record(http))
        #expect(response.body == articleHTML)
        #expect(!response.isPartial)
    }

    @Test(arguments: [15, -15])
    func decodesBothFormsOfDeflate(windowBits: Int32) throws {
        let http = httpResponse(headers: ["Content-Type: text/html", "Content-Encoding: deflate"], body: deflateBytes(articleHTML, windowBits: windowBits))
        #expect(try HTTPResponse(parsing: record(http)).body == articleHTML)
    }

    @Test func keepsABodyTheCrawlerAlreadyDecoded() throws {
        // The header says chunked and gzip, but the stored body is plain HTML.
        let http = httpResponse(headers: ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"], body: articleHTML)
        #expect(try HTTPResponse(parsing: record(http)).body == articleHTML)
    }

    @Test func keepsWhatArrivedOfATruncatedBody() throws {
        let compressed = deflateBytes(articleHTML, level: 0)
        let http = httpResponse(headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: Array(compressed.dropLast(40)))
        let response = try HTTPResponse(parsing: record(http, extraHeaders: ["WARC-Truncated: length"]))
        #expect(response.isPartial)
        #expect(!response.body.isEmpty)
        #expect(articleHTML.starts(with: response.body))
    }

    @Test func reportsMalformedMessages() {
        let location = InputLocation(path: "test.warc", record: 1, offset: 0)
        #expect(throws: InputFormatError.malformedHTTP(location, reason: "the status line \"HTTP/1.1 OK\" is not 'HTTP/x.y NNN reason'")) {
            try HTTPResponse(parsing: record(Array("HTTP/1.1 OK\r\n\r\n".utf8)))
        }
        #expect(throws: InputFormatError.unsupportedContentEncoding(location, encoding: "br")) {
            try HTTPResponse(parsing: record(httpResponse(headers: ["Content-Encoding: br"], body: [1, 2, 3])))
        }
        let corrupt = httpResponse(headers: ["Content-Encoding: gzip"], body: [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF])
        #expect(throws: InputFormatError.self) { try HTTPResponse(parsing: record(corrupt)) }
    }

    @Test func acceptsHTTP2StatusLines() throws {
        let response = try HTTPResponse(parsing: record(Array("HTTP/2 404\r\ncontent-type: text/html\r\n\r\n".utf8)))
        #expect(response.status == 404)
        #expect(response.reason == "")
        #expect(response.body.isEmpty)
    }
}

@Suite struct WARCArticleReaderTests {
    @Test func yieldsHTMLResponsesAndCountsWhatItSkips() throws {
        let directory = TemporaryDirectory()
        let records: [[UInt8]] = [
            warcRecord(type: "warcinfo", uri: nil, contentType: "application/warc-fields", block: Array("software: fixture\r\n".utf8)),
            warcRecord(type: "request", contentType: "application/http; msgtype=request", block: Array("GET / HTTP/1.1\r\n\r\n".utf8)),
            responseRecord(httpResponse(status: "301 Moved Permanently", headers: ["Location: /b"], body: []), uri: "http://news.example/a"),
            responseRecord(httpResponse(headers: ["Content-Type: image/jpeg"], body: [0xFF, 0xD8, 0xFF]), uri: "http://news.example/logo.jpg"),
            responseRecord(httpResponse(body: []), uri: "http://news.example/empty"),
            responseRecord(httpResponse(headers: ["Content-Type: text/html", "Content-Encoding: br"], body: [1, 2, 3]), uri: "http://news.example/br"),
            responseRecord(httpResponse(headers: ["Content-Type: text/html; charset=windows-1252", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                                        body: chunked(deflateBytes(articleHTML), size: 64)), uri: "http://news.example/story"),
            responseRecord(httpResponse(headers: [], body: articleHTML), uri: "http://news.example/untyped"),
            responseRecord(httpResponse(headers: [], body: Array("plain words".utf8)), uri: "http://news.example/untyped.txt"),
            responseRecord(httpResponse(headers: ["Content-Type: application/xhtml+xml"], body: articleHTML), uri: "http://news.example/xhtml"),
        ]
        let path = directory.write("news.warc.gz", records.map { deflateBytes($0) }.flatMap { $0 })
        var reader = try WARCArticleReader(path: path)
        var articles: [WARCArticle] = []
        while let article = try reader.next() { articles.append(article) }

        #expect(articles.map(\.url) == ["http://news.example/story", "http://news.example/untyped", "http://news.example/xhtml"])
        #expect(articles.allSatisfy { $0.response.body == articleHTML })
        #expect(articles[0].response.charset == "windows-1252")
        #expect(articles[0].date == "2026-03-03T14:05:00Z")
        #expect(articles[0].location.record == 7)
        #expect(reader.skipped == [.notResponse: 2, .notOK: 1, .notHTML: 2, .emptyBody: 1, .unsupportedEncoding: 1])
        #expect(reader.recordCount == records.count)
    }

    @Test func malformedResponseIsAnErrorAndReadingGoesOn() throws {
        let directory = TemporaryDirectory()
        let records = [
            responseRecord(Array("garbage, not HTTP".utf8), uri: "http://news.example/bad"),
            responseRecord(httpResponse(body: articleHTML), uri: "http://news.example/good"),
        ]
        var reader = try WARCArticleReader(path: directory.write("mixed.warc", records.flatMap { $0 }))
        #expect(throws: InputFormatError.self) { try reader.next() }
        #expect(try reader.next()?.url == "http://news.example/good")
        #expect(try reader.next() == nil)
    }
}
