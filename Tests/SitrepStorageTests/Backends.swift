import Foundation
import Testing
@testable import SitrepStorage

/// The backends every storage test runs on, as GRDB runs each test on an
/// in-memory queue, a queue file and a pool file.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, sqliteInMemory, sqliteFile, postgres

    var testDescription: String { rawValue }

    /// The PostgreSQL server to test against (`scripts/with-postgres.sh` sets it).
    static let postgresURL = ProcessInfo.processInfo.environment["SITREP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The backends available here: PostgreSQL only when a server is given.
    static let available: [Backend] = allCases.filter { $0 != .postgres || postgresURL != nil }

    /// A fresh, empty, migrated store; `body` runs on it and it is removed afterwards.
    func withStore<T>(settings: DeduplicationSettings = .standard, _ body: (any Store) async throws -> T) async throws -> T {
        switch self {
        case .memory:
            return try await body(MemoryStore(settings: settings))
        case .sqliteInMemory:
            let store = try await SQLiteStore.inMemory(settings: settings)
            let result = try await body(store)
            try await store.close()
            return result
        case .sqliteFile:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try await SQLiteStore(path: folder.appendingPathComponent("test.db").path, settings: settings)
            do {
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres:
            return try await PostgresScratch.withDatabase { url in
                let store = try await PostgresStore(url: url, settings: settings)
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
    }
}

/// A throwaway database per test on the server of `SITREP_TEST_POSTGRES_URL`,
/// so tests never see each other's rows.
enum PostgresScratch {
    static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let base = Backend.postgresURL, var components = URLComponents(string: base) else {
            preconditionFailure("SITREP_TEST_POSTGRES_URL is not set")
        }
        let name = "sitrep_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStore(url: base)
        // Identifiers cannot be bound; `name` is made of [a-z0-9_] here.
        _ = try await admin.fetch(SQLStatement("CREATE DATABASE \(name)"))
        components.path = "/" + name
        do {
            let result = try await body(components.string!)
            _ = try await admin.fetch(SQLStatement("DROP DATABASE \(name) WITH (FORCE)"))
            try await admin.close()
            return result
        } catch {
            _ = try? await admin.fetch(SQLStatement("DROP DATABASE \(name) WITH (FORCE)"))
            try? await admin.close()
            throw error
        }
    }
}
