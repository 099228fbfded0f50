import ArgumentParser
import SitrepStorage

/// `sitrep check`: is the store healthy?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's integrity: the database's own check, then Sitrep's invariants.",
        discussion: """
        SQLite: PRAGMA integrity_check and foreign_key_check. Both backends: every event \
        has mentions and its counts match them, every story's count matches its articles, \
        no raw input is stored twice. Prints "ok", or one line per problem and exits with 1. \
        Run it after a crash or a restore; it reads every row, so it takes a while on a \
        large store.

        Exit status:
          0   the store is healthy
          1   at least one problem (listed on standard output)
          74  the store cannot be opened or read
        """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let problems = Problems()
        try runStoreCommand(database) { store in
            problems.lines = try await store.check()
            try writeOutput(problems.lines.isEmpty ? "ok\n" : problems.lines.joined(separator: "\n") + "\n")
        }
        if !problems.lines.isEmpty { throw ExitStatus.someLinesFailed.exitCode }
    }

    /// Carries the problems out of the store's closure.
    private final class Problems: @unchecked Sendable {
        var lines: [String] = []
    }
}
