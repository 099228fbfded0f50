import Foundation
import SitrepCore

/// Why training could not start.
public enum EntityTrainerError: Error, CustomStringConvertible, Equatable {
    /// SR-NER-010: a line of an input file is not in the expected format.
    case badLine(file: String, line: Int, reason: String)
    /// SR-NER-011: the training file has no labelled tokens.
    case noTrainingData(file: String)

    public var description: String {
        switch self {
        case .badLine(let file, let line, let reason): "SR-NER-010: \(file) line \(line): \(reason)"
        case .noTrainingData(let file): "SR-NER-011: \(file) has no labelled tokens"
        }
    }
}

/// A document of tokens with gold IOB2 labels.
public struct LabeledDocument: Sendable {
    public var input: EntityInput
    public var labels: [EntityLabel]

    public init(input: EntityInput, labels: [EntityLabel]) {
        precondition(input.tokenCount == labels.count, "one label per token")
        self.input = input
        self.labels = labels
    }

    /// Reads CoNLL-2003 style text: `word ... TAG` per line, blank lines between
    /// sentences, `-DOCSTART-` lines between documents. Only the first and last columns
    /// are read (the POS and chunk columns are not available in production). IOB1 tags
    /// are converted to IOB2.
    ///
    /// - Throws: ``EntityTrainerError/badLine(file:line:reason:)`` for an unknown tag.
    public static func readCoNLL(_ text: String, file: String = "<conll>") throws -> [LabeledDocument] {
        var documents: [LabeledDocument] = []
        var sentences: [[String]] = [], labels: [EntityLabel] = []
        var sentence: [String] = []
        var previous: EntityLabel = .outside
        func endSentence() {
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
            previous = .outside
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(LabeledDocument(input: EntityInput(sentences: sentences), labels: labels)) }
            sentences = []
            labels = []
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: " ")
            if fields.isEmpty { endSentence(); continue }
            if fields[0] == "-DOCSTART-" { endDocument(); continue }
            guard fields.count >= 2, var label = EntityLabel(tag: String(fields[fields.count - 1])) else {
                throw EntityTrainerError.badLine(file: file, line: number + 1, reason: "expected `word ... TAG` with an IOB tag of PER, ORG, LOC or MISC")
            }
            if label.isInside && !label.canFollow(previous), let type = label.type {
                label = EntityLabel(type: type, inside: false)   // IOB1 -> IOB2
            }
            sentence.append(String(fields[0]))
            labels.append(label)
            previous = label
        }
        endDocument()
        return documents
    }
}

/// Trains an ``EntityModel`` with the averaged structured perceptron (Collins 2002).
///
/// Training runs in three steps, all deterministic (document order is shuffled with a
/// fixed seed):
/// 1. First stage, jackknifed: the training documents are split into `folds`; each
///    fold is tagged by a model trained on the others, so the second stage learns from
///    first-stage labels as noisy as those it will see on new text.
/// 2. First stage on all documents: the model used at run time.
/// 3. Second stage on all documents, with the jackknifed first-stage labels.
///
/// ## Topics
/// - ``Settings``, ``train(_:lexicon:log:)``, ``evaluate(_:documents:)``
public struct EntityTrainer: Sendable {
    /// Training settings with their defaults.
    public struct Settings: Sendable {
        /// log2 of the weight-table rows: 2^21 rows x 9 labels x 2 bytes = 36 MiB per stage
        /// in memory (the file stores only non-zero rows). On CoNLL dev, 2^20 rows lost
        /// 0.5 F1 to hash collisions.
        public var bits = 21
        /// Passes over the training documents per stage (dev F1: 8 -> 92.8, 12 -> 92.8, 20 -> 93.0).
        public var epochs = 20
        /// Jackknife folds for the second stage's training labels.
        public var folds = 5
        /// Seed of the document shuffle.
        public var seed: UInt64 = 2003

