import Foundation
import Logging
import SitrepCore
import Synchronization

/// The body of `sitrep worker`: claims articles from an ``ArticleQueue``, runs
/// the pipeline on each, and stores each result together with its queue row
/// (``ArticleQueue/complete(_:lease:prepared:)``), until asked to stop.
///
/// Per claimed article, in queue order:
/// 1. An input stored before (same input hash, looked up by the claim) is
///    marked done as a duplicate, without running the pipeline.
/// 2. Otherwise the pipeline runs and the article is stored with its row
///    marked done, in one transaction guarded by the lease. A database error
///    there (two workers deadlocking on the same events) is retried in place
///    ``Settings/storeRetries`` times.
/// 3. A failure (unreadable item, stage error, the store refusing the article)
///    puts the row back for another worker, or fails it for good after
///    ``Settings/maxAttempts`` claims.
/// 4. A lost lease (the worker was too slow, and another took the row over)
///    writes nothing; the worker drops the batch's other rows it lost too.
///
/// Leases are renewed while a batch is worked through, once a third of the
/// lease time has passed, so only a stalled or dead worker loses its rows.
/// A stop request is honoured between articles: the current one is finished,
/// the rest of the batch is released, and ``run(stop:)`` returns.
public struct QueueWorker: Sendable {
    /// How a worker claims and retries.
    public struct Settings: Sendable {
        /// Rows claimed at a time. Larger batches save round trips; smaller ones
        /// lose less work to a crash and spread the tail of the queue better.
        public var batch = 8
        /// Lease length. A row is taken over this long after its worker stopped
        /// renewing; an article must take less than a third of it to be safe.
        public var leaseSeconds = 60.0
        /// Claims before a row fails for good (a crash counts against every row
        /// of the batch it held).
        public var maxAttempts = 3
        /// Return once no row is pending or claimed, instead of waiting for more.
        public var exitWhenEmpty = false
        /// Pause between claims when there is nothing to claim.
        public var idleSeconds = 0.5
        /// Extra tries of a store transaction that the database refused.
        public var storeRetries = 2

        public init() {}
    }

    /// What a worker did.
    public struct Report: Sendable, Equatable {
        /// Articles stored, near-duplicates included.
        public var stored = 0
        public var nearDuplicates = 0
        /// Rows done without storing: the input or article was stored before.
        public var duplicates = 0
        /// Failed attempts put back for a retry.
        public var retried = 0
        /// Rows failed for good (their own failures, and rows whose leases expired too often).
        public var failed = 0
        /// Rows this worker lost to another after its lease expired.
        public var leasesLost = 0
        /// Rows given back unprocessed when told to stop.
        public var released = 0

        public init() {}

        /// Rows this worker finished.
        public var finished: Int { stored + duplicates + failed }
    }

    public let queue: ArticleQueue
    public let pipeline: Pipeline
    public let minhash: MinHash
    public let settings: Settings
    /// Who this worker is in the queue's `worker` column and the logs (`host:pid`).
    public let name: String
    public let logger: Logger
    /// Counters and durations for `/metrics` (no-ops unless metrics are bootstrapped).
    public let metrics: QueueWorkerMetrics

    public init(queue: ArticleQueue, pipeline: Pipeline, settings: Settings, name: String, logger: Logger,
                metrics: QueueWorkerMetrics = QueueWorkerMetrics()) {
        precondition(settings.batch > 0 && settings.leaseSeconds > 0 && settings.maxAttempts > 0)
        self.queue = queue
        self.pipeline = pipeline
        self.minhash = MinHash(settings: queue.store.settings)
        self.settings = settings
        self.name = name
        var logger = logger
        logger[metadataKey: "worker"] = "\(name)"
        self.logger = logger
        self.metrics = metrics
    }

