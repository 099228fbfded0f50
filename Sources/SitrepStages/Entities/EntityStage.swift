import Foundation
import SitrepCore

/// The `entities` stage: PER / ORG / LOC / MISC mentions from the trained two-stage
/// perceptron tagger (``EntityTagger``).
///
/// The model ships as the resource `Models/ner-conll2003.bin` and is loaded once per
/// process, on first use (``EntityStage/sharedModel``). Tokens are read through the
/// ``NormalizedText`` view, so typographic quotes and dashes look like the training data;
/// mentions are spans of whole tokens in the original text.
///
/// For the `tokens` input, the interchange encoder turns the mentions back into one
/// IOB2 tag per given token.
///
/// - Complexity: O(n) in the tokens of the document.
public struct EntityStage: Stage {
    public let name = "entities"
    public let version = "perceptron2.v1"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let provides: Set<Layer> = [.entities]

    /// The resource name of the committed model.
    public static let modelResource = "ner-conll2003"
    public static let modelExtension = "bin"

    private let model: EntityModel?

    /// A stage using the committed model, loaded on first use.
    public init() {
        model = nil
    }

    /// A stage using `model` (tests, experiments).
    public init(model: EntityModel) {
        self.model = model
    }

    /// The committed model, loaded once per process; the error if it cannot be loaded.
    public static let sharedModel: Result<EntityModel, any Error> = Result {
        guard let url = Bundle.module.url(forResource: modelResource, withExtension: modelExtension, subdirectory: "Models") else {
            throw EntityModelError.missing(path: "Models/\(modelResource).\(modelExtension) in the SitrepStages resource bundle")
        }
        return try EntityModel.load(contentsOf: url)
    }

    /// - Throws: ``EntityModelError`` when the committed model is missing or damaged.
    public func process(_ doc: inout Document) throws {
        let model = try self.model ?? Self.sharedModel.get()
        let input = Self.input(of: doc)
        let labels = EntityTagger(model: model).tag(input)
        doc.entities = Self.mentions(labels, doc: doc, input: input)
    }

    /// The document's tokens, grouped by sentence (the tokenizer's ranges when it
    /// recorded them), as the tagger's input. Tokens outside every sentence
    /// (there should be none) form sentences of their own.
    static func input(of doc: Document) -> EntityInput {
        let view = NormalizedText(doc.text)
        var starts: [Int32] = [], ends: [Int32] = [], bounds: [Int32] = [0]
        starts.reserveCapacity(doc.tokens.count)
        ends.reserveCapacity(doc.tokens.count)
        for token in doc.tokens {
            let span = view.normalizedSpan(token.span)
            starts.append(Int32(span.start))
            ends.append(Int32(span.end))
        }
        if let recorded = doc.nonEmptySentenceTokenRanges {
            // The tokenizer's own ranges.
            for range in recorded { bounds.append(Int32(range.upperBound)) }
            return EntityInput(bytes: view.bytes, tokenStarts: starts, tokenEnds: ends, sentenceBounds: bounds)
        }
        var next = 0
        var currentKey = Int.min
        for (index, token) in doc.tokens.enumerated() {
            while next < doc.sentences.count && doc.sentences[next].end <= token.span.start { next += 1 }
            let key = next < doc.sentences.count && doc.sentences[next].contains(token.span) ? next : -1 - index
            if index > 0 && key != currentKey { bounds.append(Int32(index)) }
            currentKey = key
        }
        if !starts.isEmpty { bounds.append(Int32(starts.count)) }
        return EntityInput(bytes: view.bytes, tokenStarts: starts, tokenEnds: ends, sentenceBounds: bounds)
    }

    /// Mentions from token labels: each entity spans its first token's start to its last
    /// token's end, in the original text.
    static func mentions(_ labels: [EntityLabel], doc: Document, input: EntityInput) -> [EntityMention] {
        var mentions: [EntityMention] = []
        for sent in 0..<input.sentenceCount {
            let range = input.sentence(sent)
            for chunk in EntityLabel.chunks(Array(labels[range])) {
                let first = doc.tokens[range.lowerBound + chunk.range.lowerBound].span
                let last = doc.tokens[range.lowerBound + chunk.range.upperBound - 1].span
                mentions.append(EntityMention(span: TextSpan(start: first.start, end: last.end), type: chunk.type))
            }
        }
        return mentions
    }
}
