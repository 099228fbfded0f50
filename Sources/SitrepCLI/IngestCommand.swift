import ArgumentParser
import Dispatch
import Foundation
import SitrepCore
import SitrepInputs
import SitrepStages
import SitrepStorage

/// `sitrep ingest`: run the pipeline on files and folders and store the results.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Process articles from files and folders and store them, skipping what is stored already.",
        discussion: """
        Each PATH is a file or a folder (read recursively, files in name order):
          *.jsonl, *.ndjson  JSON lines in the interchange input format ({"id", "text"|"html"|"tokens", \
        "clean", "url", "published"}), plus optional "title" and "source" strings
          *.txt, *.text      one article as scraped page text; its id is the path
          *.html, *.htm      one web page
          *.rss, *.atom, *.xml   an RSS 2.0, RSS 1.0 or Atom feed: one article per item (its full \
        content when the feed carries it, else its summary or headline)
          *.warc, *.warc.gz  a WARC archive, such as Common Crawl's news crawl: one article per \
        HTTP 200 HTML response (other records are counted as skipped)
        A file named on the command line with another extension is sniffed: WARC (or gzip), a \
        feed, JSON lines when it starts with '{', else scraped text.

        Ingest is idempotent: an article whose input, URL, or title and text were stored \
        before is counted as a duplicate and not stored again. A near-duplicate (the same \
        text under a new headline, or with a paragraph added or cut) is stored and joins the \
        story of the article it copies. A bad line or file is reported and skipped; the \
        summary on standard error counts read, stored, duplicates, near-duplicates and errors.

        Examples:
          sitrep ingest news.jsonl
          sitrep ingest --database postgres://sitrep@127.0.0.1:5432/sitrep scraped/

        \(ExitStatus.helpText)
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    @OptionGroup var syntaxModel: SyntaxModelOption

    @Option(help: "Longest accepted JSON line, file or WARC record, in bytes.")
    var maxBytes: Int = 64 << 20

    @Flag(help: "Exit with status 1 when any article could not be read or stored.")
    var strict = false

    @Flag(help: "Print no progress and no summary.")
    var quiet = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        let pipeline: Pipeline
        do {
            pipeline = try StandardPipeline.make(syntax: try syntaxModel.stage())
        } catch {
            printError("cannot build the pipeline: \(error)")
            throw ExitStatus.software.exitCode
        }
        let (maxBytes, quiet, named) = (self.maxBytes, self.quiet, Set(paths))
        let allFiles = try Self.files(at: paths)
        let counts = try runBlockingIngest { store in
            var run = IngestRun(ingester: Ingester(store: store, pipeline: pipeline), maxBytes: maxBytes,
                                progress: !quiet && isatty(2) != 0)
            for file in allFiles { await run.ingest(file: file, named: named.contains(file)) }
            run.finishProgress()
            return run.counts
        }
        if !quiet { printError(counts.summary) }
        if strict && counts.errors > 0 { throw ExitStatus.someLinesFailed.exitCode }
    }

    private func runBlockingIngest(_ body: @escaping @Sendable (any Store) async throws -> IngestCounts) throws -> IngestCounts {
        do {
            return try runBlocking { try await database.withStore(body) }
        } catch let error as StoreError {
            printError(error.description)
            throw ExitStatus.ioError.exitCode
        }
    }

    /// The files named, and the ingestible files in the folders named, in
    /// argument order; a missing path is reported and ends the command (66).
    static func files(at paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError(InputError.notFound(path).description)
                throw ExitStatus.noInput.exitCode
            }
            files += isDirectory.boolValue ? Self.files(in: path) : [path]
        }
        return files
    }

    /// The ingestible files under `folder`, recursively, in path order.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = (folder as NSString).appendingPathComponent(relative)
            if FileKind(path: path) != nil { result.append(path) }
        }
        return result.sorted()
    }
}

/// What a file holds, by its extension.
enum FileKind: Equatable {
    case jsonLines, text, html, feed, warc

    init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { self = .jsonLines }
        else if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { self = .text }
        else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html }
        else if lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".xml") { self = .feed }
        else if lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") { self = .warc }
        else { return nil }
    }

    /// The kind of a file with no known extension, from its first bytes.
    init(sniffing head: [UInt8]) {
        let firstNonSpace = head.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        if Gzip.hasMagic(head) || head.starts(with: Array("WARC/1.".utf8)) { self = .warc }
        else if FeedReader.looksLikeFeed(head) { self = .feed }
        else if firstNonSpace == UInt8(ascii: "{") { self = .jsonLines }
        else { self = .text }
    }
}

/// Counts reported at the end of `sitrep ingest`.
struct IngestCounts: Sendable {
    var read = 0
    var stored = 0
    var duplicates = 0
    var nearDuplicates = 0
    var errors = 0
    /// WARC records that hold no article (requests, redirects, images...).
    var skippedRecords = 0
    var started = DispatchTime.now()

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    var line: String {
        "read \(read), stored \(stored) (near-duplicates \(nearDuplicates)), duplicates \(duplicates), errors \(errors)"
    }

    var summary: String {
        let rate = seconds > 0 ? Double(read) / seconds : 0
        let skipped = skippedRecords > 0 ? "; \(skippedRecords) WARC records without an article skipped" : ""
        return line + String(format: " in %.1f s (%.0f articles/s)", seconds, rate) + skipped
    }
}

/// One run over input files, keeping the counts and the progress line. Each
/// item read goes to the sink: the pipeline and the store for `sitrep ingest`,
/// the worker queue for `sitrep enqueue`.
struct IngestRun {
    /// Takes one item read at a place (`file:line`, a feed item, a WARC
    /// record) and says what became of it; nil when it was taken without a
    /// result yet (queued). An error is reported against the item and the run
    /// goes on, except ``Stop``, which ends the run.
    typealias Sink = (IngestItem, String) async throws -> IngestResult?

    /// Thrown by a sink that cannot go on (the queue's database is gone).
    struct Stop: Error {
        var reason: any Error
    }

    let sink: Sink
    let maxBytes: Int
    let progress: Bool
    var counts = IngestCounts()
    /// Why a sink ended the run early, if it did.
    private(set) var stopped: (any Error)?
    private var lastProgress = DispatchTime.now()

    init(ingester: Ingester, maxBytes: Int, progress: Bool) {
        self.init(maxBytes: maxBytes, progress: progress) { item, _ in try await ingester.ingest(item) }
    }

    init(maxBytes: Int, progress: Bool, sink: @escaping Sink) {
        self.sink = sink
        self.maxBytes = maxBytes
        self.progress = progress
    }

    /// Ingests one file; `named` files (given on the command line) with an
    /// unknown extension are sniffed.
    mutating func ingest(file: String, named: Bool) async {
        guard stopped == nil else { return }
        var kind = FileKind(path: file)
        if kind == nil && named {
            kind = FileKind(sniffing: Self.head(of: file))
        }
        switch kind {
        case .jsonLines:
            await ingestLines(file)
        case .feed:
            await ingestFeed(file)
        case .warc:
            await ingestWARC(file)
        case .text, .html:
            counts.read += 1
            do {
                let input: DocumentInput = kind == .html
                    ? .html(try InputReader.readPage(path: file, maxBytes: maxBytes))
                    : .scrapedText(try InputReader.readText(path: file, maxBytes: maxBytes))
                await ingest(IngestItem(id: file, input: input), at: file)
            } catch {
                fail("\(error)")
            }
        case nil:
            return
        }
    }

    /// The first bytes of a file, for sniffing (empty when unreadable: the
    /// reader that follows reports why).
    static func head(of file: String) -> [UInt8] {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count > 0 ? Array(buffer[..<count]) : []
    }

    /// Ingests each item of an RSS or Atom feed as an article.
    private mutating func ingestFeed(_ file: String) async {
        let feed: Feed
        do {
            feed = try FeedReader.read(try InputReader.readBytes(path: file, maxBytes: maxBytes), origin: file)
        } catch {
            counts.read += 1
            fail("\(error)")
            return
        }
        for (number, item) in feed.items.enumerated() where stopped == nil {
            counts.read += 1
            await ingest(Self.ingestItem(item, feed: feed), at: "\(file): item \(number + 1)")
        }
    }

    /// A feed item as an article: full HTML content goes through the HTML
    /// extractor (wrapped as a page body), plain text through the scraped-text
    /// extractor (feeds append "The post ... appeared first on ..." and "Read
    /// more" lines), and an item with only a headline is ingested as that line.
    static func ingestItem(_ item: FeedItem, feed: Feed) -> IngestItem {
        let input: DocumentInput = switch item.content {
        case let .html(fragment): .html("<!DOCTYPE html><html><body><article>" + fragment + "</article></body></html>")
        case let .text(text): .scrapedText(text)
        case .empty: .cleanText(item.title ?? "")
        }
        return IngestItem(id: item.id, input: input, url: item.url, published: item.published, title: item.title, source: feed.title)
    }

    /// Ingests the article-like responses of a WARC file; a damaged record is
    /// reported and reading resumes at the next one when the format allows.
    private mutating func ingestWARC(_ file: String) async {
        var reader: WARCArticleReader
        do {
            // A record over --max-bytes is skipped like an oversized file; a
            // gzip member may inflate to no more than that either.
            let limits = WARCLimits(maxRecordBytes: maxBytes, maxDecompressedRecordBytes: max(maxBytes, WARCLimits.standard.chunkBytes))
            reader = try WARCArticleReader(path: file, limits: limits)
        } catch {
            counts.read += 1
            fail("\(error)")
            return
        }
        while stopped == nil {
            do {
                guard let article = try reader.next() else { break }
                counts.read += 1
                let page = HTMLExtractor.decodePage(article.response.body, transportCharset: article.response.charset)
                await ingest(IngestItem(id: article.recordID ?? article.url, input: .html(page), url: article.url),
                             at: "\(article.location)")
            } catch {
                counts.read += 1
                fail("\(error)")
                if !error.isRecoverable { break }
            }
        }
        counts.skippedRecords += reader.skipped.values.reduce(0, +)
    }

    private mutating func ingestLines(_ file: String) async {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else {
            counts.read += 1
            fail(InputError.unreadable(file, String(cString: strerror(errno))).description)
            return
        }
        defer { close(fd) }
        var reader = LineReader(fd: fd, maxLineBytes: maxBytes)
        var number = 0
        while stopped == nil {
            let line: LineReader.Line?
            do {
                line = try reader.readLine()
            } catch {
                fail("\(file): \(error)")
                return
            }
            guard let line else { return }
            number += 1
            switch line {
            case let .text(bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines separate nothing
                counts.read += 1
                do {
                    await ingest(try IngestItem(jsonLine: bytes), at: "\(file):\(number)")
                } catch {
                    fail("\(file):\(number): \(error)")
                }
            case let .oversized(count):
                counts.read += 1
                fail("\(file):\(number): \(InterchangeError.lineTooLong(bytes: count, limit: maxBytes))")
            }
        }
    }

    private mutating func ingest(_ item: IngestItem, at place: String) async {
        do {
            switch try await sink(item, place) {
            case .stored: counts.stored += 1
            case .nearDuplicate: counts.stored += 1; counts.nearDuplicates += 1
            case .duplicate: counts.duplicates += 1
            case nil: break
            }
        } catch let stop as Stop {
            stopped = stop.reason
        } catch {
            fail("\(place): \(item.id): \(error)")
        }
        showProgress()
    }

    private mutating func fail(_ message: String) {
        counts.errors += 1
        if progress { clearProgress() }
        printError(message)
    }

    private mutating func showProgress() {
        guard progress, DispatchTime.now().uptimeNanoseconds - lastProgress.uptimeNanoseconds > 200_000_000 else { return }
        lastProgress = DispatchTime.now()
        let line = "\r\u{1B}[K" + counts.line
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private func clearProgress() {
        _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) }
    }

    func finishProgress() {
        if progress { clearProgress() }
    }
}
