import ArgumentParser
import Foundation
import SitrepCore
import SitrepStorage

/// `sitrep events`: deduplicated events from the store.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List deduplicated events: one row per (source, target, code root, date, place).",
        discussion: """
        Each event is counted once however many articles report it: `mentions` counts \
        reports, `articles` distinct articles, and `sources` distinct stories (near-duplicate \
        copies of one wire story count once). Codes match as prefixes: --actor TUR matches \
        TURMIL and TURGOV; --code 19 matches the whole root, --code 193 that code.

        --format gdelt writes the 61 tab-separated columns of the GDELT 2.0 event table, \
        without a header, so GDELT scripts read it. Columns Sitrep does not know (actor \
        names and types, Goldstein scale, tone, actor geography) are left empty.

        Examples:
          sitrep events --actor TUR --target IRQ --code 19 --since 2020-06-01 --place Mosul
          sitrep events --format gdelt > events.tsv
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, gdelt
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Source actor code prefix (TUR, USAGOV).")
    var actor: String?
    @Option(help: "Target actor code prefix.")
    var target: String?
    @Option(help: "CAMEO event code prefix: a root (19) or a code (193).")
    var code: String?
    @Option(help: "First day, YYYY-MM-DD (inclusive).")
    var since: String?
    @Option(help: "Last day, YYYY-MM-DD (inclusive).")
    var until: String?
    @Option(help: "Place name (any case) or GeoNames id.")
    var place: String?
    @Flag(help: "Only events with both a source and a target actor (dyadic, as GDELT and ICEWS list them).")
    var dyadic = false

    @Option(help: "Most events to list.")
    var limit: Int = 100
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DocumentDate.isValid(value) { throw ValidationError("\(name) must be YYYY-MM-DD, got '\(value)'") }
        }
        if let code, code.isEmpty || !code.allSatisfy(\.isNumber) { throw ValidationError("--code must be CAMEO digits (19, 193), got '\(code)'") }
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let query = EventQuery(actor: actor, target: target, code: code, since: since, until: until, place: place, dyadic: dyadic, limit: limit)
        let format = self.format
        try runStoreCommand(database) { store in
            let events = try await store.events(query)
            switch format {
            case .gdelt:
                try writeOutput(events.map { GDELTRow.line(for: $0) + "\n" }.joined())
            case .table, .json, .csv:
                var table = ResultTable(columns: ["id", "date", "source", "target", "code", "root", "label", "place", "country",
                                                  "lat", "lon", "mentions", "articles", "sources", "first_title", "first_url"])
                for stored in events {
                    let e = stored.event
                    table.rows.append([.int(Int(e.id ?? 0)), .text(e.eventDate.isEmpty ? nil : e.eventDate),
                                       .text(e.source.isEmpty ? nil : e.source), .text(e.target.isEmpty ? nil : e.target),
                                       .text(e.code), .text(e.rootCode), .text(e.label), .text(e.placeName), .text(e.country),
                                       .double(e.latitude), .double(e.longitude), .int(e.mentionCount), .int(e.articleCount),
                                       .int(e.sourceCount), .text(stored.firstTitle), .text(stored.firstURL)])
                }
                try writeOutput(table.render(QueryFormat(rawValue: format.rawValue)!))
            }
        }
    }
}

