import FuzzSupport
import SitrepCore
import SitrepStages

/// Fuzzes the scraped-text extractor (the `text` input) through `ExtractStage`,
/// as the pipeline runs it: line reading, the noise, cue, shape and repeat
/// rules, title, byline, date and zone finding, and the date adoption. Bytes
/// that are not UTF-8 become U+FFFD, as they would on the way in. Checks the
/// paragraph invariants on the resulting document.

private let stage = ExtractStage()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScrapedText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 128 << 10) else { return -1 }
    let page = String(decoding: bytes, as: UTF8.self)
    // Every other input also carries a caller's date, so the date adoption runs both ways.
    var doc = Document(id: "fuzz", input: .scrapedText(page), published: size % 2 == 0 ? "2026-03-03" : nil)
    do {
        try stage.process(&doc)
    } catch {
        preconditionFailure("ExtractStage threw on scraped text: \(error)")
    }
    FuzzCheck.paragraphs(doc.paragraphs, of: doc.text, "ExtractStage on scraped text")
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzScrapedText {
    static func main() {
        FuzzDriver.run(fuzzScrapedText)
    }
}
