import Foundation

/// The work queue in PostgreSQL that `sitrep enqueue` fills and any number of
/// `sitrep worker` processes, on one machine or many, drain.
///
/// One row of `article_queue` per input (``QueueRecord``). A worker claims a
/// batch of open rows with `FOR UPDATE SKIP LOCKED`, so that concurrent
/// claimers never wait for or take each other's rows, and stamps them with a
/// lease: a fresh token and an expiry by the database server's clock (so the
/// workers' clocks do not matter). A row whose lease has expired can be claimed
/// again, which is how the rows of a killed worker are taken over.
///
/// Exactly once: an article's rows are written by ``complete(_:lease:prepared:)``
/// in one transaction that ends by flipping its queue row from `claimed` with
/// this lease's token to `done`. If someone has taken the lease over (a new
/// token) or finished the row, that `UPDATE` finds no row and the whole
/// transaction rolls back, writing nothing; if someone is taking it over right
/// then, the `UPDATE` waits for their claim and then finds no row. Once it has
/// found the row, it holds the row's lock to the commit, so no claim can slip
/// in between. A row therefore becomes `done` once, and only together with its
/// article. Until then it stays `pending` or `claimed`, and an expired lease
/// puts it back in reach: none is lost.
///
/// The queue needs PostgreSQL (`SKIP LOCKED`, a shared server); the table
/// exists in SQLite too only so that both schemas stay the same.
///
/// ## Topics
/// - Filling: ``enqueue(_:)``, ``QueueEntry``
/// - Working: ``claim(limit:leaseSeconds:maxAttempts:worker:)``, ``renew(_:)``, ``complete(_:lease:prepared:)``,
///   ``completeDuplicate(_:lease:of:)``, ``fail(_:lease:error:maxAttempts:)``, ``release(_:)``,
///   ``giveUpExpired(maxAttempts:)``
/// - Watching: ``hasOpenRows()``, ``counts()``, ``QueueCounts``
public struct ArticleQueue: Sendable {
    public let store: PostgresStore

    public init(store: PostgresStore) {
        self.store = store
    }

    /// Milliseconds since 1970 by the server's clock (`clock_timestamp()`, not
    /// the transaction's start, so a long transaction does not lag).
    private static let nowMs = "(extract(epoch FROM clock_timestamp()) * 1000)::BIGINT"
    /// The server's time as ISO 8601 UTC with milliseconds.
    private static let nowText = #"to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#

    // MARK: filling

    /// Adds entries not queued before (by input hash); one statement per
    /// ``enqueueChunk`` entries.
    ///
    /// - Returns: how many were added; the others were queued already.
    public func enqueue(_ entries: [QueueEntry]) async throws -> Int {
        var added = 0
        for start in stride(from: 0, to: entries.count, by: Self.enqueueChunk) {
            let chunk = entries[start..<min(start + Self.enqueueChunk, entries.count)]
            let rows = Array(repeating: "(?, ?, ?, \(Self.nowText))", count: chunk.count).joined(separator: ", ")
            let arguments = chunk.flatMap { [SQLValue.text($0.inputHash), .text($0.item), .text($0.origin)] }
            added += try await store.fetch(SQLStatement(
                "INSERT INTO article_queue (input_hash, item, origin, enqueued_at) VALUES \(rows) ON CONFLICT (input_hash) DO NOTHING RETURNING id",
                arguments)).count
        }
        return added
    }

    /// Entries per `INSERT` (three bound values each, far under PostgreSQL's 65,535).
    public static let enqueueChunk = 500

    // MARK: working

    /// Claims up to `limit` open rows in queue order: pending ones, and
    /// claimed ones whose lease has expired, with fewer than `maxAttempts`
    /// claims so far. Each claim counts as an attempt. Each row comes with
    /// the stored article of the same input, if any, and says whether it was
    /// taken over from an expired lease.
    ///
    /// - Returns: the lease, with no rows when there is nothing to claim now.
    public func claim(limit: Int, leaseSeconds: Double, maxAttempts: Int, worker: String) async throws -> QueueLease {
        precondition(limit > 0 && leaseSeconds > 0 && maxAttempts > 0)
        let token = UUID().uuidString.lowercased()
        let rows = try await store.fetch(SQLStatement("""
            UPDATE article_queue q
            SET status = 'claimed', lease_token = ?, lease_expires_ms = \(Self.nowMs) + ?, attempts = q.attempts + 1, worker = ?
            FROM (
                SELECT id, status AS previous_status FROM article_queue
                WHERE status IN ('pending', 'claimed')
                  AND (status = 'pending' OR lease_expires_ms < \(Self.nowMs))
                  AND attempts < ?
                ORDER BY id
                LIMIT ?
                FOR UPDATE SKIP LOCKED) AS open
            WHERE q.id = open.id
            RETURNING q.id, q.item, q.origin, q.attempts, open.previous_status,
                (SELECT a.id FROM articles a WHERE a.input_hash = q.input_hash ORDER BY a.id LIMIT 1) AS stored_article_id
            """, [.text(token), .integer(Self.milliseconds(leaseSeconds)), .text(worker), .integer(Int64(maxAttempts)), .integer(Int64(limit))]))
        let articles = rows.compactMap { row -> QueuedArticle? in
            guard let id = row["id"].int64, let item = row["item"].string else { return nil }
            return QueuedArticle(id: id, item: item, origin: row["origin"].string ?? "", attempts: Int(row["attempts"].int64 ?? 0),
                                 storedArticleID: row["stored_article_id"].int64,
                                 takenOver: row["previous_status"].string == "claimed")
        }
        return QueueLease(token: token, leaseSeconds: leaseSeconds, articles: articles.sorted { $0.id < $1.id })
    }

