import Foundation
import SitrepCore

/// The `syntax` stage: UPOS and PTB XPOS tags, lemmas and a UD dependency tree for every
/// sentence, from a shipped model (``SyntaxAnnotator``), in ``SitrepCore/Document/syntax``.
///
/// Two models ship (``ShippedModel``): `Models/syntax-ud.bin`, the fast greedy parser the
/// pipeline uses by default, and `Models/syntax-ud-voters.bin`, a beam parser with two
/// voters, more accurate and a third of the speed, which `sitrep parse` uses by default.
/// Each is loaded once per process, on first use (``shared(_:)``). Each token's ``SitrepCore/TokenSyntax/head`` is the
/// 0-based index of its head among the tokens of its sentence, -1 for the root. Tokens
/// outside every sentence (there should be none) are parsed as sentences of their own.
/// When the `entities` layer is there, a capitalized word of a name that the tagger
/// reads as a verb ("the United Nations", "the Fed", "Pyongyang") is tagged a proper
/// noun before parsing.
///
/// - Complexity: O(n) in the tokens of the document.
public struct SyntaxStage: Stage {
    public let name = "syntax"
    public static let standardVersion = "perceptron-archybrid.v13"
    /// The stage's version; with a model of the user's, its file name follows a `+`.
    public let version: String
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let provides: Set<Layer> = [.syntax]

    /// The resource name of the committed fast model.
    public static let modelResource = ShippedModel.fast.resource
    public static let modelExtension = "bin"

    /// The models that ship with Sitrep.
    public enum ShippedModel: String, Sendable, CaseIterable {
        /// The greedy parser (`Models/syntax-ud.bin`): EWT dev LAS 81.7 at some 270,000
        /// words per CPU-second; the event coder's rules were written against its parses.
        case fast
        /// A beam parser with a greedy and a right-to-left greedy voter
        /// (`Models/syntax-ud-voters.bin`): EWT dev LAS 83.2 at some 100,000 words per CPU-second.
        case accurate

        /// The model's resource name in `Models/`.
        public var resource: String {
            switch self {
            case .fast: "syntax-ud"
            case .accurate: "syntax-ud-voters"
            }
        }
    }

    private let annotator: SyntaxAnnotator?

    /// A stage using the shipped fast model, loaded on first use.
    public init() { annotator = nil; version = Self.standardVersion }

    /// A stage using `model` (tests, experiments).
    public init(model: SyntaxModel) { annotator = SyntaxAnnotator(model: model); version = Self.standardVersion }

    /// A stage using an annotator already built.
    /// - Parameter modelName: the name of the model file, when it is not the shipped
    ///   model, recorded in the stage's version.
    public init(annotator: SyntaxAnnotator, modelName: String? = nil) {
        self.annotator = annotator
        version = Self.standardVersion + (modelName.map { "+" + $0 } ?? "")
    }

    /// The fast model's annotator (``ShippedModel/fast``), loaded once per process; the
    /// error if it cannot be loaded.
    public static let sharedAnnotator: Result<SyntaxAnnotator, any Error> = Result { try load(.fast) }
    private static let sharedAccurateAnnotator: Result<SyntaxAnnotator, any Error> = Result { try load(.accurate) }

    /// A shipped model's annotator, loaded once per process.
    ///
    /// - Throws: ``SyntaxModelError`` when the model is missing or damaged.
    public static func shared(_ model: ShippedModel) throws -> SyntaxAnnotator {
        switch model {
        case .fast: try sharedAnnotator.get()
        case .accurate: try sharedAccurateAnnotator.get()
        }
    }

    private static func load(_ model: ShippedModel) throws -> SyntaxAnnotator {
        guard let url = Bundle.module.url(forResource: model.resource, withExtension: modelExtension, subdirectory: "Models") else {
            throw SyntaxModelError.missing(path: "Models/\(model.resource).\(modelExtension) in the SitrepStages resource bundle")
        }
        return SyntaxAnnotator(model: try SyntaxModel.load(contentsOf: url, forAnnotation: true))
    }

    /// - Throws: ``SyntaxModelError`` when the model is missing or damaged.
    public func process(_ doc: inout Document) throws {
        let annotator = try self.annotator ?? Self.sharedAnnotator.get()
        // Tokens inside a named entity (the `entities` stage runs first).
        let inName = doc.entities.isEmpty ? nil : doc.tokensCovered(by: doc.entities.map(\.span))
        // The ranges cover every token, in order: each sentence's entries are appended.
        var syntax: [TokenSyntax] = []
        syntax.reserveCapacity(doc.tokens.count)
        for range in Self.sentenceRanges(doc) {
            let forms = range.map { String(doc.text(of: doc.tokens[$0].span)) }
            let names = inName.map { Array($0[range]) }
            // A dateline ("KABUL, June 3 (Reuters) –") is parsed apart from the sentence
            // it opens, and its root attached to the sentence's root as `dep`.
            let split = Dateline.length(of: forms) ?? 0
            let main = annotator.annotate(forms: Array(forms[split...]), inName: names.map { Array($0[split...]) })
            let mainRoot = main.heads.firstIndex(of: -1).map { $0 + split } ?? split
            if split > 0 {
                let dateline = annotator.annotate(forms: Array(forms[..<split]), inName: names.map { Array($0[..<split]) })
                for offset in 0..<split {
                    let isRoot = dateline.heads[offset] < 0
                    syntax.append(TokenSyntax(
                        upos: dateline.upos[offset], xpos: dateline.xpos[offset], lemma: dateline.lemmas[offset],
                        head: isRoot ? mainRoot : dateline.heads[offset], deprel: isRoot ? "dep" : dateline.deprels[offset]))
                }
            }
            for offset in 0..<main.heads.count {
                let head = main.heads[offset]
                syntax.append(TokenSyntax(
                    upos: main.upos[offset], xpos: main.xpos[offset], lemma: main.lemmas[offset],
                    head: head < 0 ? -1 : head + split, deprel: main.deprels[offset]))
            }
        }
        precondition(syntax.count == doc.tokens.count, "the sentence ranges cover every token once")
        doc.syntax = syntax
    }

    /// The token index ranges of the sentences, in order: each sentence's
    /// tokens, and each token outside every sentence alone.
    static func sentenceRanges(_ doc: Document) -> [Range<Int>] {
        // The tokenizer's own ranges, when it recorded them.
        if let recorded = doc.nonEmptySentenceTokenRanges { return recorded }
        // A document with tokens but no sentence layer is one sentence.
        if doc.sentences.isEmpty { return doc.tokens.isEmpty ? [] : [0..<doc.tokens.count] }
        var ranges: [Range<Int>] = []
        var start = 0, currentKey = Int.min, next = 0
        let tokens = doc.tokens, sentences = doc.sentences
        for index in tokens.indices {
            let span = tokens[index].span
            while next < sentences.count && sentences[next].end <= span.start { next += 1 }
            let key = next < sentences.count && sentences[next].contains(span) ? next : -1 - index
            if index > 0 && key != currentKey { ranges.append(start..<index); start = index }
            currentKey = key
        }
        if !doc.tokens.isEmpty { ranges.append(start..<doc.tokens.count) }
        return ranges
    }
}
