import ArgumentParser
import Foundation
import SitrepCore
import SitrepStages

/// `sitrep analyze`: the whole pipeline on one article, as a readable report or JSON.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze one article and print a situation report (or its JSON).",
        discussion: """
        With no FILE, analyzes the built-in sample: an original wire story written for \
        Sitrep, in the shape of a scraped page with its boilerplate.

        The text report lists the article header, then every layer the pipeline \
        produced, with colour on a terminal and none when piped (NO_COLOR is honoured). \
        The JSON format is one `sitrep.document/1` object, as `sitrep process --syntax` \
        writes it: with the tokens and their part of speech, lemma and dependency.

        Examples:
          sitrep analyze
          sitrep analyze page.txt --published 2026-03-03
          curl -s https://example.org/story | sitrep analyze - --format json

        \(ExitStatus.helpText)
        """
    )

    @Argument(help: "The article: a file, or '-' for standard input. Omit it to analyze the built-in sample.")
    var file: String?

    @OptionGroup var inputOptions: DocumentInputOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var syntaxModel: SyntaxModelOption

    func run() throws {
        let id: String
        let input: DocumentInput
        var published = inputOptions.published
        if let file {
            let text: String
            do {
                text = try InputReader.readInput(path: file, maxBytes: inputOptions.maxBytes, kind: inputOptions.kind)
            } catch let error as InputError {
                printError(error.description)
                throw error.status.exitCode
            }
            id = file == "-" ? "stdin" : (file as NSString).lastPathComponent
            input = inputOptions.input(for: text)
        } else {
            id = SampleArticle.id
            input = .scrapedText(SampleArticle.text)
            published = published ?? SampleArticle.published
        }
        let syntax = try syntaxModel.stageOrExit()
        let doc = try runPipeline(input, id: id, published: published, url: inputOptions.url, syntax: syntax)
        var output = OutputWriter()
        do {
            switch format {
            case .json:
                try output.writeLine(InterchangeEncoder.encode(doc, id: .string(id), options: .init(includeSyntax: true)))
            case .text:
                let useColor = color.resolved(fd: 1)
                try output.write(SituationReport(doc: doc, missing: StandardPipeline.missingSlots, color: useColor).render())
            }
            try output.flush()
        } catch is BrokenPipe {
            return
        }
    }
}

/// Runs the standard pipeline on one input, turning failures into a message and exit status.
func runPipeline(_ input: DocumentInput, id: String, published: String?, url: String?, syntax: SyntaxStage? = nil) throws -> Document {
    do {
        let pipeline = try StandardPipeline.make(syntax: syntax)
        return try pipeline.run(input, id: id, published: published, url: url)
    } catch let error as PipelineError {
        printError(error.description)
        if case .stageFailed = error { throw ExitStatus.dataError.exitCode }
        throw ExitStatus.software.exitCode
    }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func resolved(fd: Int32) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: terminalSupportsColor(fd: fd)
        }
    }
}
