/// Trains a ``SyntaxModel`` from CoNLL-U sentences: the tagger (averaged perceptron),
/// the parser (arc-hybrid, averaged perceptron on jack-knifed predicted tags: trained
/// globally for a beam, ``trainBeamParser(_:tags:model:settings:random:log:)``, or
/// greedily with a dynamic oracle and exploration for a width of 1; possibly several
/// members summed) and the learned lemma exceptions.
///
/// Training is deterministic: the same sentences and settings give the same model bytes.
///
/// ```swift
/// let model = SyntaxTrainer.train(try CoNLLU.read(text), settings: .init())
/// try model.data().write(to: url)
/// ```
public enum SyntaxTrainer {
    /// Training settings, with the defaults of the shipped fast model.
    public struct Settings: Sendable, Equatable {
        /// Passes over the data for the tagger.
        public var tagEpochs = 8
        /// Passes over the data for the parser.
        public var parseEpochs = 15
        /// log2 of the tagger's weight rows.
        public var tagBits = 19
        /// log2 of the parser's transition weight rows.
        public var actionBits = 21
        /// log2 of the labeller's weight rows.
        public var labelBits = 18
        /// Jack-knife folds for the parser's training tags (0: train the parser on gold tags).
        public var folds = 4
        /// Seed of the shuffles and of exploration.
        public var seed: UInt64 = 2016
        /// The probability of following the model's own (possibly wrong) transition once exploring.
        public var explore = 0.9
        /// The first parser epoch (0-based) that explores.
        public var exploreFrom = 1
        /// Hypotheses kept by the parser's beam. 1 trains the greedy parser with the dynamic
        /// oracle; a wider beam trains the transition weights globally (structured
        /// perceptron, max-violation updates) and is stored in the model as its beam width.
        public var beam = 1
        /// Parsers trained (each on its own shuffles) and summed into one.
        public var members = 1
        /// Taggers trained (each on its own shuffles) and summed into one, for the
        /// model and for each jack-knife fold.
        public var tagMembers = 1
        /// Further parsers trained on the same jack-knifed tags, stored as the model's
        /// voters (``SyntaxEnsemble``).
        public var voters: [Voter] = []

        public init() {}
    }

    /// How a voter is trained: its beam width, its members (summed as the main
    /// parser's are) and its direction.
    public struct Voter: Sendable, Equatable {
        public var beam: Int
        public var members: Int
        public var rightToLeft: Bool

        public init(beam: Int, members: Int, rightToLeft: Bool) {
            self.beam = beam
            self.members = members
            self.rightToLeft = rightToLeft
        }
    }

    /// One training sentence, in integer form.
    struct Example {
        var words: [SyntaxWord]
        var lower: [UInt64]
        /// Packed cluster ids (``SyntaxClusters``).
        var clusters: [UInt64]
        var classes: [Int]
        /// Gold heads with `n` for the root.
        var heads: [Int]
        var labels: [Int]

        /// The sentence read from its last word to its first: word `i` becomes `n - 1 - i`,
        /// and the root (head `n`) stays the root.
        func reversed() -> Example {
            let n = words.count
            return Example(words: words.reversed(), lower: lower.reversed(), clusters: clusters.reversed(),
                           classes: classes.reversed(), heads: heads.reversed().map { $0 == n ? n : n - 1 - $0 },
                           labels: labels.reversed())
        }
    }

