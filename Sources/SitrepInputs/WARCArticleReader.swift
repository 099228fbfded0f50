/// An HTTP response from a WARC file that may hold an article: status 200,
/// an HTML media type and a non-empty body.
public struct WARCArticle: Sendable {
    /// `WARC-Target-URI`: the URL that was fetched.
    public var url: String
    /// `WARC-Date`: when it was fetched (not when it was published).
    public var date: String?
    /// `WARC-Record-ID`.
    public var recordID: String?
    /// Where the record starts in the file.
    public var location: InputLocation
    /// The response, body decoded.
    public var response: HTTPResponse
}

/// Why ``WARCArticleReader`` passed over a record.
public enum WARCSkipReason: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `request`, `metadata`, `warcinfo`, `revisit` and other non-`response` records.
    case notResponse
    /// A `response` record that holds no HTTP message (`dns:` lookups, for example).
    case notHTTP
    /// A response without a `WARC-Target-URI`, so without a URL to cite.
    case noTargetURI
    /// A status other than 200: redirects, errors, 304s.
    case notOK
    /// A media type other than `text/html` or `application/xhtml+xml`.
    case notHTML
    /// A 200 HTML response with an empty body.
    case emptyBody
    /// A body in a `Content-Encoding` that cannot be decoded (`br`, `zstd`).
    case unsupportedEncoding

    public var description: String {
        switch self {
        case .notResponse: "not a response record"
        case .notHTTP: "not an HTTP response"
        case .noTargetURI: "no WARC-Target-URI"
        case .notOK: "HTTP status other than 200"
        case .notHTML: "not HTML"
        case .emptyBody: "empty body"
        case .unsupportedEncoding: "unsupported Content-Encoding"
        }
    }
}

/// Reads the article-like responses of a WARC file and counts the rest.
///
/// Everything ``WARCReader`` says about errors and resuming holds here too;
/// in addition, a response whose HTTP message is malformed or whose body
/// cannot be inflated is reported with a recoverable ``InputFormatError`` and
/// reading goes on.
///
/// ```swift
/// var reader = try WARCArticleReader(path: "news.warc.gz")
/// while true {
///     do {
///         guard let article = try reader.next() else { break }
///         ingest(article.response.body, url: article.url)
///     } catch {
///         report(error)
///     }
/// }
/// print(reader.skipped)  // [.notResponse: 2_031, .notOK: 118, .notHTML: 402]
/// ```
///
/// ## Topics
/// - ``init(path:limits:)``
/// - ``next()``
/// - ``skipped``
public struct WARCArticleReader: ~Copyable {
    private var reader: WARCReader
    /// How many records were passed over, by reason.
    public private(set) var skipped: [WARCSkipReason: Int] = [:]

    /// Opens `path` for reading.
    ///
    /// - Throws: ``InputFormatError/unreadable(path:reason:)``.
    public init(path: String, limits: WARCLimits = .standard) throws(InputFormatError) {
        reader = try WARCReader(path: path, limits: limits)
    }

    /// The file being read.
    public var path: String { reader.path }
    /// Records read so far, articles and skipped ones alike.
    public var recordCount: Int { reader.recordCount }

    /// The next article-like response, or `nil` when the file is exhausted.
    ///
    /// - Throws: ``InputFormatError``; see ``WARCReader`` for what happens next.
    public mutating func next() throws(InputFormatError) -> WARCArticle? {
        while let record = try reader.next() {
            if let article = try article(from: record) { return article }
        }
        return nil
    }

    /// The article in `record`, or `nil` after counting why there is none.
    ///
    /// The cheap checks (type, status, media type) come before the body is
    /// decoded, so redirects and images cost no inflating.
    private mutating func article(from record: WARCRecord) throws(InputFormatError) -> WARCArticle? {
        guard record.type == "response" else { return skip(.notResponse) }
        guard HTTPResponse.isHTTPBlock(record.contentType) else { return skip(.notHTTP) }
        guard let url = record.targetURI, !url.isEmpty else { return skip(.noTargetURI) }
        let head = try HTTPHead(parsing: record.block, location: record.location, limits: reader.limits)
        guard head.status == 200 else { return skip(.notOK) }
        if let mediaType = head.mediaType, !Self.isHTMLMediaType(mediaType) { return skip(.notHTML) }
        let decoded: (body: [UInt8], isPartial: Bool)
        switch head.decodeBody(of: record, limits: reader.limits) {
        case let .success(result): decoded = result
        case .failure(.unsupportedContentEncoding): return skip(.unsupportedEncoding)
        case let .failure(error): throw error
        }
        // Without a Content-Type, HTML is recognized by how the body starts.
        if head.mediaType == nil && !Self.startsLikeHTML(decoded.body) { return skip(.notHTML) }
        guard !decoded.body.isEmpty else { return skip(.emptyBody) }
        return WARCArticle(
            url: url, date: record.date, recordID: record.recordID, location: record.location,
            response: HTTPResponse(head: head, body: decoded.body, isPartial: decoded.isPartial)
        )
    }

    private mutating func skip(_ reason: WARCSkipReason) -> WARCArticle? {
        skipped[reason, default: 0] += 1
        return nil
    }

    static func isHTMLMediaType(_ mediaType: String) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }

    /// Whether `body` starts, after a BOM and whitespace, with `<!doctype html`
    /// or `<html` (case-insensitively). Pages that open with a comment are missed.
    static func startsLikeHTML(_ body: [UInt8]) -> Bool {
        var index = 0
        if body.count >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF { index = 3 }
        while index < body.count && index < 1024 && (body[index] == 0x20 || (body[index] >= 0x09 && body[index] <= 0x0D)) { index += 1 }
        return hasPrefixIgnoringCase(body, at: index, end: body.count, "<!doctype html")
            || hasPrefixIgnoringCase(body, at: index, end: body.count, "<html")
    }
}
