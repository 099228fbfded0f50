/// Appends compact JSON to a byte buffer, in the order fields are written.
///
/// The interchange output is written field by field in the documented order
/// (a `Codable` encoder would reorder keys and allocate a tree per document).
/// Strings are escaped per RFC 8259; U+2028 and U+2029 are escaped too so the
/// output can be embedded in JavaScript.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current container needs a leading comma:
    /// bit `depth` of `commaBits`, one bit per open container (64 levels; the
    /// interchange output nests five), deeper levels in `deeper`.
    private var commaBits: UInt64 = 0
    private var depth = 0
    private var deeper: [Bool] = []

    public init(reservingCapacity capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); push() }
    public mutating func endObject() { pop(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); push() }
    public mutating func endArray() { pop(); bytes.append(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        setNeedsComma(false)
    }

    /// Writes an object key given at run time, escaped.
    ///
    /// Labelled so that a literal key (`key("text")`) always takes the
    /// `StaticString` overload above: unlabelled, a literal picked this one,
    /// and every key of every document was escaped at run time.
    public mutating func key(dynamic name: String) {
        separate()
        appendEscaped(name)
        bytes.append(UInt8(ascii: ":"))
        setNeedsComma(false)
    }

    // MARK: scalars

    public mutating func null() { separate(); append("null") }
    public mutating func bool(_ value: Bool) { separate(); append(value ? "true" : "false") }
    public mutating func int(_ value: Int) { separate(); appendDecimal(value) }

    /// Writes a finite double in its shortest round-trip form; NaN and infinities become `null`.
    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else { append("null"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            append(String(Int(value)))
        } else {
            append(String(value))
        }
    }

    public mutating func string(_ value: String) { separate(); appendEscaped(value) }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes a parsed value back out (numbers keep their source digits).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(b): bool(b)
        case let .number(_, text): separate(); append(text)
        case let .string(s): string(s)
        case let .array(elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case let .object(members):
            beginObject()
            for member in members { key(dynamic: member.key); self.value(member.value) }
            endObject()
        }
    }

    // MARK: internals

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        setNeedsComma(true)
    }

    @inline(__always)
    private var needsComma: Bool {
        depth < 64 ? commaBits & (1 << UInt64(depth)) != 0 : deeper[depth - 64]
    }

    @inline(__always)
    private mutating func setNeedsComma(_ value: Bool) {
        if depth < 64 {
            if value { commaBits |= 1 << UInt64(depth) } else { commaBits &= ~(1 << UInt64(depth)) }
        } else {
            deeper[depth - 64] = value
        }
    }

    private mutating func push() {
        depth += 1
        if depth < 64 { commaBits &= ~(1 << UInt64(depth)) } else { deeper.append(false) }
    }

    private mutating func pop() {
        if depth >= 64 { deeper.removeLast() }
        depth -= 1
    }

    /// A decimal integer, written without building a `String`.
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            repeat {
                k -= 1
                buffer[k] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[k...]))
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = text  // withUTF8 may make the string contiguous, so it needs a mutable copy
        copy.withUTF8 { appendEscapedBytes($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscapedBytes(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = source.count
        while i < n {
            let b = source[i]
            var escape: [UInt8]? = nil
            var width = 1
            if b < 0x20 || b == 0x22 || b == 0x5C {
                switch b {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                default:
                    escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hexDigits[Int(b >> 4)], Self.hexDigits[Int(b & 0xF)]]
                }
            } else if b == 0xE2, i + 2 < n, source[i + 1] == 0x80, source[i + 2] == 0xA8 || source[i + 2] == 0xA9 {
                escape = Array(source[i + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                width = 3
            }
            if let escape {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<i]))
                bytes.append(contentsOf: escape)
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<n]))
    }
}