        public init() {}
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feature rows of one document, computed once and reused every epoch.
    struct Instance {
        var rows: [Int32]
        var offsets: [Int32]
        var bounds: [Int32]
        var gold: [EntityLabel]
        var infos: [TokenInfo]
    }

    /// Trains a model on `documents`.
    ///
    /// - Parameter log: receives one line per step (progress and timings).
    public func train(_ documents: [LabeledDocument], lexicon: EntityLexicon,
                      log: (String) -> Void = { _ in }) -> EntityModel {
        let features = EntityFeatures(bits: settings.bits)
        var instances: [Instance] = documents.map { doc in
            let infos = EntityFeatures.describe(doc.input, lexicon: lexicon)
            let casing = EntityFeatures.documentCasing(infos)
            var rows: [Int32] = [], offsets: [Int32] = [0]
            infos.withUnsafeBufferPointer { infos in
                for sent in 0..<doc.input.sentenceCount {
                    let range = doc.input.sentence(sent)
                    for index in range {
                        features.baseRows(infos, index, range, casing, into: &rows)
                        offsets.append(Int32(rows.count))
                    }
                }
            }
            return Instance(rows: rows, offsets: offsets, bounds: doc.input.sentenceBounds, gold: doc.labels, infos: infos)
        }
        log("features: \(instances.reduce(0) { $0 + $1.gold.count }) tokens, \(instances.reduce(0) { $0 + $1.rows.count }) feature rows")

        // 1. Jackknifed first-stage labels.
        var firstLabels = [[EntityLabel]](repeating: [], count: instances.count)
        for fold in 0..<settings.folds {
            let trainIndexes = instances.indices.filter { $0 % settings.folds != fold }
            let table = trainStage(instances, trainIndexes, seed: settings.seed &+ UInt64(fold))
            for index in instances.indices where index % settings.folds == fold {
                firstLabels[index] = Self.decode(instances[index], table)
            }
            log("first stage, fold \(fold + 1)/\(settings.folds) done")
        }
        // 2. First stage on everything.
        let first = trainStage(instances, Array(instances.indices), seed: settings.seed)
        log("first stage done")
        // 3. Second stage.
        for index in instances.indices {
            instances[index] = Self.withSecondStageRows(instances[index], firstLabels[index], features)
        }
        let second = trainStage(instances, Array(instances.indices), seed: settings.seed &+ 100)
        log("second stage done")
        let metadata = "averaged perceptron, two stages, \(settings.epochs) epochs, \(settings.folds) folds, seed \(settings.seed), \(settings.bits) bits, \(documents.count) training documents"
        return EntityModel(features: features, lexicon: lexicon, first: first, second: second, metadata: metadata)
    }

    /// Adds the second-stage rows (from `labels`) to every token of `instance`.
    static func withSecondStageRows(_ instance: Instance, _ labels: [EntityLabel], _ features: EntityFeatures) -> Instance {
        let document = EntityFeatures.DocumentLabels(instance.infos, labels)
        var rows: [Int32] = [], offsets: [Int32] = [0]
        rows.reserveCapacity(instance.rows.count + instance.gold.count * 6)
        for sent in 0..<(instance.bounds.count - 1) {
            let range = Int(instance.bounds[sent])..<Int(instance.bounds[sent + 1])
            for index in range {
                rows.append(contentsOf: instance.rows[Int(instance.offsets[index])..<Int(instance.offsets[index + 1])])
                features.secondStageRows(instance.infos, labels, document, index, range, into: &rows)
                offsets.append(Int32(rows.count))
            }
        }
        var result = instance
        result.rows = rows
        result.offsets = offsets
        return result
    }

