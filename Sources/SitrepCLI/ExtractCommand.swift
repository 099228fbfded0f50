import ArgumentParser
import Foundation
import SitrepCore
import SitrepStages

/// `sitrep extract`: only the extraction stage: the article's metadata and clean body.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article (title, byline, date, caption, credit, tags, body) from a page.",
        discussion: """
        Runs only the extraction stage. The text format prints the metadata as \
        'Field: value' lines, a blank line, then the body paragraphs separated by blank \
        lines; the JSON format prints the `article` object of the interchange contract.

        \(ExitStatus.helpText)
        """
    )

    @Argument(help: "The page: a file, or '-' for standard input.")
    var file: String

    @OptionGroup var inputOptions: DocumentInputOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let text: String
        do {
            text = try InputReader.readInput(path: file, maxBytes: inputOptions.maxBytes, kind: inputOptions.kind)
        } catch let error as InputError {
            printError(error.description)
            throw error.status.exitCode
        }
        var doc = Document(id: file, input: inputOptions.input(for: text), published: inputOptions.published, url: inputOptions.url)
        do {
            try Pipeline([ExtractStage()]).process(&doc)
        } catch {
            printError("\(error)")
            throw ExitStatus.dataError.exitCode
        }
        var output = OutputWriter()
        do {
            switch format {
            case .json:
                var json = JSONWriter()
                InterchangeEncoder.writeArticle(doc, into: &json)
                try output.writeLine(json.bytes)
            case .text:
                try output.write(ArticleText.render(doc))
            }
            try output.flush()
        } catch is BrokenPipe {
            return
        }
    }
}

/// The plain-text rendering of an extracted article.
enum ArticleText {
    static func render(_ doc: Document) -> String {
        let article = doc.article
        var lines: [String] = []
        func field(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(name): \(value)") }
        }
        field("Title", article.title)
        field("Byline", article.byline)
        field("Published", article.published ?? doc.published)
        field("Caption", article.caption)
        field("Credit", article.credit)
        field("URL", article.url ?? doc.url)
        for subhead in article.subheads { field("Subhead", subhead) }
        if !article.tags.isEmpty { field("Tags", article.tags.joined(separator: ", ")) }
        for related in article.related { field("Related", related) }
        return lines.joined(separator: "\n") + "\n\n" + doc.text + "\n"
    }
}
