import SitrepCore

/// A speed step before parsing: drops the contents of elements that can never
/// hold article text.
///
/// On the development pages more than half of the bytes are inside `<script>`
/// (34 %) and `<style>` (23 %) elements, and libxml2 2.9's HTML parser reads
/// each of those bytes through its character-by-character input layer. The
/// HTML standard makes these *raw text* elements: their content ends at the
/// first `</script` (or `</style`) whatever it contains, so cutting it out
/// here cannot change how the rest of the page parses. Comments likewise end
/// at the first `-->`. `<svg>` is not raw text, but its drawing never holds
/// article text; cutting to its first `</svg` at worst leaves a nested
/// drawing's tail to the parser. `<noscript>` is raw text too in a browser
/// with scripting on, and holds tracking pixels and "enable JavaScript" notes.
///
/// This is not a tag scanner: it recognises only these four openings and
/// their terminators and copies everything else byte for byte. JSON-LD
/// scripts (`type="application/ld+json"`) are kept because they carry the
/// headline, author and date. Switch it off with ``HTMLExtractor/Settings/dropRawTextBeforeParsing``.
enum HTMLPrefilter {
    /// The page with script, style, comment and svg contents removed.
    ///
    /// - Complexity: O(n) in the page's bytes.
    static func apply(_ page: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(page.count / 2)
        page.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var copied = 0  // page[copied..<i] is still to be copied
            var i = 0
            while i < n {
                guard let open = buffer.firstOffset(of: UInt8(ascii: "<"), from: i, to: n) else { break }
                i = open
                // Comment: drop "<!-- … -->".
                if i + 3 < n, buffer[i + 1] == UInt8(ascii: "!"), buffer[i + 2] == UInt8(ascii: "-"), buffer[i + 3] == UInt8(ascii: "-") {
                    out.append(contentsOf: buffer[copied..<i])
                    let end = find(buffer, "-->", from: i + 4, caseInsensitive: false)
                    i = end.map { $0 + 3 } ?? n
                    copied = i
                    continue
                }
                guard let name = rawTextName(buffer, at: i + 1) else { i += 1; continue }
                // Find the end of the opening tag, minding quoted attribute values.
                var j = i + 1 + name.count
                var quote: UInt8 = 0
                while j < n {
                    let c = buffer[j]
                    if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == UInt8(ascii: ">") { break }
                    j += 1
                }
                guard j < n else { break }  // an unterminated tag: leave it to the parser
                let selfClosing = buffer[j - 1] == UInt8(ascii: "/")
                if selfClosing || (name == "script" && isJSONLD(buffer, i..<j)) {
                    i = j + 1
                    continue
                }
                // Keep the opening tag, drop the contents up to the closing tag.
                out.append(contentsOf: buffer[copied...j])
                let close = find(buffer, "</" + name, from: j + 1, caseInsensitive: true)
                i = close ?? n
                copied = i
                if close != nil { i += 2 }
            }
            out.append(contentsOf: buffer[copied..<n])
        }
        return out
    }

    private static let rawTextNames = ["script", "style", "svg", "noscript"]

    /// The raw-text element name opening at `start` (just after `<`), if any.
    private static func rawTextName(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        guard start < buffer.count else { return nil }
        let first = buffer[start] | 0x20
        guard first == UInt8(ascii: "s") || first == UInt8(ascii: "n") else { return nil }
        for name in rawTextNames {
            let utf8 = name.utf8
            let end = start + utf8.count
            guard end < buffer.count else { continue }
            var k = start
            var match = true
            for c in utf8 {
                if buffer[k] | 0x20 != c { match = false; break }
                k += 1
            }
            guard match else { continue }
            let after = buffer[end]
            if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C
                || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") {
                return name
            }
        }
        return nil
    }

    private static func isJSONLD(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        find(UnsafeBufferPointer(rebasing: buffer[range]), "ld+json", from: 0, caseInsensitive: true) != nil
    }

    /// Offset of the first occurrence of `needle` (ASCII) at or after `from`.
    private static func find(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: String, from: Int, caseInsensitive: Bool) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, buffer.count >= pattern.count else { return nil }
        let last = buffer.count - pattern.count
        var i = from
        while i <= last {
            // The scan crosses whole scripts and style sheets, half of a page's bytes.
            guard let candidate = buffer.firstOffset(of: first, from: i, to: last + 1) else { return nil }
            i = candidate
            var k = 1
            while k < pattern.count {
                let c = caseInsensitive ? buffer[i + k] | 0x20 : buffer[i + k]
                let p = caseInsensitive ? pattern[k] | 0x20 : pattern[k]
                // `|0x20` folds ASCII letters only; the patterns here hold no
                // byte that folding could confuse with another pattern byte.
                if c != p { break }
                k += 1
            }
            if k == pattern.count { return i }
            i += 1
        }
        return nil
    }
}
