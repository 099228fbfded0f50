/// One WARC record: its named header fields and its block, as stored.
///
/// The fields Sitrep uses have properties; ``headers`` keeps every field in
/// file order for the rest (`WARC-Payload-Digest`, `WARC-Truncated`, …).
public struct WARCRecord: Sendable {
    /// `WARC-Type`: `response`, `request`, `metadata`, `warcinfo`, `revisit`, `resource`, …
    public var type: String
    /// `WARC-Target-URI`, without the `<…>` some WARC/1.0 writers put around it.
    public var targetURI: String?
    /// `WARC-Date`, as written (ISO 8601 UTC, `2026-03-03T14:05:00Z`).
    public var date: String?
    /// `WARC-Record-ID` (`<urn:uuid:…>`).
    public var recordID: String?
    /// `Content-Type` of the block (`application/http; msgtype=response` for HTTP responses).
    public var contentType: String?
    /// Every header field, in file order, names as written.
    public var headers: [(name: String, value: String)]
    /// The record's block: exactly `Content-Length` bytes.
    public var block: [UInt8]
    /// Where the record starts; `location.record` is its 1-based number in the file.
    public var location: InputLocation

    /// A record; readers build these with ``WARCReader/next()``, tests by hand.
    public init(
        type: String, targetURI: String? = nil, date: String? = nil, recordID: String? = nil, contentType: String? = nil,
        headers: [(name: String, value: String)] = [], block: [UInt8] = [], location: InputLocation
    ) {
        self.type = type
        self.targetURI = targetURI
        self.date = date
        self.recordID = recordID
        self.contentType = contentType
        self.headers = headers
        self.block = block
        self.location = location
    }

    /// The first header field named `name`, compared without regard to ASCII case.
    public func header(_ name: String) -> String? {
        headers.first(where: { asciiCaseInsensitiveEqual($0.name, name) })?.value
    }
}

/// Limits that keep a damaged or hostile archive from exhausting memory or time.
///
/// The defaults suit news crawls: Common Crawl truncates payloads at 1 MiB,
/// and an HTML page over 64 MiB is not an article.
public struct WARCLimits: Sendable, Equatable {
    /// The largest record block (`Content-Length`) read into memory; larger
    /// records are skipped with ``InputFormatError/recordTooLarge(_:bytes:limit:)``.
    public var maxRecordBytes: Int
    /// The largest header block, WARC or HTTP. Real ones are under 4 KiB;
    /// cookie-laden HTTP headers reach tens of KiB.
    public var maxHeaderBytes: Int
    /// The most bytes that one record may decompress to, beyond what its header
    /// declares (gzip members of `.warc.gz` files, and `Content-Encoding`
    /// bodies): a gzip bomb stops with ``InputFormatError/decompressionLimit(_:limit:)``.
    public var maxDecompressedRecordBytes: Int
    /// Bytes per `read(2)`: the size of the chunks the file is read in.
    public var chunkBytes: Int

    /// Limits, each defaulting to the ``standard`` value.
    public init(
        maxRecordBytes: Int = 64 << 20, maxHeaderBytes: Int = 256 << 10,
        maxDecompressedRecordBytes: Int = 64 << 20, chunkBytes: Int = 256 << 10
    ) {
        // The decompression allowance must cover one chunk of read-ahead, or
        // reading a record's last bytes could trip it.
        precondition(chunkBytes >= 16 && chunkBytes <= maxDecompressedRecordBytes,
                     "WARCLimits: chunkBytes must be between 16 and maxDecompressedRecordBytes")
        precondition(maxRecordBytes >= 0 && maxHeaderBytes > 0, "WARCLimits: limits must be positive")
        self.maxRecordBytes = maxRecordBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxDecompressedRecordBytes = maxDecompressedRecordBytes
        self.chunkBytes = chunkBytes
    }

    /// The defaults: 64 MiB records, 256 KiB headers, 64 MiB decompressed per record, 256 KiB chunks.
    public static let standard = WARCLimits()
}

/// ASCII case-insensitive equality, for header names.
func asciiCaseInsensitiveEqual(_ a: String, _ b: String) -> Bool {
    let a = a.utf8, b = b.utf8
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { asciiLower($0) == asciiLower($1) }
}

@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}

/// Whether `bytes[at...]` starts with `prefix`, ASCII case-insensitively (`prefix` in lower case).
func hasPrefixIgnoringCase(_ bytes: [UInt8], at index: Int, end: Int, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard end - index >= count else { return false }
    return prefix.withUTF8Buffer { prefixBytes in
        for k in 0..<count where asciiLower(bytes[index + k]) != prefixBytes[k] { return false }
        return true
    }
}

/// Bytes with ASCII spaces and tabs trimmed from both ends, as a string.
func trimmedString(_ bytes: ArraySlice<UInt8>) -> String {
    var lower = bytes.startIndex, upper = bytes.endIndex
    while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
    while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D) { upper -= 1 }
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
}

/// A short printable excerpt of bytes for error messages: at most 40 bytes, controls as `?`.
func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
    let shown = bytes.prefix(40).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
    return String(decoding: shown, as: UTF8.self) + (bytes.count > 40 ? "…" : "")
}

/// Header fields parsed from `Name: value` lines, continuation lines folded in.
///
/// Lines without a colon are ignored: a damaged line should not cost a record
/// whose `Content-Length` can still be read.
func parseHeaderFields(_ bytes: [UInt8], from start: Int, to end: Int) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    var lineStart = start
    while lineStart < end {
        var lineEnd = lineStart
        while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let line = bytes[lineStart..<lineEnd]
        lineStart = lineEnd + 1
        guard let first = line.first else { continue }
        if first == 0x20 || first == 0x09 {
            // Folded continuation of the previous field (RFC 822 style, allowed by WARC/1.0).
            if let last = fields.indices.last {
                let more = trimmedString(line)
                if !more.isEmpty { fields[last].value += fields[last].value.isEmpty ? more : " " + more }
            }
            continue
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
        let name = trimmedString(line[line.startIndex..<colon])
        guard !name.isEmpty else { continue }
        fields.append((name: name, value: trimmedString(line[(colon + 1)...])))
    }
    return fields
}

/// A decimal `Content-Length`: digits only, at most 18 of them (no overflow).
func parseContentLength(_ text: String) -> Int? {
    let digits = text.utf8
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for digit in digits {
        guard digit >= 0x30 && digit <= 0x39 else { return nil }
        value = value * 10 + Int(digit - 0x30)
    }
    return value
}
