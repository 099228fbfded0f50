#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in fixed-size chunks with `read(2)`, gunzipped on the fly
/// when its first bytes are the gzip magic number (`1f 8b`), whatever its name.
///
/// Memory stays bounded by the chunk size whatever the file's size. gzip
/// files may hold many members one after the other, as `.warc.gz` files do
/// (one member per record): each member is inflated in turn. Two guards
/// make hostile or damaged input fail clearly instead of hanging or growing:
///
/// - a member that inflates past `maxDecompressedBytes` (a gzip bomb) stops
///   the file with ``InputFormatError/decompressionLimit(_:limit:)``;
/// - corrupt deflate data is reported once with
///   ``InputFormatError/corruptGzip(_:reason:)``, and reading resumes at the next
///   gzip member header found in the file, so one damaged record of a
///   per-record `.warc.gz` does not cost the rest of the file.
///
/// ```swift
/// var file = try InputFile(path: "crawl.warc.gz")
/// var bytes: [UInt8] = []
/// while try file.read(appendingTo: &bytes) { consume(&bytes) }
/// ```
///
/// ## Topics
/// - ``init(path:chunkBytes:maxDecompressedBytes:)``
/// - ``read(appendingTo:)``
/// - ``offset``
public struct InputFile: ~Copyable {
    /// The path given to ``init(path:chunkBytes:maxDecompressedBytes:)``.
    public let path: String
    /// Whether the file starts with the gzip magic number and is inflated as it is read.
    public let isGzip: Bool
    /// Bytes handed out so far: file bytes for a plain file, decompressed bytes for gzip.
    public private(set) var offset = 0

    /// What went wrong inside ``readChunk(appendingTo:)``; the caller adds the location.
    enum Failure: Equatable {
        case io(String)
        case truncated
        case corrupt(String)
        case overLimit
    }

    /// What one ``readChunk(appendingTo:)`` call did.
    enum ChunkResult: Equatable {
        /// Bytes were appended.
        case data
        /// The input is exhausted (or stopped by an earlier unrecoverable failure).
        case end
        /// Nothing was appended. After `.corrupt` the output jumps to the next
        /// gzip member; the others end the input.
        case failure(Failure)
    }

    private enum GzipState {
        /// At a member boundary (or the file start): the next bytes should be a gzip header.
        case betweenMembers
        case inflating
        /// Skipping damaged bytes until a plausible gzip header.
        case resyncing
        case finished
    }

    private let fd: Int32
    private let maxDecompressedBytes: Int
    private let inflater: Inflater?
    private var state = GzipState.betweenMembers
    /// File bytes read but not yet used: `raw[rawStart..<rawEnd]`; `raw[0]` is at file offset `rawOffset`.
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var rawOffset = 0
    private var atEOF = false
    /// Inflate output before it is appended to the caller's buffer.
    private var scratch: [UInt8]
    /// File offset of the member being inflated (or the damaged bytes last reported).
    private(set) var currentMemberOffset = 0
    /// Resynchronization looks for a header at or after this file offset, so a
    /// damaged member's own header is not taken again.
    private var resyncFloor = 0
    /// Output offset past which inflating is a bomb.
    private var budgetEnd = Int.max
    /// Whether each member gets `maxDecompressedBytes`; false once the caller
    /// budgets itself with ``limitDecompression(from:allowing:)``.
    private var budgetPerMember = true
    /// Where recent members start, in output and file offsets, oldest first
    /// (see ``memberOffset(containing:)``).
    private var memberStarts: [(output: Int, file: Int)] = []

