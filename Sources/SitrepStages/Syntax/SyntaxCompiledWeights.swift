import CMemoryHints

/// Run-time forms of the weight tables, small enough to stay in cache.
///
/// Weights are the Int16 values that the model file stores (``SyntaxModel/data()``), so
/// integer sums rank classes exactly as the float weights times the table's scale do.

/// A sparse weight table: for each hashed row, its non-zero (class, weight) pairs.
///
/// Each entry packs the class in the low 8 bits and the Int16 weight in the high 16.
struct SyntaxSparseWeights: Sendable {
    let bits: Int
    let classes: Int
    /// `starts[row] ..< starts[row + 1]` are the row's entries.
    let starts: [UInt32]
    let entries: [UInt32]

    init(_ table: SyntaxWeights) {
        precondition(table.stride <= 256, "sparse tables hold at most 256 classes")
        bits = table.bits
        classes = table.stride
        if let compact = table.compact {
            // The stored weights as they are: ascending indices are rows in order.
            var starts = [UInt32](repeating: 0, count: (1 << table.bits) + 1)
            var entries = [UInt32]()
            entries.reserveCapacity(compact.indices.count)
            for (index, q) in zip(compact.indices, compact.values) {
                let row = Int(index) / table.stride, cls = Int(index) % table.stride
                starts[row + 1] += 1
                entries.append(UInt32(UInt16(bitPattern: q)) << 16 | UInt32(cls))
            }
            for row in 0..<(1 << table.bits) { starts[row + 1] += starts[row] }
            self.starts = starts
            self.entries = entries
            return
        }
        let scale = Self.scale(table)
        var starts = [UInt32](repeating: 0, count: (1 << table.bits) + 1)
        var entries: [UInt32] = []
        for row in 0..<(1 << table.bits) {
            for cls in 0..<table.stride {
                let q = Int16(clamping: Int((table.values[row * table.stride + cls] / scale).rounded()))
                if q != 0 { entries.append(UInt32(UInt16(bitPattern: q)) << 16 | UInt32(cls)) }
            }
            starts[row + 1] = UInt32(entries.count)
        }
        self.starts = starts
        self.entries = entries
    }

    /// The scale the model file uses for `table` (largest magnitude maps to 32767).
    static func scale(_ table: SyntaxWeights) -> Float {
        let maxAbs = table.values.reduce(Float(0)) { max($0, abs($1)) }
        return maxAbs > 0 ? maxAbs / 32767 : 1
    }

    /// Sums the rows of `features` into `scores[0..<classes]`.
    ///
    /// Three passes: every feature's row bounds (independent loads the CPU overlaps, where
    /// one pass would chain each row's `starts` miss to its `entries` miss); a prefetch of
    /// every row's first entries, so that their misses overlap too, where the sums would
    /// wait on each row in turn (a quarter faster parsing with voters); then the sums.
    @inline(__always)
    func score(_ features: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Int32>) {
        for k in 0..<classes { scores[k] = 0 }
        let shift = UInt64(64 - bits)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * count) { bounds in
            starts.withUnsafeBufferPointer { starts in
                for j in 0..<count {
                    let row = Int(truncatingIfNeeded: features[j] >> shift)
                    bounds[2 * j] = starts[row]
                    bounds[2 * j + 1] = starts[row + 1]
                }
            }
            entries.withUnsafeBufferPointer { entries in
                for j in 0..<count { sitrep_prefetch(entries.baseAddress! + Int(bounds[2 * j])) }
                for j in 0..<count {
                    var index = Int(bounds[2 * j])
                    let end = Int(bounds[2 * j + 1])
                    while index < end {
                        let entry = entries[index]
                        scores[Int(entry & 0xFF)] &+= Int32(Int16(truncatingIfNeeded: entry >> 16))
                        index += 1
                    }
                }
            }
        }
    }
}

/// The transition table as Int16 rows of 4.
struct SyntaxActionWeights: Sendable {
    let bits: Int
    let values: [SIMD4<Int16>]

    init(_ table: SyntaxWeights) {
        precondition(table.stride == 4, "transition tables have 4 columns")
        bits = table.bits
        if let compact = table.compact {
            var values = [SIMD4<Int16>](repeating: .zero, count: 1 << table.bits)
            for (index, q) in zip(compact.indices, compact.values) { values[Int(index) >> 2][Int(index) & 3] = q }
            self.values = values
            return
        }
        let scale = SyntaxSparseWeights.scale(table)
        values = (0..<(1 << table.bits)).map { row in
            var v = SIMD4<Int16>()
            for k in 0..<4 { v[k] = Int16(clamping: Int((table.values[row * 4 + k] / scale).rounded())) }
            return v
        }
    }

