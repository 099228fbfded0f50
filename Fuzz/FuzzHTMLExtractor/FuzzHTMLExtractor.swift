import FuzzSupport
import SitrepStages

/// Fuzzes the HTML extractor on raw page bytes: charset detection and
/// decoding (`HTMLExtractor.decodePage`, with a transport charset picked from
/// the input's length), the prefilter, libxml2's parse, the layout walk, the
/// cascade and the metadata readers. Checks the paragraph invariants.

private let extractor = HTMLExtractor()
/// Charsets an HTTP header might name: none, common ones, a multi-byte one,
/// UTF-16 and one no converter knows.
private let transportCharsets: [String?] = [nil, "utf-8", "windows-1252", "ISO-8859-1", "Shift_JIS", "UTF-16LE", "koi8-r", "x-unknown"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLExtractor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 256 << 10) else { return -1 }
    let page = extractor.extract(bytes: bytes, url: size % 2 == 0 ? "https://example.org/news/a.html" : nil)
    FuzzCheck.paragraphs(page.paragraphs, of: page.text, "HTMLExtractor.extract(bytes:)")
    let decoded = HTMLExtractor.decodePage(bytes, transportCharset: transportCharsets[size % transportCharsets.count])
    FuzzCheck.utf8(Array(decoded.utf8), "HTMLExtractor.decodePage")
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzHTMLExtractor {
    static func main() {
        FuzzDriver.run(fuzzHTMLExtractor)
    }
}