    /// Labels of every token of `instance` under `table`.
    static func decode(_ instance: Instance, _ table: WeightTable) -> [EntityLabel] {
        var output: [EntityLabel] = [], labels: [EntityLabel] = [], back: [UInt8] = []
        var scores: [Int32] = []
        for sent in 0..<(instance.bounds.count - 1) {
            let range = Int(instance.bounds[sent])..<Int(instance.bounds[sent + 1])
            guard !range.isEmpty else { continue }
            scores = Array(repeating: 0, count: range.count * EntityLabel.count)
            scores.withUnsafeMutableBufferPointer { scores in
                instance.rows.withUnsafeBufferPointer { rows in
                    for (position, index) in range.enumerated() {
                        let slice = UnsafeBufferPointer(rebasing: rows[Int(instance.offsets[index])..<Int(instance.offsets[index + 1])])
                        table.score(slice, into: scores.baseAddress! + position * EntityLabel.count)
                    }
                }
            }
            scores.withUnsafeBufferPointer { scores in
                table.transitions.withUnsafeBufferPointer { transitions in
                    Viterbi.decode(scores, transitions, count: range.count, into: &labels, backpointers: &back)
                }
            }
            output.append(contentsOf: labels)
        }
        return output
    }

    /// Trains one stage on the instances at `indexes` and returns its quantized table.
    func trainStage(_ instances: [Instance], _ indexes: [Int], seed: UInt64) -> WeightTable {
        var perceptron = AveragedPerceptron(rows: 1 << settings.bits)
        var order = indexes
        var random = SplitMix64(seed: seed)
        for _ in 0..<settings.epochs {
            random.shuffle(&order)
            for index in order { perceptron.train(instances[index]) }
        }
        return perceptron.quantized()
    }
}

/// The averaged structured perceptron with first-order Viterbi decoding.
///
/// Averaging uses the usual trick: `totals` accumulates `step * delta`, and the
/// averaged weight is `weight - totals / step`.
struct AveragedPerceptron {
    var weights: [Float]
    var totals: [Double]
    var transitions: [Float]
    var transitionTotals: [Double]
    var step: Double = 1
    private var scores: [Float] = []
    private var predicted: [EntityLabel] = []
    private var back: [UInt8] = []

    init(rows: Int) {
        weights = Array(repeating: 0, count: rows * EntityLabel.count)
        totals = Array(repeating: 0, count: rows * EntityLabel.count)
        transitions = Array(repeating: 0, count: Viterbi.transitionCount)
        transitionTotals = Array(repeating: 0, count: Viterbi.transitionCount)
    }

    /// One pass over the sentences of a document.
    mutating func train(_ instance: EntityTrainer.Instance) {
        let width = EntityLabel.count
        for sent in 0..<(instance.bounds.count - 1) {
            let range = Int(instance.bounds[sent])..<Int(instance.bounds[sent + 1])
            guard !range.isEmpty else { continue }
            if scores.count < range.count * width { scores = Array(repeating: 0, count: range.count * width) }
            weights.withUnsafeBufferPointer { weights in
                scores.withUnsafeMutableBufferPointer { scores in
                    for (position, index) in range.enumerated() {
                        let out = scores.baseAddress! + position * width
                        for label in 0..<width { out[label] = 0 }
                        for offset in Int(instance.offsets[index])..<Int(instance.offsets[index + 1]) {
                            let row = Int(instance.rows[offset]) * width
                            for label in 0..<width { out[label] += weights[row + label] }
                        }
                    }
                }
            }
            scores.withUnsafeBufferPointer { scores in
                transitions.withUnsafeBufferPointer { transitions in
                    Viterbi.decode(scores, transitions, count: range.count, into: &predicted, backpointers: &back)
                }
            }
            var prevGold = Viterbi.startRow, prevPredicted = Viterbi.startRow
            for (position, index) in range.enumerated() {
                let gold = Int(instance.gold[index].rawValue), guess = Int(predicted[position].rawValue)
                if gold != guess {
                    for offset in Int(instance.offsets[index])..<Int(instance.offsets[index + 1]) {
                        let row = Int(instance.rows[offset]) * width
                        update(row + gold, 1)
                        update(row + guess, -1)
                    }
                }
                if gold != guess || prevGold != prevPredicted {
                    updateTransition(prevGold * width + gold, 1)
                    updateTransition(prevPredicted * width + guess, -1)
                }
                prevGold = gold
                prevPredicted = guess
            }
            step += 1
        }
    }

