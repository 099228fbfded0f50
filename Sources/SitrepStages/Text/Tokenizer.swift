import SitrepCore

/// A Penn-Treebank-like rule tokenizer over UTF-8 bytes.
///
/// It works on the ``NormalizedText`` view (so `don’t` splits like `don't`) and
/// returns spans into the original text. Within each white-space-separated chunk:
///
/// 1. URLs (`http://`, `https://`, `www.`) and e-mail addresses stay whole; trailing
///    punctuation and an unbalanced `)` are split off.
/// 2. Opening quotes and brackets are split off the front; closing quotes, brackets,
///    `, ; : ! ? %` and `...` off the back; an elision mark `[...]` is one token. A final `.` is split off unless the word
///    before it is an abbreviation (the lists in `Resources/Abbreviations.swift`, an
///    initial such as `J`, or a dotted word such as `U.S`).
/// 3. What remains is cut into words and symbols. A word runs over letters, digits
///    and marks of any script, and over these joiners when a word character follows:
///    `-` from a hyphen (not from an en or em dash), `.` between letters or digits
///    (`U.S`, `3.5`, `e.g`), `,` between digits (`5,200`), `'` between letters
///    (`O'Brien`), `&` between capitals (`AT&T`), `:` and `/` between digits
///    (`10:30`, `24/7`). `#tag` and `@handle` are words. Runs of `.` or `-` are one
///    token; any other symbol is a token of its own (`$ 5`, `50 %`), and a run of
///    emoji (with their modifiers and, in the original, joiners) is one token.
///    `'90s` keeps its apostrophe.
/// 4. Clitics are split from words: `n't` (`do n't`, `ca n't`), `'s`, `'re`, `'ve`,
///    `'ll`, `'d`, `'m`, and `cannot` becomes `can not`; the `'` of a plural possessive
///    (`teachers'`) is split by rule 2.
///
/// Tokens never cross sentence ends: each sentence is tokenized on its own.
///
/// ```swift
/// let text = "Ruritania's army can't stop al-Sadr."
/// Tokenizer().tokenize(text, sentences: [TextSpan(start: 0, end: 36)])
/// // Ruritania | 's | army | ca | n't | stop | al-Sadr | .
/// ```
///
/// - Complexity: O(n) in the UTF-8 length of the sentences, plus O(log n) per sentence.
public struct Tokenizer: Sendable {
    private let table: AbbreviationTable

    public init() {
        table = AbbreviationTable.shared
    }

    /// The tokens of `text` inside `sentences`.
    ///
    /// - Parameters:
    ///   - text: the whole text.
    ///   - sentences: sorted, non-overlapping spans of `text` (UTF-8 bytes, scalar boundaries).
    /// - Returns: token spans in UTF-8 bytes into `text`: sorted, non-overlapping, on
    ///   scalar boundaries, each inside one sentence. White space is never part of a token.
    public func tokenize(_ text: String, sentences: [TextSpan]) -> [TextSpan] {
        tokensBySentence(text, sentences: sentences).tokens.map(\.span)
    }

    /// ``tokenize(_:sentences:)``'s tokens, with the range of them that each
    /// sentence holds (one range per sentence, in order, empty for a
    /// sentence without tokens), as ``Document/setTokens(_:sentenceTokenRanges:)``
    /// takes them. No token is empty.
    public func tokensBySentence(_ text: String, sentences: [TextSpan]) -> (tokens: [Token], sentenceTokenRanges: [Range<Int>]) {
        let view = NormalizedText(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(view.bytes.count / 5)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        for sent in sentences {
            precondition(sent.end <= view.originalBytes.count, "sentence \(sent) ends past the text (\(view.originalBytes.count) bytes)")
            let range = view.normalizedSpan(sent)
            var scanner = Scanner(view: view, table: table)
            scanner.tokenize(range)
            let first = tokens.count
            for token in scanner.tokens {
                let span = view.originalSpan(token)
                let start = max(span.start, sent.start), end = min(span.end, sent.end)
                if start < end { tokens.append(Token(span: TextSpan(start: start, end: end))) }
            }
            ranges.append(first..<tokens.count)
        }
        return (tokens, ranges)
    }

    /// The tokens of one range of a normalized view, as spans of `view.bytes`.
    public func tokens(in view: NormalizedText, range: TextSpan) -> [TextSpan] {
        var scanner = Scanner(view: view, table: table)
        scanner.tokenize(range)
        return scanner.tokens
    }
}

// MARK: - Scanner

extension Tokenizer {
    struct Scanner {
        let view: NormalizedText
        let b: [UInt8]
        let table: AbbreviationTable
        var tokens: [TextSpan] = []

        init(view: NormalizedText, table: AbbreviationTable) {
            self.view = view
            b = view.bytes
            self.table = table
        }

