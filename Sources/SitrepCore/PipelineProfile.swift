import Synchronization

/// Time spent in each stage of a ``Pipeline``, summed over every document it
/// processed: where `sitrep process --profile` gets its table.
///
/// The clock is given, so that the core stays free of system calls: the CLI
/// passes the calling thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), which is
/// right however many threads run the pipeline, and tests pass a fake one.
/// A profiled pipeline reads the clock twice per stage and document (or batch,
/// ``Pipeline/process(batch:)``) and adds under a lock: well under a microsecond per stage.
///
/// ```swift
/// let profile = PipelineProfile(stages: pipeline.stages.map(\.name), clock: threadCPUNanoseconds)
/// let profiled = pipeline.profiled(by: profile)
/// // ... profiled.run(...) on any number of threads ...
/// for entry in profile.entries { print(entry.stage, entry.nanoseconds) }
/// ```
public final class PipelineProfile: Sendable {
    /// A monotonic reading in nanoseconds.
    public typealias Clock = @Sendable () -> UInt64

    /// One stage's total.
    public struct Entry: Sendable, Equatable {
        public var stage: String
        /// Clock nanoseconds spent in the stage, over all documents.
        public var nanoseconds: UInt64
        /// Documents the stage finished (a stage that threw is not counted).
        public var documents: Int
    }

    public let clock: Clock
    private let names: [String]
    private let totals: Mutex<[(nanoseconds: UInt64, documents: Int)]>

    /// - Parameters:
    ///   - stages: the stage names, in the pipeline's order.
    ///   - clock: nanoseconds from any fixed origin; only differences are used.
    public init(stages: [String], clock: @escaping Clock) {
        self.names = stages
        self.clock = clock
        self.totals = Mutex(Array(repeating: (0, 0), count: stages.count))
    }

    /// Adds the time the stage at `index` (pipeline order) spent on
    /// `documents` documents: one, or a batch run stage by stage.
    public func record(stage index: Int, nanoseconds: UInt64, documents: Int = 1) {
        totals.withLock {
            $0[index].nanoseconds &+= nanoseconds
            $0[index].documents += documents
        }
    }

    /// The totals so far, in pipeline order.
    public var entries: [Entry] {
        totals.withLock { totals in
            zip(names, totals).map { Entry(stage: $0, nanoseconds: $1.nanoseconds, documents: $1.documents) }
        }
    }
}
