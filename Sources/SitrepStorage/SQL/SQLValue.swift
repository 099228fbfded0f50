/// One column value as both SQL backends see it: the storage classes of
/// SQLite, which PostgreSQL's `BIGINT`, `DOUBLE PRECISION`, `TEXT` and
/// `BYTEA` map onto one to one.
///
/// Values always travel as bound parameters, never inside SQL text.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var int64: Int64? {
        switch self {
        case let .integer(value): value
        case let .real(value): Int64(exactly: value)
        default: nil
        }
    }

    var double: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .real(value): value
        default: nil
        }
    }

    var string: String? {
        if case let .text(value) = self { return value }
        return nil
    }
}

/// One result row: values by column name, in select order.
struct SQLRow: Sendable {
    var columns: [String]
    var values: [SQLValue]

    subscript(name: String) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    /// Decodes the row into a record whose coding keys are column names.
    func decode<Record: Decodable>(_ type: Record.Type) throws -> Record {
        try Record(from: RowDecoder(row: self))
    }
}

/// One SQL statement with `?` placeholders and its bound values.
///
/// The PostgreSQL backend rewrites `?` to `$1`, `$2`, ... (see ``postgresText``);
/// the SQL text in this module never holds `?` inside a string literal.
struct SQLStatement: Sendable {
    var sql: String
    var arguments: [SQLValue]

    init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The SQL with PostgreSQL's numbered placeholders. Quoted strings and
    /// identifiers are copied unchanged.
    var postgresText: String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character? = nil
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        precondition(number == arguments.count, "statement has \(number) placeholders but \(arguments.count) arguments: \(sql)")
        return result
    }
}

/// Builds `?, ?, ?` for `count` placeholders.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
