/// A half-open range `[start, end)` of UTF-8 byte offsets into ``Document/text``.
///
/// Sitrep stores every position in UTF-8 bytes, as swift-syntax does with
/// `AbsolutePosition.utf8Offset`; the interchange edge converts them to
/// Unicode code points (see ``CodePointIndex``).
///
/// Invariant: `0 <= start <= end`. Spans produced by stages also lie on
/// Unicode scalar boundaries of the text they index.
public struct TextSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// First byte of the span (inclusive).
    public var start: Int
    /// One past the last byte of the span (exclusive).
    public var end: Int

    @inlinable
    public init(start: Int, end: Int) {
        precondition(start >= 0 && start <= end, "TextSpan requires 0 <= start <= end, got \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    /// Length in UTF-8 bytes.
    @inlinable public var count: Int { end - start }
    @inlinable public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely inside this span.
    @inlinable public func contains(_ other: TextSpan) -> Bool {
        other.start >= start && other.end <= end
    }

    /// Whether the two spans share at least one byte.
    @inlinable public func overlaps(_ other: TextSpan) -> Bool {
        other.start < end && start < other.end
    }

    /// Orders by start, then by end.
    @inlinable public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