    /// Trains a model.
    ///
    /// - Parameters:
    ///   - sentences: gold-annotated sentences (UPOS, XPOS, LEMMA, HEAD, DEPREL).
    ///   - clusters: the word-cluster table (``SyntaxClusters/table(tsv:)``), stored in the model.
    ///   - log: progress lines (epochs, accuracy on the training data).
    /// - Complexity: O(epochs · words · features · classes).
    public static func train(_ sentences: [SyntaxSentence], clusters: [UInt64: UInt64] = [:], settings: Settings = Settings(), info: String = "", log: (String) -> Void = { _ in }) -> SyntaxModel {
        let sentences = sentences.filter { $0.count > 0 }
        var classCounts: [String: Int] = [:], labelCounts: [String: Int] = [:]
        for sent in sentences {
            for i in 0..<sent.count {
                classCounts["\(sent.upos[i])\t\(sent.xpos[i])", default: 0] += 1
                if sent.deprels[i] != "root" { labelCounts[sent.deprels[i], default: 0] += 1 }
            }
        }
        func ranked(_ counts: [String: Int]) -> [String] { counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key) }
        var tagClasses = ranked(classCounts)
        if tagClasses.count < 2 { tagClasses.append("X\tXX") }
        var labels = ["root"] + ranked(labelCounts)
        if labels.count < 2 { labels.append("dep") }
        let classIndex = Dictionary(uniqueKeysWithValues: tagClasses.enumerated().map { ($1, $0) })
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var model = SyntaxModel(tagClasses: tagClasses, labels: labels, tagBits: settings.tagBits, actionBits: settings.actionBits, labelBits: settings.labelBits)
        model.info = info
        model.clusters = clusters

        var examples: [Example] = []
        for sent in sentences {
            let words = SyntaxWord.words(sent.forms)
            let n = sent.count
            examples.append(Example(
                words: words, lower: words.map(\.lower), clusters: SyntaxClusters.of(words, model: model),
                classes: (0..<n).map { classIndex["\(sent.upos[$0])\t\(sent.xpos[$0])"]! },
                heads: sent.heads.map { $0 < 0 || $0 >= n ? n : $0 },
                labels: (0..<n).map { sent.heads[$0] < 0 ? 0 : labelIndex[sent.deprels[$0]] ?? 1 }))
        }

        // Ambiguity classes: the set of tag classes of each word seen at least 3 times.
        var wordClasses: [UInt64: [Int: Int]] = [:]
        for example in examples { for i in example.words.indices { wordClasses[example.lower[i], default: [:]][example.classes[i], default: 0] += 1 } }
        for (word, counts) in wordClasses {
            let total = counts.values.reduce(0, +)
            guard total >= 3 else { continue }
            var hash: UInt64 = 0x1234
            for cls in counts.keys.sorted() where counts[cls]! * 20 >= total { hash = SyntaxHash.mix(hash ^ UInt64(cls + 1)) }
            model.ambiguity[word] = hash
        }
        model.lemmaExceptions = learnLemmas(sentences)
        let clustered = examples.reduce(0) { $0 + $1.clusters.filter { $0 != 0 }.count }
        log("\(examples.count) sentences, \(examples.reduce(0) { $0 + $1.words.count }) words (\(clustered) with a cluster), \(tagClasses.count) tag classes, \(labels.count) labels, \(model.ambiguity.count) ambiguity entries, \(model.lemmaExceptions.count) lemma exceptions")

        var random = SyntaxRandom(seed: settings.seed)
        model.tagger = trainTaggers(examples, model: model, settings: settings, random: &random, log: log)

