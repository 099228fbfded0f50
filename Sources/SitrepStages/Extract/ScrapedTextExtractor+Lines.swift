extension ScrapedTextExtractor {
    /// What a line of the page was found to be. Every rule of the cascade
    /// either leaves a line `unclassified` or gives it one of these.
    enum LineKind: Equatable, Sendable {
        case unclassified
        /// Replacement characters and control bytes: binary junk.
        case junk
        /// Page furniture found by a cue or a shape; `closing` when it is page
        /// furniture (menus, newsletter, footer) rather than an in-article slot.
        case boilerplate(closing: Bool)
        /// A short non-sentence line seen more than once (menus, share bars).
        case repeated
        case title, byline, date, caption, credit
        case tagList, tagLabel, tag
        case relatedLabel, related, listLabel, listItem
        case body, subhead
        /// Left out by the position rules (above the title, after the article,
        /// a fragment inside it); the rescue step may still take it.
        case dropped

        /// Whether a cue table or shape rule put the line here (as opposed to
        /// position rules), used to find where the article ends.
        var endsArticle: Bool {
            switch self {
            case .boilerplate(let closing): closing
            case .tagList, .tagLabel, .relatedLabel, .listLabel: true
            default: false
            }
        }
    }

    /// One non-blank line of the page, normalized, with the measurements the
    /// rules look at. Lines index into ``LineTable/bytes``.
    struct Line: Sendable {
        /// The normalized line in ``LineTable/bytes``.
        var range: Range<Int>
        var words = 0
        var scalars = 0
        /// Letters: ASCII letters plus every non-ASCII scalar that is not
        /// punctuation, a symbol or junk (a cheap stand-in for Unicode `L*`).
        var letters = 0
        var uppercase = 0
        var lowercase = 0
        var digits = 0
        /// Replacement characters (U+FFFD) and C0/C1 control characters.
        var junk = 0
        /// Ends with `. ! ? …` (or CJK equivalents), closing quotes and brackets aside.
        var endsSentence = false
        /// Ends with `.` or `…` (closing quotes aside): the marks a title lacks.
        var endsWithPeriod = false
        var endsWithColon = false
        /// Starts with a lowercase ASCII or Latin-1 letter.
        var startsLowercase = false
        /// Starts with a list bullet (`•`, `-`, `*`, `–`, `—`, `·`).
        var startsWithBullet = false
        var kind: LineKind = .unclassified

        var byteCount: Int { range.count }
    }

    /// The page split into normalized non-blank lines.
    struct LineTable: Sendable {
        /// Every normalized line, back to back (no separators).
        var bytes: [UInt8] = []
        var lines: [Line] = []

        /// The normalized bytes of line `index`.
        func slice(_ index: Int) -> ArraySlice<UInt8> { bytes[lines[index].range] }

        /// The normalized text of line `index`.
        func string(_ index: Int) -> String { String(decoding: slice(index), as: UTF8.self) }

        /// A lowered copy of at most `limit` bytes of line `index`, for cue matching.
        func lowered(_ index: Int, limit: Int) -> [UInt8] { CueText.lowered(slice(index), limit: limit) }
    }

    /// Step 1 of the cascade: splits `page` at line breaks (`\n`, `\r\n`, `\r`,
    /// NEL, U+2028, U+2029), trims each line and collapses its whitespace runs
    /// (ASCII blanks, NBSP, the U+2000 spaces, U+202F, U+205F, U+3000, BOM) to
    /// one space, and measures it. Words are never rewritten.
    ///
    /// Words, letters, case, digits and junk are measured on the first
    /// `measureLimit` bytes of a line only (a little more for words): that is
    /// enough to judge a line (a line that long is content or junk either way)
    /// and keeps a 100 MB line to one cheap scan.
    ///
    /// - Complexity: one pass over the bytes. Already-normal text (words
    ///   separated by single spaces) is copied in one block per line.
    static func readLines(_ page: String, measureLimit: Int = 65_536) -> LineTable {
        var page = page
        var table = LineTable()
        page.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            table = readLines(base, count: buffer.count, measureLimit: measureLimit)
        }
        return table
    }

    /// What starts at byte `i`: 0 for an ordinary character, else the width of
    /// a whitespace character (negative for a line break).
    @inline(__always)
    private static func spaceWidth(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b = p[i]
        if b < 0x80 {
            if b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C { return 1 }
            if b == 0x0A || b == 0x0D { return -1 }
            return 0
        }
        guard b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF, i + 1 < n else { return 0 }
        let b1 = p[i + 1]
        if b == 0xC2 { return b1 == 0xA0 ? 2 : b1 == 0x85 ? -2 : 0 }             // NBSP, NEL
        guard i + 2 < n else { return 0 }
        let b2 = p[i + 2]
        switch b {
        case 0xE2:
            if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF) { return 3 }              // U+2000...200A, U+202F
            if b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) { return -3 }             // U+2028, U+2029
            if b1 == 0x81 && b2 == 0x9F { return 3 }                              // U+205F
        case 0xE3:
            if b1 == 0x80 && b2 == 0x80 { return 3 }                              // U+3000
        default:
            if b1 == 0xBB && b2 == 0xBF { return 3 }                              // BOM
        }
        return 0
    }

    /// Copies the pending run `p[runStart..<end]` into `out`, preceded by one
    /// space when the line already has text: this is all of whitespace
    /// normalization. (A static function with `inout` arguments, not a
    /// closure, so the hot loop pays no dynamic exclusivity checks.)
    @inline(__always)
    private static func flush(_ out: inout [UInt8], _ runStart: inout Int, lineStart: Int, _ p: UnsafePointer<UInt8>, _ end: Int) {
        guard runStart >= 0 else { return }
        if out.count > lineStart { out.append(0x20) }
        out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: end - runStart))
        runStart = -1
    }

    private static func readLines(_ p: UnsafePointer<UInt8>, count n: Int, measureLimit: Int) -> LineTable {
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var lines: [Line] = []
        var lineStart = 0          // where the current line starts in `out`
        var runStart = -1          // start in `p` of the pending already-normal run, or -1
        var inWord = false
        var measured = 0           // bytes of the current line measured so far
        var words = 0, scalars = 0, letters = 0, uppercase = 0, lowercase = 0, digits = 0, junk = 0

        var i = 0
        while i < n {
            let width = spaceWidth(p, i, n)
            if width < 0 {                                   // line break
                flush(&out, &runStart, lineStart: lineStart, p, i)
                if out.count > lineStart {
                    var line = Line(range: lineStart..<out.count)
                    line.words = words; line.scalars = scalars; line.letters = letters
                    line.uppercase = uppercase; line.lowercase = lowercase; line.digits = digits; line.junk = junk
                    measureEnds(&line, out)
                    lines.append(line)
                }
                lineStart = out.count
                inWord = false
                measured = 0
                words = 0; scalars = 0; letters = 0; uppercase = 0; lowercase = 0; digits = 0; junk = 0
                i += -width
                continue
            }
            if width > 0 {                                   // whitespace
                inWord = false
                // A single ASCII space between two words is already normal:
                // keep the run going, so ordinary text is copied in one block.
                if width == 1 && p[i] == 0x20 && runStart >= 0 && i + 1 < n && spaceWidth(p, i + 1, n) == 0 {
                    i += 1
                    continue
                }
                flush(&out, &runStart, lineStart: lineStart, p, i)
                i += width
                continue
            }
            if runStart < 0 { runStart = i }
            if !inWord { words += 1; inWord = true }
            let b = p[i]
            if measured >= measureLimit {
                // Past the measuring window: skip quickly to the next byte
                // that may start whitespace or a line break (ASCII blanks, or
                // the lead bytes of NBSP/NEL, U+2000 spaces and separators,
                // U+3000, BOM); continuation bytes never do.
                // A single space between words stays in the run (words are
                // no longer counted here: a line this long is past every
                // word threshold, or is one unbroken blob).
                i += 1
                while i < n {
                    let c = p[i]
                    if c == 0x20, i + 1 < n {
                        let d = p[i + 1]
                        if d != 0x20 && !(d >= 0x09 && d <= 0x0D) && d != 0xC2 && d != 0xE2 && d != 0xE3 && d != 0xEF {
                            i += 2
                            continue
                        }
                    }
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0xC2 || c == 0xE2 || c == 0xE3 { break }
                    if c == 0xEF && i + 1 < n && p[i + 1] == 0xBB { break }
                    i += 1
                }
                continue
            }
            if b < 0x80 {
                scalars += 1
                if b >= 0x61 && b <= 0x7A { letters += 1; lowercase += 1 }
                else if b >= 0x41 && b <= 0x5A { letters += 1; uppercase += 1 }
                else if b >= 0x30 && b <= 0x39 { digits += 1 }
                else if b < 0x20 || b == 0x7F { junk += 1 }
                measured += 1
                i += 1
                continue
            }
            // Non-ASCII. The input is a Swift String, so it is valid UTF-8;
            // widths are still clamped so a bad count never reads past the end.
            let scalarWidth = Swift.min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1, n - i)
            let b1: UInt8 = i + 1 < n ? p[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? p[i + 2] : 0
            var letter = true
            switch b {
            case 0xC2:
                letter = false                                         // Latin-1 punctuation and symbols
                if b1 < 0xA0 { junk += 1 }                             // C1 controls
            case 0xC3:
                if b1 == 0x97 || b1 == 0xB7 { letter = false }         // × ÷
                else if b1 <= 0x9E { uppercase += 1 }
                else { lowercase += 1 }
            case 0xE2:
                // General punctuation, symbols, arrows, box drawing (U+2000–2BFF, U+2E00–2FFF)
                if b1 <= 0xAF || b1 >= 0xB8 { letter = false }
            case 0xE3:
                if b1 == 0x80 { letter = false }                       // CJK punctuation
            case 0xEF:
                if b1 == 0xBF && b2 == 0xBD { junk += 1; letter = false }          // U+FFFD
                else if b1 == 0xBC || b1 == 0xBD { letter = b2 >= 0x90 }           // fullwidth forms (approximate)
            default:
                break
            }
            scalars += 1
            if letter { letters += 1 }
            measured += scalarWidth
            i += scalarWidth
        }
        flush(&out, &runStart, lineStart: lineStart, p, n)
        if out.count > lineStart {
            var line = Line(range: lineStart..<out.count)
            line.words = words; line.scalars = scalars; line.letters = letters
            line.uppercase = uppercase; line.lowercase = lowercase; line.digits = digits; line.junk = junk
            measureEnds(&line, out)
            lines.append(line)
        }
        var table = LineTable()
        table.bytes = out
        table.lines = lines
        return table
    }

    /// Measures how a line starts and ends (terminal punctuation, bullets, case).
    private static func measureEnds(_ line: inout Line, _ bytes: [UInt8]) {
        let start = line.range.lowerBound
        var end = line.range.upperBound
        // Skip closing quotes and brackets: `“… now.”` ends a sentence.
        while end > start {
            let b = bytes[end - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x2A { end -= 1; continue }
            if end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 || bytes[end - 1] == 0xBA) { end -= 3; continue }
            if end - start >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xBB { end -= 2; continue }
            break
        }
        if end > start {
            let b = bytes[end - 1]
            switch b {
            case 0x2E: line.endsSentence = true; line.endsWithPeriod = true
            case 0x21, 0x3F: line.endsSentence = true
            case 0x3A: line.endsWithColon = true
            default:
                if end - start >= 3 {
                    let tail = (bytes[end - 3], bytes[end - 2], bytes[end - 1])
                    if tail == (0xE2, 0x80, 0xA6) { line.endsSentence = true; line.endsWithPeriod = true }   // …
                    else if tail == (0xE3, 0x80, 0x82) { line.endsSentence = true; line.endsWithPeriod = true } // 。
                    else if tail == (0xEF, 0xBC, 0x81) || tail == (0xEF, 0xBC, 0x9F) { line.endsSentence = true } // ！ ？
                }
            }
        }
        let first = bytes[start]
        let second: UInt8 = start + 1 < line.range.upperBound ? bytes[start + 1] : 0
        line.startsLowercase = (first >= 0x61 && first <= 0x7A) || (first == 0xC3 && second >= 0x9F && second != 0xB7)
        let bulletASCII = (first == 0x2D || first == 0x2A) && second == 0x20
        let bulletWide = first == 0xE2 && second == 0x80 && start + 2 < line.range.upperBound
            && [0xA2, 0x93, 0x94].contains(bytes[start + 2])
        let bulletMiddot = first == 0xC2 && second == 0xB7
        line.startsWithBullet = bulletASCII || bulletWide || bulletMiddot
    }
}
