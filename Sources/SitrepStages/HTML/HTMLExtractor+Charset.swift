import CLibXML2
import SitrepCore

/// How the page's bytes were turned into the UTF-8 that the parser reads.
struct HTMLCharsetDecision: Sendable, Equatable {
    /// The bytes handed to libxml2.
    var bytes: [UInt8]
    /// The encoding name handed to libxml2: `"UTF-8"` unless libxml2 itself
    /// converts a legacy multi-byte charset (Shift_JIS, EUC-KR, GBK, KOI8-R…).
    var encoding: String
    /// What was found, for diagnostics: `"bom:utf-16le"`, `"meta:windows-1252"`, `"sniffed:utf-8"`.
    var source: String
}

extension HTMLExtractor {
    /// Picks the page's character encoding and returns bytes for the parser.
    ///
    /// The order follows the HTML standard's "determining the character
    /// encoding", simplified: a byte order mark wins; then a charset declared
    /// in the first ``Settings/charsetPrescanBytes`` bytes (`<meta charset>` or
    /// `http-equiv="Content-Type" content="…; charset=…"`, both found by the
    /// `charset=` they share); then UTF-8 if the bytes are valid UTF-8; then
    /// Windows-1252, which is what browsers assume for undeclared legacy pages.
    ///
    /// A *wrong* declaration is common (a CMS template saying ISO-8859-1 over
    /// UTF-8 text): when the declared charset is a single-byte or legacy one but
    /// the bytes are valid UTF-8 with at least one multi-byte sequence, UTF-8 is
    /// used, because legacy text that happens to be valid multi-byte UTF-8 is
    /// vanishingly rare.
    static func decideCharset(_ raw: [UInt8], settings: Settings, transportCharset: String? = nil) -> HTMLCharsetDecision {
        // Byte order marks.
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            return HTMLCharsetDecision(bytes: repairUTF8(Array(raw[3...])), encoding: "UTF-8", source: "bom:utf-8")
        }
        if raw.count >= 2, raw[0] == 0xFF, raw[1] == 0xFE {
            return HTMLCharsetDecision(bytes: transcodeUTF16(raw[2...], littleEndian: true), encoding: "UTF-8", source: "bom:utf-16le")
        }
        if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            return HTMLCharsetDecision(bytes: transcodeUTF16(raw[2...], littleEndian: false), encoding: "UTF-8", source: "bom:utf-16be")
        }
        // A charset from HTTP's Content-Type outranks the page's own, as in browsers.
        let declared = transportCharset.map { $0.lowercased() } ?? declaredCharset(raw, limit: settings.charsetPrescanBytes)
        let scan = scanUTF8(raw)
        let validUTF8 = scan.valid
        let hasMultiByte = scan.valid && scan.hasMultiByte
        guard let declared else {
            if validUTF8 { return HTMLCharsetDecision(bytes: raw, encoding: "UTF-8", source: "sniffed:utf-8") }
            return HTMLCharsetDecision(bytes: decodeWindows1252(raw), encoding: "UTF-8", source: "fallback:windows-1252")
        }
        switch declared {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be":
            // A page served as UTF-16 without a BOM was transcoded by whoever
            // handed it to us; "utf-16" in a meta tag of ASCII bytes is a lie.
            if validUTF8 { return HTMLCharsetDecision(bytes: raw, encoding: "UTF-8", source: "meta:utf-8") }
            return HTMLCharsetDecision(bytes: decodeWindows1252(raw), encoding: "UTF-8", source: "fallback:windows-1252")
        case "iso-8859-1", "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "windows-1252", "cp1252",
             "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-8859-15", "iso8859-15", "latin-9":
            // The HTML standard maps all of these labels to Windows-1252.
            if hasMultiByte { return HTMLCharsetDecision(bytes: raw, encoding: "UTF-8", source: "sniffed:utf-8") }
            return HTMLCharsetDecision(bytes: decodeWindows1252(raw), encoding: "UTF-8", source: "meta:windows-1252")
        default:
            if hasMultiByte { return HTMLCharsetDecision(bytes: raw, encoding: "UTF-8", source: "sniffed:utf-8") }
            // A legacy charset libxml2 can convert (through iconv).
            let known = declared.withCString { xmlFindCharEncodingHandler($0) }
            if let known {
                xmlCharEncCloseFunc(known)
                return HTMLCharsetDecision(bytes: raw, encoding: declared, source: "meta:\(declared)")
            }
            if validUTF8 { return HTMLCharsetDecision(bytes: raw, encoding: "UTF-8", source: "sniffed:utf-8") }
            return HTMLCharsetDecision(bytes: decodeWindows1252(raw), encoding: "UTF-8", source: "fallback:windows-1252")
        }
    }

    /// A fetched page's bytes as text, decoded the way ``extract(bytes:url:)``
    /// decodes them (byte order mark, then `transportCharset` — the HTTP
    /// `Content-Type` charset, which outranks the page's `<meta>` — then the
    /// page's declaration, then UTF-8 if valid, else Windows-1252), for inputs
    /// such as WARC records that must become an `html` string.
    ///
    /// Legacy multi-byte charsets (Shift_JIS, GBK, EUC-KR, KOI8-R…) are
    /// converted with libxml2's converters (iconv underneath); a charset no
    /// converter knows falls back to Windows-1252, so no byte is dropped.
    public static func decodePage(_ raw: [UInt8], transportCharset: String? = nil, settings: Settings = .init()) -> String {
        let decision = decideCharset(raw, settings: settings, transportCharset: transportCharset)
        if decision.encoding == "UTF-8" { return String(decoding: decision.bytes, as: UTF8.self) }
        if let converted = convertToUTF8(decision.bytes, from: decision.encoding) {
            return String(decoding: converted, as: UTF8.self)
        }
        return String(decoding: decodeWindows1252(decision.bytes), as: UTF8.self)
    }

    /// Converts `raw` from `encoding` to UTF-8 with libxml2's converter for
    /// it; nil when there is none or the bytes do not convert.
    static func convertToUTF8(_ raw: [UInt8], from encoding: String) -> [UInt8]? {
        guard let handler = encoding.withCString({ xmlFindCharEncodingHandler($0) }) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(raw.count + 1), let output = xmlBufferCreateSize(raw.count * 2 + 16) else { return nil }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        let added = raw.withUnsafeBufferPointer { buffer in
            xmlBufferAdd(input, buffer.baseAddress, Int32(clamping: buffer.count))
        }
        guard added == 0, xmlCharEncInFunc(handler, output, input) >= 0, let content = xmlBufferContent(output) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }

    /// The lowercased charset label after the first `charset=` in the page's
    /// first `limit` bytes, if any.
    static func declaredCharset(_ raw: [UInt8], limit: Int) -> String? {
        let end = min(raw.count, limit)
        let needle: [UInt8] = Array("charset".utf8)
        var i = 0
        while i + needle.count < end {
            var match = true
            for k in 0..<needle.count where raw[i + k] | 0x20 != needle[k] {
                match = false
                break
            }
            if !match { i += 1; continue }
            var j = i + needle.count
            while j < end, raw[j] == 0x20 || raw[j] == 0x09 { j += 1 }
            guard j < end, raw[j] == UInt8(ascii: "=") else { i = j; continue }
            j += 1
            while j < end, raw[j] == 0x20 || raw[j] == 0x09 || raw[j] == 0x22 || raw[j] == 0x27 { j += 1 }
            var label: [UInt8] = []
            while j < end, label.count < 40 {
                let c = raw[j] | 0x20
                let isLabel = (c >= 0x61 && c <= 0x7A) || (raw[j] >= 0x30 && raw[j] <= 0x39)
                    || raw[j] == UInt8(ascii: "-") || raw[j] == UInt8(ascii: "_") || raw[j] == UInt8(ascii: ".") || raw[j] == UInt8(ascii: ":")
                guard isLabel else { break }
                label.append(raw[j] >= 0x41 && raw[j] <= 0x5A ? raw[j] | 0x20 : raw[j])
                j += 1
            }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            i = j
        }
        return nil
    }

    /// Windows-1252 to UTF-8. Bytes 0x80–0x9F map to the typographic
    /// characters Windows puts there (curly quotes, dashes, €), as browsers do.
    static func decodeWindows1252(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for byte in raw {
            if byte < 0x80 { out.append(byte); continue }
            let scalar: UInt32 = byte < 0xA0 ? UInt32(windows1252High[Int(byte - 0x80)]) : UInt32(byte)
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    /// Valid UTF-8 with each invalid byte replaced by U+FFFD.
    static func repairUTF8(_ raw: [UInt8]) -> [UInt8] {
        if scanUTF8(raw).valid { return raw }
        return Array(String(decoding: raw, as: UTF8.self).utf8)
    }

    /// Whether `raw` is valid UTF-8 (no overlongs, surrogates or values past
    /// U+10FFFF), and whether it holds any multi-byte sequence.
    ///
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time, as
    ///   every page is scanned once before parsing.
    static func scanUTF8(_ raw: [UInt8]) -> (valid: Bool, hasMultiByte: Bool) {
        raw.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            guard let base = buffer.baseAddress else { return (true, false) }
            var i = 0
            var multi = false
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let c = buffer[i]
                if c < 0x80 { i += 1; continue }
                multi = true
                func cont(_ k: Int) -> Bool { i + k < n && buffer[i + k] & 0xC0 == 0x80 }
                if c >= 0xC2 && c <= 0xDF {
                    guard cont(1) else { return (false, multi) }
                    i += 2
                } else if c >= 0xE0 && c <= 0xEF {
                    guard cont(1), cont(2) else { return (false, multi) }
                    let c1 = buffer[i + 1]
                    if c == 0xE0 && c1 < 0xA0 { return (false, multi) }   // overlong
                    if c == 0xED && c1 >= 0xA0 { return (false, multi) }  // surrogate
                    i += 3
                } else if c >= 0xF0 && c <= 0xF4 {
                    guard cont(1), cont(2), cont(3) else { return (false, multi) }
                    let c1 = buffer[i + 1]
                    if c == 0xF0 && c1 < 0x90 { return (false, multi) }
                    if c == 0xF4 && c1 >= 0x90 { return (false, multi) }
                    i += 4
                } else {
                    return (false, multi)
                }
            }
            return (true, multi)
        }
    }

    static func transcodeUTF16(_ raw: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var i = raw.startIndex
        while i + 1 < raw.endIndex {
            let a = UInt16(raw[i]), b = UInt16(raw[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F (undefined ones map to themselves).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
