import Foundation
import FuzzSupport
import SitrepInputs
import SitrepStages

/// Fuzzes the WARC readers on whole files (plain or gzip, found by the magic
/// number): `WARCReader` record framing, resynchronization after damage and
/// gzip members; `HTTPResponse` parsing with chunked and gzip/deflate bodies;
/// `WARCArticleReader`'s filtering; and `HTMLExtractor.decodePage` on each
/// article body with its HTTP charset, as `sitrep ingest` does. The input is
/// written to a file because the readers stream from a path. Small read
/// chunks and limits put buffer edges and limit checks inside tiny inputs.
/// Checks that every `next()` call makes progress (no endless loop).

/// One file per process, rewritten for every input.
private let path: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/sitrep-fuzz-\(ProcessInfo.processInfo.processIdentifier).warc"
}()

/// Tiny chunks (the minimum, 16 bytes) and limits for even-length inputs, roomier ones for odd.
private let limitSets = [
    WARCLimits(maxRecordBytes: 4096, maxHeaderBytes: 512, maxDecompressedRecordBytes: 8192, chunkBytes: 16),
    WARCLimits(maxRecordBytes: 256 << 10, maxHeaderBytes: 16 << 10, maxDecompressedRecordBytes: 1 << 20, chunkBytes: 4096),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 256 << 10) else { return -1 }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        preconditionFailure("cannot write the fuzz input to \(path)")
    }
    let limits = limitSets[size % limitSets.count]
    // Each call consumes at least one byte or ends the file, so there can be
    // no more calls than bytes (plus the final nil).
    let maxCalls = size + 2

    do {
        var reader = try WARCReader(path: path, limits: limits)
        var calls = 0
        while true {
            calls += 1
            precondition(calls <= maxCalls, "WARCReader.next() made no progress on a \(size)-byte input")
            do {
                guard let record = try reader.next() else { break }
                if record.type == "response" {
                    _ = try? HTTPResponse(parsing: record, limits: limits)
                }
            } catch {
                continue  // reported per record; the reader decides whether more can be read
            }
        }
    } catch {
        preconditionFailure("WARCReader could not open its own file: \(error)")
    }

    do {
        var articles = try WARCArticleReader(path: path, limits: limits)
        var calls = 0
        while true {
            calls += 1
            precondition(calls <= maxCalls, "WARCArticleReader.next() made no progress on a \(size)-byte input")
            do {
                guard let article = try articles.next() else { break }
                let page = HTMLExtractor.decodePage(article.response.body, transportCharset: article.response.charset)
                FuzzCheck.utf8(Array(page.utf8), "decodePage of a WARC body")
            } catch {
                continue
            }
        }
    } catch {
        preconditionFailure("WARCArticleReader could not open its own file: \(error)")
    }
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzWARC {
    static func main() {
        FuzzDriver.run(fuzzWARC)
    }
}