        // Jack-knifed tags, so the parser learns from tags as noisy as at run time.
        var parserTags = examples.map(\.classes)
        let roles = SyntaxTagger.classRoles(model)
        if settings.folds >= 2 {
            for fold in 0..<settings.folds {
                let training = examples.indices.filter { $0 % settings.folds != fold }.map { examples[$0] }
                var foldRandom = SyntaxRandom(seed: settings.seed &+ UInt64(fold + 1))
                let table = trainTaggers(training, model: model, settings: settings, random: &foldRandom, log: { _ in })
                var correct = 0, total = 0
                for index in examples.indices where index % settings.folds == fold {
                    let example = examples[index]
                    parserTags[index] = SyntaxTagger.tag(example.words, SyntaxTagger.ambiguity(example.words, model: model), example.clusters, table, roles: roles)
                    correct += zip(parserTags[index], example.classes).filter { $0 == $1 }.count
                    total += example.words.count
                }
                log("jack-knife fold \(fold + 1)/\(settings.folds): held-out tag accuracy \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))")
            }
        }
        (model.actions, model.labeller) = trainMembers(examples, tags: parserTags, model: model, settings: settings,
                                                       beam: settings.beam, members: settings.members, random: &random, log: log)
        model.beam = settings.beam
        for (index, voter) in settings.voters.enumerated() {
            log("voter \(index + 1)/\(settings.voters.count): beam \(voter.beam), \(voter.members) member(s)\(voter.rightToLeft ? ", right to left" : "")")
            let (voterExamples, voterTags) = voter.rightToLeft
                ? (examples.map { $0.reversed() }, parserTags.map { Array($0.reversed()) })
                : (examples, parserTags)
            let (actions, labeller) = trainMembers(voterExamples, tags: voterTags, model: model, settings: settings,
                                                   beam: voter.beam, members: voter.members, random: &random, log: log)
            model.voters.append(SyntaxVoter(beam: voter.beam, rightToLeft: voter.rightToLeft, actions: actions, labeller: labeller))
        }
        model.quantize()
        return model
    }

    /// A parser of `members` members, each trained on its own shuffles, summed: since
    /// they hash the same features into tables of the same shape, the sum of their
    /// scores is the score of their summed tables, an ensemble at the cost of one model.
    static func trainMembers(_ examples: [Example], tags: [[Int]], model: SyntaxModel, settings: Settings, beam: Int, members: Int,
                             random: inout SyntaxRandom, log: (String) -> Void) -> (actions: SyntaxWeights, labeller: SyntaxWeights) {
        var settings = settings
        settings.beam = beam
        func member(_ number: Int) -> (SyntaxWeights, SyntaxWeights) {
            if members > 1 { log("parser member \(number)/\(members)") }
            return beam > 1
                ? trainBeamParser(examples, tags: tags, model: model, settings: settings, random: &random, log: log)
                : trainParser(examples, tags: tags, model: model, settings: settings, random: &random, log: log)
        }
        var (actions, labeller) = member(1)
        for number in 2..<max(members, 1) + 1 {
            let (moreActions, moreLabeller) = member(number)
            for index in actions.values.indices { actions.values[index] += moreActions.values[index] }
            for index in labeller.values.indices { labeller.values[index] += moreLabeller.values[index] }
        }
        return (actions, labeller)
    }

    /// Averaged perceptron weights: `w` and the sum of update-time-weighted deltas, so
    /// that the average is `w - sum / time` (Daumé's trick).
    struct Averaged {
        var weights: SyntaxWeights
        var sums: [Double]
        var time: Double = 1

        init(bits: Int, stride: Int) {
            weights = SyntaxWeights(bits: bits, stride: stride)
            sums = [Double](repeating: 0, count: weights.values.count)
        }

        @inline(__always)
        mutating func update(_ features: UnsafePointer<UInt64>, _ count: Int, _ cls: Int, _ delta: Float) {
            let shift = UInt64(64 - weights.bits), stride = weights.stride, time = self.time
            weights.values.withUnsafeMutableBufferPointer { values in
                sums.withUnsafeMutableBufferPointer { sums in
                    for j in 0..<count {
                        let index = Int(truncatingIfNeeded: features[j] >> shift) &* stride &+ cls
                        values[index] += delta
                        sums[index] += time * Double(delta)
                    }
                }
            }
        }

        func averaged() -> SyntaxWeights {
            var result = weights
            for index in result.values.indices where sums[index] != 0 {
                result.values[index] = Float(Double(weights.values[index]) - sums[index] / time)
            }
            return result
        }
    }

    /// ``Settings/tagMembers`` taggers, each on its own shuffles, summed into one
    /// table: like the parser's members, the sum of their scores is the score of
    /// their summed tables.
    static func trainTaggers(_ examples: [Example], model: SyntaxModel, settings: Settings, random: inout SyntaxRandom, log: (String) -> Void) -> SyntaxWeights {
        var sum = trainTagger(examples, model: model, settings: settings, random: &random, log: log)
        for member in 1..<max(settings.tagMembers, 1) {
            log("tagger member \(member + 1)/\(settings.tagMembers)")
            let table = trainTagger(examples, model: model, settings: settings, random: &random, log: log)
            for index in sum.values.indices { sum.values[index] += table.values[index] }
        }
        return sum
    }

    static func trainTagger(_ examples: [Example], model: SyntaxModel, settings: Settings, random: inout SyntaxRandom, log: (String) -> Void) -> SyntaxWeights {
        var table = Averaged(bits: settings.tagBits, stride: model.tagClasses.count)
        let count = SyntaxTagger.featureCount
        var features = [UInt64](repeating: 0, count: count)
        var scores = [Float](repeating: 0, count: model.tagClasses.count)
        let ambiguity = examples.map { SyntaxTagger.ambiguity($0.words, model: model) }
        let roles = SyntaxTagger.classRoles(model)
        var order = Array(examples.indices)
        for epoch in 0..<settings.tagEpochs {
            order.shuffle(using: &random)
            var correct = 0, total = 0
            for index in order {
                let example = examples[index]
                var history = SyntaxTagger.History()
                example.words.withUnsafeBufferPointer { words in
                    ambiguity[index].withUnsafeBufferPointer { amb in
                        example.clusters.withUnsafeBufferPointer { clusters in
                            features.withUnsafeMutableBufferPointer { features in
                                for i in 0..<words.count {
                                    SyntaxTagger.features(words, amb, clusters, i, history, into: features.baseAddress!)
                                    table.weights.values.withUnsafeBufferPointer { values in
                                        scores.withUnsafeMutableBufferPointer { scores in
                                            SyntaxTagger.score(values, bits: table.weights.bits, stride: table.weights.stride, features.baseAddress!, count, into: scores.baseAddress!)
                                        }
                                    }
                                    var best = 0
                                    for k in 1..<scores.count where scores[k] > scores[best] { best = k }
                                    let gold = example.classes[i]
                                    if best != gold {
                                        table.update(features.baseAddress!, count, gold, 1)
                                        table.update(features.baseAddress!, count, best, -1)
                                    } else { correct += 1 }
                                    total += 1
                                    table.time += 1
                                    history.push(best, roles: roles)
                                }
                            }
                        }
                    }
                }
            }
            log("tagger epoch \(epoch + 1)/\(settings.tagEpochs): training accuracy \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))")
        }
        return table.averaged()
    }

    static func trainParser(_ examples: [Example], tags: [[Int]], model: SyntaxModel, settings: Settings, random: inout SyntaxRandom, log: (String) -> Void) -> (SyntaxWeights, SyntaxWeights) {
        var actions = Averaged(bits: settings.actionBits, stride: 4)
        var labeller = Averaged(bits: settings.labelBits, stride: model.labels.count)
        let count = SyntaxParser.featureCount
        var features = [UInt64](repeating: 0, count: count)
        var labelScores = [Float](repeating: 0, count: model.labels.count)
        var labelFeatures = [UInt64](repeating: 0, count: SyntaxParser.labelFeatureCount)
        let labelCount = SyntaxParser.labelFeatureCount
        var order = Array(examples.indices)
        for epoch in 0..<settings.parseEpochs {
            order.shuffle(using: &random)
            var correctHeads = 0, total = 0
            for index in order {
                let example = examples[index]
                let n = example.words.count
                var c = SyntaxConfiguration(count: n)
                SyntaxParser.withAtoms(words: example.lower, clusters: example.clusters, tags: tags[index]) { atoms in
                    features.withUnsafeMutableBufferPointer { buffer in
                        let f = buffer.baseAddress!
                        while !c.isTerminal {
                            SyntaxParser.features(c, atoms, into: f)
                            let scores = actions.weights.values.withUnsafeBufferPointer { SyntaxParser.actionScores($0, bits: settings.actionBits, f) }
                            var predicted: SyntaxTransition? = nil, goldBest: SyntaxTransition? = nil
                            var costs = [Int](repeating: Int.max, count: 3)
                            var minCost = Int.max
                            for t in SyntaxTransition.allCases where c.isValid(t) {
                                costs[t.rawValue] = c.cost(t, gold: example.heads)
                                minCost = min(minCost, costs[t.rawValue])
                                if predicted == nil || scores[t.rawValue] > scores[predicted!.rawValue] { predicted = t }
                            }
                            for t in SyntaxTransition.allCases where costs[t.rawValue] == minCost {
                                if goldBest == nil || scores[t.rawValue] > scores[goldBest!.rawValue] { goldBest = t }
                            }
                            let pred = predicted!, gold = goldBest!
                            if costs[pred.rawValue] > minCost {
                                actions.update(f, count, gold.rawValue, 1)
                                actions.update(f, count, pred.rawValue, -1)
                            }
                            let exploring = epoch >= settings.exploreFrom && random.unit() < settings.explore
                            let next = exploring ? pred : gold
                            var label = 0
                            if next != .shift {
                                let dependent = c.top(0)
                                let head = next == .left ? c.next : c.top(1)
                                if head != n {
                                    labelFeatures.withUnsafeMutableBufferPointer { lb in
                                        let lf = lb.baseAddress!
                                        SyntaxParser.labelFeatures(c, dependent: dependent, head: head, atoms, into: lf)
                                        let best = labeller.weights.values.withUnsafeBufferPointer { SyntaxParser.bestLabel($0, labeller.weights, lf, &labelScores) }
                                        label = best
                                        if example.heads[dependent] == head {
                                            let goldLabel = example.labels[dependent]
                                            if best != goldLabel && goldLabel != 0 {
                                                labeller.update(lf, labelCount, goldLabel, 1)
                                                labeller.update(lf, labelCount, best, -1)
                                            }
                                            label = goldLabel
                                        }
                                    }
                                }
                                if example.heads[dependent] == (head == n ? n : head) { correctHeads += 1 }
                                total += 1
                                labeller.time += 1
                            }
                            actions.time += 1
                            c.apply(next, label: label)
                        }
                    }
                }
            }
            log("parser epoch \(epoch + 1)/\(settings.parseEpochs): training heads followed correct \(String(format: "%.2f", 100 * Double(correctHeads) / Double(max(total, 1))))")
        }
        return (actions.averaged(), labeller.averaged())
    }

    /// Lemma exceptions: for each lowercased form and tag, the most frequent gold lemma,
    /// kept where the rules give something else.
    static func learnLemmas(_ sentences: [SyntaxSentence]) -> [UInt64: String] {
        var counts: [String: [String: Int]] = [:]
        var tagOf: [String: (String, String, String)] = [:]
        for sent in sentences {
            for i in 0..<sent.count where sent.lemmas[i] != "_" && sent.xpos[i] != "NNP" && sent.xpos[i] != "NNPS" {
                let lower = sent.forms[i].lowercased()
                let key = "\(lower)\u{0}\(sent.xpos[i])"
                counts[key, default: [:]][sent.lemmas[i], default: 0] += 1
                tagOf[key] = (sent.forms[i], sent.upos[i], sent.xpos[i])
            }
        }
        var result: [UInt64: String] = [:]
        for (key, lemmas) in counts {
            let best = lemmas.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }[0].key
            let (form, upos, xpos) = tagOf[key]!
            let lower = form.lowercased()
            if Lemmatizer.rule(form, lower: lower, upos: upos, xpos: xpos) != best {
                result[Lemmatizer.key(lower: lower, xpos: xpos)] = best
            }
        }
        return result
    }
}
