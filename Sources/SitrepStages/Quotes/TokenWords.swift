import SitrepCore

/// A 64-bit key of a word for table look-ups without building `String`s in hot loops.
///
/// The key is FNV-1a over the word's UTF-8 bytes with ASCII letters lower-cased and
/// typographic apostrophes (’ ‘) folded to `'`; a final `.` of a longer word is dropped
/// so that the abbreviation token `Mr.` has the key of `mr`. Two different words share
/// a key with probability about 2^-64 per pair; a collision would make a text word
/// look like a table word, so keys are never used where that would be unsafe.
enum WordKey {
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The key of `bytes[start..<end]`.
    static func of(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0, start, end) }
    }

    /// The key of `bytes[start..<end]`; `start..<end` must lie inside `bytes`.
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var stop = end
        if stop - start > 1 && bytes[stop - 1] == 0x2E { stop -= 1 }
        var hash = empty
        var i = start
        while i < stop {
            let byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A {
                hash = step(hash, byte | 0x20)
            } else if byte == 0xE2 && i + 2 < stop && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99) {
                hash = step(hash, 0x27)
                i += 2
            } else {
                hash = step(hash, byte)
            }
            i += 1
        }
        return hash
    }

    /// The key of a table word.
    static func of(_ word: some StringProtocol) -> UInt64 {
        let bytes = Array(word.utf8)
        return of(bytes, 0, bytes.count)
    }
}

/// An open-addressing table from word keys to small integers, probed with a
/// multiplicative hash of the key (the keys are already FNV hashes), so a look-up
/// costs a multiply, a shift and usually one comparison, without `Hasher`.
struct WordTable: Sendable {
    private var slots: [UInt64]
    private var payloads: [Int32]
    private let shift: UInt64
    private let mask: Int

    /// A table for `pairs` (key, payload); later pairs replace earlier ones.
    init(_ pairs: [(UInt64, Int32)]) {
        var capacity = 16
        while capacity < pairs.count * 4 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        payloads = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, payload) in pairs {
            let stored = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i] != 0 && slots[i] != stored { i = (i + 1) & mask }
            slots[i] = stored
            payloads[i] = payload
        }
    }

    /// The payload of `key`, or -1.
    @inline(__always)
    func payload(_ key: UInt64) -> Int32 {
        let stored = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[i]
            if slot == stored { return payloads[i] }
            if slot == 0 { return -1 }
            i = (i + 1) & mask
        }
    }
}

/// A set of words (or word sequences) read from one of the documented lists in
/// `Resources/Quote*.swift` and `Resources/Quantity*.swift`.
///
/// List format, as in `Resources/Abbreviations.swift`: one entry per line, blank
/// lines and everything after `#` ignored; an entry of several words (`according to`)
/// is a phrase matched token by token.
struct WordSet: Sendable {
    /// One-word entries (payload 0) and first words of phrases (payload 1, or 2 when
    /// also an entry).
    private let table: WordTable
    /// Key sequences of phrase entries, longest first.
    let phrases: [[UInt64]]

    init(_ list: String) {
        var single: [UInt64] = []
        var phrases: [[UInt64]] = []
        for entry in WordSet.entries(list) {
            let parts = entry.split(separator: " ")
            if parts.count == 1 { single.append(WordKey.of(parts[0])) } else { phrases.append(parts.map { WordKey.of($0) }) }
        }
        let singles = Set(single)
        var pairs: [(UInt64, Int32)] = single.map { ($0, 0) }
        for phrase in phrases { pairs.append((phrase[0], singles.contains(phrase[0]) ? 2 : 1)) }
        table = WordTable(pairs)
        self.phrases = phrases.sorted { $0.count > $1.count }
    }

    /// The entries of a list: trimmed lines without comments.
    static func entries(_ list: String) -> [String] {
        list.split(separator: "\n").compactMap { line in
            var content = line.prefix { $0 != "#" }
            while content.first == " " || content.first == "\t" { content = content.dropFirst() }
            while content.last == " " || content.last == "\t" { content = content.dropLast() }
            return content.isEmpty ? nil : String(content)
        }
    }

    /// Whether `key` is a one-word entry.
    @inline(__always) func contains(_ key: UInt64) -> Bool {
        let payload = table.payload(key)
        return payload == 0 || payload == 2
    }

    /// The length in tokens of the longest phrase (or word) of the set starting at
    /// token `index` of `keys` and ending before `limit`; 0 when none does.
    @inline(__always)
    func match(_ keys: [UInt64], at index: Int, limit: Int) -> Int {
        guard index < limit else { return 0 }
        let payload = table.payload(keys[index])
        if payload < 0 { return 0 }
        if payload >= 1 {
            for phrase in phrases where phrase[0] == keys[index] && index + phrase.count <= limit {
                var ok = true
                for offset in 1..<phrase.count where keys[index + offset] != phrase[offset] { ok = false; break }
                if ok { return phrase.count }
            }
        }
        return payload == 1 ? 0 : 1
    }
}

