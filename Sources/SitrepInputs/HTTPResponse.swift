/// The HTTP response stored in a WARC `response` record, with its body decoded.
///
/// The body is what a browser would render: `Transfer-Encoding: chunked`
/// framing removed and `Content-Encoding: gzip` or `deflate` undone, since
/// crawlers usually store the bytes as they came off the wire.
///
/// ```swift
/// let response = try HTTPResponse(parsing: record)
/// if response.status == 200, response.mediaType == "text/html" { extract(response.body, charset: response.charset) }
/// ```
public struct HTTPResponse: Sendable {
    /// The status code (200, 404, …).
    public var status: Int
    /// The reason phrase, possibly empty.
    public var reason: String
    /// Every header field, in message order, names as written.
    public var headers: [(name: String, value: String)]
    /// The `Content-Type` media type, lowercased (`text/html`), or `nil` without one.
    public var mediaType: String?
    /// The `Content-Type` charset parameter, lowercased and unquoted (`utf-8`, `iso-8859-1`).
    public var charset: String?
    /// The decoded body.
    public var body: [UInt8]
    /// Whether the body is known to be incomplete: the record carries
    /// `WARC-Truncated` (Common Crawl cuts payloads at 1 MiB), or its chunked
    /// or compressed framing stops early. The bytes that did arrive are kept.
    public var isPartial: Bool

    /// Parses the HTTP response in `record`'s block and decodes its body.
    ///
    /// - Throws: ``InputFormatError/malformedHTTP(_:reason:)`` when the record is not
    ///   an HTTP response or its message cannot be parsed or inflated,
    ///   ``InputFormatError/unsupportedContentEncoding(_:encoding:)`` for `br` and the like, and
    ///   ``InputFormatError/decompressionLimit(_:limit:)`` when the body inflates past
    ///   ``WARCLimits/maxDecompressedRecordBytes``.
    public init(parsing record: WARCRecord, limits: WARCLimits = .standard) throws(InputFormatError) {
        guard record.type == "response", Self.isHTTPBlock(record.contentType) else {
            throw .malformedHTTP(record.location, reason: "a '\(record.type)' record with Content-Type '\(record.contentType ?? "")' holds no HTTP response")
        }
        let head = try HTTPHead(parsing: record.block, location: record.location, limits: limits)
        switch head.decodeBody(of: record, limits: limits) {
        case let .success(decoded):
            self = HTTPResponse(head: head, body: decoded.body, isPartial: decoded.isPartial)
        case let .failure(error):
            throw error
        }
    }

    init(head: HTTPHead, body: [UInt8], isPartial: Bool) {
        status = head.status
        reason = head.reason
        headers = head.headers
        mediaType = head.mediaType
        charset = head.charset
        self.body = body
        self.isPartial = isPartial
    }

    /// The first header field named `name`, compared without regard to ASCII case.
    public func header(_ name: String) -> String? {
        headers.first(where: { asciiCaseInsensitiveEqual($0.name, name) })?.value
    }

    /// Whether a WARC block's Content-Type says it holds an HTTP message (`application/http; msgtype=response`).
    static func isHTTPBlock(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let bytes = Array(contentType.utf8)
        return hasPrefixIgnoringCase(bytes, at: 0, end: bytes.count, "application/http")
    }
}

/// The status line and header of an HTTP response, before its body is decoded
/// (so that a 404 or an image costs no inflating).
struct HTTPHead {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var mediaType: String?
    var charset: String?
    /// Where the body starts in the block.
    var bodyStart: Int
    let location: InputLocation

    init(parsing block: [UInt8], location: InputLocation, limits: WARCLimits) throws(InputFormatError) {
        self.location = location
        guard let statusEnd = block.firstIndex(of: 0x0A) else {
            throw .malformedHTTP(location, reason: "no status line")
        }
        let statusLine = block[..<(statusEnd > 0 && block[statusEnd - 1] == 0x0D ? statusEnd - 1 : statusEnd)]
        guard let (status, reason) = Self.parseStatusLine(statusLine) else {
            throw .malformedHTTP(location, reason: "the status line \"\(excerpt(statusLine))\" is not 'HTTP/x.y NNN reason'")
        }
        // The header ends at the first empty line (CRLF CRLF, or LF LF from lenient servers).
        var lineStart = statusEnd + 1
        var headerEnd: Int?
        while lineStart < block.count {
            guard lineStart - statusEnd <= limits.maxHeaderBytes else { break }
            guard let lineFeed = block[lineStart...].firstIndex(of: 0x0A) else { break }
            if lineFeed == lineStart || (lineFeed == lineStart + 1 && block[lineStart] == 0x0D) {
                headerEnd = lineStart
                lineStart = lineFeed + 1
                break
            }
            lineStart = lineFeed + 1
        }
        guard let headerEnd else {
            throw .malformedHTTP(location, reason: "the header has no end (no empty line within \(limits.maxHeaderBytes) bytes)")
        }
        self.status = status
        self.reason = reason
        headers = parseHeaderFields(block, from: statusEnd + 1, to: headerEnd)
        bodyStart = lineStart
        let contentType = headers.first(where: { asciiCaseInsensitiveEqual($0.name, "Content-Type") })?.value
        (mediaType, charset) = Self.parseContentType(contentType)
    }

    func header(_ name: String) -> String? {
        headers.first(where: { asciiCaseInsensitiveEqual($0.name, name) })?.value
    }

