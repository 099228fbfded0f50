import Foundation
import SitrepCore

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people; long values are shortened.
    case table
    /// One JSON array of objects.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}

import ArgumentParser

/// Rows of typed cells, rendered as a table, JSON or CSV.
struct ResultTable {
    enum Cell {
        case text(String?)
        case int(Int?)
        case double(Double?)

        var plain: String {
            switch self {
            case let .text(value): value ?? ""
            case let .int(value): value.map(String.init) ?? ""
            case let .double(value): value.map { String($0) } ?? ""
            }
        }
    }

    var columns: [String]
    var rows: [[Cell]] = []

    /// Longest cell shown in `table` format, in characters.
    static let maxTableCell = 48

    func render(_ format: QueryFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }

    private func table() -> String {
        func clean(_ s: String) -> String {
            let flat = String(s.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
            return flat.count > Self.maxTableCell ? String(flat.prefix(Self.maxTableCell - 1)) + "…" : flat
        }
        let body = rows.map { $0.map { clean($0.plain) } }
        var widths = columns.map(\.count)
        for row in body { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var out = line(columns) + "\n"
        for row in body { out += line(row) + "\n" }
        return out
    }

    private func json() -> String {
        var writer = JSONWriter()
        writer.beginArray()
        for row in rows {
            writer.beginObject()
            for (name, cell) in zip(columns, row) {
                writer.key(dynamic: name)
                switch cell {
                case let .text(value): writer.string(value)
                case let .int(value): if let value { writer.int(value) } else { writer.null() }
                case let .double(value): if let value { writer.double(value) } else { writer.null() }
                }
            }
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    private func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { field($0.plain) }.joined(separator: ",") + "\r\n" }
        return out
    }
}

/// Writes a rendered result to standard output.
func writeOutput(_ text: String) throws {
    var output = OutputWriter()
    try output.write(text)
    try output.flush()
}
