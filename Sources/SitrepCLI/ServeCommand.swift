import ArgumentParser
import Foundation
import Logging
import SitrepServer
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
        docs/api.md and by the OpenAPI document at /openapi.json.

        The server binds 127.0.0.1 unless --host says otherwise; it serves reads only. \
        SIGINT or SIGTERM stops it gracefully. With --port 0 the system picks a free port, \
        printed on standard error as "listening on http://HOST:PORT/".

        Examples:
          sitrep serve
          sitrep serve --database postgres://sitrep@127.0.0.1:5432/sitrep --port 9000

        \(ExitStatus.helpText)
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to bind: 127.0.0.1 (this machine only), or 0.0.0.0 to listen on every interface.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0: any free port).")
    var port = 8080

    @Option(help: "Seconds an answer of the aggregate endpoints (stats, actors, timeline, map, network) is reused; 0: never.")
    var cacheSeconds: Double = 30

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address") }
        guard cacheSeconds >= 0, cacheSeconds.isFinite else { throw ValidationError("--cache-seconds must be 0 or more") }
    }

    func run() throws {
        let assets: WebAssets
        do {
            assets = try WebAssets.bundled()
        } catch {
            printError(error.description)
            throw ExitStatus.software.exitCode
        }
        var logger = Logger(label: "sitrep.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            printError("warning: listening on \(host): anyone who can reach this machine can read the store")
        }
        let (host, port, cacheSeconds) = (self.host, self.port, self.cacheSeconds)
        let serverLogger = logger
        try runStoreCommand(database) { store in
            let server = APIServer(store: store, assets: assets, logger: serverLogger, cacheSeconds: cacheSeconds)
            try await server.run(host: host, port: port) { actualPort in
                let shown = host.contains(":") ? "[\(host)]" : host
                printError("listening on http://\(shown):\(actualPort)/")
            }
        }
    }
}