    /// Works until `stop` is requested or, with ``Settings/exitWhenEmpty``,
    /// until no row is open.
    ///
    /// - Throws: a ``StoreError`` when the database cannot be used; the rows
    ///   this worker holds are taken over when their leases expire.
    public func run(stop: StopSignal) async throws -> Report {
        var report = Report()
        logger.info("worker started", metadata: [
            "batch": "\(settings.batch)", "lease_seconds": "\(settings.leaseSeconds)", "max_attempts": "\(settings.maxAttempts)",
        ])
        let started = ContinuousClock.now
        var lastProgress = started
        while !stop.isRequested {
            let claimStarted = ContinuousClock.now
            let lease = try await queue.claim(limit: settings.batch, leaseSeconds: settings.leaseSeconds,
                                              maxAttempts: settings.maxAttempts, worker: name)
            metrics.claim.recordNanoseconds(claimStarted.duration(to: .now).nanoseconds)
            let takenOver = lease.articles.count(where: \.takenOver)
            if takenOver > 0 { metrics.leasesTakenOver.increment(by: Int64(takenOver)) }
            if lease.articles.count < settings.batch {
                // The queue is running low: the moment to retire rows that no
                // worker ever finishes.
                let abandoned = try await queue.giveUpExpired(maxAttempts: settings.maxAttempts)
                if abandoned > 0 {
                    report.failed += abandoned
                    metrics.failed.increment(by: Int64(abandoned))
                    logger.error("rows failed for good: their leases expired on every attempt", metadata: [
                        "rows": "\(abandoned)", "max_attempts": "\(settings.maxAttempts)"])
                }
            }
            if lease.articles.isEmpty {
                if settings.exitWhenEmpty, !(try await queue.hasOpenRows()) { break }
                await idle(stop)
                continue
            }
            logger.debug("claimed", metadata: ["rows": "\(lease.articles.count)", "lease": "\(lease.token)"])
            try await work(through: lease, stop: stop, report: &report)
            if lastProgress.duration(to: .now) > .seconds(10) {
                lastProgress = .now
                logger.info("progress", metadata: metadata(report, since: started))
            }
        }
        logger.info("worker stopped", metadata: metadata(report, since: started))
        return report
    }

    /// Processes a lease's rows in order, renewing it as time passes.
    private func work(through lease: QueueLease, stop: StopSignal, report: inout Report) async throws {
        var remaining = lease.articles[...]
        var renewed = ContinuousClock.now
        let renewAfter = Duration.seconds(lease.leaseSeconds / 3)
        while let article = remaining.first {
            if stop.isRequested {
                let released = try await queue.release(lease)
                report.released += released
                logger.info("stopping: rows released", metadata: ["rows": "\(released)"])
                return
            }
            if renewed.duration(to: .now) > renewAfter {
                let held = try await queue.renew(lease)
                renewed = .now
                remaining = remaining.filter { held.contains($0.id) }[...]
                continue
            }
            remaining = remaining.dropFirst()
            if try await process(article, lease: lease, report: &report) == .lost {
                // Rows of one lease expire together: find which others went too.
                let held = try await queue.renew(lease)
                renewed = .now
                let lost = remaining.count(where: { !held.contains($0.id) })
                report.leasesLost += lost
                if lost > 0 { metrics.leasesLost.increment(by: Int64(lost)) }
                remaining = remaining.filter { held.contains($0.id) }[...]
            }
        }
    }

    private enum Step { case finished, lost }

