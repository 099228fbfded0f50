import SitrepCore

/// A normalized UTF-8 view of a text that remembers, for every byte, where it
/// came from in the original.
///
/// The text layer (sentence splitting, tokenization) runs its hot loops on
/// ``bytes``, where typographic variants are folded into a few ASCII bytes, and
/// maps every result back with ``originalSpan(_:)`` so that stages only ever
/// store spans into the caller's text.
///
/// ## Mapping rules
///
/// | original | normalized |
/// | --- | --- |
/// | “ ” „ ‟ « » ″ (U+201C-U+201F, U+00AB, U+00BB, U+2033) | `"` |
/// | ‘ ’ ‚ ‛ ‹ › ′ (U+2018-U+201B, U+2039, U+203A, U+2032) | `'` |
/// | ‐ ‑ ‒ – — ― − (U+2010-U+2015, U+2212) | `-` (see ``isDash(at:)``) |
/// | tab, NBSP, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000 | space |
/// | a run of spaces (after the two rules above) | one space, mapped to the whole run |
/// | CR LF, lone CR, NEL (U+0085), U+2028, U+2029 | `\n` |
/// | soft hyphen U+00AD, U+200B-U+200D, U+2060, U+FEFF | removed |
/// | … (U+2026) | `...`, all three bytes mapped to the one character |
/// | anything else | copied byte for byte |
///
/// Every normalized byte maps to the original scalar (or run) it came from:
/// ``originalOffset(_:)`` gives the start of that source and
/// ``originalSpan(_:)`` widens a span to whole sources, so mapped spans always
/// lie on Unicode scalar boundaries of the original. Removed characters belong
/// to no normalized byte: a span mapped back covers those inside it, never
/// those at its edges. Newlines are never merged, so a blank line stays blank.
///
/// Text that needs no change (ASCII without tabs, CRs or double spaces) is not
/// copied into offset tables; the mapping is then the identity.
///
/// ```swift
/// let view = NormalizedText("“Yes” — he said…")
/// String(decoding: view.bytes, as: UTF8.self)   // "\"Yes\" - he said..."
/// view.originalSpan(TextSpan(start: 0, end: 5))  // 0..<9, the curly-quoted word
/// ```
///
/// ## Topics
/// - Views: ``bytes``, ``originalBytes``, ``isIdentity``
/// - Mapping back: ``originalOffset(_:)``, ``originalEnd(_:)``, ``originalSpan(_:)``
/// - Mapping forward: ``normalizedOffset(_:)``, ``normalizedSpan(_:)``
/// - Inspecting the source: ``isDash(at:)``, ``isSubstituted(at:)``
public struct NormalizedText: Sendable {
    /// The normalized text, UTF-8.
    public let bytes: [UInt8]
    /// The original text, UTF-8.
    public let originalBytes: [UInt8]
    /// `starts[i]` / `ends[i]`: the original byte range normalized byte `i` came from.
    /// Empty when the mapping is the identity.
    private let starts: [Int32]
    private let ends: [Int32]

    /// Whether the normalized bytes equal the original bytes.
    public var isIdentity: Bool { starts.isEmpty }

    /// Normalizes `text`.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`; two 32-bit offsets per
    ///   normalized byte unless the text needs no change.
    public init(_ text: String) {
        let original = Array(text.utf8)
        precondition(original.count < Int(Int32.max) / 2, "NormalizedText handles texts below 1 GiB, got \(original.count) bytes")
        originalBytes = original
        if !Self.needsWork(original) {
            bytes = original
            starts = []
            ends = []
            return
        }
        var out: [UInt8] = []
        var outStarts: [Int32] = []
        var outEnds: [Int32] = []
        out.reserveCapacity(original.count)
        outStarts.reserveCapacity(original.count)
        outEnds.reserveCapacity(original.count)
        // True while the last emitted byte is a space that further spaces fold into.
        var inSpaceRun = false

        @inline(__always) func emit(_ byte: UInt8, _ start: Int, _ end: Int) {
            out.append(byte)
            outStarts.append(Int32(truncatingIfNeeded: start))
            outEnds.append(Int32(truncatingIfNeeded: end))
        }
        @inline(__always) func emitSpace(_ start: Int, _ end: Int) {
            if inSpaceRun {
                outEnds[outEnds.count - 1] = Int32(truncatingIfNeeded: end)
            } else {
                emit(0x20, start, end)
                inSpaceRun = true
            }
        }

        let count = original.count
        var i = 0
        while i < count {
            let lead = original[i]
            if lead < 0x80 {
                switch lead {
                case 0x20, 0x09:
                    emitSpace(i, i + 1)
                    i += 1
                case 0x0D:
                    let end = i + 1 < count && original[i + 1] == 0x0A ? i + 2 : i + 1
                    emit(0x0A, i, end)
                    inSpaceRun = false
                    i = end
                default:
                    emit(lead, i, i + 1)
                    inSpaceRun = false
                    i += 1
                }
                continue
            }
            let length = UTF8Bytes.sequenceLength(lead)
            let end = min(i + length, count)
            let scalar = UTF8Bytes.decode(original, at: i, length: end - i)
            switch Self.rule(for: scalar) {
            case .copy:
                for k in i..<end { emit(original[k], i, end) }
                inSpaceRun = false
            case .replace(let byte):
                emit(byte, i, end)
                inSpaceRun = false
            case .space:
                emitSpace(i, end)
            case .newline:
                emit(0x0A, i, end)
                inSpaceRun = false
            case .remove:
                break
            case .ellipsis:
                emit(0x2E, i, end); emit(0x2E, i, end); emit(0x2E, i, end)
                inSpaceRun = false
            }
            i = end
        }
        bytes = out
        starts = outStarts
        ends = outEnds
    }

