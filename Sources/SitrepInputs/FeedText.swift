import CLibXML2

/// Text helpers for feed fields: reading libxml2 nodes into UTF-8 bytes,
/// serializing inline XHTML, and the clean-up titles need. Everything works
/// on `[UInt8]` and makes one `String` at the end.
enum FeedText {
    // MARK: Reading nodes

    /// The text below `node`: text and CDATA nodes in document order, element
    /// tags dropped, undeclared entity references kept as `&name;`.
    static func text(of node: xmlNodePtr) -> [UInt8] {
        var out: [UInt8] = []
        appendText(of: node, to: &out)
        return out
    }

    /// libxml2's default depth limit (256 without `XML_PARSE_HUGE`) bounds this recursion.
    private static func appendText(of node: xmlNodePtr, to out: inout [UInt8]) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendCString(current.pointee.content, to: &out)
            case XML_ENTITY_REF_NODE:
                // Only undeclared entities get here (declarations are refused);
                // keep the reference for the HTML-aware consumers downstream.
                out.append(UInt8(ascii: "&"))
                appendCString(current.pointee.name, to: &out)
                out.append(UInt8(ascii: ";"))
            case XML_ELEMENT_NODE:
                appendText(of: current, to: &out)
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// Whether `node` has element children (inline XHTML instead of escaped HTML).
    static func hasElementChildren(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return true }
            child = current.pointee.next
        }
        return false
    }

    /// The children of `node` serialized as HTML: local names without
    /// namespace prefixes, text escaped, void elements without end tags.
    ///
    /// Used for Atom `type="xhtml"` content and for RSS descriptions that carry
    /// raw XHTML instead of escaped HTML. libxml2's own serializer would keep
    /// prefixes (`<xhtml:p>`) and `xmlns` attributes that HTML parsers do not expect.
    static func innerHTML(of node: xmlNodePtr) -> [UInt8] {
        var out: [UInt8] = []
        var child = node.pointee.children
        while let current = child {
            appendHTML(of: current, to: &out)
            child = current.pointee.next
        }
        return out
    }

    private static let voidElements: Set<[UInt8]> = Set(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"].map { Array($0.utf8) })

    private static func appendHTML(of node: xmlNodePtr, to out: inout [UInt8]) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            appendEscaped(node.pointee.content, to: &out, inAttribute: false)
        case XML_ENTITY_REF_NODE:
            out.append(UInt8(ascii: "&"))
            appendCString(node.pointee.name, to: &out)
            out.append(UInt8(ascii: ";"))
        case XML_ELEMENT_NODE:
            var name: [UInt8] = []
            appendCString(node.pointee.name, to: &name)
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name)
            var attribute = node.pointee.properties
            while let current = attribute {
                out.append(0x20)
                appendCString(current.pointee.name, to: &out)
                out.append(contentsOf: Array("=\"".utf8))
                var valueNode = current.pointee.children
                while let value = valueNode {
                    appendEscaped(value.pointee.content, to: &out, inAttribute: true)
                    valueNode = value.pointee.next
                }
                out.append(UInt8(ascii: "\""))
                attribute = current.pointee.next
            }
            out.append(UInt8(ascii: ">"))
            if voidElements.contains(name) && node.pointee.children == nil { return }
            var child = node.pointee.children
            while let current = child {
                appendHTML(of: current, to: &out)
                child = current.pointee.next
            }
            out.append(contentsOf: Array("</".utf8))
            out.append(contentsOf: name)
            out.append(UInt8(ascii: ">"))
        default:
            break  // comments, processing instructions
        }
    }

    static func appendCString(_ pointer: UnsafePointer<xmlChar>?, to out: inout [UInt8]) {
        guard let pointer else { return }
        var index = 0
        while pointer[index] != 0 {
            out.append(pointer[index])
            index += 1
        }
    }

    private static func appendEscaped(_ pointer: UnsafePointer<xmlChar>?, to out: inout [UInt8], inAttribute: Bool) {
        guard let pointer else { return }
        var index = 0
        while pointer[index] != 0 {
            let byte = pointer[index]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): out.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\"") where inAttribute: out.append(contentsOf: Array("&quot;".utf8))
            default: out.append(byte)
            }
            index += 1
        }
    }

    /// The value of `node`'s attribute `name`: the one without a namespace, or in `namespace` when given.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString, namespace: StaticString? = nil) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if cStringEquals(current.pointee.name, name) {
                let matches: Bool
                if let namespace {
                    matches = cStringEquals(current.pointee.ns?.pointee.href, namespace)
                } else {
                    matches = current.pointee.ns == nil
                }
                if matches {
                    var value: [UInt8] = []
                    var child = current.pointee.children
                    while let text = child {
                        appendCString(text.pointee.content, to: &value)
                        child = text.pointee.next
                    }
                    return String(decoding: value, as: UTF8.self)
                }
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether a NUL-terminated libxml2 string equals `expected`.
    static func cStringEquals(_ pointer: UnsafePointer<xmlChar>?, _ expected: StaticString) -> Bool {
        guard let pointer else { return false }
        return expected.withUTF8Buffer { bytes in
            for index in 0..<bytes.count where pointer[index] != bytes[index] { return false }
            return pointer[bytes.count] == 0
        }
    }

    // MARK: Cleaning

    /// ASCII whitespace runs (and no-break spaces) become one space; ends trimmed.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var isSpace = isASCIIWhitespace(byte)
            var width = 1
            if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 {
                isSpace = true  // U+00A0, which `&nbsp;` in titles becomes
                width = 2
            }
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            index += width
        }
        return out
    }

    /// Leading and trailing ASCII whitespace removed.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var lower = 0, upper = bytes.count
        while lower < upper && isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower && isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        return Array(bytes[lower..<upper])
    }

    /// `<…>` tags removed (for titles given as HTML); a tag becomes nothing, so
    /// `<b>Bold</b> move` reads "Bold move".
    static func strippingTags(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isTagStart(bytes, at: index),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                index = close + 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    /// Whether `<` at `index` opens a tag, end tag or comment (`<p`, `</p`, `<!--`), not a lone "less than".
    private static func isTagStart(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        if isASCIILetter(next) { return true }
        if next == UInt8(ascii: "/") { return index + 2 < bytes.count && isASCIILetter(bytes[index + 2]) }
        if next == UInt8(ascii: "!") { return index + 3 < bytes.count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-") }
        return false
    }

    /// Whether decoded text is HTML rather than plain text: it holds a tag
    /// (`<p>`, `</a>`, `<br/>`, `<!--`) or a character reference (`&amp;`,
    /// `&#8217;`). RSS puts escaped HTML in `<description>`; once libxml2 has
    /// unescaped it, markup is what tells HTML from text that merely mentions
    /// "a < b".
    static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") && isTagStart(bytes, at: index) {
                // `<word` must go on like a tag: `>`, `/`, whitespace or an attribute.
                var end = index + 1
                if bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "!") { return true }
                while end < bytes.count && (isASCIILetter(bytes[end]) || (bytes[end] >= 0x30 && bytes[end] <= 0x39)) { end += 1 }
                if end < bytes.count && (bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/") || isASCIIWhitespace(bytes[end])) {
                    return true
                }
            } else if byte == UInt8(ascii: "&"), characterReference(in: bytes, at: index) != nil {
                return true
            }
            index += 1
        }
        return false
    }

    // MARK: Character references

    /// Named references decoded in titles: XML's five, plus the typographic
    /// ones that double-escaped WordPress titles carry (`&amp;#8217;` and `&amp;rsquo;`).
    private static let namedReferences: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC, "pound": 0xA3, "deg": 0xB0,
        "eacute": 0xE9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "oacute": 0xF3, "uacute": 0xFA,
        "iacute": 0xED, "ntilde": 0xF1, "ccedil": 0xE7, "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "szlig": 0xDF,
    ]

    /// The scalar and length of the character reference (`&name;`, `&#NNN;`,
    /// `&#xHH;`) at `index`, if it is one this decoder knows.
    static func characterReference(in bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "&") else { return nil }
        // References are short; a `;` further away is not this one's.
        let searchEnd = min(bytes.count, index + 12)
        guard let semicolon = bytes[(index + 1)..<searchEnd].firstIndex(of: UInt8(ascii: ";")), semicolon > index + 1 else { return nil }
        let body = bytes[(index + 1)..<semicolon]
        let length = semicolon - index + 1
        if body.first == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            for digit in digits {
                let d: UInt32
                switch digit {
                case 0x30...0x39: d = UInt32(digit - 0x30)
                case 0x41...0x46 where radix == 16: d = UInt32(digit - 0x41 + 10)
                case 0x61...0x66 where radix == 16: d = UInt32(digit - 0x61 + 10)
                default: return nil
                }
                value = value * radix + d
            }
            // NUL, surrogates and out-of-range values become U+FFFD, as in HTML.
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? Unicode.Scalar(0xFFFD as UInt32)
            return scalar.map { ($0, length) }
        }
        guard body.allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) }),
              let value = namedReferences[String(decoding: body, as: UTF8.self)],
              let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, length)
    }

    /// Character references decoded; unknown ones left as they are.
    static func decodingCharacterReferences(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let reference = characterReference(in: bytes, at: index) {
                UTF8.encode(reference.scalar) { out.append($0) }
                index += reference.length
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}

@inline(__always)
func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}