/// A table from words to values (number words, units).
struct WordMap<Value: Sendable>: Sendable {
    private let table: WordTable
    private let values: [Value]
    init(_ pairs: [(String, Value)]) {
        table = WordTable(pairs.enumerated().map { (WordKey.of($0.element.0), Int32($0.offset)) })
        values = pairs.map(\.1)
    }
    @inline(__always) subscript(_ key: UInt64) -> Value? {
        let payload = table.payload(key)
        return payload < 0 ? nil : values[Int(payload)]
    }
}

/// Shape of a token, from its first bytes.
struct TokenShape: OptionSet, Sendable {
    let rawValue: UInt16
    /// Starts with an uppercase letter.
    static let capitalized = TokenShape(rawValue: 1 << 0)
    /// Starts with a lowercase letter.
    static let lowercase = TokenShape(rawValue: 1 << 1)
    /// Starts with an ASCII digit.
    static let digit = TokenShape(rawValue: 1 << 2)
    /// Neither a letter nor a digit (punctuation, symbols, quote marks).
    static let symbol = TokenShape(rawValue: 1 << 3)
    /// A double quotation mark of any style: `"` “ ” „ ‟ « » ″.
    static let doubleMark = TokenShape(rawValue: 1 << 4)
    /// A single quotation mark or apostrophe token: `'` ‘ ’ ‚ ‛ ‹ ›.
    static let singleMark = TokenShape(rawValue: 1 << 5)
    /// A mark whose character opens a quote (“ „ ‟ « ‘ ‚ ‛ ‹).
    static let opensByGlyph = TokenShape(rawValue: 1 << 6)
    /// A mark whose character closes a quote (” » ’ ›).
    static let closesByGlyph = TokenShape(rawValue: 1 << 7)
    /// Sentence-final punctuation: `.`, `!`, `?`, `...`.
    static let sentenceEnd = TokenShape(rawValue: 1 << 8)
    /// `,`
    static let comma = TokenShape(rawValue: 1 << 9)
    /// `:` or `;`
    static let colon = TokenShape(rawValue: 1 << 10)
}

/// The tokens of a document as the quote and quantity stages read them: original
/// byte spans, word keys, shapes, and the sentence and paragraph of each token.
///
/// Built once per document in O(n) over the tokens; nothing here allocates per token
/// except the parallel arrays.
struct TokenWords {
    let bytes: [UInt8]
    let starts: [Int]
    let ends: [Int]
    let keys: [UInt64]
    let shapes: [TokenShape]
    /// Token ranges of the document's sentences (empty ranges kept, so indexes match `doc.sentences`).
    let sentences: [Range<Int>]
    /// Token ranges of the paragraphs (one paragraph for the whole text when the document has none).
    let paragraphs: [Range<Int>]
    /// Sentence index of every token.
    let sentenceOf: [Int32]
    /// Paragraph index of every token.
    let paragraphOf: [Int32]

    var count: Int { keys.count }

