import SitrepCore

/// The stages this build of Sitrep has, placed in their ``StageSlot``s.
///
/// A slot without an implementation is left out of the pipeline and listed by
/// ``missingSlots``, so its layers stay empty and reports say so, rather than
/// carrying made-up data.
public enum StandardPipeline {
    /// The stage filling each slot in this build.
    public static func stage(for slot: StageSlot) -> (any Stage)? {
        stage(for: slot, cameo: nil)
    }

    /// The stage filling `slot`; the actor and event coders use `cameo` when given
    /// (another dictionary set), else the shipped dictionaries.
    public static func stage(for slot: StageSlot, cameo: CameoDictionary?) -> (any Stage)? {
        stage(for: slot, cameo: cameo, syntax: nil)
    }

    /// The stage filling `slot`; the syntax stage uses `syntax` when given (a model
    /// of the user's, ``SyntaxStage/init(annotator:modelName:)``).
    public static func stage(for slot: StageSlot, cameo: CameoDictionary?, syntax: SyntaxStage?) -> (any Stage)? {
        switch slot {
        case .extract: ExtractStage()
        case .sentences: SentenceStage()
        case .tokens: TokenStage()
        case .entities: EntityStage()
        case .syntax: syntax ?? SyntaxStage()
        case .times: TimeStage()
        case .quotes: QuoteStage()
        case .quantities: QuantityStage()
        case .actors: cameo.map { ActorStage(dictionary: $0) } ?? ActorStage()
        case .events: cameo.map { EventStage(dictionary: $0) } ?? EventStage()
        case .places: PlaceStage()
        }
    }

    /// Slots that have no stage in this build.
    public static var missingSlots: [StageSlot] {
        StageSlot.allCases.filter { stage(for: $0) == nil }
    }

    /// Builds the pipeline of every available stage in slot order, optionally
    /// stopping after `last`.
    ///
    /// - Throws: ``PipelineError/missingLayers(stage:missing:provided:)`` if the
    ///   available stages do not chain.
    public static func make(through last: StageSlot? = nil, cameo: CameoDictionary? = nil, syntax: SyntaxStage? = nil) throws -> Pipeline {
        var stages: [any Stage] = []
        for slot in StageSlot.allCases {
            if let stage = stage(for: slot, cameo: cameo, syntax: syntax) { stages.append(stage) }
            if slot == last { break }
        }
        return try Pipeline(stages)
    }
}
