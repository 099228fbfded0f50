import Foundation
import SitrepCore
import SitrepStages

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

    /// Reads `path` as a web page: decoded as a browser would (byte order
    /// mark, `<meta charset>` or `http-equiv` declaration, else UTF-8 when
    /// valid, else Windows-1252), so a page saved in a legacy charset reads
    /// right instead of being refused. Compressed, empty and binary files are
    /// still refused.
    static func readPage(path: String, maxBytes: Int) throws -> String {
        let bytes = try readBytes(path: path, maxBytes: maxBytes)
        return try decodePage(bytes, name: path == "-" ? "standard input" : path)
    }

    /// Decodes raw bytes as a web page (see ``readPage(path:maxBytes:)``).
    static func decodePage(_ bytes: [UInt8], name: String) throws -> String {
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        // UTF-16 holds NUL bytes in every ASCII character; the page decoder reads its BOM.
        try refuseNonText(bytes[...], name: name, allowNUL: utf16)
        return HTMLExtractor.decodePage(bytes)
    }

    /// What no input can be, page or text: compressed, blank, or binary (a NUL
    /// byte; its offset counts from the start of the file, as slice indices do).
    private static func refuseNonText(_ body: ArraySlice<UInt8>, name: String, allowNUL: Bool = false) throws {
        if body.starts(with: [0x1F, 0x8B]) { throw InputError.compressed(name) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw InputError.empty(name) }
        if !allowNUL, let nul = body.firstIndex(of: 0) { throw InputError.binary(name, offset: nul) }
    }

    /// Whether raw bytes start like a web page (after a byte order mark and
    /// whitespace): a doctype, `<html>`, `<head>` or a comment.
    static func looksLikePage(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 with a byte order mark: look at every other byte.
            let ascii = stride(from: bytes[0] == 0xFF ? 2 : 3, to: min(bytes.count, 160), by: 2).map { bytes[$0] }
            return DocumentInputOptions.looksLikeHTML(String(decoding: ascii, as: UTF8.self))
        }
        var head = bytes.prefix(256)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        return DocumentInputOptions.looksLikeHTML(String(decoding: head, as: UTF8.self))
    }

    /// Reads an input that may be a page: pages (by `kind`, or sniffed for
    /// `auto`) are decoded by their charset, everything else must be UTF-8.
    static func readInput(path: String, maxBytes: Int, kind: DocumentInputOptions.Kind) throws -> String {
        let bytes = try readBytes(path: path, maxBytes: maxBytes)
        let name = path == "-" ? "standard input" : path
        if kind == .html || (kind == .auto && looksLikePage(bytes)) { return try decodePage(bytes, name: name) }
        return try decode(bytes, name: name)
    }

    /// Validates raw bytes as text input.
    static func decode(_ bytes: [UInt8], name: String) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) { throw InputError.utf16(name) }
        try refuseNonText(body, name: name)
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
