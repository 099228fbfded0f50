import Foundation

/// Turns a record into the ordered `(column, value)` pairs of an `INSERT`, and
/// a result row back into a record. The record's coding keys are the column
/// names, so a record is the single description of its table's columns.
///
/// Supported property types: `Int`, `Int64`, `Double`, `Bool` (stored as 0/1),
/// `String`, `[UInt8]` (a blob) and optionals of them. Anything else is a
/// programming error and traps with the property's name.
enum RecordCoding {
    static func columns<Record: Encodable>(of record: Record) -> [(name: String, value: SQLValue)] {
        let encoder = RowEncoder()
        do {
            try record.encode(to: encoder)
        } catch {
            preconditionFailure("cannot encode \(Record.self) as a row: \(error)")
        }
        return encoder.storage.pairs
    }

    /// `INSERT INTO table (columns) VALUES (?, ...)` for one record, skipping
    /// `id` when it is nil so the database assigns it.
    static func insert<Record: Encodable>(_ record: Record, into table: String) -> SQLStatement {
        let pairs = columns(of: record).filter { !($0.name == "id" && $0.value.isNull) }
        return SQLStatement(
            "INSERT INTO \(table) (\(pairs.map(\.name).joined(separator: ", "))) VALUES (\(placeholders(pairs.count)))",
            pairs.map(\.value)
        )
    }
}

// MARK: - Encoding

private final class RowStorage {
    var pairs: [(name: String, value: SQLValue)] = []
}

private struct RowEncoder: Encoder {
    let storage = RowStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RowKeyedEncoder<Key>(storage: storage))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("records encode as keyed containers") }
    func singleValueContainer() -> any SingleValueEncodingContainer { preconditionFailure("records encode as keyed containers") }
}

private struct RowKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: RowStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { storage.pairs.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { storage.pairs.append((key.stringValue, .integer(value ? 1 : 0))) }
    mutating func encode(_ value: String, forKey key: Key) throws { storage.pairs.append((key.stringValue, .text(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { storage.pairs.append((key.stringValue, .real(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { storage.pairs.append((key.stringValue, .integer(Int64(value)))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { storage.pairs.append((key.stringValue, .integer(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let bytes = value as? [UInt8] {
            storage.pairs.append((key.stringValue, .blob(bytes)))
        } else {
            preconditionFailure("record column \(key.stringValue) has unsupported type \(T.self)")
        }
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { try encodeNil(forKey: key); return }
        switch value {
        case let v as Bool: try encode(v, forKey: key)
        case let v as String: try encode(v, forKey: key)
        case let v as Double: try encode(v, forKey: key)
        case let v as Int: try encode(v, forKey: key)
        case let v as Int64: try encode(v, forKey: key)
        default: try encode(value, forKey: key)
        }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("records are flat: column \(key.stringValue) is nested")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("records are flat: column \(key.stringValue) is nested")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("records are flat") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("records are flat") }
}

// MARK: - Decoding

/// A column held a value the record cannot take.
struct RowDecodingError: Error, CustomStringConvertible {
    var column: String
    var expected: String
    var found: SQLValue
    var description: String { "column \(column): expected \(expected), found \(found)" }
}

struct RowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowKeyedDecoder<Key>(row: row))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { preconditionFailure("records decode from keyed containers") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { preconditionFailure("records decode from keyed containers") }
}

private struct RowKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { row.layout.position(of: key.stringValue) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { row[key.stringValue].isNull }

    private func value(_ key: Key) -> SQLValue { row[key.stringValue] }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        guard let v = value(key).int64 else { throw RowDecodingError(column: key.stringValue, expected: "0 or 1", found: value(key)) }
        return v != 0
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        guard let v = value(key).string else { throw RowDecodingError(column: key.stringValue, expected: "text", found: value(key)) }
        return v
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        guard let v = value(key).double else { throw RowDecodingError(column: key.stringValue, expected: "a number", found: value(key)) }
        return v
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        guard let v = value(key).int64 else { throw RowDecodingError(column: key.stringValue, expected: "an integer", found: value(key)) }
        return Int(v)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        guard let v = value(key).int64 else { throw RowDecodingError(column: key.stringValue, expected: "an integer", found: value(key)) }
        return v
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == [UInt8].self {
            guard case let .blob(bytes) = value(key) else { throw RowDecodingError(column: key.stringValue, expected: "a blob", found: value(key)) }
            return bytes as! T
        }
        switch type {
        case is Bool.Type: return try decode(Bool.self, forKey: key) as! T
        case is String.Type: return try decode(String.self, forKey: key) as! T
        case is Double.Type: return try decode(Double.self, forKey: key) as! T
        case is Int.Type: return try decode(Int.self, forKey: key) as! T
        case is Int64.Type: return try decode(Int64.self, forKey: key) as! T
        default: preconditionFailure("record column \(key.stringValue) has unsupported type \(T.self)")
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        preconditionFailure("records are flat: column \(key.stringValue) is nested")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        preconditionFailure("records are flat: column \(key.stringValue) is nested")
    }
    func superDecoder() throws -> any Decoder { preconditionFailure("records are flat") }
    func superDecoder(forKey key: Key) throws -> any Decoder { preconditionFailure("records are flat") }
}
