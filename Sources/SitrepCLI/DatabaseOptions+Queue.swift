import ArgumentParser
import SitrepStorage

extension DatabaseOptions {
    /// The check of the queue commands (`enqueue`, `worker`): the worker queue
    /// lives in PostgreSQL only.
    func requirePostgres(for command: String) throws {
        guard StoreLocation.isPostgresURL(location) else {
            throw ValidationError("""
                \(command) needs a PostgreSQL database (--database postgres://user@host:port/db): the worker queue \
                relies on FOR UPDATE SKIP LOCKED and a server that workers on many machines share. \
                '\(location)' is an SQLite file; to process articles into it, use `sitrep ingest`.
                """)
        }
    }

    /// Opens and migrates the PostgreSQL store, runs `body` on its queue, and closes it.
    func withQueue<T: Sendable>(_ body: @escaping @Sendable (ArticleQueue) async throws -> T) async throws -> T {
        let store = try await PostgresStore(url: location)
        do {
            let result = try await body(ArticleQueue(store: store))
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
