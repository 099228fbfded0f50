import Foundation
import SitrepCore

/// Splits a byte stream into lines, in constant memory.
///
/// Reads fixed-size chunks with `read(2)` (`FileHandle.bytes` does not exist
/// on Linux) and hands out each line without its `\n` or `\r\n`. A line longer
/// than `maxLineBytes` is not buffered: its bytes are skipped and it comes out
/// as ``Line/oversized(bytes:)``, so one huge line cannot exhaust memory.
struct LineReader {
    enum Line {
        case text([UInt8])
        case oversized(bytes: Int)
    }

    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var chunk: [UInt8]
    private var atEOF = false
    private var skipping = false
    private var skippedBytes = 0
    /// Where the newline search resumes: bytes before it hold no `\n`.
    private var scanFrom = 0

    /// - Parameters:
    ///   - fd: the file descriptor to read (0 for standard input).
    ///   - chunkSize: bytes per `read(2)`; tests use tiny chunks to drip-feed.
    init(fd: Int32, maxLineBytes: Int, chunkSize: Int = 1 << 20) {
        precondition(chunkSize > 0 && maxLineBytes > 0)
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        self.chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next line, or `nil` at end of input.
    ///
    /// - Throws: ``InputError`` when `read(2)` fails.
    mutating func readLine() throws -> Line? {
        while true {
            // Look for a newline in what is buffered.
            if let newline = Self.firstNewline(in: buffer, from: max(bufferStart, scanFrom)) {
                if skipping {
                    let total = skippedBytes + (newline - bufferStart)
                    bufferStart = newline + 1
                    skipping = false
                    skippedBytes = 0
                    return .oversized(bytes: total)
                }
                var end = newline
                if end > bufferStart && buffer[end - 1] == 0x0D { end -= 1 }
                let start = bufferStart
                bufferStart = newline + 1
                if end - start > maxLineBytes { return .oversized(bytes: end - start) }
                return .text(Array(buffer[start..<end]))
            }
            scanFrom = buffer.count
            let pending = buffer.count - bufferStart
            if skipping {
                skippedBytes += pending
                buffer.removeAll(keepingCapacity: true)
                bufferStart = 0
            } else if pending > maxLineBytes {
                skipping = true
                skippedBytes = pending
                buffer.removeAll(keepingCapacity: true)
                bufferStart = 0
            } else if bufferStart > 0 {
                buffer.removeFirst(bufferStart)
                bufferStart = 0
            }
            scanFrom = buffer.count
            if atEOF {
                if skipping {
                    skipping = false
                    return .oversized(bytes: skippedBytes)
                }
                if buffer.isEmpty { return nil }
                var line = buffer
                if line.last == 0x0D { line.removeLast() }
                buffer.removeAll()
                return .text(line)
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable("input", String(cString: strerror(errno)))
            }
            if n == 0 { atEOF = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }

    /// Whether ``readLine()`` can return at once, without waiting for input: a whole
    /// line is buffered, or the input has ended. A batching reader stops a batch
    /// here rather than hold back the lines it has while a slow writer pauses.
    mutating func hasBufferedLine() -> Bool {
        if atEOF { return true }
        // Either way the search is not made again: the next `readLine()` starts
        // where this one stopped.
        if let newline = Self.firstNewline(in: buffer, from: max(bufferStart, scanFrom)) {
            scanFrom = newline
            return true
        }
        scanFrom = buffer.count
        return false
    }

    /// The index of the first `\n` at or after `start`, found with `memchr`
    /// (this loop sees every input byte).
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { $0.firstOffset(of: 0x0A, from: start, to: $0.count) }
    }
}