        mutating func tokenize(_ range: TextSpan) {
            var i = range.start
            let end = range.end
            while i < end {
                while i < end && ByteClass.isSpace(b[i]) { i += 1 }
                if i >= end { break }
                var chunkEnd = i
                while chunkEnd < end && !ByteClass.isSpace(b[chunkEnd]) { chunkEnd += 1 }
                chunk(i, chunkEnd)
                i = chunkEnd
            }
        }

        mutating func emit(_ start: Int, _ end: Int) {
            if start < end { tokens.append(TextSpan(start: start, end: end)) }
        }

        // MARK: Chunks

        mutating func chunk(_ start: Int, _ end: Int) {
            var p = start, q = end
            // Opening quotes and brackets, and leading symbols other than # and @.
            while p < q {
                let c = b[p]
                // An elision mark "[...]" is one token.
                if c == 0x5B && p + 4 < q && b[p + 1] == 0x2E && b[p + 2] == 0x2E && b[p + 3] == 0x2E && b[p + 4] == 0x5D {
                    emit(p, p + 5); p += 5; continue
                }
                if ByteClass.isOpener(c) || c == 0x3C {
                    // '90s keeps its apostrophe.
                    if c == 0x27 && p + 1 < q && ByteClass.isDigit(b[p + 1]) { break }
                    emit(p, p + 1); p += 1
                } else { break }
            }
            if p >= q { return }
            if let urlEnd = urlOrEmailEnd(p, q) {
                emit(p, urlEnd)
                middle(urlEnd, q, keepFinalPeriod: false)
                return
            }
            // Closing material, peeled from the back and emitted after the middle.
            var suffixes: [TextSpan] = []
            var keepFinalPeriod = false
            while q > p {
                let c = b[q - 1]
                if c == 0x2E {
                    var r = q - 1
                    while r > p && b[r - 1] == 0x2E { r -= 1 }
                    if q - r >= 2 { suffixes.append(TextSpan(start: r, end: q)); q = r; continue }
                    if q - 1 > p && isAbbreviation(p, q - 1) { keepFinalPeriod = true; q -= 1; break }
                    suffixes.append(TextSpan(start: q - 1, end: q)); q -= 1
                } else if ByteClass.isCloser(c) || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x25 || c == 0x3E {
                    suffixes.append(TextSpan(start: q - 1, end: q)); q -= 1
                } else {
                    break
                }
            }
            middle(p, q, keepFinalPeriod: keepFinalPeriod)
            for span in suffixes.reversed() { emit(span.start, span.end) }
        }

        /// Whether `b[p..<q]` followed by `.` is an abbreviation whose period stays on it.
        func isAbbreviation(_ p: Int, _ q: Int) -> Bool {
            let word = b[p..<q]
            if table.kind(of: word) != nil { return true }
            if q - p == 1 && ByteClass.isASCIILetter(b[p]) { return true }
            // Dotted letters: U.S, e.g, Ph.D, a.m (pieces of at most 3 letters).
            var piece = 0, sawPeriod = false
            for byte in word {
                if byte == 0x2E {
                    if piece == 0 { return false }
                    sawPeriod = true; piece = 0
                } else if ByteClass.isASCIILetter(byte) {
                    piece += 1
                    if piece > 3 { return false }
                } else { return false }
            }
            return sawPeriod
        }

        /// The end of a URL or e-mail address starting at `p`, before trailing punctuation.
        func urlOrEmailEnd(_ p: Int, _ q: Int) -> Int? {
            func hasPrefix(_ s: StaticString) -> Bool {
                let n = s.utf8CodeUnitCount
                guard q - p > n else { return false }
                let base = s.utf8Start
                for k in 0..<n {
                    var c = b[p + k]
                    if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    if c != base[k] { return false }
                }
                return true
            }
            var isLink = hasPrefix("http://") || hasPrefix("https://") || hasPrefix("ftp://") || hasPrefix("www.")
            if !isLink {
                // user@host.tld: letters before @, a period after it.
                var at = -1
                for k in p..<q where b[k] == 0x40 { at = k; break }
                if at > p, ByteClass.isASCIIAlnum(b[at - 1]) {
                    var k = at + 1
                    while k < q - 1 && b[k] != 0x2E { k += 1 }
                    isLink = k < q - 1 && b[k] == 0x2E && ByteClass.isASCIIAlnum(b[k + 1])
                }
            }
            guard isLink else { return nil }
            var e = q
            var opens = 0, closes = 0
            for k in p..<q { if b[k] == 0x28 { opens += 1 } else if b[k] == 0x29 { closes += 1 } }
            while e > p {
                let c = b[e - 1]
                if c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x22 || c == 0x27 || c == 0x5D || c == 0x3E {
                    e -= 1
                } else if c == 0x29 && closes > opens {
                    closes -= 1; e -= 1
                } else { break }
            }
            return e
        }

        // MARK: Words and symbols

