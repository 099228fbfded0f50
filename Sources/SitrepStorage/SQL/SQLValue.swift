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

/// The column names of one result, with a name → position table; built once
/// per query and shared by its rows, because records are decoded by column
/// name and the API decodes thousands of rows a second.
final class SQLColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }

    func position(of name: String) -> Int? { positions[name] }
}

/// One result row: values by column name, in select order.
struct SQLRow: Sendable {
    var layout: SQLColumns
    var values: [SQLValue]

    init(columns: SQLColumns, values: [SQLValue]) {
        self.layout = columns
        self.values = values
    }

    init(columns: [String], values: [SQLValue]) {
        self.init(columns: SQLColumns(columns), values: values)
    }

    var columns: [String] { layout.names }

    subscript(name: String) -> SQLValue {
        guard let index = layout.position(of: name), index < values.count else { return .null }
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
    /// Set on a guard: inside ``SQLBackend/transaction(_:)`` the statement must
    /// return at least one row (an `UPDATE ... RETURNING` that found its row),
    /// else the whole transaction rolls back and throws
    /// ``StoreError/guardFailed(_:)`` with this message. Outside a
    /// transaction it has no effect.
    var guardFailure: String? = nil

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