    /// Pushes back the expiry of the lease's rows still held and not finished.
    ///
    /// - Returns: their ids; a row missing from it was taken over.
    public func renew(_ lease: QueueLease) async throws -> Set<Int64> {
        let rows = try await store.fetch(SQLStatement("""
            UPDATE article_queue SET lease_expires_ms = \(Self.nowMs) + ?
            WHERE lease_token = ? AND status = 'claimed' RETURNING id
            """, [.integer(Self.milliseconds(lease.leaseSeconds)), .text(lease.token)]))
        return Set(rows.compactMap { $0["id"].int64 })
    }

    /// Stores the article of a claimed row and marks the row done, in one
    /// transaction guarded by the lease (see the type's discussion).
    ///
    /// - Throws: ``QueueError/leaseLost(id:)`` when another worker has taken the
    ///   row over or finished it: nothing was written. Else the store's errors.
    public func complete(_ article: QueuedArticle, lease: QueueLease, prepared: PreparedArticle) async throws -> QueueCompletion {
        // The guard is the transaction's last statement: it waits for any
        // claimer holding the row, and then finds it only if the token is still ours.
        var done = SQLStatement("""
            UPDATE article_queue
            SET status = 'done', outcome = 'stored', article_id = (SELECT id FROM articles WHERE content_hash = ?),
                lease_token = NULL, lease_expires_ms = NULL, error = NULL, finished_at = \(Self.nowText)
            WHERE id = ? AND lease_token = ? AND status = 'claimed' RETURNING id
            """, [.text(prepared.article.contentHash), .integer(article.id), .text(lease.token)])
        done.guardFailure = "queue row \(article.id) is no longer held by lease \(lease.token)"
        let outcome: StoreOutcome
        do {
            outcome = try await store.storeArticle(prepared, settings: store.settings, also: [done])
        } catch StoreError.guardFailed {
            throw QueueError.leaseLost(id: article.id)
        }
        switch outcome {
        case let .stored(articleID, _, nearDuplicateOf, _):
            return .stored(articleID: articleID, nearDuplicateOf: nearDuplicateOf)
        case let .duplicate(of: existing):
            try await completeDuplicate(article, lease: lease, of: existing)
            return .duplicate(of: existing)
        }
    }

    /// Marks a claimed row done as a duplicate of a stored article, if the lease still holds it.
    ///
    /// - Throws: ``QueueError/leaseLost(id:)`` when it does not.
    public func completeDuplicate(_ article: QueuedArticle, lease: QueueLease, of existing: Int64) async throws {
        // One statement, atomic on its own; no row back means the lease lost it.
        let rows = try await store.fetch(SQLStatement("""
            UPDATE article_queue
            SET status = 'done', outcome = 'duplicate', article_id = ?, lease_token = NULL, lease_expires_ms = NULL,
                error = NULL, finished_at = \(Self.nowText)
            WHERE id = ? AND lease_token = ? AND status = 'claimed' RETURNING id
            """, [.integer(existing), .integer(article.id), .text(lease.token)]))
        if rows.isEmpty { throw QueueError.leaseLost(id: article.id) }
    }

    /// Records a failed attempt: the row goes back to `pending` for another
    /// try, or to `failed` for good once it has had `maxAttempts` claims.
    ///
    /// - Returns: whether the row has failed for good.
    /// - Throws: ``QueueError/leaseLost(id:)`` when the lease no longer holds the row.
    @discardableResult
    public func fail(_ article: QueuedArticle, lease: QueueLease, error message: String, maxAttempts: Int) async throws -> Bool {
        let rows = try await store.fetch(SQLStatement("""
            UPDATE article_queue
            SET status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
                finished_at = CASE WHEN attempts >= ? THEN \(Self.nowText) ELSE NULL END,
                lease_token = NULL, lease_expires_ms = NULL, error = ?
            WHERE id = ? AND lease_token = ? AND status = 'claimed' RETURNING status
            """, [.integer(Int64(maxAttempts)), .integer(Int64(maxAttempts)), .text(message), .integer(article.id), .text(lease.token)]))
        guard let row = rows.first else { throw QueueError.leaseLost(id: article.id) }
        return row["status"].string == "failed"
    }