    @inline(__always)
    private mutating func update(_ index: Int, _ delta: Float) {
        weights[index] += delta
        totals[index] += step * Double(delta)
    }

    @inline(__always)
    private mutating func updateTransition(_ index: Int, _ delta: Float) {
        transitions[index] += delta
        transitionTotals[index] += step * Double(delta)
    }

    /// The averaged weights as 16-bit integers, scaled so the largest weight is 32767.
    func quantized() -> WeightTable {
        var averaged = [Float](repeating: 0, count: weights.count)
        var largest: Float = 1e-6
        for index in weights.indices {
            let value = Float(Double(weights[index]) - totals[index] / step)
            averaged[index] = value
            largest = max(largest, abs(value))
        }
        let scale = 32767 / largest
        let table = averaged.map { Int16(clamping: Int(($0 * scale).rounded())) }
        let averagedTransitions = transitions.indices.map { index in
            Int32(clamping: Int((Float(Double(transitions[index]) - transitionTotals[index] / step) * scale).rounded()))
        }
        return WeightTable(weights: table, transitions: averagedTransitions)
    }
}

/// splitmix64, a small deterministic generator for the document shuffle.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }

    /// Fisher-Yates shuffle.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            array.swapAt(index, other)
        }
    }
}

/// Entity-level precision, recall and F1 with conlleval rules (exact span and type).
public struct EntityScore: Sendable, CustomStringConvertible {
    public var gold = 0, predicted = 0, correct = 0
    public var perType: [EntityType: (gold: Int, predicted: Int, correct: Int)] = [:]

    public var precision: Double { predicted == 0 ? 0 : 100 * Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Adds one sentence.
    public mutating func add(gold goldLabels: ArraySlice<EntityLabel>, predicted predictedLabels: ArraySlice<EntityLabel>) {
        let goldChunks = EntityLabel.chunks(Array(goldLabels)), predictedChunks = EntityLabel.chunks(Array(predictedLabels))
        gold += goldChunks.count
        predicted += predictedChunks.count
        for chunk in goldChunks { perType[chunk.type, default: (0, 0, 0)].gold += 1 }
        for chunk in predictedChunks {
            perType[chunk.type, default: (0, 0, 0)].predicted += 1
            if goldChunks.contains(where: { $0.range == chunk.range && $0.type == chunk.type }) {
                correct += 1
                perType[chunk.type, default: (0, 0, 0)].correct += 1
            }
        }
    }

    public var description: String {
        func f(_ c: Int, _ p: Int, _ g: Int) -> String {
            let precision = p == 0 ? 0 : 100 * Double(c) / Double(p), recall = g == 0 ? 0 : 100 * Double(c) / Double(g)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return String(format: "P %.2f R %.2f F1 %.2f", precision, recall, f1)
        }
        var lines = ["all: " + f(correct, predicted, gold)]
        for type in EntityType.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            let entry = perType[type] ?? (0, 0, 0)
            lines.append("\(type.rawValue): " + f(entry.correct, entry.predicted, entry.gold) + " (gold \(entry.gold))")
        }
        return lines.joined(separator: "\n")
    }
}

extension EntityTrainer {
    /// Scores `model` on labelled documents: first stage alone and both stages.
    public static func evaluate(_ model: EntityModel, documents: [LabeledDocument]) -> (first: EntityScore, second: EntityScore) {
        let tagger = EntityTagger(model: model)
        var first = EntityScore(), second = EntityScore()
        for doc in documents {
            let result = tagger.tagStages(doc.input)
            for sent in 0..<doc.input.sentenceCount {
                let range = doc.input.sentence(sent)
                first.add(gold: doc.labels[range], predicted: result.first[range])
                second.add(gold: doc.labels[range], predicted: result.second[range])
            }
        }
        return (first, second)
    }
}
