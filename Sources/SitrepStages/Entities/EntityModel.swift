/// A trained entity tagger: the weights of two hashed tables (first and second stage),
/// their label transitions, and the lexicon (clusters and gazetteer) the features read.
///
/// Weights are 16-bit integers (quantized from the averaged perceptron), kept as
/// ``CompactWeights``: only non-zero rows, in one flat array, with a rank index. Scores
/// are summed in 32-bit integers.
///
/// ## Topics
/// - Files: ``load(contentsOf:)``, ``encoded()``, ``init(decoding:)``
/// - Tagging: ``EntityTagger``
public struct EntityModel: Sendable {
    /// Version of the file layout written by ``encoded()``.
    public static let formatVersion: UInt32 = 1

    let features: EntityFeatures
    var lexicon: EntityLexicon
    var weights: CompactWeights
    /// Free-form provenance written by the trainer (data, epochs, seed).
    public internal(set) var metadata: String

    init(features: EntityFeatures, lexicon: EntityLexicon, weights: CompactWeights, metadata: String) {
        precondition(weights.bits == features.bits, "weights must have 2^bits rows")
        self.features = features
        self.lexicon = lexicon
        self.weights = weights
        self.metadata = metadata
    }

    /// A model from two flat tables (after training).
    init(features: EntityFeatures, lexicon: EntityLexicon, first: WeightTable, second: WeightTable, metadata: String) {
        precondition(first.rowCount == 1 << features.bits && second.rowCount == 1 << features.bits,
                     "weight tables must have 2^bits rows")
        self.init(features: features, lexicon: lexicon, weights: CompactWeights(first: first, second: second), metadata: metadata)
    }

    /// Number of rows of each weight table (a power of two).
    public var rowCount: Int { 1 << features.bits }
}

/// One stage's weights: `rowCount x 9` emission weights and `10 x 9` transitions
/// (row 9 is the sentence start).
struct WeightTable: Sendable, Equatable {
    var weights: [Int16]
    var transitions: [Int32]

    var rowCount: Int { weights.count / EntityLabel.count }

    init(weights: [Int16], transitions: [Int32]) {
        precondition(weights.count % EntityLabel.count == 0, "weights come in rows of \(EntityLabel.count)")
        precondition(transitions.count == Viterbi.transitionCount, "transitions are \(Viterbi.transitionCount) values")
        self.weights = weights
        self.transitions = transitions
    }

    init(rows: Int) {
        self.init(weights: Array(repeating: 0, count: rows * EntityLabel.count),
                  transitions: Array(repeating: 0, count: Viterbi.transitionCount))
    }

    /// Adds the weights of `rows` to `scores` (9 values per token).
    @inline(__always)
    func score(_ rows: UnsafeBufferPointer<Int32>, into scores: UnsafeMutablePointer<Int32>) {
        weights.withUnsafeBufferPointer { table in
            let base = table.baseAddress!
            var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0, s4: Int32 = 0
            var s5: Int32 = 0, s6: Int32 = 0, s7: Int32 = 0, s8: Int32 = 0
            for row in rows {
                let w = base + Int(row) &* 9
                s0 &+= Int32(w[0]); s1 &+= Int32(w[1]); s2 &+= Int32(w[2])
                s3 &+= Int32(w[3]); s4 &+= Int32(w[4]); s5 &+= Int32(w[5])
                s6 &+= Int32(w[6]); s7 &+= Int32(w[7]); s8 &+= Int32(w[8])
            }
            scores[0] &+= s0; scores[1] &+= s1; scores[2] &+= s2
            scores[3] &+= s3; scores[4] &+= s4; scores[5] &+= s5
            scores[6] &+= s6; scores[7] &+= s7; scores[8] &+= s8
        }
    }
}

/// First-order Viterbi decoding over the nine IOB2 labels, with the IOB2 constraint
/// (`I-X` only after `B-X` or `I-X`) as a hard rule.
enum Viterbi {
    static let labels = EntityLabel.count
    /// Transition rows: one per previous label plus the sentence start.
    static let transitionCount = (EntityLabel.count + 1) * EntityLabel.count
    static let startRow = EntityLabel.count

    /// `allowed[prev * 9 + label]`, with `prev == 9` for the start.
    static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: transitionCount)
        for prev in 0...EntityLabel.count {
            for label in EntityLabel.allCases {
                table[prev * labels + Int(label.rawValue)] = label.canFollow(prev == startRow ? nil : EntityLabel(rawValue: UInt8(prev)))
            }
        }
        return table
    }()

    /// The best label sequence for `count` tokens given emission scores
    /// (`count x 9`, row-major) and transition scores. Paths that break the IOB2 rule
    /// are never chosen, whatever their scores.
    ///
    /// - Complexity: O(count x 81).
    static func decode<T: Comparable & AdditiveArithmetic>(
        _ emissions: UnsafeBufferPointer<T>, _ transitions: UnsafeBufferPointer<T>, count: Int,
        into labels: inout [EntityLabel], backpointers: inout [UInt8]
    ) {
        labels.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        let width = Self.labels
        if backpointers.count < count * width { backpointers = Array(repeating: 0, count: count * width) }
        var current = [T](repeating: .zero, count: width), next = current
        var alive = [Bool](repeating: false, count: width), nextAlive = alive
        Self.allowed.withUnsafeBufferPointer { allowed in
            current.withUnsafeMutableBufferPointer { current in
                next.withUnsafeMutableBufferPointer { next in
                    alive.withUnsafeMutableBufferPointer { alive in
                        nextAlive.withUnsafeMutableBufferPointer { nextAlive in
                            backpointers.withUnsafeMutableBufferPointer { back in
                                for label in 0..<width where allowed[startRow * width + label] {
                                    current[label] = transitions[startRow * width + label] + emissions[label]
                                    alive[label] = true
                                }
                                var position = 1
                                while position < count {
                                    for label in 0..<width {
                                        var best = -1
                                        var bestScore = T.zero
                                        for prev in 0..<width where alive[prev] && allowed[prev * width + label] {
                                            let score = current[prev] + transitions[prev * width + label]
                                            if best < 0 || score > bestScore {
                                                best = prev
                                                bestScore = score
                                            }
                                        }
                                        nextAlive[label] = best >= 0
                                        next[label] = best >= 0 ? bestScore + emissions[position * width + label] : .zero
                                        back[position * width + label] = UInt8(max(best, 0))
                                    }
                                    // Scores only grow along a sentence; on a sentence of tens of
                                    // thousands of tokens (scraped text with no full stop) the
                                    // integer sums would overflow. Subtracting the best score of
                                    // the step from every label keeps them near zero and changes
                                    // no comparison.
                                    var top: T? = nil
                                    for label in 0..<width where nextAlive[label] {
                                        if top == nil || next[label] > top! { top = next[label] }
                                    }
                                    let shift = top ?? .zero
                                    for label in 0..<width {
                                        current[label] = nextAlive[label] ? next[label] - shift : .zero
                                        alive[label] = nextAlive[label]
                                    }
                                    position += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        var best = -1
        var bestScore = T.zero
        for label in 0..<width where alive[label] && (best < 0 || current[label] > bestScore) {
            best = label
            bestScore = current[label]
        }
        var path = [UInt8](repeating: 0, count: count)
        path[count - 1] = UInt8(best)
        var index = count - 1
        while index > 0 {
            path[index - 1] = backpointers[index * width + Int(path[index])]
            index -= 1
        }
        for label in path { labels.append(EntityLabel(rawValue: label)!) }
    }
}
