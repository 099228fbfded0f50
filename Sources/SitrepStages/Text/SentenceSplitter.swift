import SitrepCore

/// Splits news text into sentences with rules over UTF-8 bytes.
///
/// The splitter runs on the ``NormalizedText`` view (curly quotes, dashes and
/// Unicode spaces folded) and maps its spans back, so the result always points
/// into the caller's text.
///
/// A sentence ends:
/// 1. at a blank line (always);
/// 2. at a single newline, unless the text is hard-wrapped (see below) or the
///    next line starts with a lowercase letter; before a list bullet (`•`, `-`,
///    `*`, `1.`, `a)`) at the start of a line, even in hard-wrapped text;
/// 3. before a `•` anywhere;
/// 4. after `!`, `?`, `...` or `.` (plus any closing quotes and brackets, and a
///    footnote marker such as `[12]`) followed by white space, when the next word
///    does not start with a lowercase letter and the period is not part of an
///    abbreviation:
///    - titles ("Mr.", "Gen.", "e.g.") never end a sentence;
///    - number prefixes ("No.", "Jan.") do not when a number follows;
///    - other abbreviations ("Corp.", "U.S.", "D.C."), initials ("J.") and dotted
///      words end one only before a usual sentence starter ("The", "He", "But");
///    - an ellipsis ends one only before an uppercase letter;
///    - a 1-3 digit number that opens a line ("1. ") is a list marker.
///
/// The word lists are data, in `Resources/Abbreviations.swift`. A text counts as
/// hard-wrapped when at least 40% of the lines that continue a paragraph start with
/// a lowercase letter; single newlines in it are then ordinary spaces.
/// Decimals, URLs and e-mail addresses never split because their periods are
/// not followed by white space.
///
/// The spans are trimmed of white space, sorted, non-overlapping and together
/// cover every character of the text except white space and the zero-width
/// characters removed by normalization.
///
/// ```swift
/// SentenceSplitter().split("Gen. Ivo Marek arrived in the U.S. on Monday. He left.")
/// // [0..<45, 46..<54]
/// ```
///
/// - Complexity: O(n) in the UTF-8 length of the text.
public struct SentenceSplitter: Sendable {
    private let table: AbbreviationTable

    public init() {
        table = AbbreviationTable.shared
    }

    /// The sentences of `text`.
    ///
    /// - Parameter text: any text; paragraphs separated by blank lines always split.
    /// - Returns: sentence spans in UTF-8 bytes into `text`, trimmed of white space,
    ///   sorted and non-overlapping, each on scalar boundaries.
    public func split(_ text: String) -> [TextSpan] {
        let view = NormalizedText(text)
        return sentences(in: view).map(view.originalSpan)
    }

    /// The sentences of a normalized view, as spans of `view.bytes`.
    public func sentences(in view: NormalizedText) -> [TextSpan] {
        var scanner = Scanner(bytes: view.bytes, table: table)
        return scanner.run()
    }
}

// MARK: - Scanner

extension SentenceSplitter {
    /// One pass over the normalized bytes; a value so the splitter stays stateless.
    struct Scanner {
        let b: [UInt8]
        let n: Int
        let table: AbbreviationTable
        var result: [TextSpan] = []
        var segmentStart = 0

        /// Longest word looked at around a period; longer runs are never abbreviations,
        /// and the bound keeps pathological input (1 MB without spaces) linear.
        static let maxWordLength = 64

        init(bytes: [UInt8], table: AbbreviationTable) {
            b = bytes
            n = bytes.count
            self.table = table
        }

        mutating func run() -> [TextSpan] {
            let wrapped = isHardWrapped()
            var i = 0
            while i < n {
                let c = b[i]
                switch c {
                case 0x0A:
                    var j = i, newlines = 0
                    while j < n && ByteClass.isSpace(b[j]) {
                        if b[j] == 0x0A { newlines += 1 }
                        j += 1
                    }
                    if j < n && (newlines >= 2 || startsLine(at: j, wrapped: wrapped)) {
                        close(at: i)
                    }
                    i = j
                case 0x2E, 0x21, 0x3F:  // . ! ?
                    var j = i
                    while j < n && (b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F) { j += 1 }
                    var k = j
                    while k < n && ByteClass.isCloser(b[k]) { k += 1 }
                    if k < n && ByteClass.isSpace(b[k]) && endsSentence(punctuation: i, punctuationEnd: j, closersEnd: k) {
                        close(at: footnoteEnd(after: k) ?? k)
                    }
                    i = j
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0xA2:  // • starts an item anywhere
                    if i > 0 && ByteClass.isSpace(b[i - 1]) { close(at: i) }
                    i += 3
                default:
                    i += 1
                }
            }
            close(at: n)
            return result
        }

