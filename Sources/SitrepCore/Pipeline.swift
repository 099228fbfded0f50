/// Why a pipeline could not be built or run.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    /// A stage needs layers that no earlier stage provides.
    case missingLayers(stage: String, missing: [Layer], provided: [Layer])
    /// A stage failed on one document.
    case stageFailed(stage: String, document: String, reason: String)

    public var description: String {
        switch self {
        case let .missingLayers(stage, missing, provided):
            let have = provided.isEmpty ? "nothing" : provided.map(\.rawValue).joined(separator: ", ")
            return "stage '\(stage)' requires \(missing.map(\.rawValue).joined(separator: ", ")), but the stages before it provide only \(have)"
        case let .stageFailed(stage, document, reason):
            return "stage '\(stage)' failed on document '\(document)': \(reason)"
        }
    }
}

/// An ordered chain of stages, checked when it is built.
///
/// Stages are value types without mutable state, so one pipeline can process
/// many documents concurrently.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// Where each stage's time is added up, when profiling (``profiled(by:)``).
    public private(set) var profile: PipelineProfile?

    /// Builds a pipeline.
    ///
    /// - Throws: ``PipelineError/missingLayers(stage:missing:provided:)`` at the
    ///   first stage whose requirements the earlier stages do not meet.
    public init(_ stages: [any Stage]) throws {
        var provided = Set<Layer>()
        for stage in stages {
            let missing = stage.requires.subtracting(provided)
            if !missing.isEmpty {
                throw PipelineError.missingLayers(stage: stage.name, missing: missing.sorted(), provided: provided.sorted())
            }
            provided.formUnion(stage.provides)
        }
        self.stages = stages
    }

    /// The same pipeline, adding each stage's time on every document to `profile`.
    ///
    /// - Precondition: `profile` was made for this pipeline's stages.
    public func profiled(by profile: PipelineProfile) -> Pipeline {
        precondition(profile.entries.map(\.stage) == stages.map(\.name), "the profile was made for other stages")
        var copy = self
        copy.profile = profile
        return copy
    }

    /// The union of every stage's layers.
    public var provides: Set<Layer> {
        stages.reduce(into: Set<Layer>()) { $0.formUnion($1.provides) }
    }

    /// Runs every stage on `doc` in order, recording each one's provenance.
    ///
    /// - Throws: ``PipelineError/stageFailed(stage:document:reason:)`` when a stage throws.
    public func process(_ doc: inout Document) throws {
        for (index, stage) in stages.enumerated() {
            let started = profile?.clock()
            try Self.apply(stage, to: &doc)
            if let profile, let started { profile.record(stage: index, nanoseconds: profile.clock() &- started) }
        }
    }

    /// Runs one stage on `doc` and records its provenance; any error becomes
    /// ``PipelineError/stageFailed(stage:document:reason:)`` naming the stage.
    private static func apply(_ stage: any Stage, to doc: inout Document) throws(PipelineError) {
        do {
            try stage.process(&doc)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .stageFailed(stage: stage.name, document: doc.id, reason: String(describing: error))
        }
        doc.provenance.append(StageRecord(stage: stage.name, version: stage.version, provides: stage.provides.sorted()))
    }

    /// Runs every stage over a batch of documents, stage by stage: the first
    /// stage on every document, then the second, and so on.
    ///
    /// Between two documents run one by one, the other stages' code and tables
    /// push a stage's own out of the processor's caches, so that a small stage
    /// spends most of its time fetching them again (run a second time at once,
    /// the `times` stage took a fifth to a third of its first run's time). Stage
    /// by stage, each fetches them once per batch. The documents come out as ``process(_:)`` would leave them, since
    /// stages keep no state from one document to the next.
    ///
    /// A document whose stage throws keeps the layers it had and is skipped by
    /// the later stages; the other documents go on.
    ///
    /// - Returns: each document's error, in order; nil for a document that went
    ///   through every stage.
    public func process(batch docs: inout [Document]) -> [PipelineError?] {
        var failures = [PipelineError?](repeating: nil, count: docs.count)
        for (index, stage) in stages.enumerated() {
            let started = profile?.clock()
            var finished = 0
            for k in docs.indices where failures[k] == nil {
                do {
                    try Self.apply(stage, to: &docs[k])
                    finished += 1
                } catch {
                    failures[k] = error
                }
            }
            if let profile, let started { profile.record(stage: index, nanoseconds: profile.clock() &- started, documents: finished) }
        }
        return failures
    }

    /// Runs the pipeline on a new document built from `input`.
    public func run(_ input: DocumentInput, id: String, published: String? = nil, url: String? = nil) throws -> Document {
        var doc = Document(id: id, input: input, published: published, url: url)
        try process(&doc)
        return doc
    }
}
