/// One step of the pipeline: it reads some layers of a ``Document`` and adds others.
///
/// Stages declare what they need and what they add, as CoreNLP annotators and
/// Stanza processors do, so that ``Pipeline`` can refuse a chain with a gap
/// when it is built rather than fail on the millionth article.
///
/// ```swift
/// struct SentenceStage: Stage {
///     let name = "sentences"
///     let version = "rules.v1"
///     let requires: Set<Layer> = [.article]
///     let provides: Set<Layer> = [.sentences]
///     func process(_ doc: inout Document) throws { doc.sentences = ... }
/// }
/// ```
public protocol Stage: Sendable {
    /// Stable short name: "extract", "sentences", "entities".
    var name: String { get }
    /// Implementation version; bump it whenever output can change ("rules.v2", "perceptron.v1").
    var version: String { get }
    var requires: Set<Layer> { get }
    var provides: Set<Layer> { get }
    /// Adds this stage's layers to `doc`.
    ///
    /// - Throws: an error only when the document cannot be processed at all;
    ///   problems with parts of it become ``Diagnostic``s.
    func process(_ doc: inout Document) throws
}

/// The positions of the Sitrep pipeline, in running order. A build fills each
/// slot with at most one ``Stage``; a slot without a stage leaves its layers
/// empty (reported as missing, never faked).
public enum StageSlot: String, CaseIterable, Sendable {
    /// Article text and metadata from HTML, scraped text, clean text or tokens.
    case extract
    /// Sentence boundaries.
    case sentences
    /// Penn-Treebank-like tokens.
    case tokens
    /// PER / ORG / LOC / MISC mentions (before syntax: the tagger reads a name's
    /// words as names, "the United Nations" never a verb).
    case entities
    /// POS tags, lemmas and dependencies.
    case syntax
    /// TIMEX3 time expressions normalized against the document date.
    case times
    /// Toponyms resolved to GeoNames.
    case places
    /// CAMEO-coded actors, metonymy included.
    case actors
    /// CAMEO-coded events with date and place.
    case events
    /// Direct and indirect quotes with speakers.
    case quotes
    /// Numbers with what they count.
    case quantities

    /// The layers a stage in this slot adds.
    public var provides: Set<Layer> {
        switch self {
        case .extract: [.article, .paragraphs]
        case .sentences: [.sentences]
        case .tokens: [.tokens]
        case .entities: [.entities]
        case .syntax: [.syntax]
        case .times: [.times]
        case .places: [.places]
        case .actors: [.actors]
        case .events: [.events]
        case .quotes: [.quotes]
        case .quantities: [.quantities]
        }
    }
}
