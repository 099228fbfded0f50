/// Streams the records of a `.warc` or `.warc.gz` file (WARC/1.0 and 1.1), one at a time.
///
/// gzip is recognized by its magic number, not the file name, and may be one
/// member per record (the usual `.warc.gz`) or one member for the whole file.
/// Memory holds one record plus one read chunk (see ``WARCLimits``).
///
/// Errors are reported per record and reading goes on where it can: after a
/// recoverable error (``InputFormatError/isRecoverable``) the next call to
/// ``next()`` resumes with the following record, found by its `Content-Length`
/// when the header was readable, else by searching for the next `WARC/1.` line
/// (or, in a damaged gzip member, the next member). After any other error,
/// ``next()`` returns `nil`. So one loop reads everything that can be read:
///
/// ```swift
/// var reader = try WARCReader(path: "crawl.warc.gz")
/// while true {
///     do {
///         guard let record = try reader.next() else { break }
///         handle(record)
///     } catch {
///         report(error)  // names the file, the record number and the byte offset
///     }
/// }
/// ```
///
/// ## Topics
/// - ``init(path:limits:)``
/// - ``next()``
/// - ``recordCount``
public struct WARCReader: ~Copyable {
    /// The file being read.
    public let path: String
    /// The limits given to ``init(path:limits:)``.
    public let limits: WARCLimits
    /// Records read so far, including ones skipped with an error; the number of the last record started.
    public private(set) var recordCount = 0

    private var file: InputFile
    /// Bytes read from `file`; the next unread one is `buffer[start]`, at stream offset `bufferOffset + start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var bufferOffset = 0
    /// Whether the byte before `buffer[0]` ended a line (true at the stream start
    /// and after a gzip discontinuity, where a record may begin).
    private var lineStartBeforeBuffer = true
    private var inputEnded = false
    /// Set after an unrecoverable error or at the end: `next()` returns `nil`.
    private var finished = false
    /// A malformed record left the position mid-record: search for the next `WARC/1.` line.
    private var needsResync = false
    /// Block bytes of a skipped record still to discard.
    private var skipRemaining = 0
    /// The record being read, for error locations.
    private var recordInProgress: InputLocation?

    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let versionPrefix: [UInt8] = Array("WARC/1.".utf8)

    /// Opens `path` for reading.
    ///
    /// - Throws: ``InputFormatError/unreadable(path:reason:)``.
    public init(path: String, limits: WARCLimits = .standard) throws(InputFormatError) {
        self.path = path
        self.limits = limits
        file = try InputFile(path: path, chunkBytes: limits.chunkBytes, maxDecompressedBytes: limits.maxDecompressedRecordBytes)
    }

    /// Whether the file is gzip-compressed.
    public var isGzip: Bool { file.isGzip }

    /// The next record, or `nil` when the file is exhausted.
    ///
    /// - Throws: ``InputFormatError`` for the record or bytes at the current position;
    ///   see the type's discussion for what happens next.
    public mutating func next() throws(InputFormatError) -> WARCRecord? {
        if finished { return nil }
        if skipRemaining > 0 { try skipPendingBlock() }
        if needsResync {
            guard try resynchronize() else { return finish() }
        }
        guard try skipLineBreaks() else {
            if recordCount == 0 && currentOffset == 0 {
                finished = true
                throw .empty(origin: path)
            }
            return finish()
        }
        return try readRecord()
    }

    private mutating func finish() -> WARCRecord? {
        finished = true
        recordInProgress = nil
        return nil
    }

    private var currentOffset: Int { bufferOffset + start }

    // MARK: - Records

