import Foundation
import SitrepCore

/// Reads one whole input (a file or standard input) as UTF-8 text, refusing
/// what is not text with an ``InputError`` that says what to do.
enum InputReader {
    /// Default limit on one input, in bytes (64 MiB: far above any real article).
    static let defaultMaxBytes = 64 << 20

    /// Reads `path` (or standard input for `-`) and checks that it is non-empty UTF-8 text.
    ///
    /// A UTF-8 byte-order mark is dropped.
    static func readText(path: String, maxBytes: Int) throws -> String {
        let bytes = try readBytes(path: path, maxBytes: maxBytes)
        return try decode(bytes, name: path == "-" ? "standard input" : path)
    }

    /// Validates raw bytes as text input.
    static func decode(_ bytes: [UInt8], name: String) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0x1F, 0x8B]) { throw InputError.compressed(name) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) { throw InputError.utf16(name) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw InputError.empty(name) }
        if let nul = body.firstIndex(of: 0) { throw InputError.binary(name, offset: nul) }
        if let bad = UTF8Validation.firstInvalidOffset(Array(body)) {
            throw InputError.invalidUTF8(name, offset: bad + body.startIndex)
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Reads up to `maxBytes` bytes; more is an error, not a silent truncation.
    static func readBytes(path: String, maxBytes: Int) throws -> [UInt8] {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputError.notFound(path) }
            if isDirectory.boolValue { throw InputError.unreadable(path, "it is a directory") }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw InputError.unreadable(path, String(cString: strerror(errno))) }
        }
        defer { if fd != 0 { close(fd) } }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path == "-" ? "standard input" : path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            if result.count + n > maxBytes { throw InputError.tooLarge(path == "-" ? "standard input" : path, limit: maxBytes) }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }
}
