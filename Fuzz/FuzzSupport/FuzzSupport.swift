import CFuzzerDriver
import SitrepCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point of every fuzz target.
///
/// SwiftPM renames a Swift executable's `main` (so tests can link it) and
/// points the linker's `main` at it, which hides libFuzzer's own `main`; so
/// each target has an `@main` type that calls ``run(_:)``, and libFuzzer's
/// driver takes over from there with the usual flags (`-max_total_time=600`,
/// a corpus folder, a crash file to replay).
public enum FuzzDriver {
    /// Runs libFuzzer on `testOneInput` with the process's arguments, then exits with its status.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}

/// What every fuzz target shares: turning libFuzzer's buffer into bytes, and
/// the invariant checks whose failure is a finding (they trap, so libFuzzer
/// saves the input).
public enum FuzzInput {
    /// The input as bytes, or nil when it is longer than `limit` (the target
    /// then returns -1, so libFuzzer keeps it out of the corpus).
    ///
    /// libFuzzer may pass a null pointer with size 0; that is the empty input.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int, limit: Int) -> [UInt8]? {
        guard size <= limit else { return nil }
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Splits `bytes` at its first `\n`: the line before it (without the
    /// terminator) and everything after; no newline gives an empty head.
    public static func splitFirstLine(_ bytes: [UInt8]) -> (head: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return (bytes[0..<0], bytes[...]) }
        return (bytes[..<newline], bytes[(newline + 1)...])
    }
}

/// Invariant checks from the document model (spans in bounds, on scalar
/// boundaries, sorted): a violation traps with a message naming the layer.
public enum FuzzCheck {
    /// Traps unless every span of `spans` lies inside `text` (UTF-8 bytes,
    /// half-open) with both ends on scalar boundaries, and, when `ordered`,
    /// the spans are sorted and do not overlap.
    public static func spans(_ spans: [TextSpan], in text: String, ordered: Bool, _ layer: StaticString) {
        let utf8 = Array(text.utf8)
        func onBoundary(_ offset: Int) -> Bool { offset == utf8.count || utf8[offset] & 0xC0 != 0x80 }
        var previousEnd = 0
        for span in spans {
            precondition(span.start >= 0 && span.start <= span.end && span.end <= utf8.count,
                         "\(layer): span \(span.start)..<\(span.end) outside the text's \(utf8.count) bytes")
            precondition(onBoundary(span.start) && onBoundary(span.end),
                         "\(layer): span \(span.start)..<\(span.end) cuts a UTF-8 sequence")
            if ordered {
                precondition(span.start >= previousEnd, "\(layer): span \(span.start)..<\(span.end) overlaps the one before (ending at \(previousEnd))")
                previousEnd = span.end
            }
        }
    }

    /// Traps unless `paragraphs` are the extractor's promise: sorted spans on
    /// scalar boundaries whose texts, joined by `"\n\n"`, are `text` exactly.
    public static func paragraphs(_ paragraphs: [TextSpan], of text: String, _ what: StaticString) {
        spans(paragraphs, in: text, ordered: true, what)
        let utf8 = Array(text.utf8)
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(utf8.count)
        for (index, span) in paragraphs.enumerated() {
            if index > 0 { rebuilt += [0x0A, 0x0A] }
            rebuilt += utf8[span.start..<span.end]
        }
        precondition(rebuilt == utf8, "\(what): the text is not its paragraphs joined by a blank line")
    }

    /// Traps unless `bytes` is valid UTF-8 (output that must be text).
    public static func utf8(_ bytes: [UInt8], _ what: StaticString) {
        precondition(String(validating: bytes, as: UTF8.self) != nil, "\(what): not valid UTF-8")
    }
}