    /// Reads the tokens of `doc`; `paragraphs: false` leaves ``paragraphs`` and
    /// ``paragraphOf`` empty for stages that do not need them.
    init(_ doc: Document, paragraphs wantParagraphs: Bool = true) {
        let bytes = Array(doc.text.utf8)
        self.bytes = bytes
        let n = doc.tokens.count
        // Filled through unsafe buffers in one pass: no captured `var`s, so no dynamic
        // exclusivity checks per token.
        var starts = [Int](repeating: 0, count: n), ends = [Int](repeating: 0, count: n)
        var keys = [UInt64](repeating: 0, count: n), shapes = [TokenShape](repeating: [], count: n)
        starts.withUnsafeMutableBufferPointer { startsOut in
            ends.withUnsafeMutableBufferPointer { endsOut in
                keys.withUnsafeMutableBufferPointer { keysOut in
                    shapes.withUnsafeMutableBufferPointer { shapesOut in
                        bytes.withUnsafeBufferPointer { b in
                            doc.tokens.withUnsafeBufferPointer { tokens in
                                for i in 0..<n {
                                    let s = tokens[i].span.start, e = tokens[i].span.end
                                    precondition(e <= b.count, "token \(tokens[i].span) ends past the text (\(b.count) bytes)")
                                    startsOut[i] = s
                                    endsOut[i] = e
                                    keysOut[i] = WordKey.of(b, s, e)
                                    shapesOut[i] = TokenWords.shape(b, s, e)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.starts = starts; self.ends = ends; self.keys = keys; self.shapes = shapes
        if let recorded = doc.sentenceTokenRanges {
            // The tokenizer's own ranges: the same, with no search.
            var owner = [Int32](repeating: -1, count: starts.count)
            for (index, range) in recorded.enumerated() {
                for t in range { owner[t] = Int32(index) }
            }
            (sentences, sentenceOf) = (recorded, owner)
        } else {
            (sentences, sentenceOf) = TokenWords.assign(doc.sentences, starts: starts)
        }
        if wantParagraphs {
            let paragraphSpans = doc.paragraphs.isEmpty ? [TextSpan(start: 0, end: bytes.count)] : doc.paragraphs
            (paragraphs, paragraphOf) = TokenWords.assign(paragraphSpans, starts: starts)
        } else {
            (paragraphs, paragraphOf) = ([], [])
        }
    }

    /// Token ranges of sorted spans, and the span index of every token (-1 outside all).
    private static func assign(_ spans: [TextSpan], starts: [Int]) -> ([Range<Int>], [Int32]) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(spans.count)
        var owner = [Int32](repeating: -1, count: starts.count)
        var t = 0
        for (index, span) in spans.enumerated() {
            while t < starts.count && starts[t] < span.start { t += 1 }
            let first = t
            while t < starts.count && starts[t] < span.end { owner[t] = Int32(index); t += 1 }
            ranges.append(first..<t)
        }
        return (ranges, owner)
    }

    @inline(__always)
    private static func shape(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> TokenShape {
        guard s < e else { return .symbol }
        let c = b[s]
        if c < 0x80 {
            if c >= 0x41 && c <= 0x5A { return .capitalized }
            if c >= 0x61 && c <= 0x7A { return .lowercase }
            if c >= 0x30 && c <= 0x39 { return .digit }
            if e - s == 1 {
                switch c {
                case 0x22: return [.symbol, .doubleMark]
                case 0x27: return [.symbol, .singleMark]
                case 0x2C: return [.symbol, .comma]
                case 0x3A, 0x3B: return [.symbol, .colon]
                case 0x2E, 0x21, 0x3F: return [.symbol, .sentenceEnd]
                default: return .symbol
                }
            }
            if c == 0x2E { return [.symbol, .sentenceEnd] }
            return .symbol
        }
        // Two- and three-byte quotation marks.
        if e - s == 2 && c == 0xC2 {
            if b[s + 1] == 0xAB { return [.symbol, .doubleMark, .opensByGlyph] }
            if b[s + 1] == 0xBB { return [.symbol, .doubleMark, .closesByGlyph] }
        }
        if e - s == 3 && c == 0xE2 {
            switch (b[s + 1], b[s + 2]) {
            case (0x80, 0x9C), (0x80, 0x9E), (0x80, 0x9F): return [.symbol, .doubleMark, .opensByGlyph]
            case (0x80, 0x9D): return [.symbol, .doubleMark, .closesByGlyph]
            case (0x80, 0x98), (0x80, 0x9A), (0x80, 0x9B), (0x80, 0xB9): return [.symbol, .singleMark, .opensByGlyph]
            case (0x80, 0x99), (0x80, 0xBA): return [.symbol, .singleMark, .closesByGlyph]
            case (0x80, 0xB3): return [.symbol, .doubleMark]
            case (0x80, 0xA6): return [.symbol, .sentenceEnd]
            default: break
            }
        }
        // General punctuation, currency, arrows, math (U+2000-U+2FFF): symbols, no decoding.
        if c == 0xE2 { return .symbol }
        if let scalar = String(decoding: UnsafeBufferPointer(rebasing: b[s..<min(e, s + 4)]), as: UTF8.self).unicodeScalars.first {
            if scalar.properties.isUppercase { return .capitalized }
            if scalar.properties.isLowercase { return .lowercase }
            if scalar.properties.isAlphabetic { return .lowercase }
        }
        return .symbol
    }

    /// The original text of tokens `range`, spaces between them as in the text.
    func text(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return String(decoding: bytes[starts[first]..<ends[last]], as: UTF8.self)
    }

    /// The span of tokens `range`.
    func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: starts[range.lowerBound], end: ends[range.upperBound - 1])
    }

    /// Whether a space, a line break or the start of `limit` comes before token `index`.
    func spaceBefore(_ index: Int, paragraphStart: Int) -> Bool {
        let s = starts[index]
        if s <= paragraphStart { return true }
        let c = bytes[s - 1]
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x28 || c == 0x5B || c == 0xA0 { return true }
        // An em or en dash (E2 80 93/94) or a line/paragraph separator before the mark.
        if s >= 3 && bytes[s - 3] == 0xE2 && bytes[s - 2] == 0x80 && (c == 0x93 || c == 0x94) { return true }
        return false
    }

    /// Whether a space, punctuation or the end of the paragraph follows token `index`.
    func spaceAfter(_ index: Int, paragraphEnd: Int) -> Bool {
        let e = ends[index]
        if e >= paragraphEnd || e >= bytes.count { return true }
        switch bytes[e] {
        case 0x20, 0x0A, 0x09, 0x0D, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0xC2: return true
        case 0xE2: return e + 2 < bytes.count && bytes[e + 1] == 0x80 && (bytes[e + 2] == 0x94 || bytes[e + 2] == 0x93 || bytes[e + 2] == 0xA6)
        default: return false
        }
    }
}
