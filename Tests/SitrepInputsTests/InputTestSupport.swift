import CZlib
import SitrepInputs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary directory for one test, removed with its files when the value is released.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/sitrep-inputs-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        precondition(created != nil, "mkdtemp failed")
        path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }

    /// Writes `bytes` to `name` in the directory and returns the file's path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(file)")
        var written = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = systemWrite(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
                precondition(count > 0, "write failed")
                written += count
            }
        }
        close(fd)
        return file
    }
}

/// `write(2)`, under a name the helpers' own `write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// Compresses `bytes` with zlib: one gzip member (`.gzip`), a zlib stream or raw deflate.
func deflateBytes(_ bytes: [UInt8], windowBits: Int32 = 16 + 15, level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    // The stream stays in this frame while zlib works, so its address is stable.
    return withUnsafeMutablePointer(to: &stream) { pointer in
        precondition(czlib_deflate_init2(pointer, level, windowBits) == Z_OK)
        defer { deflateEnd(pointer) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(pointer, UInt(bytes.count))) + 64)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                pointer.pointee.next_in = inBuffer.baseAddress
                pointer.pointee.avail_in = UInt32(inBuffer.count)
                pointer.pointee.next_out = outBuffer.baseAddress
                pointer.pointee.avail_out = UInt32(outBuffer.count)
                precondition(deflate(pointer, Z_FINISH) == Z_STREAM_END)
                return outBuffer.count - Int(pointer.pointee.avail_out)
            }
        }
        return Array(output[..<produced])
    }
}

/// A gzip member of `count` zero bytes, compressed chunk by chunk so the test
/// never holds the decompressed size in memory.
func gzipZeros(count: Int) -> [UInt8] {
    var stream = z_stream()
    return withUnsafeMutablePointer(to: &stream) { pointer in
        precondition(czlib_deflate_init2(pointer, 9, 16 + 15) == Z_OK)
        defer { deflateEnd(pointer) }
        var zeros = [UInt8](repeating: 0, count: 1 << 20)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = count
        while true {
            let take = min(remaining, zeros.count)
            remaining -= take
            let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
            zeros.withUnsafeMutableBufferPointer { inBuffer in
                pointer.pointee.next_in = inBuffer.baseAddress
                pointer.pointee.avail_in = UInt32(take)
                repeat {
                    let produced = chunk.withUnsafeMutableBufferPointer { outBuffer in
                        pointer.pointee.next_out = outBuffer.baseAddress
                        pointer.pointee.avail_out = UInt32(outBuffer.count)
                        _ = deflate(pointer, flush)
                        return outBuffer.count - Int(pointer.pointee.avail_out)
                    }
                    output.append(contentsOf: chunk[..<produced])
                } while pointer.pointee.avail_out == 0
            }
            if remaining == 0 { return output }
        }
    }
}

/// One WARC record as a writer would emit it: version line, header, CRLF, block, CRLF CRLF.
func warcRecord(
    type: String, uri: String? = "http://news.example/ruritania/talks", date: String = "2026-03-03T14:05:00Z",
    id: String = "<urn:uuid:00000000-0000-4000-8000-000000000001>", contentType: String? = nil,
    block: [UInt8], version: String = "1.1", extraHeaders: [String] = [], contentLength: Int? = nil
) -> [UInt8] {
    var header = "WARC/\(version)\r\nWARC-Type: \(type)\r\nWARC-Date: \(date)\r\nWARC-Record-ID: \(id)\r\n"
    if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
    if let contentType { header += "Content-Type: \(contentType)\r\n" }
    for line in extraHeaders { header += line + "\r\n" }
    header += "Content-Length: \(contentLength ?? block.count)\r\n\r\n"
    return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
}

/// An HTTP/1.1 response message: status line, headers, blank line, body.
func httpResponse(status: String = "200 OK", headers: [String] = ["Content-Type: text/html; charset=UTF-8"], body: [UInt8]) -> [UInt8] {
    var head = "HTTP/1.1 \(status)\r\n"
    for line in headers { head += line + "\r\n" }
    head += "\r\n"
    return Array(head.utf8) + body
}

/// A `response` record holding `http`.
func responseRecord(_ http: [UInt8], uri: String = "http://news.example/ruritania/talks", extraHeaders: [String] = []) -> [UInt8] {
    warcRecord(type: "response", uri: uri, contentType: "application/http; msgtype=response", block: http, extraHeaders: extraHeaders)
}

/// Chunked transfer coding of `body` in pieces of `size` bytes.
func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
    var out: [UInt8] = []
    var index = 0
    while index < body.count {
        let piece = body[index..<min(body.count, index + size)]
        out += Array((String(piece.count, radix: 16) + ";ext=1\r\n").utf8) + piece + Array("\r\n".utf8)
        index += size
    }
    return out + Array("0\r\n\r\n".utf8)
}

/// Every record of a WARC file, and every error met on the way, in order.
enum WARCEvent: Equatable {
    case record(type: String, uri: String?, block: [UInt8])
    case error(InputFormatError)
}

func readAll(_ path: String, limits: WARCLimits = .standard) throws -> [WARCEvent] {
    var reader = try WARCReader(path: path, limits: limits)
    var events: [WARCEvent] = []
    // A reader that never ends would hang the test; no test file has this many records.
    for _ in 0..<1000 {
        do {
            guard let record = try reader.next() else { return events }
            events.append(.record(type: record.type, uri: record.targetURI, block: record.block))
        } catch {
            events.append(.error(error))
        }
    }
    preconditionFailure("the reader did not end")
}

/// The peak resident set size of this process, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss  // bytes on Darwin
    #endif
}

let articleHTML = Array("""
    <!DOCTYPE html><html><head><title>Ruritania talks</title></head>
    <body><article><p>Officials in Ruritania said on Tuesday that talks with Freedonia would resume.</p></article></body></html>
    """.utf8)