        mutating func middle(_ p: Int, _ q: Int, keepFinalPeriod: Bool) {
            var j = p
            while j < q {
                let c = b[j]
                // '90s: an apostrophe eliding a century opens the word.
                let elision = c == 0x27 && j + 1 < q && ByteClass.isDigit(b[j + 1])
                if elision || isWordChar(j) {
                    var k = j + scalarLength(j)
                    while k < q {
                        if isWordChar(k) { k += scalarLength(k); continue }
                        if k + 1 < q && isJoiner(k) && isWordChar(k + 1) { k += 1; continue }
                        break
                    }
                    word(j, k)
                    j = k
                } else if (c == 0x23 || c == 0x40) && j + 1 < q && isWordChar(j + 1) {
                    var k = j + 1
                    while k < q && isWordChar(k) { k += scalarLength(k) }
                    emit(j, k)
                    j = k
                } else if c == 0x2E || c == 0x2D {
                    var k = j + 1
                    while k < q && b[k] == c { k += 1 }
                    emit(j, k)
                    j = k
                } else {
                    j = symbol(j, q)
                }
            }
            if keepFinalPeriod, let last = tokens.last, last.end == q {
                tokens[tokens.count - 1] = TextSpan(start: last.start, end: q + 1)
            } else if keepFinalPeriod {
                emit(q, q + 1)
            }
        }

        /// Emits one word, splitting clitics off its end.
        mutating func word(_ start: Int, _ end: Int) {
            let length = end - start
            @inline(__always) func lower(_ k: Int) -> UInt8 {
                let c = b[k]
                return c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            }
            // n't (do n't, ca n't, wo n't)
            if length > 3 && lower(end - 1) == 0x74 && b[end - 2] == 0x27 && lower(end - 3) == 0x6E {
                emit(start, end - 3); emit(end - 3, end); return
            }
            // 's 'd 'm
            if length > 2 && b[end - 2] == 0x27 {
                let c = lower(end - 1)
                if c == 0x73 || c == 0x64 || c == 0x6D { emit(start, end - 2); emit(end - 2, end); return }
            }
            // 're 've 'll
            if length > 3 && b[end - 3] == 0x27 {
                let (c1, c2) = (lower(end - 2), lower(end - 1))
                if (c1 == 0x72 && c2 == 0x65) || (c1 == 0x76 && c2 == 0x65) || (c1 == 0x6C && c2 == 0x6C) {
                    emit(start, end - 3); emit(end - 3, end); return
                }
            }
            // cannot
            if length == 6 && lower(start) == 0x63 && lower(start + 1) == 0x61 && lower(start + 2) == 0x6E
                && lower(start + 3) == 0x6E && lower(start + 4) == 0x6F && lower(start + 5) == 0x74 {
                emit(start, start + 3); emit(start + 3, end); return
            }
            emit(start, end)
        }

        /// Emits the symbol at `j` (with following marks and variation selectors; a run of
        /// emoji stays together) and returns the offset after it.
        mutating func symbol(_ j: Int, _ q: Int) -> Int {
            var k = j + scalarLength(j)
            let emoji = isEmoji(j)
            while k < q {
                guard let s = ByteClass.scalar(b, k) else { break }
                let v = s.value
                let attaches = (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1F3FB && v <= 0x1F3FF)
                    || (v >= 0xE0020 && v <= 0xE007F) || v == 0x20E3 || isMark(s) || (emoji && isEmoji(k))
                if !attaches { break }
                k += scalarLength(k)
            }
            emit(j, k)
            return k
        }

        @inline(__always) func scalarLength(_ k: Int) -> Int {
            min(UTF8Bytes.sequenceLength(b[k]), b.count - k)
        }

        /// Letters, digits, `_` and marks of any script.
        @inline(__always) func isWordChar(_ k: Int) -> Bool {
            let c = b[k]
            if c < 0x80 { return ByteClass.isASCIIAlnum(c) || c == 0x5F }
            guard let s = ByteClass.scalar(b, k) else { return false }
            let properties = s.properties
            return properties.isAlphabetic || properties.numericType != nil || isMark(s)
        }

        @inline(__always) func isMark(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }

        func isEmoji(_ k: Int) -> Bool {
            guard b[k] >= 0x80, let s = ByteClass.scalar(b, k) else { return false }
            return s.properties.isEmojiPresentation || (s.properties.isEmoji && s.value >= 0x2100)
        }

        /// Whether the byte at `k` joins the word before it to the word character after it.
        func isJoiner(_ k: Int) -> Bool {
            let before = b[k - 1], after = b[k + 1]
            switch b[k] {
            case 0x2D: return !view.isDash(at: k)
            case 0x2E: return ByteClass.isASCIIAlnum(before) && ByteClass.isASCIIAlnum(after)
            case 0x2C, 0x3A, 0x2F: return ByteClass.isDigit(before) && ByteClass.isDigit(after)
            case 0x27: return ByteClass.isASCIILetter(before) && ByteClass.isASCIILetter(after) || before >= 0x80 && after >= 0x80
            case 0x26: return ByteClass.isUpperASCII(before) && ByteClass.isUpperASCII(after)
            default: return false
            }
        }
    }
}
