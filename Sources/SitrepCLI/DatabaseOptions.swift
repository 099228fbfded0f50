import ArgumentParser
import Dispatch
import Foundation
import SitrepStorage

/// `--database PATH|URL`, shared by every command that touches the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: [.customLong("database"), .customShort("d")],
            help: ArgumentHelp("An SQLite file (created if missing) or postgres://user@host:port/db.", valueName: "path|url"))
    var location: String = SQLiteStore.defaultPath

    func validate() throws {
        if location.isEmpty { throw ValidationError("--database needs a file path or a postgres:// URL") }
        if StoreLocation.isPostgresURL(location), URLComponents(string: location)?.host == nil {
            throw ValidationError("--database '\(location)' is not a postgres://user@host:port/db URL")
        }
    }

    /// Opens and migrates the store, runs `body`, and closes the store.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (any Store) async throws -> T) async throws -> T {
        let store: any Store = StoreLocation.isPostgresURL(location)
            ? try await PostgresStore(url: location)
            : try await SQLiteStore(path: location)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Runs async work from a synchronous command and waits for it.
///
/// The root command is a synchronous `ParsableCommand` (`sitrep` calls
/// `SitrepCommand.main()`), which cannot run asynchronous subcommands; the
/// store's API is `async`, so the store commands bridge here. The work runs
/// on the global executor while the main thread waits.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() throws -> T { try lock.withLock { result! }.get() }
}

/// Runs a store command: maps storage errors to `sitrep: ...` and exit 74.
func runStoreCommand(_ options: DatabaseOptions, _ body: @escaping @Sendable (any Store) async throws -> Void) throws {
    do {
        try runBlocking { try await options.withStore(body) }
    } catch let error as StoreError {
        printError(error.description)
        throw ExitStatus.ioError.exitCode
    } catch is BrokenPipe {
        return
    } catch let error as InputError {
        printError(error.description)
        throw error.status.exitCode
    }
}
