import ArgumentParser
import Dispatch
import Foundation
import SitrepStorage

/// `sitrep enqueue`: read inputs as `sitrep ingest` does, and queue them for workers.
struct EnqueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Queue articles from files and folders in PostgreSQL, for `sitrep worker` processes to store.",
        discussion: """
        Reads the same inputs as `sitrep ingest` (JSON lines, scraped text, HTML pages, \
        RSS/Atom feeds, WARC archives; see `sitrep ingest --help`) and adds one row per \
        article to the queue table article_queue, without running the pipeline. Any \
        number of `sitrep worker` processes, on this machine or others, then take the \
        rows and store the results, each article exactly once.

        Enqueueing is idempotent: an input (its text or page, title and URL) that is \
        queued already is not queued again, whatever its state. A bad line or file is \
        reported and skipped. The summary on standard error counts read, queued, \
        already queued and errors.

        The queue needs PostgreSQL; an SQLite --database is a usage error.

        Examples:
          sitrep enqueue --database postgres://sitrep@db.internal:5432/sitrep news.jsonl crawl/
          sitrep worker --database postgres://sitrep@db.internal:5432/sitrep

        \(ExitStatus.helpText)
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Files or folders to queue.")
    var paths: [String]

    @Option(help: "Longest accepted JSON line or file, in bytes.")
    var maxBytes: Int = 64 << 20

    @Flag(help: "Exit with status 1 when any article could not be read.")
    var strict = false

    @Flag(help: "Print no summary.")
    var quiet = false

    func validate() throws {
        try database.requirePostgres(for: "sitrep enqueue")
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to queue") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        let (maxBytes, named) = (self.maxBytes, Set(paths))
        let files = try IngestCommand.files(at: paths)
        let result: EnqueueResult
        do {
            result = try runBlocking {
                try await database.withQueue { queue in
                    let buffer = QueueBuffer(queue: queue)
                    var run = IngestRun(maxBytes: maxBytes, progress: false) { item, place in
                        try await buffer.add(QueueEntry(item, origin: place))
                        return nil
                    }
                    for file in files { await run.ingest(file: file, named: named.contains(file)) }
                    if let stopped = run.stopped { throw stopped }
                    try await buffer.flush()
                    return EnqueueResult(counts: run.counts, queued: buffer.queued, alreadyQueued: buffer.taken - buffer.queued)
                }
            }
        } catch let error as StoreError {
            printError(error.description)
            throw ExitStatus.ioError.exitCode
        }
        if !quiet {
            let counts = result.counts
            let rate = counts.seconds > 0 ? Double(counts.read) / counts.seconds : 0
            printError("read \(counts.read), queued \(result.queued), already queued \(result.alreadyQueued), errors \(counts.errors)"
                       + String(format: " in %.1f s (%.0f articles/s)", counts.seconds, rate))
        }
        if strict && result.counts.errors > 0 { throw ExitStatus.someLinesFailed.exitCode }
    }
}

private struct EnqueueResult: Sendable {
    var counts: IngestCounts
    var queued: Int
    var alreadyQueued: Int
}

/// Collects entries and queues them a chunk at a time, so that a big input
/// costs a few hundred round trips, not one per article. Used from one task.
private final class QueueBuffer {
    let queue: ArticleQueue
    private var pending: [QueueEntry] = []
    /// Entries handed to the queue, and how many of them it added.
    private(set) var taken = 0
    private(set) var queued = 0

    init(queue: ArticleQueue) {
        self.queue = queue
    }

    func add(_ entry: QueueEntry) async throws {
        pending.append(entry)
        if pending.count >= ArticleQueue.enqueueChunk {
            do {
                try await flush()
            } catch {
                throw IngestRun.Stop(reason: error)
            }
        }
    }

    func flush() async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        queued += try await queue.enqueue(batch)
        taken += batch.count
    }
}