        /// Ends the current segment at `end`, keeping it if anything but white space is in it.
        mutating func close(at end: Int) {
            var start = segmentStart, stop = end
            while start < stop && ByteClass.isSpace(b[start]) { start += 1 }
            while stop > start && ByteClass.isSpace(b[stop - 1]) { stop -= 1 }
            if start < stop { result.append(TextSpan(start: start, end: stop)) }
            segmentStart = end
        }

        // MARK: Lines

        /// Whether a single newline before the line starting at `j` ends a sentence.
        func startsLine(at j: Int, wrapped: Bool) -> Bool {
            if isBullet(at: j) { return true }
            if wrapped { return false }
            return !ByteClass.startsLowercase(b, j)
        }

        /// `•`, `-`, `*` (and a few other bullet glyphs) followed by a space, or a short
        /// number or single letter followed by `.` or `)` and a space.
        func isBullet(at j: Int) -> Bool {
            let c = b[j]
            if c == 0x2D || c == 0x2A { return j + 1 < n && b[j + 1] == 0x20 }
            if c == 0xE2 && j + 2 < n {
                // • ‣ (U+2022, U+2023), ▪ (U+25AA), ◦ (U+25E6)
                let (b1, b2) = (b[j + 1], b[j + 2])
                if (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3)) || (b1 == 0x96 && b2 == 0xAA) || (b1 == 0x97 && b2 == 0xA6) { return true }
            }
            var k = j
            while k < n && k - j < 3 && ByteClass.isDigit(b[k]) { k += 1 }
            if k == j, k < n, ByteClass.isASCIILetter(b[k]) { k += 1 }
            guard k > j, k + 1 < n, k - j <= 3 else { return false }
            return (b[k] == 0x2E || b[k] == 0x29) && b[k + 1] == 0x20
        }

        /// Whether most paragraph-internal line breaks continue a sentence (text wrapped
        /// at a fixed width), judged by how many continuation lines start in lowercase.
        func isHardWrapped() -> Bool {
            var interior = 0, lowercase = 0
            var i = 0
            while i < n {
                guard b[i] == 0x0A else { i += 1; continue }
                // Is the line before non-blank, and the next line non-blank too?
                var j = i + 1
                while j < n && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
                let previousBlank = i == 0 || b[i - 1] == 0x0A
                if !previousBlank && j < n && b[j] != 0x0A {
                    interior += 1
                    if ByteClass.startsLowercase(b, j) { lowercase += 1 }
                }
                i = j
            }
            return interior >= 2 && lowercase * 10 >= interior * 4
        }

        // MARK: Terminal punctuation

        /// A footnote marker (`[12]`, `[a]`) or an elision mark (`[...]`) right after a
        /// sentence end belongs to that sentence; returns the offset after `]` when one
        /// follows the spaces at `k`.
        func footnoteEnd(after k: Int) -> Int? {
            var m = k
            while m < n && b[m] == 0x20 { m += 1 }
            guard m < n, b[m] == 0x5B else { return nil }
            var p = m + 1
            while p < n && p - m <= 4 && (ByteClass.isDigit(b[p]) || ByteClass.isLowerASCII(b[p]) || b[p] == 0x2E) { p += 1 }
            guard p > m + 1, p < n, b[p] == 0x5D else { return nil }
            let end = p + 1
            return end == n || ByteClass.isSpace(b[end]) ? end : nil
        }

