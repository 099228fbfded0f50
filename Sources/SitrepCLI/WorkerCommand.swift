import ArgumentParser
import Dispatch
import Foundation
import Logging
import SitrepCore
import SitrepServer
import SitrepStages
import SitrepStorage

/// `sitrep worker`: process queued articles, one of any number of workers.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Process articles queued by `sitrep enqueue` and store them; run as many workers as you like.",
        discussion: """
        Claims --batch rows at a time from the queue table article_queue with FOR UPDATE \
        SKIP LOCKED, under a lease of --lease-seconds (a token and an expiry by the \
        database's clock), runs the pipeline on each article and stores its results in \
        the same transaction that marks its row done. That transaction first checks that \
        the lease still holds the row; if another worker took the row over, it rolls back \
        and writes nothing. So each article is stored exactly once, however many workers \
        run and whichever of them are killed: a dead worker's rows are taken over when \
        their leases expire. Leases are renewed while a batch is worked through.

        A failing article (unreadable item, stage error, refused by the database) goes \
        back to the queue for another try, and is marked failed with its error after \
        --max-attempts claims; a claim whose worker died counts as an attempt.

        SIGTERM or SIGINT: the current article is finished, the rest of the batch is \
        given back, and the worker exits 0. A second signal exits at once (its rows are \
        taken over when their leases expire). When the database cannot be used at all, \
        the worker exits 74; run it under a supervisor that restarts it.

        Logs (swift-log) go to standard error: one line per event with key=value \
        metadata, or one JSON object per line with --log-format json. At info level: \
        start, progress every 10 s, retries and failures, stop with totals; at debug \
        level, every article.

        With --metrics-port, the worker serves GET /metrics in Prometheus text format \
        (articles stored, duplicate, retried and failed, leases taken over and lost, \
        pipeline, store and claim durations; docs/operations.md#monitoring) on \
        --metrics-host, 127.0.0.1 unless told otherwise; with port 0 the system picks \
        one, logged at notice level as "serving metrics" with its url.

        The queue needs PostgreSQL; an SQLite --database is a usage error.

        Examples:
          sitrep worker --database postgres://sitrep@db.internal:5432/sitrep
          sitrep worker --database postgres://sitrep@127.0.0.1/sitrep --exit-when-empty --log-format json
          sitrep worker --database postgres://sitrep@db.internal/sitrep --metrics-port 9464 --metrics-host 0.0.0.0

        \(ExitStatus.helpText)
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Rows claimed at a time.")
    var batch = 8

    @Option(help: "Lease length, in seconds: a worker that stops renewing loses its rows this long after.")
    var leaseSeconds: Double = 60

    @Option(help: "Claims before a failing article is marked failed.")
    var maxAttempts = 3

    @OptionGroup var syntaxModel: SyntaxModelOption

    @Option(help: ArgumentHelp("Stop after this stage slot (\(StageSlot.allCases.map(\.rawValue).joined(separator: ", "))); later layers stay empty.", valueName: "slot"))
    var through: String?

    @Flag(help: "Exit once no row is pending or claimed, instead of waiting for more.")
    var exitWhenEmpty = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: "Log format: text (key=value) or json (one object per line).")
    var logFormat = "text"

    @Option(help: ArgumentHelp("Serve GET /metrics (Prometheus text) on this TCP port; 0: any free port. Off unless given.", valueName: "port"))
    var metricsPort: Int?

    @Option(help: "Address the metrics server binds: 127.0.0.1 (this machine only), or 0.0.0.0 for every interface.")
    var metricsHost = "127.0.0.1"

    func validate() throws {
        try database.requirePostgres(for: "sitrep worker")
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard leaseSeconds > 0 && leaseSeconds.isFinite else { throw ValidationError("--lease-seconds must be positive") }
        guard maxAttempts > 0 else { throw ValidationError("--max-attempts must be positive") }
        if let through, StageSlot(rawValue: through) == nil {
            throw ValidationError("--through must be one of \(StageSlot.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format must be text or json") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be from 0 to 65535") }
        guard !metricsHost.isEmpty else { throw ValidationError("--metrics-host needs an address") }
    }

    func run() throws {
        let pipeline: Pipeline
        do {
            pipeline = try StandardPipeline.make(through: through.flatMap(StageSlot.init(rawValue:)),
                                                 syntax: try syntaxModel.stage())
        } catch {
            printError("cannot build the pipeline: \(error)")
            throw ExitStatus.software.exitCode
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "sitrep.worker")
        var settings = QueueWorker.Settings()
        settings.batch = batch
        settings.leaseSeconds = leaseSeconds
        settings.maxAttempts = maxAttempts
        settings.exitWhenEmpty = exitWhenEmpty
        let stop = StopSignal()
        let signals = [SIGTERM, SIGINT].map { Self.watch($0, stop: stop, logger: logger) }
        defer { signals.forEach { $0.cancel() } }
        let name = Self.workerName()
        let workerSettings = settings
        // Bootstrapped before the worker makes its counters, so they reach the registry.
        let metrics = metricsPort.map { _ in SitrepMetrics.bootstrapped }
        let (metricsHost, metricsPort) = (self.metricsHost, self.metricsPort)
        let metricsFailed = StopSignal()  // set when the metrics server could not run
        do {
            _ = try runBlocking {
                try await database.withQueue { queue in
                    let worker = QueueWorker(queue: queue, pipeline: pipeline, settings: workerSettings, name: name, logger: logger)
                    guard let metrics, let metricsPort else { return try await worker.run(stop: stop) }
                    return try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            let app = metrics.application(host: metricsHost, port: metricsPort, logger: logger) { port in
                                let shown = metricsHost.contains(":") ? "[\(metricsHost)]" : metricsHost
                                logger.notice("serving metrics", metadata: ["url": "http://\(shown):\(port)/metrics"])
                            }
                            do {
                                try await app.run()
                            } catch {
                                // Without its metrics the worker would run unwatched: stop it.
                                logger.critical("cannot serve metrics", metadata: ["error": "\(error)"])
                                metricsFailed.request()
                                stop.request()
                            }
                        }
                        let report = try await worker.run(stop: stop)
                        group.cancelAll()
                        return report
                    }
                }
            }
        } catch let error as StoreError {
            logger.critical("cannot go on", metadata: ["error": "\(error)"])
            printError(error.description)
            throw ExitStatus.ioError.exitCode
        }
        if metricsFailed.isRequested { throw ExitStatus.ioError.exitCode }
    }

    /// The first signal asks the worker to stop after the current article;
    /// a second one ends the process at once.
    private static func watch(_ number: Int32, stop: StopSignal, logger: Logger) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            if stop.isRequested { _exit(128 + number) }
            logger.notice("stop requested: finishing the current article", metadata: ["signal": "\(number)"])
            stop.request()
        }
        source.resume()
        return source
    }

    /// `host:pid`, the worker's name in the queue and the logs.
    static func workerName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "localhost"
        return "\(host):\(getpid())"
    }
}