    private mutating func readRecord() throws(InputFormatError) -> WARCRecord {
        let recordStart = currentOffset
        file.forgetMembers(before: recordStart)
        file.limitDecompression(from: recordStart, allowing: limits.maxDecompressedRecordBytes)
        let number = recordCount + 1
        let location = InputLocation(path: path, record: number, offset: recordStart, memberOffset: file.memberOffset(containing: recordStart))

        // Offsets below are relative to `start` (the record start): filling the
        // buffer may move the unread bytes to its front.
        // The version line decides whether this is a record at all.
        guard let versionEnd = try findLineEnd(from: 0), startsWithVersion(at: start, end: start + versionEnd) else {
            return try rejectLeadingBytes(location: location)
        }
        recordCount = number
        recordInProgress = location
        defer { recordInProgress = nil }

        // Header lines up to the empty line.
        var lineStart = versionEnd + 1
        while true {
            guard let lineEnd = try findLineEnd(from: lineStart) else {
                if inputEnded {
                    finished = true
                    throw .truncated(location, detail: "the input ends inside the record's header")
                }
                start += min(lineStart, buffer.count - start)
                needsResync = true
                throw .malformedRecord(location, reason: "the header is longer than \(limits.maxHeaderBytes) bytes or never ends")
            }
            let isEmpty = lineEnd == lineStart || (lineEnd == lineStart + 1 && buffer[start + lineStart] == Self.cr)
            lineStart = lineEnd + 1
            if isEmpty { break }
        }
        let headerLength = lineStart
        let fields = parseHeaderFields(buffer, from: start + versionEnd + 1, to: start + headerLength)
        func field(_ name: String) -> String? { fields.first(where: { asciiCaseInsensitiveEqual($0.name, name) })?.value }

        guard let lengthText = field("Content-Length"), let contentLength = parseContentLength(lengthText) else {
            // Without a length the block's end is unknown: search for the next record.
            start += headerLength
            needsResync = true
            let found = field("Content-Length").map { "an invalid Content-Length '\($0)'" } ?? "no Content-Length"
            throw .malformedRecord(location, reason: "the header has \(found); skipping to the next 'WARC/1.' line")
        }
        // The declared block is not a bomb, whatever its size: allow it plus the usual margin.
        file.limitDecompression(from: recordStart, allowing: headerLength + contentLength + limits.maxDecompressedRecordBytes)
        guard contentLength <= limits.maxRecordBytes else {
            start += headerLength
            skipRemaining = contentLength
            throw .recordTooLarge(location, bytes: contentLength, limit: limits.maxRecordBytes)
        }
        guard let type = field("WARC-Type"), !type.isEmpty else {
            start += headerLength
            skipRemaining = contentLength
            throw .malformedRecord(location, reason: "the header has no WARC-Type; the record was skipped")
        }
        guard try ensure(headerLength + contentLength) else {
            let available = buffer.count - start - headerLength
            finished = true
            throw .truncated(location, detail: "Content-Length is \(contentLength) bytes but the input ends after \(available)")
        }
        let blockStart = start + headerLength
        let block = Array(buffer[blockStart..<(blockStart + contentLength)])
        start = blockStart + contentLength
        // The two CRLFs after the block are skipped before the next record, so that a
        // complete record is returned even when the input ends right after it.
        return WARCRecord(
            type: type,
            targetURI: field("WARC-Target-URI").map(Self.withoutAngleBrackets),
            date: field("WARC-Date"),
            recordID: field("WARC-Record-ID"),
            contentType: field("Content-Type"),
            headers: fields,
            block: block,
            location: location
        )
    }

    /// Reports bytes that should start a record but do not, and arranges to search past them.
    private mutating func rejectLeadingBytes(location: InputLocation) throws(InputFormatError) -> WARCRecord {
        let available = buffer[start...]
        if inputEnded, !available.contains(Self.lf), isPrefixOfVersion(available) {
            finished = true
            throw .truncated(InputLocation(path: path, record: recordCount + 1, offset: location.offset, memberOffset: location.memberOffset),
                             detail: "the input ends inside a record's version line")
        }
        // Skip the offending line (or what is buffered of it) so the search cannot find it again.
        let lineEnd = available.firstIndex(of: Self.lf) ?? buffer.count
        let shown = excerpt(buffer[start..<(lineEnd > start && buffer[lineEnd - 1] == Self.cr ? lineEnd - 1 : lineEnd)])
        start = min(lineEnd + 1, buffer.count)
        needsResync = true
        var garbage = location
        garbage.record = nil
        let after = recordCount == 0 ? "at the start of the file" : "after record \(recordCount)"
        throw .malformedRecord(garbage, reason: "expected a 'WARC/1.0' or 'WARC/1.1' line \(after), found \"\(shown)\"; skipping to the next record")
    }

    private func startsWithVersion(at index: Int, end: Int) -> Bool {
        let prefix = Self.versionPrefix
        guard end - index >= prefix.count + 1 else { return false }
        for k in 0..<prefix.count where buffer[index + k] != prefix[k] { return false }
        let minor = buffer[index + prefix.count]
        return minor >= 0x30 && minor <= 0x39
    }