    /// `HTTP/1.1 200 OK`, `HTTP/2 200`: the code and the reason phrase.
    static func parseStatusLine(_ line: ArraySlice<UInt8>) -> (Int, String)? {
        let bytes = Array(line)
        guard hasPrefixIgnoringCase(bytes, at: 0, end: bytes.count, "http/"),
              let space = bytes.firstIndex(of: 0x20)
        else { return nil }
        var index = space
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        guard bytes.count - index >= 3 else { return nil }
        var code = 0
        for k in index..<(index + 3) {
            guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { return nil }
            code = code * 10 + Int(bytes[k] - 0x30)
        }
        let after = index + 3
        guard after == bytes.count || bytes[after] == 0x20 || bytes[after] == 0x0D else { return nil }
        return (code, trimmedString(bytes[after...]))
    }

    /// `text/html; charset="UTF-8"` → (`text/html`, `utf-8`).
    static func parseContentType(_ value: String?) -> (mediaType: String?, charset: String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { $0.trimmingASCIISpaces().lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIISpaces().lowercased() == "charset" else { continue }
            var name = pair[1].trimmingASCIISpaces()
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            if name.hasPrefix("'") && name.hasSuffix("'") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            let trimmed = name.trimmingASCIISpaces().lowercased()
            if !trimmed.isEmpty { charset = trimmed }
        }
        return (mediaType, charset)
    }

    /// The body with its transfer and content codings undone.
    func decodeBody(of record: WARCRecord, limits: WARCLimits) -> Result<(body: [UInt8], isPartial: Bool), InputFormatError> {
        var body = Array(record.block[bodyStart...])
        var isPartial = record.header("WARC-Truncated") != nil
        if let transfer = header("Transfer-Encoding"), transfer.lowercased().contains("chunked") {
            // Some crawlers store the body de-chunked but keep the header: a body
            // that does not start with a chunk-size line is taken as it is.
            if let dechunked = Self.decodeChunked(body) {
                body = dechunked.body
                isPartial = isPartial || !dechunked.complete
            }
        }
        let codings = (header("Content-Encoding") ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingASCIISpaces() }
            .filter { !$0.isEmpty && $0 != "identity" }
        guard let coding = codings.first else { return .success((body, isPartial)) }
        guard codings.count == 1 else { return .failure(.unsupportedContentEncoding(location, encoding: codings.joined(separator: ", "))) }
        let format: Inflater.Format
        switch coding {
        case "gzip", "x-gzip":
            // Without the magic number the crawler has already decoded the body (and kept the header).
            guard Gzip.hasMagic(body) else { return .success((body, isPartial)) }
            format = .gzip
        case "deflate":
            guard !body.isEmpty else { return .success((body, isPartial)) }
            format = Self.looksLikeZlib(body) ? .zlib : .raw
        default:
            return .failure(.unsupportedContentEncoding(location, encoding: coding))
        }
        switch Gzip.inflate(body, format: format, limit: limits.maxDecompressedRecordBytes, allowTruncated: true) {
        case let .success(result):
            return .success((result.output, isPartial || !result.complete))
        case let .failure(.corrupt(message)):
            return .failure(.malformedHTTP(location, reason: "the \(coding) body cannot be inflated (\(message))"))
        case .failure(.overLimit):
            return .failure(.decompressionLimit(location, limit: limits.maxDecompressedRecordBytes))
        case .failure(.truncated):
            // Not produced with allowTruncated: true; handled for exhaustiveness.
            return .failure(.malformedHTTP(location, reason: "the \(coding) body ends early"))
        }
    }

    /// RFC 1950 header check: deflate method, 32K window or less, check bits valid.
    /// Servers disagree on what `deflate` means, so both forms are accepted.
    static func looksLikeZlib(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return bytes[0] & 0x0F == 8 && bytes[0] >> 4 <= 7 && (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0
    }

    /// Removes `Transfer-Encoding: chunked` framing.
    ///
    /// - Returns: `nil` when the body does not start with a chunk-size line;
    ///   else the data, with `complete` false when the framing stops early
    ///   (the chunks that arrived are kept).
    static func decodeChunked(_ bytes: [UInt8]) -> (body: [UInt8], complete: Bool)? {
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count)
        var index = 0
        var first = true
        while true {
            // Chunk-size line: hex digits, optional `;extension`, CRLF.
            var size = 0
            var digits = 0
            while index < bytes.count, let value = hexValue(bytes[index]), digits < 15 {
                size = size << 4 | value
                digits += 1
                index += 1
            }
            guard digits > 0, let lineFeed = bytes[index...].firstIndex(of: 0x0A),
                  [0x0D, 0x0A, 0x3B, 0x20, 0x09].contains(bytes[index])  // CRLF, `;extension`, or padding
            else {
                return first ? nil : (body, false)
            }
            // A chunk-size line is short; a long one means this was not chunked after all.
            if first && lineFeed - index > 256 { return nil }
            first = false
            index = lineFeed + 1
            if size == 0 { return (body, true) }  // trailers, if any, are not needed
            let available = bytes.count - index
            if available < size {
                body.append(contentsOf: bytes[index...])
                return (body, false)
            }
            body.append(contentsOf: bytes[index..<(index + size)])
            index += size
            // The CRLF after the data.
            if index < bytes.count && bytes[index] == 0x0D { index += 1 }
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars
        var lower = scalars.startIndex, upper = scalars.endIndex
        while lower < upper && (scalars[lower] == " " || scalars[lower] == "\t") { lower = scalars.index(after: lower) }
        while upper > lower {
            let before = scalars.index(before: upper)
            guard scalars[before] == " " || scalars[before] == "\t" else { break }
            upper = before
        }
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }
}
