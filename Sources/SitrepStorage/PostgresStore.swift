import Foundation
import Logging
import PostgresNIO

/// A ``Store`` in a PostgreSQL database, through postgres-nio's connection pool.
///
/// Opened from a URL, `postgres://user[:password]@host[:port]/database`
/// (`postgresql://` too). TLS is not used: the server is expected on the
/// same machine or a trusted network. The same migrations as SQLite's run,
/// rendered for PostgreSQL, and are recorded in `schema_migrations`.
public final class PostgresStore: Store, SQLBackend {
    let client: PostgresClient
    let settings: DeduplicationSettings
    private let runTask: Task<Void, Never>
    private let logger: Logger
    var dialect: SQLDialect { .postgres }

    /// Connects to the database at `url` and migrates it.
    public init(url: String, settings: DeduplicationSettings = .standard, logger: Logger = PostgresStore.defaultLogger) async throws {
        let configuration = try Self.configuration(url: url)
        try await Self.probe(configuration, url: url, logger: logger)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let client = self.client
        // Wait until the pool's run loop is starting, so the first lease does
        // not find it stopped (postgres-nio warns about that).
        let (started, signal) = AsyncStream<Void>.makeStream()
        runTask = Task {
            signal.finish()
            await client.run()
        }
        for await _ in started {}
        self.settings = settings
        self.logger = logger
        do {
            try await migrate()
        } catch {
            runTask.cancel()
            throw error
        }
    }

    /// Opens and closes one connection, so that a wrong host, user or
    /// database is reported with the server's own words (the pool would only
    /// say that its circuit breaker tripped).
    private static func probe(_ configuration: PostgresClient.Configuration, url: String, logger: Logger) async throws {
        guard let host = configuration.host else { return }
        let connectionConfiguration = PostgresConnection.Configuration(
            host: host, port: configuration.port ?? 5432, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable)
        do {
            let connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            throw StoreError.badLocation(url, reason: describe(error))
        } catch {
            throw StoreError.badLocation(url, reason: "\(error)")
        }
    }

    /// Logs warnings and errors only: connection churn is not news.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "sitrep.storage.postgres")
        logger.logLevel = .warning
        return logger
    }

    /// Reads a `postgres://user[:password]@host[:port]/database` URL.
    static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError.badLocation(url, reason: "not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else { throw StoreError.badLocation(url, reason: "the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw StoreError.badLocation(url, reason: "the URL names no user") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 8
        return configuration
    }

    public func migrate() async throws {
        let logger = self.logger
        do {
            try await client.withConnection { connection in
                // One migrator at a time, whatever the number of processes; taken
                // before CREATE TABLE IF NOT EXISTS, which races with itself.
                try await connection.query("SELECT pg_advisory_lock(7261001)", logger: logger)
                do {
                    try await Self.applyMigrations(on: connection, logger: logger)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(7261001)", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(7261001)", logger: logger)
            }
        } catch let error as PSQLError {
            throw StoreError.database(Self.describe(error))
        }
    }

    private static func applyMigrations(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", logger: logger)
        var applied = Set<String>()
        for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
            applied.insert(name)
        }
        for migration in Migrations.all where !applied.contains(migration.name) {
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in migration.statements(for: .postgres) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let now = PreparedArticle.timestamp()
                try await connection.query("INSERT INTO schema_migrations (name, applied_at) VALUES (\(migration.name), \(now))", logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                let reason = (error as? PSQLError).map(describe) ?? "\(error)"
                throw StoreError.database("migration \(migration.name) failed: \(reason)")
            }
        }
    }

    // MARK: SQLBackend

    func fetch(_ statement: SQLStatement) async throws -> [SQLRow] {
        let query = try Self.query(statement)
        do {
            let rows = try await client.query(query, logger: logger)
            var result: [SQLRow] = []
            var layout: SQLColumns? = nil  // the first row's column names, shared by the rest
            for try await row in rows {
                var columns: [String] = []
                var values: [SQLValue] = []
                for cell in row {
                    columns.append(cell.columnName)
                    values.append(try SQLValue(cell))
                }
                if layout?.names != columns { layout = SQLColumns(columns) }
                result.append(SQLRow(columns: layout ?? SQLColumns(columns), values: values))
            }
            return result
        } catch let error as PSQLError {
            throw StoreError.database(Self.describe(error))
        }
    }

    func transaction(_ statements: [SQLStatement]) async throws {
        let queries = try statements.map { (query: try Self.query($0), guardFailure: $0.guardFailure) }
        let logger = self.logger
        do {
            try await client.withTransaction(logger: logger) { connection in
                for (query, guardFailure) in queries {
                    let rows = try await connection.query(query, logger: logger)
                    if let guardFailure {
                        // A guard must find its row; throwing rolls the transaction back.
                        var found = false
                        for try await _ in rows { found = true }
                        if !found { throw StoreError.guardFailed(guardFailure) }
                    }
                }
            }
        } catch let error as PSQLError {
            throw StoreError.database(Self.describe(error))
        } catch let error as PostgresTransactionError {
            // No COMMIT was sent after a failed guard: nothing was written, even if the ROLLBACK failed.
            if let refused = error.closureError as? StoreError { throw refused }
            throw StoreError.database(error.closureError.map { ($0 as? PSQLError).map(Self.describe) ?? "\($0)" }
                                      ?? error.commitError.map { ($0 as? PSQLError).map(Self.describe) ?? "\($0)" }
                                      ?? "\(error)")
        }
    }

    private static func query(_ statement: SQLStatement) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: statement.arguments.count)
        for value in statement.arguments {
            switch value {
            case .null: bindings.appendNull()
            case let .integer(v): bindings.append(v)
            case let .real(v): bindings.append(v)
            case let .text(v): bindings.append(v)
            case let .blob(v): bindings.append(ByteBuffer(bytes: v))
            }
        }
        return PostgresQuery(unsafeSQL: statement.postgresText, binds: bindings)
    }

    /// The server's message and detail; postgres-nio's own description hides them.
    private static func describe(_ error: PSQLError) -> String {
        if let server = error.serverInfo {
            let message = server[.message] ?? "\(error.code)"
            let detail = server[.detail].map { " (\($0))" } ?? ""
            return message + detail
        }
        return String(reflecting: error)
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

    /// PostgreSQL enforces its constraints as it writes and checksums its
    /// pages itself; what is left to check is Sitrep's invariants.
    public func check() async throws -> [String] {
        try await checkInvariants()
    }

    public func schemaColumns() async throws -> [String: [String]] {
        let rows = try await fetch(SQLStatement("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
            ORDER BY table_name, ordinal_position
            """))
        var result: [String: [String]] = [:]
        for row in rows {
            guard let table = row["table_name"].string, let column = row["column_name"].string else { continue }
            result[table, default: []].append(column)
        }
        return result
    }

    public func close() async throws {
        runTask.cancel()
        await runTask.value
    }
}

extension SQLValue {
    /// Converts a cell by its PostgreSQL type; the schema uses BIGINT,
    /// DOUBLE PRECISION, TEXT and BYTEA only (COUNT gives BIGINT).
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else { self = .null; return }
        switch cell.dataType {
        case .int8, .int4, .int2: self = .integer(try cell.decode(Int64.self))
        case .float8, .float4: self = .real(try cell.decode(Double.self))
        case .bytea: self = .blob(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric: self = .real(Double(try cell.decode(String.self)) ?? .nan)
        default: self = .text(try cell.decode(String.self))
        }
    }
}
