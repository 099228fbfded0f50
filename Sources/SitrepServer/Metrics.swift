import CoreMetrics
import Foundation
import Hummingbird
import Logging
import Prometheus
import Synchronization

/// The process's metrics, kept in a Prometheus registry behind swift-metrics,
/// and served as Prometheus text at `/metrics` by `sitrep serve` and by
/// `sitrep worker --metrics-port`.
///
/// Names (docs/operations.md#monitoring lists them with what to alert on):
///
/// | metric | kind | labels |
/// | --- | --- | --- |
/// | `process_start_time_seconds` | gauge | – |
/// | `sitrep_http_requests_total` | counter | `method`, `route`, `status` |
/// | `sitrep_http_request_duration_seconds` | histogram | `method`, `route`, `status` |
/// | `sitrep_worker_*` | see ``QueueWorkerMetrics`` | |
///
/// ``bootstrapped`` hands swift-metrics the one factory of the process
/// (`MetricsSystem.bootstrap` may be called only once); tests make their own
/// `SitrepMetrics()` and pass its ``factory`` explicitly, so that they count
/// only what they did.
public struct SitrepMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    /// Histogram buckets for every duration: from a millisecond (an API read
    /// from the cache, a queue claim) to half a minute (a huge article).
    public static let durationBuckets: [Duration] = [
        .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5),
        .seconds(10), .seconds(30),
    ]

    /// A new registry, with `process_start_time_seconds` set to now.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.durationBuckets
        self.factory = factory
        registry.makeGauge(name: "process_start_time_seconds", help: "Start time of the process since the Unix epoch, in seconds (when it set up its metrics).")
            .set(Date().timeIntervalSince1970)
    }

    /// The metrics of this process: made, and given to `MetricsSystem`, on first use.
    public static let bootstrapped: SitrepMetrics = {
        let metrics = SitrepMetrics()
        MetricsSystem.bootstrap(metrics.factory)
        return metrics
    }()

    /// Every metric, in the Prometheus text exposition format (version 0.0.4).
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    /// The answer to `GET /metrics`.
    public func response() -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition())))
    }

    /// A server with only `GET /metrics`, for processes that serve nothing
    /// else (`sitrep worker --metrics-port`); `onRunning` receives the port
    /// bound (the system's choice when `port` is 0).
    public func application(host: String, port: Int, logger: Logger,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ in self.response() }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "sitrep"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

/// Counts every request and times it, by method, route and status:
/// `sitrep_http_requests_total` and `sitrep_http_request_duration_seconds`.
///
/// The route is the matched pattern (`/api/events/{id}`), never the path
/// asked for, so that the number of series stays bounded; a request that
/// matched no route is counted under `NotFound` (Hummingbird's name for it).
///
/// Hummingbird's own `MetricsMiddleware` always uses the process-wide
/// factory (tests could not count their own requests apart) and names its
/// series with dots (`http.route`), which are not Prometheus names; this one
/// takes its factory and keeps, as Hummingbird's does, one counter and timer
/// per series instead of asking the factory on every request.
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let factory: any MetricsFactory
    private let series = SeriesCache()

    private struct SeriesKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// The handles made so far, shared by the copies of the middleware.
    private final class SeriesCache: Sendable {
        let handles = Mutex<[SeriesKey: (requests: CoreMetrics.Counter, duration: CoreMetrics.Timer)]>([:])
    }

    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            record(request, route: context.endpointPath, status: response.status.code, started: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, route: context.endpointPath, status: status, started: started)
            throw error
        }
    }

    private func record(_ request: Request, route: String?, status: Int, started: UInt64) {
        let key = SeriesKey(method: request.method.rawValue, route: route ?? "NotFound", status: status)
        let handles = series.handles.withLock { series in
            if let found = series[key] { return found }
            let dimensions = [("method", key.method), ("route", key.route), ("status", String(key.status))]
            let made = (CoreMetrics.Counter(label: "sitrep_http_requests_total", dimensions: dimensions, factory: factory),
                        CoreMetrics.Timer(label: "sitrep_http_request_duration_seconds", dimensions: dimensions, factory: factory))
            series[key] = made
            return made
        }
        handles.requests.increment()
        handles.duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
    }
}
