import ArgumentParser
import SitrepCore
import SitrepStorage

/// `sitrep articles`: stored articles, newest first.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List stored articles with their story and near-duplicate links.",
        discussion: """
        `story` groups an article with its near-duplicate copies; `near_duplicate_of` and \
        `similarity` (estimated Jaccard of four-word shingles) name the stored article a \
        copy joined.

        Examples:
          sitrep articles --story 12
          sitrep articles --title Ruritania --format json
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only the articles of this story.")
    var story: Int64?
    @Option(help: "Only titles containing this text.")
    var title: String?
    @Option(help: "Only this source (outlet or feed).")
    var source: String?
    @Option(help: "First publication day, YYYY-MM-DD.")
    var since: String?
    @Option(help: "Last publication day, YYYY-MM-DD.")
    var until: String?
    @Option(help: "Most articles to list.")
    var limit: Int = 100
    @Option(help: "Output format: \(QueryFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: QueryFormat = .table

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DocumentDate.isValid(value) { throw ValidationError("\(name) must be YYYY-MM-DD, got '\(value)'") }
        }
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let query = ArticleQuery(storyID: story, title: title, source: source, since: since, until: until, limit: limit)
        let format = self.format
        try runStoreCommand(database) { store in
            var table = ResultTable(columns: ["id", "story", "external_id", "published", "source", "title", "url",
                                              "near_duplicate_of", "similarity", "bytes"])
            for a in try await store.articles(query) {
                table.rows.append([.int(Int(a.id)), .int(Int(a.storyID)), .text(a.externalID), .text(a.published), .text(a.source),
                                   .text(a.title), .text(a.url), .int(a.nearDuplicateOf.map(Int.init)), .double(a.similarity),
                                   .int(a.textBytes)])
            }
            try writeOutput(table.render(format))
        }
    }
}
