import ArgumentParser
import SitrepStorage

/// `sitrep actors`: actor codes by how often they appear.
struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List actor codes with their mentions and events as source and target."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Most actors to list.")
    var limit: Int = 100
    @Option(help: "Output format: \(QueryFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: QueryFormat = .table

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let (limit, format) = (self.limit, self.format)
        try runStoreCommand(database) { store in
            var table = ResultTable(columns: ["code", "mentions", "articles", "as_source", "as_target"])
            for actor in try await store.actors(limit: limit) {
                table.rows.append([.text(actor.code), .int(actor.mentions), .int(actor.articles), .int(actor.asSource), .int(actor.asTarget)])
            }
            try writeOutput(table.render(format))
        }
    }
}