    /// Opens `path` and reads its first chunk to see whether it is gzip.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - chunkBytes: bytes per `read(2)`, and at most the bytes one
    ///     ``read(appendingTo:)`` appends. Tests use tiny chunks to drip-feed.
    ///   - maxDecompressedBytes: the most bytes one gzip member may inflate to.
    /// - Throws: ``InputFormatError/unreadable(path:reason:)``.
    public init(path: String, chunkBytes: Int = 256 << 10, maxDecompressedBytes: Int = 64 << 20) throws(InputFormatError) {
        precondition(chunkBytes >= 16 && maxDecompressedBytes > 0, "InputFile: chunkBytes must be at least 16 and the limit positive")
        // Everything that can fail happens before the first stored property is set:
        // a noncopyable type with a deinit cannot be left half-initialized.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        var raw = [UInt8](repeating: 0, count: chunkBytes)
        var rawEnd = 0
        var atEOF = false
        // Fill far enough to see the magic number: a read may return fewer bytes than asked.
        var failure: String?
        while rawEnd < 2 && !atEOF && failure == nil { failure = Self.fill(fd: fd, into: &raw, end: &rawEnd, atEOF: &atEOF) }
        if let failure {
            close(fd)
            throw .unreadable(path: path, reason: failure)
        }
        let isGzip = rawEnd >= 2 && raw[0] == 0x1F && raw[1] == 0x8B
        var inflater: Inflater?
        if isGzip {
            inflater = Inflater(format: .gzip)
            if inflater == nil {
                close(fd)
                throw .unreadable(path: path, reason: "zlib could not allocate its state")
            }
        }
        self.fd = fd
        self.path = path
        self.maxDecompressedBytes = maxDecompressedBytes
        self.raw = raw
        self.rawEnd = rawEnd
        self.atEOF = atEOF
        self.isGzip = isGzip
        self.inflater = inflater
        scratch = isGzip ? [UInt8](repeating: 0, count: chunkBytes) : []
    }

    deinit {
        close(fd)
    }

    /// Appends the next bytes of the file (decompressed if gzip) to `buffer`.
    ///
    /// - Returns: `false` at the end of the input, with nothing appended.
    /// - Throws: ``InputFormatError/unreadable(path:reason:)``, ``InputFormatError/truncated(_:detail:)``,
    ///   ``InputFormatError/decompressionLimit(_:limit:)`` (after which the input is over) or
    ///   ``InputFormatError/corruptGzip(_:reason:)`` (after which reading continues at the next member).
    public mutating func read(appendingTo buffer: inout [UInt8]) throws(InputFormatError) -> Bool {
        switch readChunk(appendingTo: &buffer) {
        case .data: return true
        case .end: return false
        case let .failure(failure):
            throw error(for: failure, at: InputLocation(path: path, offset: offset, memberOffset: isGzip ? currentMemberOffset : nil))
        }
    }

    /// The ``InputFormatError`` for a ``Failure`` at `location`.
    func error(for failure: Failure, at location: InputLocation) -> InputFormatError {
        switch failure {
        case let .io(reason): .unreadable(path: path, reason: reason)
        case .truncated: .truncated(location, detail: "the file ends inside a gzip member")
        case let .corrupt(reason): .corruptGzip(location, reason: reason)
        case .overLimit: .decompressionLimit(location, limit: maxDecompressedBytes)
        }
    }

    /// The file offset of the gzip member that produced output byte `outputOffset`,
    /// if it is still remembered (see ``forgetMembers(before:)``); `nil` for plain files.
    func memberOffset(containing outputOffset: Int) -> Int? {
        guard isGzip else { return nil }
        // Few entries: members that started after the consumer's current position.
        return memberStarts.last(where: { $0.output <= outputOffset })?.file ?? memberStarts.first?.file
    }

    /// Drops the member starts that no output at or after `outputOffset` can belong to.
    mutating func forgetMembers(before outputOffset: Int) {
        guard let keepFrom = memberStarts.lastIndex(where: { $0.output <= outputOffset }), keepFrom > 0 else { return }
        memberStarts.removeFirst(keepFrom)
    }

    /// Limits the output from `start` on to `bytes` more bytes, replacing the per-member limit.
    ///
    /// The WARC reader calls this at each record, so the bomb guard counts per
    /// record, both in a file gzipped as one member (`gzip file.warc`) and in
    /// one made of many small members that no record header accounts for; and
    /// it widens the limit for a record whose `Content-Length` says it is larger.
    mutating func limitDecompression(from start: Int, allowing bytes: Int) {
        guard isGzip else { return }
        budgetPerMember = false
        budgetEnd = bytes > Int.max - start ? Int.max : start + bytes
    }

