extension SyntaxTrainer {
    /// Trains the transition weights globally: a beam of ``Settings/beam`` hypotheses
    /// decodes each training sentence, and the weights move by a structured-perceptron
    /// update at the step of maximum violation (Huang, Fayong and Guo 2012), where the
    /// best hypothesis outscores the gold prefix by the most after the gold prefix has
    /// fallen out of the beam (or at the end, if the best finished tree is wrong).
    ///
    /// The gold prefix is latent (arc-hybrid has many transition sequences per tree): it
    /// is the best-scoring prefix that keeps every reachable gold arc reachable, by the
    /// dynamic oracle's cost (``SyntaxConfiguration/cost(_:gold:)``; the cheapest
    /// transitions where a non-projective tree has already lost an arc). Arcs whose head is
    /// right carry their gold label while searching; the labeller learns from the arcs of
    /// the best finished hypothesis, in the configurations where it made them.
    ///
    /// - Complexity: about `beam + 2` greedy passes per sentence and epoch.
    static func trainBeamParser(_ examples: [Example], tags: [[Int]], model: SyntaxModel, settings: Settings, random: inout SyntaxRandom, log: (String) -> Void) -> (SyntaxWeights, SyntaxWeights) {
        var actions = Averaged(bits: settings.actionBits, stride: 4)
        var labeller = Averaged(bits: settings.labelBits, stride: model.labels.count)
        precondition(model.labels.count <= Int(UInt16.max), "too many labels for the beam's history")
        let width = settings.beam
        let count = SyntaxParser.featureCount, labelCount = SyntaxParser.labelFeatureCount
        var features = [UInt64](repeating: 0, count: count + labelCount)
        var labelScores = [Float](repeating: 0, count: model.labels.count)
        var history: [SyntaxBeam.Step] = []
        var kept: [SyntaxBeam.Candidate] = []
        kept.reserveCapacity(width + 1)
        var beam: [SyntaxBeam.Item] = [], next: [SyntaxBeam.Item] = []
        var costs = [Int](repeating: 0, count: 3 * width)
        var beamScores = [Double](repeating: 0, count: 3 * width)
        var children = [Int](repeating: 0, count: width)
        var order = Array(examples.indices)
        for epoch in 0..<settings.parseEpochs {
            order.shuffle(using: &random)
            var correctHeads = 0, total = 0, updates = 0
            for index in order {
                let example = examples[index]
                let n = example.words.count
                let gold = example.heads
                SyntaxParser.withAtoms(words: example.lower, clusters: example.clusters, tags: tags[index]) { atoms in
                    features.withUnsafeMutableBufferPointer { buffer in
                        let f = buffer.baseAddress!, lf = f + count
                        func scores(_ c: SyntaxConfiguration) -> SIMD4<Float> {
                            SyntaxParser.features(c, atoms, into: f)
                            return actions.weights.values.withUnsafeBufferPointer { SyntaxParser.actionScores($0, bits: settings.actionBits, f) }
                        }
                        /// The label of the arc `transition` adds: gold if its head is right, else the labeller's.
                        func label(_ c: SyntaxConfiguration, _ transition: SyntaxTransition) -> Int {
                            guard transition != .shift else { return 0 }
                            let dependent = c.top(0)
                            let head = transition == .left ? c.next : c.top(1)
                            if head == n { return 0 }
                            if gold[dependent] == head && example.labels[dependent] != 0 { return example.labels[dependent] }
                            SyntaxParser.labelFeatures(c, dependent: dependent, head: head, atoms, into: lf)
                            return labeller.weights.values.withUnsafeBufferPointer { SyntaxParser.bestLabel($0, labeller.weights, lf, &labelScores) }
                        }
                        /// The transitions and labels of the hypothesis whose last step is `last`.
                        func sequence(_ last: Int32) -> [SyntaxBeam.Step] {
                            var steps: [SyntaxBeam.Step] = []
                            var k = last
                            while k >= 0 { steps.append(history[Int(k)]); k = history[Int(k)].parent }
                            return steps.reversed()
                        }

                        history.removeAll(keepingCapacity: true)
                        beam.removeAll(keepingCapacity: true)
                        beam.append(SyntaxBeam.Item(config: SyntaxConfiguration(count: n), score: 0))
                        // The gold prefix once it has left the beam.
                        var goldItem: SyntaxBeam.Item? = nil
                        var goldSteps: [SyntaxBeam.Step] = []
                        var maxViolation = -Double.infinity, violationLength = 0, violationLast: Int32 = -1, violationGold: [SyntaxBeam.Step] = []
                        var step = 0
                        while !beam[0].config.isTerminal {
                            kept.removeAll(keepingCapacity: true)
                            var goldBest: SyntaxBeam.Candidate? = nil
                            var minCost = Int.max
                            for i in beam.indices {
                                let s = scores(beam[i].config)
                                for t in SyntaxTransition.allCases {
                                    costs[3 * i + t.rawValue] = Int.max
                                    guard beam[i].config.isValid(t) else { continue }
                                    beamScores[3 * i + t.rawValue] = beam[i].score + Double(s[t.rawValue])
                                    SyntaxBeam.insert(SyntaxBeam.Candidate(score: beamScores[3 * i + t.rawValue], item: i, transition: t.rawValue), into: &kept, width: width)
                                    if beam[i].zeroCost {
                                        costs[3 * i + t.rawValue] = beam[i].config.cost(t, gold: gold)
                                        minCost = min(minCost, costs[3 * i + t.rawValue])
                                    }
                                }
                            }
                            // Gold successors: the cheapest transitions from gold hypotheses (cost 0
                            // but where a non-projective tree has already lost an arc).
                            for i in beam.indices where beam[i].zeroCost {
                                for t in 0..<3 where costs[3 * i + t] == minCost {
                                    let candidate = SyntaxBeam.Candidate(score: beamScores[3 * i + t], item: i, transition: t)
                                    if goldBest == nil || SyntaxBeam.precedes(candidate, goldBest!) { goldBest = candidate }
                                }
                            }
                            // The gold prefix leaves the beam: keep it aside, with its steps.
                            if let goldBest, !kept.contains(where: { $0.item == goldBest.item && $0.transition == goldBest.transition }) {
                                var config = beam[goldBest.item].config
                                let transition = SyntaxTransition(rawValue: goldBest.transition)!
                                let arcLabel = label(config, transition)
                                goldSteps = sequence(beam[goldBest.item].last)
                                goldSteps.append(SyntaxBeam.Step(parent: -1, transition: UInt8(goldBest.transition), label: UInt16(arcLabel)))
                                config.apply(transition, label: arcLabel)
                                goldItem = SyntaxBeam.Item(config: config, score: goldBest.score, zeroCost: true)
                            } else if var item = goldItem {
                                // Outside the beam, the gold prefix follows its best zero-cost transition.
                                let s = scores(item.config)
                                var best: SyntaxTransition? = nil
                                var cheapest = Int.max
                                for t in SyntaxTransition.allCases where item.config.isValid(t) {
                                    let cost = item.config.cost(t, gold: gold)
                                    if cost < cheapest || (cost == cheapest && s[t.rawValue] > s[best!.rawValue]) { cheapest = cost; best = t }
                                }
                                let arcLabel = label(item.config, best!)
                                goldSteps.append(SyntaxBeam.Step(parent: -1, transition: UInt8(best!.rawValue), label: UInt16(arcLabel)))
                                item.config.apply(best!, label: arcLabel)
                                item.score += Double(s[best!.rawValue])
                                goldItem = item
                            }
                            // Successors: moved from their parent when they are its last, else copied.
                            for k in beam.indices { children[k] = 0 }
                            for candidate in kept { children[candidate.item] += 1 }
                            next.removeAll(keepingCapacity: true)
                            for candidate in kept {
                                let parent = candidate.item
                                children[parent] -= 1
                                var config = beam[parent].config
                                if children[parent] == 0 { beam[parent].config = SyntaxBeam.vacated }
                                let transition = SyntaxTransition(rawValue: candidate.transition)!
                                let arcLabel = label(config, transition)
                                history.append(SyntaxBeam.Step(parent: beam[parent].last, transition: UInt8(candidate.transition), label: UInt16(arcLabel)))
                                config.apply(transition, label: arcLabel)
                                let zeroCost = goldItem == nil && beam[parent].zeroCost && costs[3 * parent + candidate.transition] == minCost
                                next.append(SyntaxBeam.Item(config: config, score: candidate.score, zeroCost: zeroCost, last: Int32(history.count - 1)))
                            }
                            swap(&beam, &next)
                            step += 1
                            if let goldItem {
                                let violation = beam[0].score - goldItem.score
                                if violation > maxViolation {
                                    maxViolation = violation; violationLength = step; violationLast = beam[0].last; violationGold = goldSteps
                                }
                            }
                        }
                        // Gold still in the beam at the end, but not first: the whole sequences.
                        if goldItem == nil && !beam[0].zeroCost, let goldIndex = beam.firstIndex(where: \.zeroCost) {
                            maxViolation = beam[0].score - beam[goldIndex].score
                            violationLength = step; violationLast = beam[0].last; violationGold = sequence(beam[goldIndex].last)
                        }
                        if maxViolation > -Double.infinity {
                            updates += 1
                            let predicted = sequence(violationLast)
                            let goldPrefix = Array(violationGold.prefix(violationLength))
                            precondition(predicted.count == violationLength && goldPrefix.count == violationLength, "beam sequences out of step")
                            var shared = 0
                            while shared < violationLength && predicted[shared].transition == goldPrefix[shared].transition && predicted[shared].label == goldPrefix[shared].label { shared += 1 }
                            var common = SyntaxConfiguration(count: n)
                            for k in 0..<shared { common.apply(SyntaxTransition(rawValue: Int(predicted[k].transition))!, label: Int(predicted[k].label)) }
                            for (steps, delta) in [(goldPrefix, Float(1)), (predicted, Float(-1))] {
                                var c = common
                                for k in shared..<violationLength {
                                    SyntaxParser.features(c, atoms, into: f)
                                    actions.update(f, count, Int(steps[k].transition), delta)
                                    c.apply(SyntaxTransition(rawValue: Int(steps[k].transition))!, label: Int(steps[k].label))
                                }
                            }
                        }
                        actions.time += 1
                        // The labeller, on the best finished hypothesis.
                        var c = SyntaxConfiguration(count: n)
                        for s in sequence(beam[0].last) {
                            let transition = SyntaxTransition(rawValue: Int(s.transition))!
                            if transition != .shift {
                                let dependent = c.top(0)
                                let head = transition == .left ? c.next : c.top(1)
                                if head != n && gold[dependent] == head && example.labels[dependent] != 0 {
                                    SyntaxParser.labelFeatures(c, dependent: dependent, head: head, atoms, into: lf)
                                    let best = labeller.weights.values.withUnsafeBufferPointer { SyntaxParser.bestLabel($0, labeller.weights, lf, &labelScores) }
                                    let goldLabel = example.labels[dependent]
                                    if best != goldLabel {
                                        labeller.update(lf, labelCount, goldLabel, 1)
                                        labeller.update(lf, labelCount, best, -1)
                                    }
                                }
                                if gold[dependent] == head { correctHeads += 1 }
                                total += 1
                                labeller.time += 1
                            }
                            c.apply(transition, label: Int(s.label))
                        }
                    }
                }
            }
            log("parser epoch \(epoch + 1)/\(settings.parseEpochs) (beam \(width)): training heads of the best tree correct \(String(format: "%.2f", 100 * Double(correctHeads) / Double(max(total, 1)))), updates in \(updates) of \(examples.count) sentences")
        }
        return (actions.averaged(), labeller.averaged())
    }
}
