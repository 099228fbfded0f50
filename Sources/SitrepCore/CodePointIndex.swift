/// Converts UTF-8 byte offsets of one text into Unicode code-point offsets,
/// the unit of the interchange contract (Python `str` indexes).
///
/// The index keeps one checkpoint per 256 bytes, so a conversion costs at most
/// 255 byte inspections and the table costs 1/32 of the text's size. Pure ASCII
/// text needs no table at all.
///
/// - Complexity: O(n) to build; O(1) amortized per conversion (at most 255 steps).
public struct CodePointIndex: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int]   // code points before byte k * stride
    private let isASCII: Bool
    private static let stride = 256

    public init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [] }
        self.bytes = bytes
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        isASCII = ascii
        if ascii {
            checkpoints = []
            return
        }
        var marks: [Int] = []
        marks.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        for (i, b) in bytes.enumerated() {
            if i % Self.stride == 0 { marks.append(scalars) }
            if b & 0xC0 != 0x80 { scalars += 1 }
        }
        checkpoints = marks
    }

    /// Length of the text in UTF-8 bytes: the largest valid byte offset.
    public var byteCount: Int { bytes.count }

    /// Total number of code points in the text.
    public var codePointCount: Int { codePoint(atByte: bytes.count) }

    /// The code-point offset of a UTF-8 byte offset.
    ///
    /// - Precondition: `0 <= offset <= utf8 count`.
    public func codePoint(atByte offset: Int) -> Int {
        precondition(offset >= 0 && offset <= bytes.count, "byte offset \(offset) outside text of \(bytes.count) bytes")
        if isASCII { return offset }
        let block = offset / Self.stride
        if block >= checkpoints.count {
            // offset == bytes.count on an exact multiple of the stride
            var count = checkpoints.last ?? 0
            var i = (checkpoints.count - 1) * Self.stride
            if i < 0 { i = 0; count = 0 }
            while i < offset { if bytes[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
            return count
        }
        var count = checkpoints[block]
        var i = block * Self.stride
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Converts a byte span into a code-point `(start, end)` pair.
    public func codePoints(of span: TextSpan) -> (start: Int, end: Int) {
        (codePoint(atByte: span.start), codePoint(atByte: span.end))
    }
}
