import ArgumentParser
import SitrepCore

/// How to read a single-document input, shared by `analyze` and `extract`.
struct DocumentInputOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// Guess: HTML when the input starts like a page, else scraped text.
        case auto
        /// Scraped page text with boilerplate lines.
        case text
        /// Text that is already the article; used exactly as given.
        case clean
        /// A raw web page.
        case html
    }

    @Option(name: .customLong("input"), help: "What the input is: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind = .auto

    @Option(help: "The document date, YYYY-MM-DD or ISO 8601; anchors relative dates.")
    var published: String?

    @Option(help: "The page's URL, recorded with the article.")
    var url: String?

    @Option(help: "Largest accepted input, in bytes.")
    var maxBytes: Int = InputReader.defaultMaxBytes

    func validate() throws {
        if let published, !DocumentDate.isValid(published) {
            throw ValidationError("--published must be YYYY-MM-DD or an ISO 8601 date-time, got '\(published)'")
        }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    /// Builds the document input from the text, guessing the kind when asked to.
    func input(for text: String) -> DocumentInput {
        switch kind {
        case .text: return .scrapedText(text)
        case .clean: return .cleanText(text)
        case .html: return .html(text)
        case .auto: return Self.looksLikeHTML(text) ? .html(text) : .scrapedText(text)
        }
    }

    /// A page starts with a doctype, an `<html>` tag or a comment, after optional whitespace.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.utf8.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.prefix(64)
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        return lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<!--") || lower.hasPrefix("<head")
    }
}

/// Output formats of the single-document commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