    @inline(__always)
    func score(_ features: UnsafePointer<UInt64>, _ count: Int) -> SIMD4<Int32> {
        var sum = SIMD4<Int32>()
        let shift = UInt64(64 - bits)
        values.withUnsafeBufferPointer { values in
            // Every row is asked for before the first is summed: 3-4% faster parsing with voters.
            for j in 0..<count { sitrep_prefetch(values.baseAddress! + Int(truncatingIfNeeded: features[j] >> shift)) }
            for j in 0..<count {
                sum &+= SIMD4<Int32>(truncatingIfNeeded: values[Int(truncatingIfNeeded: features[j] >> shift)])
            }
        }
        return sum
    }
}

/// A model compiled for fast tagging and parsing.
struct SyntaxCompiledModel: Sendable {
    let tagger: SyntaxSparseWeights
    /// The model's own parser.
    let parser: SyntaxCompiledParser
    /// ``SyntaxTagger/classRoles(_:)``.
    let roles: [UInt8]
    /// Each known word's ambiguity atom and packed clusters, so that a word costs one
    /// lookup where ``SyntaxModel/ambiguity`` and ``SyntaxModel/clusters`` cost two.
    let lexicon: [UInt64: SIMD2<UInt64>]

    init(_ model: SyntaxModel) {
        roles = SyntaxTagger.classRoles(model)
        var lexicon = [UInt64: SIMD2<UInt64>](minimumCapacity: model.ambiguity.count + model.clusters.count)
        for (word, atom) in model.ambiguity { lexicon[word, default: .zero][0] = atom }
        for (word, packed) in model.clusters { lexicon[word, default: .zero][1] = packed }
        self.lexicon = lexicon
        tagger = SyntaxSparseWeights(model.tagger)
        parser = SyntaxCompiledParser(actions: model.actions, labeller: model.labeller)
    }

    /// Each word's ambiguity atom (as ``SyntaxTagger/ambiguity(_:model:)``) and packed
    /// clusters (as ``SyntaxClusters/of(_:model:)``).
    func lexical(_ words: [SyntaxWord]) -> (ambiguity: [UInt64], clusters: [UInt64]) {
        var ambiguity = [UInt64](repeating: 0, count: words.count), clusters = ambiguity
        for (i, word) in words.enumerated() {
            guard let entry = lexicon[word.lower] else { continue }
            ambiguity[i] = entry[0]
            clusters[i] = entry[1]
        }
        return (ambiguity, clusters)
    }

