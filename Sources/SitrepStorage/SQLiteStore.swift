import Foundation
import GRDB

/// A ``Store`` in an SQLite file, through GRDB.
///
/// A file is opened as a `DatabasePool` (WAL: readers run while one writer
/// writes); ``inMemory(settings:)`` uses a `DatabaseQueue` for tests. Each
/// document is written in one transaction. Foreign keys are enforced (GRDB
/// turns them on for every connection).
public struct SQLiteStore: Store, SQLBackend {
    /// Where `--database` points when it is not given.
    public static let defaultPath = "./sitrep.db"

    let writer: any DatabaseWriter
    let settings: DeduplicationSettings
    var dialect: SQLDialect { .sqlite }

    /// Opens (or creates) the database file at `path` and migrates it.
    public init(path: String, settings: DeduplicationSettings = .standard) async throws {
        try await self.init(path: path, settings: settings, migrations: Migrations.all)
    }

    /// Opens the database at `path` and applies `migrations` (a prefix of
    /// ``Migrations/all``; tests use an older one to write a store as an
    /// earlier version of Sitrep did).
    init(path: String, settings: DeduplicationSettings, migrations: [Migration]) async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL makes NORMAL safe against corruption; only the last commits
            // before a power cut can be lost, and a re-ingest restores them.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Read pages through a memory map instead of read() copies, and keep
            // more of them per connection: queries over millions of events stay
            // in the page cache (profiled: a sixth of the API's time was kernel copies).
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try Self.prepare(db)
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.badLocation(path, reason: "\(error)")
        }
        self.settings = settings
        try migrate(migrations)
    }

    /// Settings every connection needs. LIKE is case-sensitive, as in
    /// PostgreSQL, so both backends answer prefix queries alike (and SQLite can
    /// use an index for them).
    static func prepare(_ db: Database) throws {
        try db.execute(sql: "PRAGMA case_sensitive_like = ON")
    }

    private init(writer: any DatabaseWriter, settings: DeduplicationSettings) {
        self.writer = writer
        self.settings = settings
    }

    /// A fresh, migrated in-memory database.
    public static func inMemory(settings: DeduplicationSettings = .standard) async throws -> SQLiteStore {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try prepare(db) }
        let store = SQLiteStore(writer: try DatabaseQueue(configuration: configuration), settings: settings)
        try await store.migrate()
        return store
    }

    public func migrate() async throws {
        try migrate(Migrations.all)
    }

    private func migrate(_ migrations: [Migration]) throws {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements(for: .sqlite) { try db.execute(sql: statement) }
            }
        }
        try migrator.migrate(writer)
    }

    // MARK: SQLBackend

    /// Runs a query through GRDB's per-connection cache of prepared
    /// statements (the API repeats the same few shapes), reading rows from a
    /// cursor with one shared column-name array.
    func fetch(_ statement: SQLStatement) async throws -> [SQLRow] {
        let arguments = StatementArguments(statement.arguments.map(\.databaseValue))
        return try await writer.read { db in
            let prepared = try db.cachedStatement(sql: statement.sql)
            let columns = SQLColumns(prepared.columnNames)
            let count = columns.names.count
            var rows: [SQLRow] = []
            // Values are read straight from the stepped statement: GRDB's
            // generic row decoding was a tenth of the API's time.
            let cursor = try Row.fetchCursor(prepared, arguments: arguments)
            let sqliteStatement = prepared.sqliteStatement
            while try cursor.next() != nil {
                var values: [SQLValue] = []
                values.reserveCapacity(count)
                for index in 0..<count { values.append(SQLValue(DatabaseValue(sqliteStatement: sqliteStatement, index: CInt(index)))) }
                rows.append(SQLRow(columns: columns, values: values))
            }
            return rows
        }
    }

    func transaction(_ statements: [SQLStatement]) async throws {
        try await writer.write { db in
            for statement in statements {
                let arguments = StatementArguments(statement.arguments.map(\.databaseValue))
                if let failure = statement.guardFailure {
                    // A guard must find its row; throwing rolls the write back.
                    guard try Row.fetchOne(db, sql: statement.sql, arguments: arguments) != nil else {
                        throw StoreError.guardFailed(failure)
                    }
                } else {
                    try db.execute(sql: statement.sql, arguments: arguments)
                }
            }
        }
    }

    // MARK: Store

    public func store(_ article: PreparedArticle) async throws -> StoreOutcome { try await storeArticle(article, settings: settings) }
    public func articleID(inputHash: String) async throws -> Int64? { try await selectArticleID(inputHash: inputHash) }
    public func events(_ query: EventQuery) async throws -> [StoredEvent] { try await selectEvents(query) }
    public func mentions(eventID: Int64) async throws -> [EventMentionRecord] { try await selectMentions(eventID: eventID) }
    public func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] { try await selectArticles(query) }
    public func article(id: Int64) async throws -> ArticleRecord? { try await selectArticle(id: id) }
    public func event(id: Int64) async throws -> StoredEvent? { try await selectEvent(id: id) }
    public func layers(articleID: Int64) async throws -> ArticleLayers { try await selectLayers(articleID: articleID) }
    public func timeline(_ query: EventQuery) async throws -> [TimelineBucket] { try await selectTimeline(query) }
    public func eventPlaces(_ query: EventQuery, limit: Int) async throws -> [PlaceBucket] { try await selectEventPlaces(query, limit: limit) }
    public func actorPairs(_ query: EventQuery, limit: Int) async throws -> [ActorPair] { try await selectActorPairs(query, limit: limit) }
    public func actors(limit: Int) async throws -> [ActorSummary] { try await selectActors(limit: limit) }
    public func stats() async throws -> StoreStats { try await selectStats() }

    public func schemaColumns() async throws -> [String: [String]] {
        try await writer.read { db in
            var result: [String: [String]] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
            for table in tables {
                result[table] = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
            }
            return result
        }
    }

    /// SQLite's `integrity_check` (pages, indexes, constraints) and
    /// `foreign_key_check`, then the shared invariants.
    public func check() async throws -> [String] {
        var problems = try await writer.read { db in
            var found: [String] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                found.append("integrity_check: \(line)")
            }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in orphans.prefix(20) {
                let table: String = row["table"] ?? "?"
                let parent: String = row["parent"] ?? "?"
                let rowid: Int64 = row["rowid"] ?? 0
                found.append("foreign_key_check: \(table) row \(rowid) points to a missing \(parent) row")
            }
            if orphans.count > 20 { found.append("foreign_key_check: \(orphans.count - 20) more") }
            return found
        }
        problems += try await checkInvariants()
        return problems
    }

    public func close() async throws {
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }
}

extension SQLValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(v): self = .integer(v)
        case let .double(v): self = .real(v)
        case let .string(v): self = .text(v)
        case let .blob(v): self = .blob(Array(v))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(v): v.databaseValue
        case let .real(v): v.databaseValue
        case let .text(v): v.databaseValue
        case let .blob(v): Data(v).databaseValue
        }
    }
}
