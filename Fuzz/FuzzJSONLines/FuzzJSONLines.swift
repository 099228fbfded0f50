import FuzzSupport
import SitrepCore
import SitrepStages

/// Fuzzes the JSON-lines interface the way `sitrep process` runs it: the input
/// is cut into lines (a trailing CR dropped), and each line goes through
/// `InterchangeProcessor` — `JSONReader`, `InterchangeRequest` validation and
/// date normalization, extraction of `html`, `text` or `tokens`, sentences,
/// tokens and times, then `InterchangeEncoder` with token spans. Checks that
/// every output line is itself one valid JSON object (code-point offsets,
/// escaping, numbers) with the input's `id` or an `error`, and that the
/// lines run together as one batch, stage by stage, give the same bytes.

private let processor: InterchangeProcessor = {
    do {
        let pipeline = try Pipeline([ExtractStage(), SentenceStage(), TokenStage(), TimeStage()])
        return InterchangeProcessor(pipeline: pipeline, options: .init(includeTokens: true))
    } catch {
        preconditionFailure("the fuzz pipeline does not chain: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 64 << 10) else { return -1 }
    var lineNumber = 0
    var outputs: [InterchangeProcessor.Output] = []
    var prepared: [InterchangeProcessor.Prepared] = []
    for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineNumber += 1
        if line.last == 0x0D { line.removeLast() }
        let output = processor.process(line: Array(line), lineNumber: lineNumber)
        outputs.append(output)
        prepared.append(processor.prepare(line: Array(line), lineNumber: lineNumber))
        FuzzCheck.utf8(output.bytes, "InterchangeProcessor output")
        precondition(!output.bytes.contains(0x0A), "InterchangeProcessor output spans more than one line")
        let value: JSONValue
        do {
            value = try JSONReader.read(output.bytes)
        } catch {
            preconditionFailure("InterchangeProcessor wrote invalid JSON (\(error)) for line \(lineNumber)")
        }
        precondition(value["error"] != nil || value["article"] != nil, "output line \(lineNumber) has neither an article nor an error")
    }
    let batch = processor.process(prepared)
    precondition(batch.map(\.bytes) == outputs.map(\.bytes), "the lines run as one batch gave other output than each line alone")
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzJSONLines {
    static func main() {
        FuzzDriver.run(fuzzJSONLines)
    }
}
