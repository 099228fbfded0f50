/// Beam search over arc-hybrid transitions (Zhang and Clark 2008; Zhang and Nivre 2011):
/// the `width` best-scoring transition sequences are kept at each step, a sequence's
/// score being the sum of its transitions' scores.
///
/// Every arc-hybrid sequence over n words has exactly 2n transitions, so all hypotheses
/// of a beam finish together. A hypothesis that is the only successor kept of its parent
/// takes over the parent's configuration without copying it.
enum SyntaxBeam {
    /// Sentences longer than this are parsed greedily: each kept hypothesis copies its
    /// configuration (O(n)) at each of the 2n steps, so the beam's cost grows with n²,
    /// and a pathological "sentence" of 100,000 words must not take minutes.
    static let wordLimit = 200

    /// One hypothesis.
    struct Item {
        var config: SyntaxConfiguration
        var score: Double
        /// Training only: on the gold track, each transition so far among the cheapest by the
        /// dynamic oracle (cost 0 for a projective tree).
        var zeroCost = true
        /// Index of the hypothesis' last step in the search's history; -1 before the first.
        var last: Int32 = -1
    }

    /// One step of a hypothesis, for reading its transitions back.
    struct Step {
        var parent: Int32
        var transition: UInt8
        var label: UInt16
    }

    /// A successor under consideration: the parent hypothesis and the transition.
    struct Candidate {
        var score: Double
        var item: Int
        var transition: Int
    }

    /// Higher scores first; ties go to the earlier parent, then the lower transition, so
    /// that the search is deterministic and a beam of one picks what greedy search picks.
    @inline(__always)
    static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.item != b.item { return a.item < b.item }
        return a.transition < b.transition
    }

    /// Inserts `candidate` into `kept` (sorted by ``precedes(_:_:)``, at most `width` long).
    @inline(__always)
    static func insert(_ candidate: Candidate, into kept: inout [Candidate], width: Int) {
        if kept.count == width {
            guard precedes(candidate, kept[width - 1]) else { return }
            kept.removeLast()
        }
        var index = kept.count
        kept.append(candidate)
        while index > 0 && precedes(candidate, kept[index - 1]) {
            kept[index] = kept[index - 1]
            index -= 1
        }
        kept[index] = candidate
    }

    /// An empty configuration to leave behind when a hypothesis' configuration is moved out.
    static let vacated = SyntaxConfiguration(count: 0)

    /// The successor configurations of `kept`, in order: moved out of `beam` for the last
    /// successor of each parent, copied for the others.
    ///
    /// - Parameter label: the label of the arc that `transition` adds to the configuration
    ///   (called before the transition is applied; 0 for shifts and arcs from the root).
    @inline(__always)
    static func advance(_ beam: inout [Item], _ kept: [Candidate], children: inout [Int], into next: inout [Item],
                        label: (SyntaxConfiguration, SyntaxTransition) -> Int) {
        for k in beam.indices { children[k] = 0 }
        for candidate in kept { children[candidate.item] += 1 }
        next.removeAll(keepingCapacity: true)
        for candidate in kept {
            children[candidate.item] -= 1
            var config = beam[candidate.item].config
            if children[candidate.item] == 0 { beam[candidate.item].config = vacated }
            let transition = SyntaxTransition(rawValue: candidate.transition)!
            let arcLabel = transition == .shift ? 0 : label(config, transition)
            config.apply(transition, label: arcLabel)
            next.append(Item(config: config, score: candidate.score))
        }
    }

    /// Runs the search to the end and returns the best final configuration.
    ///
    /// - Parameters:
    ///   - score: writes the transition scores of a configuration (shift, left, right).
    ///   - label: the label of an arc about to be added, as in ``advance(_:_:children:into:label:)``.
    @inline(__always)
    static func search(count n: Int, width: Int, score: (SyntaxConfiguration) -> SIMD4<Double>,
                       label: (SyntaxConfiguration, SyntaxTransition) -> Int) -> SyntaxConfiguration {
        var beam = [Item(config: SyntaxConfiguration(count: n), score: 0)]
        var next: [Item] = []
        next.reserveCapacity(width)
        var kept: [Candidate] = []
        kept.reserveCapacity(width + 1)
        var children = [Int](repeating: 0, count: width)
        while !beam[0].config.isTerminal {
            kept.removeAll(keepingCapacity: true)
            for i in beam.indices {
                let scores = score(beam[i].config)
                for t in SyntaxTransition.allCases where beam[i].config.isValid(t) {
                    insert(Candidate(score: beam[i].score + scores[t.rawValue], item: i, transition: t.rawValue), into: &kept, width: width)
                }
            }
            advance(&beam, kept, children: &children, into: &next, label: label)
            swap(&beam, &next)
        }
        return beam[0].config
    }
}
