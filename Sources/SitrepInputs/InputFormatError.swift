/// Where in an input something went wrong, or where a record came from.
///
/// For a plain `.warc` file `offset` is a byte offset in the file. For a
/// `.warc.gz` file it is an offset in the *decompressed* stream, and
/// `memberOffset` is the file offset of the gzip member holding that byte:
/// the number CDX indexes store and `warcio extract --payload file OFFSET`
/// takes, so a record can be found again without decompressing the file.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path (or, for feeds read from memory, the caller's origin label).
    public var path: String
    /// 1-based number of the WARC record, when the location is inside one.
    public var record: Int?
    /// Byte offset; see the type's discussion for its unit.
    public var offset: Int
    /// File offset of the gzip member that holds `offset`, for gzipped input.
    public var memberOffset: Int?

    /// A location; see the properties for the units.
    public init(path: String, record: Int? = nil, offset: Int, memberOffset: Int? = nil) {
        self.path = path
        self.record = record
        self.offset = offset
        self.memberOffset = memberOffset
    }

    /// `path: record 3 at byte 1234 (gzip member at byte 567)`.
    public var description: String {
        var text = "\(path): "
        if let record { text += "record \(record) at " }
        text += "byte \(offset)"
        if let memberOffset { text += " (gzip member at byte \(memberOffset))" }
        return text
    }
}

/// Why an archive or feed, or part of one, cannot be read, with what to do about it.
///
/// The WARC readers keep going after the *recoverable* cases (a bad record is
/// skipped, the next `next()` call resumes after it); after the others,
/// ``isRecoverable`` is false and the reader's next `next()` returns `nil`.
public enum InputFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened or read (`reason` is the system's message).
    case unreadable(path: String, reason: String)
    /// The file or feed has no bytes at all.
    case empty(origin: String)
    /// The input ends inside a record or a gzip member.
    case truncated(InputLocation, detail: String)
    /// A WARC record's header is unusable, or bytes between records are not a record.
    case malformedRecord(InputLocation, reason: String)
    /// A WARC record's `Content-Length` is over ``WARCLimits/maxRecordBytes``; the record is skipped.
    case recordTooLarge(InputLocation, bytes: Int, limit: Int)
    /// zlib rejected the compressed data (`reason` is zlib's message). The WARC
    /// readers skip to the next gzip member, so only the damaged record is lost.
    case corruptGzip(InputLocation, reason: String)
    /// Decompression produced more bytes than the limit allows: a gzip bomb, or a limit set too low.
    case decompressionLimit(InputLocation, limit: Int)
    /// A `response` record whose HTTP message cannot be parsed or decoded.
    case malformedHTTP(InputLocation, reason: String)
    /// An HTTP body in a `Content-Encoding` Sitrep cannot decode (`br`, `zstd`, …).
    case unsupportedContentEncoding(InputLocation, encoding: String)
    /// libxml2 could not parse the feed (`line` is 1-based; 0 when libxml2 gave none).
    case invalidXML(origin: String, line: Int, reason: String)
    /// The feed's DOCTYPE declares an entity, which is refused (XXE and entity expansion).
    case entityDeclaration(origin: String, line: Int, name: String)
    /// Well-formed XML whose root element is not `rss`, `rdf:RDF` or an Atom `feed`.
    case notAFeed(origin: String, root: String)

    /// Whether a reader can go on with the records after this one.
    public var isRecoverable: Bool {
        switch self {
        case .malformedRecord, .recordTooLarge, .corruptGzip, .malformedHTTP, .unsupportedContentEncoding:
            true
        case .unreadable, .empty, .truncated, .decompressionLimit, .invalidXML, .entityDeclaration, .notAFeed:
            false
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "\(path): cannot be read (\(reason))"
        case let .empty(origin):
            "\(origin): the input is empty"
        case let .truncated(location, detail):
            "\(location): truncated: \(detail); the file was probably cut short while it was being copied or written"
        case let .malformedRecord(location, reason):
            "\(location): malformed WARC record: \(reason)"
        case let .recordTooLarge(location, bytes, limit):
            "\(location): record of \(bytes) bytes is over the \(limit)-byte limit and was skipped (`sitrep ingest --max-bytes` sets the limit)"
        case let .corruptGzip(location, reason):
            "\(location): corrupt gzip data (\(reason))"
        case let .decompressionLimit(location, limit):
            "\(location): decompressed data exceeds the \(limit)-byte limit (a gzip bomb?); raise the limit (WARCLimits.maxDecompressedRecordBytes) if the file is trusted"
        case let .malformedHTTP(location, reason):
            "\(location): malformed HTTP response: \(reason)"
        case let .unsupportedContentEncoding(location, encoding):
            "\(location): HTTP body uses Content-Encoding '\(encoding)', which cannot be decoded (only gzip and deflate can)"
        case let .invalidXML(origin, line, reason):
            "\(origin):\(line): invalid XML: \(reason)"
        case let .entityDeclaration(origin, line, name):
            "\(origin):\(line): the DOCTYPE declares the entity '\(name)'; feeds that declare entities are refused (XXE and entity-expansion attacks)"
        case let .notAFeed(origin, root):
            "\(origin): not an RSS or Atom feed (the root element is <\(root)>, expected <rss>, <rdf:RDF> or Atom <feed>)"
        }
    }
}
