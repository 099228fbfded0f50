import Foundation
import SitrepStorage

/// A request's query string, parsed and validated: the API's only way to read
/// user-supplied parameters.
///
/// Hand-written rather than taken from Hummingbird's `queryParameters`
/// because the API needs what that does not give: `+` as a space (what HTML
/// forms and `URLSearchParams` send), percent-decoded keys, a clear error for
/// malformed escapes, invalid UTF-8 and over-long values, and a bound on the
/// number of parameters. It is a fuzz target (`scripts/fuzz.sh`).
public struct APIQuery: Sendable, Equatable {
    /// Limits on what a query may carry.
    public struct Limits: Sendable {
        public var maxQueryBytes = 4096
        public var maxParameters = 32
        public var maxValueBytes = 256
        public static let standard = Limits()
    }

    /// Parameters in order; a repeated key keeps its first value.
    public private(set) var values: [String: String] = [:]

    /// Parses `query` (the part after `?`, without it).
    ///
    /// - Throws: ``APIError`` (400) for a malformed or over-long query.
    public init(_ query: String?, limits: Limits = .standard) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        let bytes = Array(query.utf8)
        guard bytes.count <= limits.maxQueryBytes else {
            throw .badRequest("the query string is \(bytes.count) bytes; at most \(limits.maxQueryBytes) are accepted")
        }
        var count = 0
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            count += 1
            guard count <= limits.maxParameters else { throw .badRequest("more than \(limits.maxParameters) query parameters") }
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let key = try Self.decode(pair[pair.startIndex..<(equals ?? pair.endIndex)])
            var value = ""
            if let equals { value = try Self.decode(pair[pair.index(after: equals)...]) }
            guard value.utf8.count <= limits.maxValueBytes else {
                throw .badRequest("the value of '\(key.prefix(40))' is longer than \(limits.maxValueBytes) bytes")
            }
            if values[key] == nil { values[key] = value }
        }
    }

    /// Percent-decodes one key or value, with `+` as a space.
    static func decode(_ raw: ArraySlice<UInt8>) throws(APIError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard raw.endIndex - index >= 3,
                      let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) else {
                    throw .badRequest("a '%' in the query is not followed by two hexadecimal digits")
                }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        guard let string = String(validating: out, as: UTF8.self) else {
            throw .badRequest("the query is not valid UTF-8 once percent-decoded")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: typed parameters

    /// A non-empty string parameter, trimmed; nil when absent or blank.
    public func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// An integer parameter within `range`, or `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let raw = string(name) else { return defaultValue }
        guard let value = Int(raw), range.contains(value) else {
            throw .badRequest("'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A `YYYY-MM-DD` date parameter.
    public func date(_ name: String) throws(APIError) -> String? {
        guard let raw = string(name) else { return nil }
        let bytes = Array(raw.utf8)
        let shape = bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard shape else { throw .badRequest("'\(name)' must be a date as YYYY-MM-DD") }
        return raw
    }

    /// An actor code prefix: letters, digits and `-` (CAMEO codes are A–Z and
    /// 0–9, with `---` for an unknown country, as in `---BUS`).
    public func actorCode(_ name: String) throws(APIError) -> String? {
        guard let raw = string(name) else { return nil }
        guard raw.utf8.count <= 15, raw.utf8.allSatisfy({ isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else {
            throw .badRequest("'\(name)' must be a CAMEO actor code prefix such as TUR or TURMIL")
        }
        return raw.uppercased()
    }

    /// A CAMEO event code prefix: two to four digits.
    public func eventCode(_ name: String) throws(APIError) -> String? {
        guard let raw = string(name) else { return nil }
        guard (1...4).contains(raw.utf8.count), raw.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .badRequest("'\(name)' must be a CAMEO code prefix of up to four digits, such as 19 or 193")
        }
        return raw.count == 1 ? "0" + raw : raw
    }

    /// A yes-or-no parameter: `true`/`1` or `false`/`0`; absent is `false`.
    public func flag(_ name: String) throws(APIError) -> Bool {
        switch string(name) {
        case nil, "false", "0": return false
        case "true", "1": return true
        default: throw .badRequest("'\(name)' must be true or false")
        }
    }

    /// The event filters shared by the events list and the aggregates.
    public func eventQuery(defaultLimit: Int = 100) throws(APIError) -> EventQuery {
        EventQuery(actor: try actorCode("actor"), target: try actorCode("target"), code: try eventCode("code"),
                   since: try date("since"), until: try date("until"), place: string("place"), dyadic: try flag("dyadic"),
                   limit: try integer("limit", default: defaultLimit, in: 1...1000),
                   offset: try integer("offset", default: 0, in: 0...1_000_000))
    }

    private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// An API failure with its HTTP status, stable code and message; written as
/// `{"error": {"code", "message"}}`.
public struct APIError: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String

    public static func badRequest(_ message: String) -> APIError { APIError(status: 400, code: "bad_request", message: message) }
    public static func notFound(_ message: String) -> APIError { APIError(status: 404, code: "not_found", message: message) }
}
