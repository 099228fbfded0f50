import CoreMetrics

/// What a ``QueueWorker`` reports to swift-metrics, served by
/// `sitrep worker --metrics-port` in Prometheus format:
///
/// | metric | kind | meaning |
/// | --- | --- | --- |
/// | `sitrep_worker_articles_total{outcome}` | counter | rows finished or put back: `stored`, `duplicate` (stored before), `retried` (failed, queued again), `failed` (for good) |
/// | `sitrep_worker_leases_taken_over_total` | counter | rows this worker claimed after another worker's lease on them expired |
/// | `sitrep_worker_leases_lost_total` | counter | rows this worker held but lost to another (its lease expired first); nothing was written for them |
/// | `sitrep_worker_pipeline_duration_seconds` | histogram | running the pipeline on one article |
/// | `sitrep_worker_store_duration_seconds` | histogram | storing one article with its queue row (retries included) |
/// | `sitrep_worker_claim_duration_seconds` | histogram | one claim of a batch, however many rows it got |
///
/// Without `MetricsSystem.bootstrap` every handler is a no-op.
public struct QueueWorkerMetrics: Sendable {
    let stored: Counter
    let duplicates: Counter
    let retried: Counter
    let failed: Counter
    let leasesTakenOver: Counter
    let leasesLost: Counter
    let pipeline: Timer
    let store: Timer
    let claim: Timer

    /// - Parameter factory: where the handlers come from; `MetricsSystem.factory`
    ///   (the process's, once bootstrapped) unless a test passes its own.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        func outcome(_ name: String) -> Counter {
            Counter(label: "sitrep_worker_articles_total", dimensions: [("outcome", name)], factory: factory)
        }
        stored = outcome("stored")
        duplicates = outcome("duplicate")
        retried = outcome("retried")
        failed = outcome("failed")
        leasesTakenOver = Counter(label: "sitrep_worker_leases_taken_over_total", factory: factory)
        leasesLost = Counter(label: "sitrep_worker_leases_lost_total", factory: factory)
        pipeline = Timer(label: "sitrep_worker_pipeline_duration_seconds", factory: factory)
        store = Timer(label: "sitrep_worker_store_duration_seconds", factory: factory)
        claim = Timer(label: "sitrep_worker_claim_duration_seconds", factory: factory)
    }
}

extension Duration {
    /// Whole nanoseconds, for `Timer.recordNanoseconds`.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
