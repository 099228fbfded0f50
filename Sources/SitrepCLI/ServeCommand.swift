import ArgumentParser
import Foundation
import Logging
import SitrepServer
import SitrepStages
import SitrepStorage

/// `sitrep serve`: the HTTP API and the web UI over the store.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store's events and articles: a JSON API (/api, /openapi.json) and a web UI (/).",
        discussion: """
        The UI shows a timeline of events by day and CAMEO root, a world map of event \
        places, the actor network, the event list, and each article with its annotations \
        highlighted. It needs nothing from the network. The API is described in \
        docs/api.md and by the OpenAPI document at /openapi.json. GET /metrics serves \
        request counts and latencies by route and status in Prometheus text format \
        (docs/operations.md#monitoring).

        The server binds 127.0.0.1 unless --host says otherwise. POST /api/articles takes \
        JSON lines (the interchange input, as `sitrep ingest` reads them) and stores them: \
        on loopback anyone on this machine may post, unless a token is set; on any other \
        address posting needs the token (--token-file, or the SITREP_TOKEN environment \
        variable) sent as "Authorization: Bearer TOKEN", and without one the server is \
        read-only. --read-only refuses every write. SIGINT or SIGTERM stops it gracefully. With --port 0 the system picks a free port, \
        printed on standard error as "listening on http://HOST:PORT/".

        Examples:
          sitrep serve
          sitrep serve --database postgres://sitrep@127.0.0.1:5432/sitrep --port 9000
          SITREP_TOKEN=$(cat token) sitrep serve --host 0.0.0.0
          curl -H 'Content-Type: application/x-ndjson' --data-binary @news.jsonl http://127.0.0.1:8080/api/articles

        \(ExitStatus.helpText)
        """
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var syntaxModel: SyntaxModelOption

    @Option(help: "Address to bind: 127.0.0.1 (this machine only), or 0.0.0.0 to listen on every interface.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0: any free port).")
    var port = 8080

    @Option(help: "Seconds an answer of the aggregate endpoints (stats, actors, timeline, map, network) is reused; 0: never.")
    var cacheSeconds: Double = 30

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Flag(help: "Refuse every write (POST /api/articles).")
    var readOnly = false

    @Option(help: "A file whose first line is the token that writes must send as 'Authorization: Bearer TOKEN' (or set SITREP_TOKEN).")
    var tokenFile: String?

    @Option(help: "Largest POST body accepted, in bytes.")
    var maxBodyBytes = 16 << 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address") }
        guard cacheSeconds >= 0, cacheSeconds.isFinite else { throw ValidationError("--cache-seconds must be 0 or more") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
    }

    /// The write token: the first line of --token-file, else SITREP_TOKEN;
    /// nil when neither is set. A token under 16 characters is refused.
    func token() throws -> String? {
        let token: String, origin: String
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                printError(InputError.notFound(tokenFile).description)
                throw ExitStatus.noInput.exitCode
            }
            let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            (token, origin) = (line.trimmingCharacters(in: .whitespaces), "the token in \(tokenFile)")
        } else if let value = ProcessInfo.processInfo.environment["SITREP_TOKEN"], !value.isEmpty {
            (token, origin) = (value, "SITREP_TOKEN")
        } else {
            return nil
        }
        guard token.count >= 16 else {
            printError("\(origin) is shorter than 16 characters")
            throw ExitStatus.usage.exitCode
        }
        return token
    }

    func run() throws {
        let assets: WebAssets
        do {
            assets = try WebAssets.bundled()
        } catch {
            printError(error.description)
            throw ExitStatus.software.exitCode
        }
        let syntax = try syntaxModel.stageOrExit()
        var logger = Logger(label: "sitrep.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let writes = WriteAccess.forServer(host: host, token: try token(), readOnly: readOnly, maxBodyBytes: maxBodyBytes)
        if !WriteAccess.isLoopback(host) {
            printError("warning: listening on \(host): anyone who can reach this machine can read the store")
            if case .closed = writes.rule { printError("writes are off: set a token (--token-file or SITREP_TOKEN) to accept POST /api/articles") }
        }
        let (host, port, cacheSeconds) = (self.host, self.port, self.cacheSeconds)
        let serverLogger = logger
        try runStoreCommand(database) { store in
            let server = APIServer(store: store, assets: assets, logger: serverLogger, cacheSeconds: cacheSeconds,
                                   writes: writes, makePipeline: { try StandardPipeline.make(syntax: syntax) }, metrics: SitrepMetrics.bootstrapped)
            try await server.run(host: host, port: port) { actualPort in
                let shown = host.contains(":") ? "[\(host)]" : host
                printError("listening on http://\(shown):\(actualPort)/")
            }
        }
    }
}
