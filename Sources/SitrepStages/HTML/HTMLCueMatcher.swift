import SitrepCore

/// The tables of ``HTMLCues`` compiled for matching class/id words on bytes.
///
/// Classes and ids are read for every element of every page, and many ids are
/// unique (`post-48213`), so matching works on the attribute's bytes with the
/// entries bucketed by first byte: no `String` is built per element.
struct HTMLCueMatcher: Sendable {
    /// One table: whole words (entries ending in `*`), word prefixes, and
    /// hyphenated phrases matched anywhere in the lowercased value.
    struct WordTable: Sendable {
        /// Entries by first byte: (bytes, whole word only).
        private var buckets = [[(entry: [UInt8], whole: Bool)]](repeating: [], count: 256)
        private var phrases: [[UInt8]] = []

        init(_ entries: [String]) {
            for entry in entries {
                if entry.hasSuffix("*") {
                    let bytes = Array(entry.utf8.dropLast())
                    buckets[Int(bytes[0])].append((bytes, true))
                } else if entry.contains("-") {
                    phrases.append(Array(entry.utf8))
                } else {
                    let bytes = Array(entry.utf8)
                    buckets[Int(bytes[0])].append((bytes, false))
                }
            }
        }

        /// Whether the word `value[range]` is, or starts with, an entry.
        func matches(_ value: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
            for (entry, whole) in buckets[Int(value[range.lowerBound])] {
                if whole ? entry.count != range.count : entry.count > range.count { continue }
                var k = 0
                while k < entry.count, value[range.lowerBound + k] == entry[k] { k += 1 }
                if k == entry.count { return true }
            }
            return false
        }

        func matchesPhrase(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            // Every phrase holds a hyphen; most class values do not.
            guard !phrases.isEmpty, value.contains(UInt8(ascii: "-")) else { return false }
            return phrases.contains { HTMLCueMatcher.contains(value, $0) }
        }

        /// Whether any word of `value` matches, or a phrase occurs in it.
        func matchesAny(_ value: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>]) -> Bool {
            matchesPhrase(value) || words.contains { matches(value, $0) }
        }
    }

    let strong = WordTable(HTMLCues.strongBoilerplate)
    let weak = WordTable(HTMLCues.weakBoilerplate)
    let rescue = WordTable(HTMLCues.rescueWords)
    let embed = WordTable(HTMLCues.embedWords)
    let related = WordTable(HTMLCues.relatedWords)
    let byline = WordTable(HTMLCues.bylineWords)
    let caption = WordTable(HTMLCues.captionWords)
    let credit = WordTable(HTMLCues.creditWords)
    /// Content words by first byte.
    private let content: [[[UInt8]]]

    init() {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for word in HTMLCues.contentWords { buckets[Int(word.utf8.first!)].append(Array(word.utf8)) }
        content = buckets
    }

    static let shared = HTMLCueMatcher()

    /// `value` with ASCII letters lowercased.
    static func lowered(_ value: [UInt8]) -> [UInt8] {
        value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Word ranges of a lowercased value: runs of ASCII letters and digits
    /// (bytes of other scripts count as letters).
    static func words(_ value: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = -1
        for i in 0..<value.count {
            let c = value[i]
            let isWord = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80
            if isWord { if start < 0 { start = i } } else if start >= 0 { out.append(start..<i); start = -1 }
        }
        if start >= 0 { out.append(start..<value.count) }
        return out
    }

    /// Whether `needle` occurs in `value`: `memchr` finds each candidate
    /// first byte (phrases are looked for in every hyphenated class value).
    static func contains(_ value: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= value.count else { return false }
        let last = value.count - needle.count
        var i = 0
        while i <= last {
            guard let hit = value.firstOffset(of: first, from: i, to: last + 1) else { return false }
            i = hit
            var k = 1
            while k < needle.count, value[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// Whether any word of `value` (raw class/id/role bytes) is in `table`.
    func matches(_ value: [UInt8], _ table: WordTable) -> Bool {
        Self.lowered(value).withUnsafeBufferPointer { buffer in
            table.matchesAny(buffer, Self.words(buffer))
        }
    }

    /// The cue of an element's class/id/role/itemprop bytes, and whether it
    /// names a related-articles box.
    ///
    /// Order: a content name wins (`article-body share-tracking` is the body);
    /// then an embedded post or quote (no cue); then strong boilerplate; then weak boilerplate unless a rescue word
    /// stands beside it.
    func classify(_ value: [UInt8]) -> (HTMLPage.Cue, Bool) {
        Self.lowered(value).withUnsafeBufferPointer { buffer in
            if hasContentWord(buffer) { return (.content, false) }
            let words = Self.words(buffer)
            if embed.matchesAny(buffer, words) { return (.none, false) }
            if strong.matchesAny(buffer, words) { return (.strong, related.matchesAny(buffer, words)) }
            if weak.matchesAny(buffer, words) {
                if words.contains(where: { rescue.matches(buffer, $0) }) { return (.none, false) }
                return (.weak, related.matchesAny(buffer, words))
            }
            return (.none, false)
        }
    }

    /// Whether a space-separated token, with its separators squashed
    /// (`article__body` → `articlebody`), contains a content word.
    private func hasContentWord(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var squashed: [UInt8] = []
        squashed.reserveCapacity(buffer.count)
        func check() -> Bool {
            guard !squashed.isEmpty else { return false }
            return squashed.withUnsafeBufferPointer { s in
                for i in 0..<s.count {
                    for word in content[Int(s[i])] where i + word.count <= s.count {
                        var k = 0
                        while k < word.count, s[i + k] == word[k] { k += 1 }
                        if k == word.count { return true }
                    }
                }
                return false
            }
        }
        for c in buffer {
            if c == 0x20 || c == 0x09 || c == 0x0A {
                if check() { return true }
                squashed.removeAll(keepingCapacity: true)
            } else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80 {
                squashed.append(c)
            }
        }
        return check()
    }
}