    /// Tag classes, greedily left to right (as ``SyntaxTagger``).
    func tag(_ words: [SyntaxWord], _ amb: [UInt64], _ clusters: [UInt64]) -> [Int] {
        var result = [Int](repeating: 0, count: words.count)
        let count = SyntaxTagger.featureCount
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { features in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: tagger.classes) { scores in
                words.withUnsafeBufferPointer { words in
                    amb.withUnsafeBufferPointer { amb in
                        clusters.withUnsafeBufferPointer { clusters in
                            var history = SyntaxTagger.History()
                            for i in 0..<words.count {
                                SyntaxTagger.features(words, amb, clusters, i, history, into: features.baseAddress!)
                                tagger.score(features.baseAddress!, count, into: scores.baseAddress!)
                                var best = 0
                                for k in 1..<tagger.classes where scores[k] > scores[best] { best = k }
                                result[i] = best
                                history.push(best, roles: roles)
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}

/// A parser's transition and label tables compiled for fast parsing: the model's own
/// (``SyntaxCompiledModel/parser``) or a voter's (``SyntaxModel/voters``), which
/// parses with the model's tags and clusters.
struct SyntaxCompiledParser: Sendable {
    let actions: SyntaxActionWeights
    let labeller: SyntaxSparseWeights

    init(actions: SyntaxWeights, labeller: SyntaxWeights) {
        self.actions = SyntaxActionWeights(actions)
        self.labeller = SyntaxSparseWeights(labeller)
    }

    /// Heads (0-based, -1 root) and label indices (as ``SyntaxParser``), found by a beam
    /// of `width` hypotheses (``SyntaxBeam``; greedily for a width of 1 or a sentence
    /// longer than ``SyntaxBeam/wordLimit``).
    func parse(words: [UInt64], clusters: [UInt64], tags: [Int], width: Int) -> (heads: [Int], labels: [Int]) {
        guard width > 1 && words.count <= SyntaxBeam.wordLimit else { return parse(words: words, clusters: clusters, tags: tags) }
        return beamParse(words: words, clusters: clusters, tags: tags, width: width)
    }

    /// The beam search of ``parse(words:clusters:tags:width:)`` at any width and length.
    func beamParse(words: [UInt64], clusters: [UInt64], tags: [Int], width: Int) -> (heads: [Int], labels: [Int]) {
        let n = words.count
        let count = SyntaxParser.featureCount
        var result = SyntaxBeam.vacated
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count + SyntaxParser.labelFeatureCount) { features in
            let f = features.baseAddress!
            let lf = f + count
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: labeller.classes) { scores in
                SyntaxParser.withAtoms(words: words, clusters: clusters, tags: tags) { atoms in
                    let buffer = bufferScores(atoms, scratch: f)
                    result = SyntaxBeam.search(count: n, width: width, score: { c in
                        SyntaxParser.stateFeatures(c, atoms, into: f)
                        let s = actions.score(f, SyntaxParser.stateFeatureCount) &+ buffer[c.next]
                        return SIMD4<Double>(Double(s[0]), Double(s[1]), Double(s[2]), Double(s[3]))
                    }, label: { c, transition in
                        let head = transition == .left ? c.next : c.top(1)
                        guard head != n else { return 0 }
                        SyntaxParser.labelFeatures(c, dependent: c.top(0), head: head, atoms, into: lf)
                        labeller.score(lf, SyntaxParser.labelFeatureCount, into: scores.baseAddress!)
                        var label = 1
                        for k in 2..<labeller.classes where scores[k] > scores[label] { label = k }
                        return label
                    })
                }
            }
        }
        return ((0..<n).map { result.head($0) == n ? -1 : result.head($0) }, (0..<n).map(result.label))
    }

    /// The summed transition weights of ``SyntaxParser/bufferFeatures(next:_:into:)`` at
    /// each buffer position `0...n`, so that each transition looks up only the
    /// ``SyntaxParser/stateFeatureCount`` other features (integer sums: exactly the same
    /// scores); `scratch` holds ``SyntaxParser/bufferFeatureCount`` features.
    func bufferScores(_ atoms: SyntaxParser.Atoms, scratch: UnsafeMutablePointer<UInt64>) -> [SIMD4<Int32>] {
        (0..<atoms.words.count).map { next in
            SyntaxParser.bufferFeatures(next: next, atoms, into: scratch)
            return actions.score(scratch, SyntaxParser.bufferFeatureCount)
        }
    }

    /// Heads (0-based, -1 root) and label indices (as ``SyntaxParser``), greedily.
    func parse(words: [UInt64], clusters: [UInt64], tags: [Int]) -> (heads: [Int], labels: [Int]) {
        let n = words.count
        var c = SyntaxConfiguration(count: n)
        let count = SyntaxParser.featureCount
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count + SyntaxParser.labelFeatureCount) { features in
            let labelFeatures = UnsafeMutableBufferPointer(rebasing: features[count...])
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: labeller.classes) { scores in
                SyntaxParser.withAtoms(words: words, clusters: clusters, tags: tags) { atoms in
                    let f = features.baseAddress!
                    let buffer = bufferScores(atoms, scratch: f)
                    while !c.isTerminal {
                        SyntaxParser.stateFeatures(c, atoms, into: f)
                        let s = actions.score(f, SyntaxParser.stateFeatureCount) &+ buffer[c.next]
                        var best: SyntaxTransition? = nil
                        for t in SyntaxTransition.allCases where c.isValid(t) {
                            if best == nil || s[t.rawValue] > s[best!.rawValue] { best = t }
                        }
                        let transition = best!
                        var label = 0
                        if transition != .shift {
                            let head = transition == .left ? c.next : c.top(1)
                            if head != n {
                                SyntaxParser.labelFeatures(c, dependent: c.top(0), head: head, atoms, into: labelFeatures.baseAddress!)
                                labeller.score(labelFeatures.baseAddress!, SyntaxParser.labelFeatureCount, into: scores.baseAddress!)
                                label = 1
                                for k in 2..<labeller.classes where scores[k] > scores[label] { label = k }
                            }
                        }
                        c.apply(transition, label: label)
                    }
                }
            }
        }
        return ((0..<n).map { c.head($0) == n ? -1 : c.head($0) }, (0..<n).map(c.label))
    }
}