    /// The original byte offset where normalized byte `normalizedOffset` comes from;
    /// `bytes.count` maps to the original length.
    ///
    /// - Precondition: `0 <= normalizedOffset <= bytes.count`.
    /// - Returns: the start of the original scalar (or space run) behind that byte,
    ///   always a scalar boundary.
    public func originalOffset(_ normalizedOffset: Int) -> Int {
        precondition(normalizedOffset >= 0 && normalizedOffset <= bytes.count,
                     "normalized offset \(normalizedOffset) outside 0...\(bytes.count)")
        if starts.isEmpty { return normalizedOffset }
        if normalizedOffset == bytes.count { return originalBytes.count }
        return Int(starts[normalizedOffset])
    }

    /// The original offset one past the source of the byte before `normalizedEnd`,
    /// that is the end of a span ending at `normalizedEnd`; `0` maps to `0`.
    ///
    /// - Precondition: `0 <= normalizedEnd <= bytes.count`.
    public func originalEnd(_ normalizedEnd: Int) -> Int {
        precondition(normalizedEnd >= 0 && normalizedEnd <= bytes.count,
                     "normalized offset \(normalizedEnd) outside 0...\(bytes.count)")
        if starts.isEmpty { return normalizedEnd }
        if normalizedEnd == 0 { return 0 }
        return Int(ends[normalizedEnd - 1])
    }

    /// The first normalized offset whose source starts at or after `originalOffset`
    /// (``bytes``.count when there is none): the inverse of ``originalOffset(_:)`` on
    /// scalar boundaries.
    ///
    /// - Complexity: O(log n).
    public func normalizedOffset(_ originalOffset: Int) -> Int {
        precondition(originalOffset >= 0 && originalOffset <= originalBytes.count,
                     "original offset \(originalOffset) outside 0...\(originalBytes.count)")
        if starts.isEmpty { return originalOffset }
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(starts[mid]) < originalOffset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Maps a span of the original text to the span of ``bytes`` made from it
    /// (the normalized bytes whose source starts inside the span).
    public func normalizedSpan(_ span: TextSpan) -> TextSpan {
        TextSpan(start: normalizedOffset(span.start), end: max(normalizedOffset(span.start), normalizedOffset(span.end)))
    }

    /// Maps a span of ``bytes`` to the span of the original text it came from.
    ///
    /// The result starts at the source of the span's first byte and ends after the
    /// source of its last byte, so it lies on scalar boundaries even when the span
    /// cuts through a multi-byte character or an expanded `…`. An empty span maps
    /// to an empty span at ``originalOffset(_:)``.
    public func originalSpan(_ span: TextSpan) -> TextSpan {
        let start = originalOffset(span.start)
        if span.isEmpty { return TextSpan(start: start, end: start) }
        return TextSpan(start: start, end: originalEnd(span.end))
    }

    /// Whether normalized byte `offset` differs from its source (a folded quote,
    /// dash, space run, newline or ellipsis, or a byte of a copied scalar that is
    /// not where it was).
    public func isSubstituted(at offset: Int) -> Bool {
        if starts.isEmpty { return false }
        let start = Int(starts[offset]), end = Int(ends[offset])
        return end - start != 1 || originalBytes[start] != bytes[offset]
    }

    /// Whether the `-` at normalized `offset` came from a dash that separates words
    /// (figure dash, en dash, em dash, horizontal bar) rather than a hyphen
    /// (`-`, U+2010, U+2011) or a minus sign (U+2212), which join.
    ///
    /// "Ruritania—the capital" must tokenize as three tokens, while "al-Sadr" stays one.
    public func isDash(at offset: Int) -> Bool {
        guard bytes[offset] == 0x2D, !starts.isEmpty else { return false }
        let start = Int(starts[offset])
        guard Int(ends[offset]) - start == 3, originalBytes[start] == 0xE2, originalBytes[start + 1] == 0x80 else { return false }
        let last = originalBytes[start + 2]
        return last >= 0x92 && last <= 0x95   // U+2012...U+2015
    }

    // MARK: - Rules

    private enum Rule {
        case copy, replace(UInt8), space, newline, remove, ellipsis
    }

    private static func rule(for scalar: UInt32) -> Rule {
        switch scalar {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: return .replace(0x22)
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032: return .replace(0x27)
        case 0x2010...0x2015, 0x2212: return .replace(0x2D)
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF: return .remove
        case 0x2026: return .ellipsis
        default: return .copy
        }
    }

    /// Whether any byte would change; a quick pre-pass so plain ASCII costs no tables.
    private static func needsWork(_ bytes: [UInt8]) -> Bool {
        var previousSpace = false
        for byte in bytes {
            if byte >= 0x80 || byte == 0x09 || byte == 0x0D { return true }
            let isSpace = byte == 0x20
            if isSpace && previousSpace { return true }
            previousSpace = isSpace
        }
        return false
    }
}

/// Byte-level helpers shared by the text layer.
enum UTF8Bytes {
    /// Length of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    /// Decodes the scalar of `length` bytes at `index` (valid UTF-8 assumed, as Swift strings are).
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, length: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        switch length {
        case 2: return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3: return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        case 4: return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        default: return lead
        }
    }

    /// Whether `offset` is a scalar boundary of `bytes` (not a continuation byte).
    @inline(__always)
    static func isBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
    }
}