    /// Appends the next chunk; see ``ChunkResult``.
    mutating func readChunk(appendingTo out: inout [UInt8]) -> ChunkResult {
        guard let inflater else { return readPlain(appendingTo: &out) }
        while true {
            switch state {
            case .finished:
                return .end
            case .betweenMembers:
                if rawEnd - rawStart < 2 && !atEOF {
                    if let failure = refill() { return .failure(failure) }
                    continue
                }
                if rawStart == rawEnd {
                    state = .finished
                    return .end
                }
                if raw[rawStart] == 0x1F && rawEnd - rawStart >= 2 && raw[rawStart + 1] == 0x8B {
                    inflater.reset()
                    currentMemberOffset = rawOffset + rawStart
                    memberStarts.append((output: offset, file: currentMemberOffset))
                    // Bounded even for a caller that never calls forgetMembers(before:).
                    if memberStarts.count > 1024 { memberStarts.removeFirst(512) }
                    if budgetPerMember {
                        budgetEnd = maxDecompressedBytes > Int.max - offset ? Int.max : offset + maxDecompressedBytes
                    }
                    state = .inflating
                } else if raw[rawStart] == 0 {
                    rawStart += 1  // zero padding after the last member, which gzip(1) also ignores
                } else {
                    currentMemberOffset = rawOffset + rawStart
                    resyncFloor = currentMemberOffset + 1
                    state = .resyncing
                    return .failure(.corrupt("bytes after a gzip member are not another gzip member"))
                }
            case .resyncing:
                if let found = findMemberHeader() {
                    rawStart = found
                    state = .betweenMembers
                } else {
                    // Keep the last 3 bytes: a header may straddle the chunk boundary.
                    rawStart = max(rawStart, rawEnd - 3)
                    if atEOF {
                        state = .finished
                        return .end
                    }
                    if let failure = refill() { return .failure(failure) }
                }
            case .inflating:
                if rawStart == rawEnd {
                    if atEOF {
                        state = .finished
                        return .failure(.truncated)
                    }
                    if let failure = refill() { return .failure(failure) }
                    continue
                }
                // One byte of room past the budget is enough to see it exceeded.
                let allowance = budgetEnd - offset
                let room = allowance >= scratch.count ? scratch.count : allowance + 1
                let step = raw.withUnsafeBytes { input in
                    scratch.withUnsafeMutableBytes { output in
                        inflater.inflate(UnsafeRawBufferPointer(rebasing: input[rawStart..<rawEnd]),
                                         into: UnsafeMutableRawBufferPointer(rebasing: output[..<room]))
                    }
                }
                rawStart += step.consumed
                if case let .failure(message) = step.status {
                    // The damaged member's last output is dropped with it.
                    resyncFloor = currentMemberOffset + 1
                    state = .resyncing
                    return .failure(.corrupt(message))
                }
                if step.produced > allowance {
                    state = .finished
                    return .failure(.overLimit)
                }
                if step.status == .streamEnd { state = .betweenMembers }
                if step.produced > 0 {
                    out.append(contentsOf: scratch[..<step.produced])
                    offset += step.produced
                    return .data
                }
            }
        }
    }

    private mutating func readPlain(appendingTo out: inout [UInt8]) -> ChunkResult {
        if rawStart == rawEnd {
            if atEOF { return .end }
            if let failure = refill() { return .failure(failure) }
            if rawStart == rawEnd { return .end }
        }
        out.append(contentsOf: raw[rawStart..<rawEnd])
        offset += rawEnd - rawStart
        rawStart = rawEnd
        return .data
    }

    /// Index in `raw` of the next plausible gzip member header at or after
    /// `resyncFloor`: `1f 8b 08` (deflate) and a flag byte with the reserved
    /// bits clear, which makes a false match inside compressed data rare.
    private func findMemberHeader() -> Int? {
        var index = max(rawStart, resyncFloor - rawOffset)
        while index + 3 < rawEnd {
            if raw[index] == 0x1F && raw[index + 1] == 0x8B && raw[index + 2] == 0x08 && raw[index + 3] & 0xE0 == 0 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Moves the unused bytes to the front of `raw` and reads more after them.
    private mutating func refill() -> Failure? {
        if rawStart > 0 {
            let pending = rawEnd - rawStart
            raw.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                memmove(base, base + rawStart, pending)
            }
            rawOffset += rawStart
            rawStart = 0
            rawEnd = pending
        }
        return Self.fill(fd: fd, into: &raw, end: &rawEnd, atEOF: &atEOF).map(Failure.io)
    }

    /// One `read(2)` into `buffer[end...]`; returns the system's message on failure.
    private static func fill(fd: Int32, into buffer: inout [UInt8], end: inout Int, atEOF: inout Bool) -> String? {
        let room = buffer.count - end
        precondition(room > 0, "InputFile: refill with a full buffer")
        while true {
            let count = buffer.withUnsafeMutableBytes { bytes in
                systemRead(fd, bytes.baseAddress.map { $0 + end }, room)
            }
            if count > 0 {
                end += count
                return nil
            }
            if count == 0 {
                atEOF = true
                return nil
            }
            if errno != EINTR { return String(cString: strerror(errno)) }
        }
    }
}

/// `read(2)`, under a name the types' own `read` methods do not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