    /// Gives the lease's unfinished rows back, as never tried (a worker
    /// stopping between articles).
    ///
    /// - Returns: how many rows went back.
    @discardableResult
    public func release(_ lease: QueueLease) async throws -> Int {
        try await store.fetch(SQLStatement("""
            UPDATE article_queue SET status = 'pending', lease_token = NULL, lease_expires_ms = NULL, attempts = attempts - 1
            WHERE lease_token = ? AND status = 'claimed' RETURNING id
            """, [.text(lease.token)])).count
    }

    /// Fails for good the open rows that have had `maxAttempts` claims and are
    /// not held by a live lease: mostly articles whose workers were killed
    /// or crashed while on them, every time. Rows being written are skipped.
    ///
    /// - Returns: how many rows failed.
    @discardableResult
    public func giveUpExpired(maxAttempts: Int) async throws -> Int {
        try await store.fetch(SQLStatement("""
            UPDATE article_queue
            SET status = 'failed', lease_token = NULL, lease_expires_ms = NULL, finished_at = \(Self.nowText),
                error = CASE WHEN status = 'claimed'
                    THEN 'gave up after ' || attempts || ' attempts: the lease expired while a worker held the row (the worker was stopped, or crashed on this article)'
                    ELSE coalesce(error, 'gave up after ' || attempts || ' attempts') END
            WHERE id IN (
                SELECT id FROM article_queue
                WHERE status IN ('pending', 'claimed')
                  AND (status = 'pending' OR lease_expires_ms < \(Self.nowMs))
                  AND attempts >= ?
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, [.integer(Int64(maxAttempts))])).count
    }

    // MARK: watching

    /// Whether any row is pending or claimed (read from the partial index, so
    /// cheap however many rows are done).
    public func hasOpenRows() async throws -> Bool {
        try await !store.fetch(SQLStatement("SELECT id FROM article_queue WHERE status IN ('pending', 'claimed') LIMIT 1")).isEmpty
    }

    /// Rows by status.
    public func counts() async throws -> QueueCounts {
        var counts = QueueCounts()
        for row in try await store.fetch(SQLStatement("SELECT status, COUNT(*) AS n FROM article_queue GROUP BY status")) {
            let n = Int(row["n"].int64 ?? 0)
            switch row["status"].string {
            case "pending": counts.pending = n
            case "claimed": counts.claimed = n
            case "done": counts.done = n
            case "failed": counts.failed = n
            default: break
            }
        }
        return counts
    }

    private static func milliseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded())
    }
}

/// One input to queue.
public struct QueueEntry: Sendable, Equatable {
    public var inputHash: String
    /// ``IngestItem/jsonLine``.
    public var item: String
    /// Where the input was read, for error messages.
    public var origin: String

    public init(_ item: IngestItem, origin: String) {
        self.inputHash = item.inputHash
        self.item = item.jsonLine
        self.origin = origin
    }
}

/// A claimed queue row.
public struct QueuedArticle: Sendable, Equatable {
    public var id: Int64
    /// ``IngestItem/jsonLine``.
    public var item: String
    public var origin: String
    /// Claims so far, this one included.
    public var attempts: Int
    /// A stored article with the same input hash, found when the row was
    /// claimed (the input was ingested before): the row is a duplicate, and
    /// the pipeline need not run.
    public var storedArticleID: Int64?
    /// The row was claimed while another lease on it had expired (its worker
    /// died or stalled), not from the pending rows.
    public var takenOver = false
}

/// Rows claimed together under one token.
public struct QueueLease: Sendable, Equatable {
    public var token: String
    public var leaseSeconds: Double
    /// In queue order.
    public var articles: [QueuedArticle]
}

/// What ``ArticleQueue/complete(_:lease:prepared:)`` did.
public enum QueueCompletion: Sendable, Equatable {
    case stored(articleID: Int64, nearDuplicateOf: Int64?)
    /// An article with the same URL or content was stored before; the row points at it.
    case duplicate(of: Int64)
}

/// Queue rows by status.
public struct QueueCounts: Sendable, Equatable, Codable {
    public var pending = 0
    public var claimed = 0
    public var done = 0
    public var failed = 0

    public init() {}

    /// Rows not finished: pending, or claimed by a worker.
    public var open: Int { pending + claimed }
}

/// Why a queue operation did nothing.
public enum QueueError: Error, CustomStringConvertible, Equatable {
    /// The row's lease was taken over by another worker (after it expired) or
    /// the row was finished: this worker's result was not written.
    case leaseLost(id: Int64)

    public var description: String {
        switch self {
        case let .leaseLost(id):
            "queue row \(id): the lease was lost to another worker (it expired; raise --lease-seconds if articles take that long); nothing was written"
        }
    }
}
