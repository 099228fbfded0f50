import CZlib

/// One zlib inflate stream, fed and drained by the caller.
///
/// A class, not a struct: zlib's internal state keeps a pointer back to its
/// `z_stream` and refuses to work (`Z_STREAM_ERROR`) once the stream has
/// moved, so the `z_stream` is allocated once and never copied.
final class Inflater {
    /// The container around the deflate data.
    enum Format {
        /// RFC 1952 gzip (`.warc.gz`, `Content-Encoding: gzip`).
        case gzip
        /// RFC 1950 zlib, what `Content-Encoding: deflate` means by the letter of the spec.
        case zlib
        /// Headerless RFC 1951 deflate, what many servers send as `deflate` anyway.
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: 16 + MAX_WBITS  // +16: expect a gzip header and trailer
            case .zlib: MAX_WBITS
            case .raw: -MAX_WBITS
            }
        }
    }

    /// What one ``inflate(_:into:)`` call ended with.
    enum Status: Equatable {
        /// All input was used or the output is full; call again with more of either.
        case progress
        /// The end of the stream (for gzip: of one member) was reached.
        case streamEnd
        /// zlib rejected the data; `message` is zlib's own.
        case failure(message: String)
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// Returns `nil` only when zlib cannot allocate its state.
    init?(format: Format) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_inflate_init2(stream, format.windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Readies the stream for a new member or message, keeping its memory.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates from `input` into `output`.
    ///
    /// - Returns: the input bytes used, the output bytes written, and how it ended.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> (consumed: Int, produced: Int, status: Status)
    {
        guard let outBase = output.baseAddress, output.count > 0 else { return (0, 0, .progress) }
        // zlib's `next_in` is not const-qualified in this build, but inflate never writes through it.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch code {
        case Z_OK, Z_BUF_ERROR:
            // Z_BUF_ERROR only means "no progress possible": more input or more room is needed.
            return (consumed, produced, .progress)
        case Z_STREAM_END:
            return (consumed, produced, .streamEnd)
        case Z_NEED_DICT:
            return (consumed, produced, .failure(message: "the stream needs a preset dictionary"))
        case Z_MEM_ERROR:
            return (consumed, produced, .failure(message: "zlib is out of memory"))
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            return (consumed, produced, .failure(message: message))
        }
    }
}

/// Whole-buffer decompression, for HTTP bodies and other bytes already in memory.
public enum Gzip {
    /// Why ``inflate(_:format:limit:allowTruncated:)`` failed.
    enum Failure: Error, Equatable {
        case corrupt(String)
        case truncated
        case overLimit
    }

    /// Whether `bytes` start with the gzip magic number `1f 8b`.
    public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Gunzips `bytes`, including files of several concatenated members.
    ///
    /// - Parameters:
    ///   - bytes: the whole gzip data.
    ///   - limit: the most decompressed bytes to produce (a guard against gzip bombs).
    ///   - origin: names the data in errors.
    /// - Throws: ``InputFormatError/corruptGzip(_:reason:)``, ``InputFormatError/truncated(_:detail:)``
    ///   or ``InputFormatError/decompressionLimit(_:limit:)``, located at `origin`, offset 0.
    public static func decompress(_ bytes: [UInt8], limit: Int = 64 << 20, origin: String) throws(InputFormatError) -> [UInt8] {
        let location = InputLocation(path: origin, offset: 0)
        switch inflate(bytes, format: .gzip, limit: limit, allowTruncated: false) {
        case let .success(result): return result.output
        case let .failure(.corrupt(reason)): throw .corruptGzip(location, reason: reason)
        case .failure(.truncated): throw .truncated(location, detail: "the gzip data ends inside a member")
        case .failure(.overLimit): throw .decompressionLimit(location, limit: limit)
        }
    }

    /// Inflates `bytes` in the given format.
    ///
    /// gzip data may hold several members, one after the other; they are
    /// decompressed in turn. With `allowTruncated`, data that stops before the
    /// end of the stream yields what was decompressed so far with `complete`
    /// false (a crawler that cut a download short); without it, that is a failure.
    static func inflate(_ bytes: [UInt8], format: Inflater.Format, limit: Int, allowTruncated: Bool)
        -> Result<(output: [UInt8], complete: Bool), Failure>
    {
        guard let inflater = Inflater(format: format) else { return .failure(.corrupt("zlib could not allocate its state")) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 4))
        var scratch = [UInt8](repeating: 0, count: 64 << 10)
        var position = 0
        while true {
            let room = min(scratch.count, limit - output.count + 1)  // one byte of room past the limit detects going over
            let step = bytes.withUnsafeBytes { input in
                scratch.withUnsafeMutableBytes { out in
                    inflater.inflate(UnsafeRawBufferPointer(rebasing: input[position...]),
                                     into: UnsafeMutableRawBufferPointer(rebasing: out[..<room]))
                }
            }
            position += step.consumed
            output.append(contentsOf: scratch[..<step.produced])
            if output.count > limit { return .failure(.overLimit) }
            switch step.status {
            case let .failure(message):
                return .failure(.corrupt(message))
            case .streamEnd:
                // Another gzip member may follow; anything else after the stream is ignored,
                // as gzip(1) ignores trailing zero padding.
                guard format == .gzip, hasMagic(bytes[position...]) else { return .success((output, true)) }
                inflater.reset()
            case .progress:
                if position == bytes.count && step.produced < room {
                    // All input is used and zlib did not fill the room it had: the data ends early.
                    return allowTruncated ? .success((output, false)) : .failure(.truncated)
                }
            }
        }
    }
}