        /// The decision at a run of `.`, `!`, `?` at `punctuation..<punctuationEnd`,
        /// followed by closing quotes or brackets up to `closersEnd`, then white space.
        func endsSentence(punctuation i: Int, punctuationEnd j: Int, closersEnd k: Int) -> Bool {
            var m = k
            while m < n && ByteClass.isSpace(b[m]) { m += 1 }
            if m >= n { return true }
            // The next word, after any opening quotes or brackets.
            var p = m
            while p < n && ByteClass.isOpener(b[p]) { p += 1 }
            if p >= n { return true }
            if ByteClass.startsLowercase(b, p) { return false }
            let first = b[p]
            // Punctuation that cannot open a sentence: ", ; : ) ] %", and a following
            // ellipsis, which trails off the sentence before it ("Scientology. ... The").
            if p == m && (first == 0x2C || first == 0x3B || first == 0x3A || first == 0x29 || first == 0x5D || first == 0x25 || first == 0x2E) {
                return false
            }
            var dots = 0, others = 0
            for q in i..<j { if b[q] == 0x2E { dots += 1 } else { others += 1 } }
            if others > 0 { return true }
            if dots >= 2 { return ByteClass.startsUppercase(b, p) || b[p] == 0x5B }

            // One period: look at the word before it.
            var ws = i
            while ws > 0 && i - ws < Self.maxWordLength && !ByteClass.isSpace(b[ws - 1]) { ws -= 1 }
            if ws > 0 && !ByteClass.isSpace(b[ws - 1]) { return true }  // overlong run: not an abbreviation
            while ws < i && ByteClass.isOpener(b[ws]) { ws += 1 }
            if ws == i { return true }
            let word = b[ws..<i]
            let nextIsDigit = ByteClass.isDigit(first)
            if isListMarker(word, at: ws) && k == j { return false }
            if j == k, let kind = table.kind(of: word) {
                switch kind {
                case .title: return false
                case .numberPrefix: if nextIsDigit { return false }
                case .ordinary: return nextIsDigit ? false : startsWithSentenceStarter(at: p)
                }
            }
            if j == k && (isInitial(word) || isDotted(word)) {
                return nextIsDigit ? false : startsWithSentenceStarter(at: p)
            }
            return true
        }

        /// 1-3 digits alone at the start of a line: "1. The first point".
        func isListMarker(_ word: ArraySlice<UInt8>, at ws: Int) -> Bool {
            guard word.count <= 3, word.allSatisfy(ByteClass.isDigit) else { return false }
            var s = ws
            while s > 0 && b[s - 1] == 0x20 { s -= 1 }
            return s == 0 || b[s - 1] == 0x0A
        }

        /// A single uppercase ASCII letter: "J." of "J. K. Rowling".
        func isInitial(_ word: ArraySlice<UInt8>) -> Bool {
            word.count == 1 && ByteClass.isUpperASCII(word[word.startIndex])
        }

        /// Letters with internal periods and short pieces: "U.S", "Ph.D", "a.m", "D.C".
        func isDotted(_ word: ArraySlice<UInt8>) -> Bool {
            var piece = 0, sawPeriod = false
            for byte in word {
                if byte == 0x2E {
                    if piece == 0 { return false }
                    sawPeriod = true
                    piece = 0
                } else if ByteClass.isASCIILetter(byte) {
                    piece += 1
                    if piece > 3 { return false }
                } else {
                    return false
                }
            }
            return sawPeriod && piece > 0
        }

        /// Whether the word at `p` is a usual sentence starter ("The", "However").
        func startsWithSentenceStarter(at p: Int) -> Bool {
            var e = p
            while e < n && e - p <= Self.maxWordLength && ByteClass.isASCIILetter(b[e]) { e += 1 }
            guard e > p, ByteClass.isUpperASCII(b[p]) else { return false }
            return table.isSentenceStarter(b[p..<e])
        }
    }
}

/// Byte classes of the normalized text.
enum ByteClass {
    /// White space after normalization: space, newline, and the rarer ASCII controls
    /// Python's `str.isspace` also counts (VT, FF, CR, FS-US).
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1F)
    }
    /// Closing quotes and brackets that stay with the sentence they end.
    @inline(__always) static func isCloser(_ c: UInt8) -> Bool {
        c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D || c == 0x7D
    }
    /// Opening quotes and brackets before a word.
    @inline(__always) static func isOpener(_ c: UInt8) -> Bool {
        c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B || c == 0x7B || c == 0x60
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { isUpperASCII(c) || isLowerASCII(c) }
    @inline(__always) static func isASCIIAlnum(_ c: UInt8) -> Bool { isASCIILetter(c) || isDigit(c) }

    /// The Unicode scalar starting at `i` (a lead byte).
    @inline(__always) static func scalar(_ b: [UInt8], _ i: Int) -> Unicode.Scalar? {
        let length = min(UTF8Bytes.sequenceLength(b[i]), b.count - i)
        return Unicode.Scalar(UTF8Bytes.decode(b, at: i, length: length))
    }

    /// Whether the character at `i` is a lowercase letter (any script).
    static func startsLowercase(_ b: [UInt8], _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return isLowerASCII(c) }
        return scalar(b, i)?.properties.isLowercase ?? false
    }

    /// Whether the character at `i` is an uppercase or titlecase letter (any script).
    static func startsUppercase(_ b: [UInt8], _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return isUpperASCII(c) }
        guard let s = scalar(b, i) else { return false }
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }
}