    private func isPrefixOfVersion(_ bytes: ArraySlice<UInt8>) -> Bool {
        let prefix = Self.versionPrefix
        return !bytes.isEmpty && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    /// `<http://…>` → `http://…`: the WARC/1.0 grammar showed the brackets and some writers kept them.
    private static func withoutAngleBrackets(_ uri: String) -> String {
        guard uri.hasPrefix("<") && uri.hasSuffix(">") && uri.utf8.count >= 2 else { return uri }
        return String(uri.dropFirst().dropLast())
    }

    // MARK: - Between records

    /// Skips the line breaks that end the previous record (two CRLFs, or
    /// whatever a lenient writer used).
    ///
    /// - Returns: `false` at the end of the input.
    private mutating func skipLineBreaks() throws(InputFormatError) -> Bool {
        while true {
            guard try ensure(1) else { return false }
            let byte = buffer[start]
            if byte == Self.lf {
                start += 1
            } else if byte == Self.cr {
                guard try ensure(2) else { return true }  // a lone CR at the end: let the record reader report it
                guard buffer[start + 1] == Self.lf else { return true }
                start += 2
            } else {
                return true
            }
        }
    }

    /// Discards the block of a record skipped for its size or header.
    private mutating func skipPendingBlock() throws(InputFormatError) {
        while skipRemaining > 0 {
            let buffered = buffer.count - start
            if buffered >= skipRemaining {
                start += skipRemaining
                skipRemaining = 0
                return
            }
            skipRemaining -= buffered
            start = buffer.count
            guard try fill() else {
                finished = true
                throw .truncated(InputLocation(path: path, record: recordCount, offset: currentOffset),
                                 detail: "the input ends inside the block of a skipped record, \(skipRemaining) bytes short")
            }
        }
    }

    /// Moves to the next `WARC/1.` at the start of a line.
    ///
    /// - Returns: `false` when the input ends first.
    private mutating func resynchronize() throws(InputFormatError) -> Bool {
        let prefix = Self.versionPrefix
        while true {
            var index = start
            while index + prefix.count <= buffer.count {
                if buffer[index] == prefix[0] && atLineStart(index) {
                    var matches = true
                    for k in 1..<prefix.count where buffer[index + k] != prefix[k] {
                        matches = false
                        break
                    }
                    if matches {
                        start = index
                        needsResync = false
                        return true
                    }
                }
                index += 1
            }
            // Keep the tail that could be the start of a split `WARC/1.`.
            start = max(start, buffer.count - (prefix.count - 1))
            guard try fill() else { return false }
        }
    }

    private func atLineStart(_ index: Int) -> Bool {
        index == 0 ? lineStartBeforeBuffer : buffer[index - 1] == Self.lf
    }

    // MARK: - Buffer

    /// Where the `\n` ending the line that starts at `start + lineStart` is,
    /// relative to `start`, reading more input as needed.
    ///
    /// - Returns: `nil` when the header (which starts at `start`) would pass
    ///   ``WARCLimits/maxHeaderBytes``, or the input ends first.
    private mutating func findLineEnd(from lineStart: Int) throws(InputFormatError) -> Int? {
        var offset = lineStart
        while true {
            let limit = min(buffer.count - start, limits.maxHeaderBytes)
            let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
                var index = start + offset
                while index < start + limit {
                    if bytes[index] == Self.lf { return index - start }
                    index += 1
                }
                return nil
            }
            if let found { return found }
            offset = max(offset, limit)
            if offset >= limits.maxHeaderBytes { return nil }
            guard try fill() else { return nil }
        }
    }

    /// Makes sure `count` unread bytes are buffered.
    ///
    /// - Returns: `false` when the input ends first.
    private mutating func ensure(_ count: Int) throws(InputFormatError) -> Bool {
        while buffer.count - start < count {
            guard try fill() else { return false }
        }
        return true
    }

    /// Appends one chunk of input to the buffer, first dropping the consumed bytes.
    ///
    /// Indexes into the buffer shift by the old `start`: callers keep offsets
    /// relative to `start`, which becomes 0.
    ///
    /// - Returns: `false` at the end of the input.
    private mutating func fill() throws(InputFormatError) -> Bool {
        if inputEnded { return false }
        compact()
        switch file.readChunk(appendingTo: &buffer) {
        case .data:
            return true
        case .end:
            inputEnded = true
            return false
        case let .failure(.corrupt(reason)):
            // What is buffered came from the damaged member (or before it); drop
            // it and search for a record in the next member.
            let location = damageLocation()
            bufferOffset = file.offset
            buffer.removeAll(keepingCapacity: true)
            start = 0
            lineStartBeforeBuffer = true
            needsResync = true
            skipRemaining = 0
            throw .corruptGzip(location, reason: reason)
        case let .failure(failure):
            finished = true
            inputEnded = true
            throw file.error(for: failure, at: damageLocation())
        }
    }

    /// The location for an input failure: the record being read, else the current position.
    private func damageLocation() -> InputLocation {
        var location = recordInProgress ?? InputLocation(path: path, offset: currentOffset)
        if file.isGzip { location.memberOffset = file.currentMemberOffset }
        return location
    }

    private mutating func compact() {
        guard start > 0 else { return }
        lineStartBeforeBuffer = buffer[start - 1] == Self.lf
        bufferOffset += start
        let pending = buffer.count - start
        if buffer.capacity > 8 * limits.chunkBytes && pending < limits.chunkBytes {
            // After a large record, give its memory back.
            buffer = Array(buffer[start...])
        } else {
            buffer.removeFirst(start)
        }
        start = 0
    }
}
