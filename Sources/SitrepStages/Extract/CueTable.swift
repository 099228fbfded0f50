/// A compiled cue list from ``BoilerplateCues`` or ``DateWords``, matched
/// against lowered line bytes (see ``CueText/lowered(_:limit:)``).
///
/// Entries are bucketed by their first byte, so a scan of a line costs one
/// bucket lookup per byte plus a comparison per entry sharing that byte.
struct CueTable: Sendable {
    /// Entries as lowered UTF-8, longest first so a prefix match is the longest one.
    let entries: [[UInt8]]
    private let whole: Set<[UInt8]>
    /// Every entry back to back, and each entry's range in it: matching reads
    /// plain buffers (no generic sequence calls per byte in debug builds).
    private let flat: [UInt8]
    private let ranges: [Range<Int>]
    private let buckets: [[Int]]

    /// Parses a table in the documented format: one entry a line, `#` comments.
    init(_ list: String) {
        var parsed: [[UInt8]] = []
        for rawLine in list.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let bytes = CueText.lowered(Array(line.utf8).trimmingSpaces(), limit: Int.max)
            if !bytes.isEmpty { parsed.append(bytes) }
        }
        parsed.sort { $0.count > $1.count }
        entries = parsed
        whole = Set(parsed)
        var flat: [UInt8] = []
        var ranges: [Range<Int>] = []
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, entry) in parsed.enumerated() {
            ranges.append(flat.count..<(flat.count + entry.count))
            flat += entry
            buckets[Int(entry[0])].append(index)
        }
        self.flat = flat
        self.ranges = ranges
        self.buckets = buckets
    }

    /// Whether `key` (already lowered and stripped of decoration) is an entry.
    func contains(_ key: [UInt8]) -> Bool { whole.contains(key) }

    @inline(__always)
    private static func matches(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ flat: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let length = range.upperBound - range.lowerBound
        guard i >= 0, i + length <= line.count else { return false }
        var k = 0
        while k < length {
            if line[i + k] != flat[range.lowerBound + k] { return false }
            k += 1
        }
        return true
    }

    /// The byte length of the longest entry that starts `line` and ends on a
    /// word boundary, or nil.
    func prefixLength(of line: [UInt8]) -> Int? {
        guard let first = line.first else { return nil }
        let candidates = buckets[Int(first)]
        guard !candidates.isEmpty else { return nil }
        return line.withUnsafeBufferPointer { l in
            flat.withUnsafeBufferPointer { f in
                for index in candidates where Self.matches(l, at: 0, f, ranges[index]) {
                    if CueText.isBoundary(after: entries[index], in: line, at: ranges[index].count) { return ranges[index].count }
                }
                return nil
            }
        }
    }

    /// Whether some entry occurs anywhere in `line`.
    ///
    /// - Complexity: O(n · k) for a line of n bytes and k entries sharing a
    ///   first byte; callers apply it to short lines only.
    func occurs(in line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { l in
            flat.withUnsafeBufferPointer { f in
                var i = 0
                while i < l.count {
                    for index in buckets[Int(l[i])] where Self.matches(l, at: i, f, ranges[index]) { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether `line` ends with an entry that starts on a word boundary.
    func isSuffix(of line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { l in
            flat.withUnsafeBufferPointer { f in
                for range in ranges {
                    let start = l.count - range.count
                    if Self.matches(l, at: start, f, range) && (start == 0 || l[start - 1] == 0x20) { return true }
                }
                return false
            }
        }
    }
}

/// Byte-level text helpers shared by the extractor's rules.
enum CueText {
    /// A lowercase copy of at most `limit` bytes of `bytes` (never splitting a
    /// scalar): ASCII and Latin-1 capitals are lowered and curly single quotes
    /// become `'`, so "Don’t Miss" matches the cue "don't miss".
    static func lowered(_ bytes: ArraySlice<UInt8>, limit: Int) -> [UInt8] {
        bytes.withUnsafeBufferPointer { lowered($0, limit: limit) }
    }

    static func lowered(_ bytes: [UInt8], limit: Int) -> [UInt8] {
        bytes.withUnsafeBufferPointer { lowered($0, limit: limit) }
    }

    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt8] {
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(Swift.min(n, limit))
        var i = 0
        while i < n {
            let b = bytes[i]
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard i + width <= n, out.count + width <= limit else { break }   // never split a scalar
            if b >= 0x41 && b <= 0x5A {
                out.append(b + 0x20)
            } else if b == 0xC3 && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9E && bytes[i + 1] != 0x97 {
                // Latin-1 capitals À..Þ (except × U+00D7) are 0xC3 0x80...0x9E.
                out.append(b); out.append(bytes[i + 1] + 0x20)
            } else if b == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99) {
                out.append(0x27)                                    // ‘ ’ → '
            } else if width == 1 {
                out.append(b)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]))
            }
            i += width
        }
        return out
    }

    /// Whether a cue of `entry` ending at `offset` in `line` ends a word: at the
    /// end of the line, when the cue itself ends in punctuation, or before a
    /// space, punctuation or a general-punctuation character (… › »).
    static func isBoundary(after entry: [UInt8], in line: [UInt8], at offset: Int) -> Bool {
        if offset >= line.count { return true }
        if let last = entry.last, !isWordByte(last) { return true }
        let next = line[offset]
        if next < 0x80 { return !isWordByte(next) }
        return next == 0xC2 || next == 0xE2
    }

    /// ASCII letters and digits, and every non-ASCII byte (letters of other
    /// scripts are word bytes as far as boundaries go).
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }


    /// `line` without leading and trailing decoration (spaces, `: . | > ! - * #`,
    /// `• · › » … → — –`), the key for whole-line tables.
    static func stripDecoration(_ line: [UInt8]) -> [UInt8] {
        line.withUnsafeBufferPointer { l in
            var start = 0, end = l.count
            func isASCIIDecoration(_ b: UInt8) -> Bool {
                b == 0x20 || b == 0x3A || b == 0x2E || b == 0x7C || b == 0x3E || b == 0x21 || b == 0x2D || b == 0x2A || b == 0x23
            }
            // Width of a multi-byte decoration ending at `end` / starting at `start`, or 0.
            func multiWidth(endingAt e: Int) -> Int {
                if e - start >= 2 && l[e - 2] == 0xC2 && (l[e - 1] == 0xBB || l[e - 1] == 0xB7) { return 2 }
                if e - start >= 3 && l[e - 3] == 0xE2 {
                    let (b1, b2) = (l[e - 2], l[e - 1])
                    if b1 == 0x80 && (b2 == 0xBA || b2 == 0xA6 || b2 == 0xA2 || b2 == 0x94 || b2 == 0x93) { return 3 }
                    if b1 == 0x86 && b2 == 0x92 { return 3 }
                }
                return 0
            }
            func multiWidth(startingAt s: Int) -> Int {
                if end - s >= 2 && l[s] == 0xC2 && (l[s + 1] == 0xBB || l[s + 1] == 0xB7) { return 2 }
                if end - s >= 3 && l[s] == 0xE2 {
                    let (b1, b2) = (l[s + 1], l[s + 2])
                    if b1 == 0x80 && (b2 == 0xBA || b2 == 0xA6 || b2 == 0xA2 || b2 == 0x94 || b2 == 0x93) { return 3 }
                    if b1 == 0x86 && b2 == 0x92 { return 3 }
                }
                return 0
            }
            while start < end {
                if isASCIIDecoration(l[end - 1]) { end -= 1; continue }
                let w = multiWidth(endingAt: end)
                if w > 0 { end -= w; continue }
                break
            }
            while start < end {
                if isASCIIDecoration(l[start]) { start += 1; continue }
                let w = multiWidth(startingAt: start)
                if w > 0 { start += w; continue }
                break
            }
            return Array(l[start..<end])
        }
    }
}

extension Array where Element == UInt8 {
    /// The bytes without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> [UInt8] {
        var start = 0, end = count
        while start < end && (self[start] == 0x20 || self[start] == 0x09) { start += 1 }
        while end > start && (self[end - 1] == 0x20 || self[end - 1] == 0x09) { end -= 1 }
        return Array(self[start..<end])
    }
}
