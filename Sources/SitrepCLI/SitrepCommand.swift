import ArgumentParser
import SitrepStages

/// The `sitrep` root command.
public struct SitrepCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Sitrep turns news articles into event data: who did what to whom, where, when, and who said so.",
        discussion: """
        Run `sitrep analyze` with no argument to see the whole pipeline on the built-in \
        sample article. Every command takes --help.

        \(ExitStatus.helpText)
        """,
        version: SitrepVersion.current,
        subcommands: [
            AnalyzeCommand.self, ProcessCommand.self, ExtractCommand.self, ParseCommand.self, TrainCommand.self,
            IngestCommand.self, EnqueueCommand.self, WorkerCommand.self, EventsCommand.self, ArticlesCommand.self, ActorsCommand.self, StatsCommand.self, CheckCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: AnalyzeCommand.self
    )

    public init() {}
}
