/// Tags the tokens of one document with IOB2 ``EntityLabel``s in two passes.
///
/// 1. The first stage scores each sentence with token features (word, shape, affixes,
///    neighbours, clusters, gazetteer, how the word is written elsewhere in the
///    document) and decodes it with ``Viterbi``.
/// 2. The second stage adds what the first said about the whole document (the labels
///    around each token, and the labels given to the same word elsewhere, so a headline's
///    "ROVERS" can borrow the ORG found in the body) and decodes again.
///
/// This is the two-stage document model of Krishnan & Manning (2006) and Ratinov & Roth
/// (2009), with a structured perceptron in place of their classifiers.
///
/// ```swift
/// let tagger = EntityTagger(model: model)
/// let labels = tagger.tag(EntityInput(sentences: [["Ruritania", "expelled", "two", "envoys"]]))
/// ```
///
/// - Complexity: O(n) in the tokens, about 50 table rows per token and stage.
public struct EntityTagger: Sendable {
    public let model: EntityModel

    public init(model: EntityModel) {
        self.model = model
    }

    /// The labels of every token of `input`, in token order.
    public func tag(_ input: EntityInput) -> [EntityLabel] {
        tagStages(input).second
    }

    /// First- and second-stage labels (the first is exposed for evaluation).
    func tagStages(_ input: EntityInput) -> (first: [EntityLabel], second: [EntityLabel]) {
        let infos = EntityFeatures.describe(input, lexicon: model.lexicon)
        let casing = EntityFeatures.documentCasing(infos)
        var rows: [Int32] = []
        rows.reserveCapacity(input.tokenCount * 56)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(input.tokenCount + 1)
        let features = model.features
        infos.withUnsafeBufferPointer { infos in
            for sent in 0..<input.sentenceCount {
                let range = input.sentence(sent)
                for index in range {
                    features.baseRows(infos, index, range, casing, into: &rows)
                    offsets.append(Int32(rows.count))
                }
            }
        }
        // One pass over the feature rows scores both stages; the second stage's scores
        // wait in `secondScores` until the document-level rows are known.
        let width = EntityLabel.count
        let weights = model.weights
        var firstScores = [Int32](repeating: 0, count: input.tokenCount * width)
        var secondScores = [Int32](repeating: 0, count: input.tokenCount * width)
        rows.withUnsafeBufferPointer { rows in
            firstScores.withUnsafeMutableBufferPointer { first in
                secondScores.withUnsafeMutableBufferPointer { second in
                    for index in 0..<input.tokenCount {
                        let slice = UnsafeBufferPointer(rebasing: rows[Int(offsets[index])..<Int(offsets[index + 1])])
                        weights.score(slice, first: first.baseAddress! + index * width, second: second.baseAddress! + index * width)
                    }
                }
            }
        }
        var decoder = Decoder()
        var first: [EntityLabel] = []
        first.reserveCapacity(input.tokenCount)
        for sent in 0..<input.sentenceCount {
            decoder.decode(input.sentence(sent), firstScores, weights.firstTransitions, into: &first)
        }
        let document = EntityFeatures.DocumentLabels(infos, first)
        var extraRows: [Int32] = []
        extraRows.reserveCapacity(input.tokenCount * 6)
        secondScores.withUnsafeMutableBufferPointer { second in
            for sent in 0..<input.sentenceCount {
                let range = input.sentence(sent)
                for index in range {
                    extraRows.removeAll(keepingCapacity: true)
                    features.secondStageRows(infos, first, document, index, range, into: &extraRows)
                    extraRows.withUnsafeBufferPointer { extra in
                        weights.score(extra, first: nil, second: second.baseAddress! + index * width)
                    }
                }
            }
        }
        var second: [EntityLabel] = []
        second.reserveCapacity(input.tokenCount)
        for sent in 0..<input.sentenceCount {
            decoder.decode(input.sentence(sent), secondScores, weights.secondTransitions, into: &second)
        }
        return (first, second)
    }

    /// Scratch buffers reused across the sentences of a document.
    private struct Decoder {
        var backpointers: [UInt8] = []
        var labels: [EntityLabel] = []

        mutating func decode(_ range: Range<Int>, _ scores: [Int32], _ transitions: [Int32], into output: inout [EntityLabel]) {
            guard !range.isEmpty else { return }
            let width = EntityLabel.count
            scores.withUnsafeBufferPointer { scores in
                transitions.withUnsafeBufferPointer { transitions in
                    let slice = UnsafeBufferPointer(rebasing: scores[(range.lowerBound * width)..<(range.upperBound * width)])
                    Viterbi.decode(slice, transitions, count: range.count, into: &labels, backpointers: &backpointers)
                }
            }
            output.append(contentsOf: labels)
        }
    }
}