    /// Processes one claimed row.
    ///
    /// - Throws: only when the database cannot be used at all (recording a
    ///   failure failed too).
    private func process(_ article: QueuedArticle, lease: QueueLease, report: inout Report) async throws -> Step {
        var logger = self.logger
        logger[metadataKey: "queue_id"] = "\(article.id)"
        logger[metadataKey: "attempt"] = "\(article.attempts)"
        let started = ContinuousClock.now
        do {
            if let existing = article.storedArticleID {
                try await queue.completeDuplicate(article, lease: lease, of: existing)
                report.duplicates += 1
                metrics.duplicates.increment()
                logger.debug("duplicate input", metadata: ["of": "\(existing)"])
                return .finished
            }
            let item = try IngestItem(jsonLine: article.item.utf8)
            logger[metadataKey: "article"] = "\(item.id)"
            let doc = try pipeline.run(item.input, id: item.id, published: item.published, url: item.url)
            let ran = ContinuousClock.now
            metrics.pipeline.recordNanoseconds(started.duration(to: ran).nanoseconds)
            let prepared = PreparedArticle(doc, inputHash: item.inputHash, title: item.title, source: item.source, minhash: minhash)
            let completion = try await withStoreRetries(logger) {
                try await queue.complete(article, lease: lease, prepared: prepared)
            }
            metrics.store.recordNanoseconds(ran.duration(to: .now).nanoseconds)
            let milliseconds = Self.milliseconds(started.duration(to: .now))
            switch completion {
            case let .stored(articleID, nearDuplicateOf):
                report.stored += 1
                metrics.stored.increment()
                if nearDuplicateOf != nil { report.nearDuplicates += 1 }
                logger.debug("stored", metadata: ["article_id": "\(articleID)", "ms": "\(milliseconds)",
                                                  "near_duplicate_of": "\(nearDuplicateOf.map(String.init) ?? "")"])
            case let .duplicate(of: existing):
                report.duplicates += 1
                metrics.duplicates.increment()
                logger.debug("duplicate article", metadata: ["of": "\(existing)", "ms": "\(milliseconds)"])
            }
            return .finished
        } catch let error as QueueError {
            report.leasesLost += 1
            metrics.leasesLost.increment()
            logger.warning("lease lost: the result was not written", metadata: ["error": "\(error)"])
            return .lost
        } catch {
            return try await recordFailure(article, lease: lease, error: error, logger: logger, report: &report)
        }
    }

    private func recordFailure(_ article: QueuedArticle, lease: QueueLease, error: any Error, logger: Logger,
                               report: inout Report) async throws -> Step {
        let message = "\(error)"
        do {
            if try await queue.fail(article, lease: lease, error: message, maxAttempts: settings.maxAttempts) {
                report.failed += 1
                metrics.failed.increment()
                logger.error("failed for good", metadata: ["error": "\(message)", "origin": "\(article.origin)"])
            } else {
                report.retried += 1
                metrics.retried.increment()
                logger.warning("failed; queued again", metadata: ["error": "\(message)", "origin": "\(article.origin)"])
            }
            return .finished
        } catch let lost as QueueError {
            report.leasesLost += 1
            metrics.leasesLost.increment()
            logger.warning("lease lost before the failure was recorded", metadata: ["error": "\(lost)"])
            return .lost
        }
    }

    /// Runs a store transaction, retrying it a few times when the database
    /// refuses it: two workers writing the same events can deadlock, and
    /// PostgreSQL then aborts one of them. A lost lease is not retried.
    private func withStoreRetries<T>(_ logger: Logger, _ body: () async throws -> T) async throws -> T {
        var tries = 0
        while true {
            do {
                return try await body()
            } catch let error as StoreError {
                guard case .database = error, tries < settings.storeRetries else { throw error }
                tries += 1
                logger.notice("store refused; retrying", metadata: ["error": "\(error)", "try": "\(tries + 1)"])
                try? await Task.sleep(for: .milliseconds(Int.random(in: 5...50) * tries))
            }
        }
    }

    /// Sleeps ``Settings/idleSeconds``, waking early for a stop request.
    private func idle(_ stop: StopSignal) async {
        let until = ContinuousClock.now + .seconds(settings.idleSeconds)
        while !stop.isRequested && ContinuousClock.now < until {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    private func metadata(_ report: Report, since started: ContinuousClock.Instant) -> Logger.Metadata {
        let seconds = Double(Self.milliseconds(started.duration(to: .now))) / 1000
        let rate = seconds > 0 ? Double(report.finished) / seconds : 0
        return [
            "stored": "\(report.stored)", "near_duplicates": "\(report.nearDuplicates)", "duplicates": "\(report.duplicates)",
            "retried": "\(report.retried)", "failed": "\(report.failed)", "leases_lost": "\(report.leasesLost)",
            "released": "\(report.released)", "seconds": "\(String(format: "%.1f", seconds))",
            "articles_per_second": "\(String(format: "%.1f", rate))",
        ]
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}

/// Asks a ``QueueWorker`` to stop after its current article; set from a
/// signal handler, read between articles.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func request() { flag.store(true, ordering: .relaxed) }

    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}
