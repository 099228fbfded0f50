import Foundation

/// Buffered writes to a file descriptor with `write(2)`.
///
/// A closed pipe (`sitrep process < big.jsonl | head`) ends the program with
/// status 0, the Unix convention ripgrep follows, instead of a crash on SIGPIPE.
struct OutputWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold: Int

    init(fd: Int32 = 1, flushThreshold: Int = 1 << 20) {
        self.fd = fd
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 4096)
        OutputWriter.ignoreSIGPIPE()
    }

    /// Make write(2) return EPIPE instead of killing the process.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { try flush() }
    }

    mutating func writeLine(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { try flush() }
    }

    mutating func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw InputError(status: .ioError, description: "cannot write output: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The reader of our output went away; stop quietly with status 0.
struct BrokenPipe: Error {}

/// Writes a message to standard error, prefixed with `sitrep: `.
func printError(_ message: String) {
    var line = "sitrep: " + message + "\n"
    line.withUTF8 { buffer in _ = Foundation.write(2, buffer.baseAddress, buffer.count) }
}

/// Whether colour should be used on a descriptor: a terminal, and `NO_COLOR` unset.
func terminalSupportsColor(fd: Int32) -> Bool {
    isatty(fd) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
}
