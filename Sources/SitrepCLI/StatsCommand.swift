import ArgumentParser
import SitrepStorage

/// `sitrep stats`: what the store holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the stored articles, stories, near-duplicates, events and annotations."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: \(QueryFormat.allCases.map(\.rawValue).joined(separator: ", ")) (table: one line per count).")
    var format: QueryFormat = .table

    func run() throws {
        let format = self.format
        try runStoreCommand(database) { store in
            let fields = try await store.stats().fields
            let dates: Set<String> = ["first_published", "last_published"]
            switch format {
            case .table:
                var table = ResultTable(columns: ["count", "value"])
                for field in fields { table.rows.append([.text(field.name), .text(field.value)]) }
                try writeOutput(table.render(.table))
            case .json, .csv:
                var table = ResultTable(columns: fields.map(\.name))
                table.rows.append(fields.map { dates.contains($0.name) ? .text($0.value.isEmpty ? nil : $0.value) : .int(Int($0.value)) })
                try writeOutput(table.render(format))
            }
        }
    }
}
