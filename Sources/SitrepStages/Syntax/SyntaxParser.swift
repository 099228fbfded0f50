/// The transitions of the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and Satta 2011).
public enum SyntaxTransition: Int, Sendable, CaseIterable {
    /// Moves the first buffer word onto the stack.
    case shift = 0
    /// Makes the first buffer word the head of the stack top, and pops it.
    case left = 1
    /// Makes the word under the stack top its head, and pops it.
    case right = 2
}

/// A parser configuration of the arc-hybrid system over `n` words.
///
/// The stack starts with the artificial root (index `n`); the buffer is always the
/// suffix `next..<n` of the sentence. A right-arc onto the root is allowed only once
/// the buffer is empty, so every tree has exactly one root.
///
/// All per-word state and the stack live in one array of `Int32`, so that copying a
/// configuration (as a parser's beam does at every step) is one allocation and one
/// `memcpy`: `stride` values per word and root (head, label, two leftmost and two
/// rightmost dependents, left and right dependent counts, the sets of left and right
/// dependents' labels as two 64-bit masks), then `n + 1` stack slots.
public struct SyntaxConfiguration: Sendable {
    public let n: Int
    public private(set) var next = 0
    /// The stack's height.
    public private(set) var depth = 1
    private var storage: [Int32]

    private static let stride = 12
    private static let head = 0, label = 1, leftmost = 2, leftmost2 = 3, rightmost = 4, rightmost2 = 5
    private static let leftCount = 6, rightCount = 7, leftLabels = 8, rightLabels = 10

    public init(count n: Int) {
        self.n = n
        var storage = [Int32](repeating: 0, count: Self.stride * (n + 1) + n + 1)
        for word in 0...n {
            for field in [Self.head, Self.label, Self.leftmost, Self.leftmost2, Self.rightmost, Self.rightmost2] { storage[word * Self.stride + field] = -1 }
        }
        storage[Self.stride * (n + 1)] = Int32(n)
        self.storage = storage
    }

    @inline(__always) private func value(_ word: Int, _ field: Int) -> Int32 { storage[word &* Self.stride &+ field] }
    @inline(__always) private func mask(_ word: Int, _ field: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: storage[word &* Self.stride &+ field])) | UInt64(UInt32(bitPattern: storage[word &* Self.stride &+ field &+ 1])) << 32
    }

    /// The stack item `k` places below the top (`top(0)` is the top).
    @inline(__always) public func top(_ k: Int) -> Int { Int(storage[Self.stride &* (n &+ 1) &+ depth &- 1 &- k]) }
    /// The stack, bottom (the root, `n`) first.
    public var stack: [Int] { (0..<depth).map { top(depth - 1 - $0) } }
    /// Head of a word, -1 while unattached, `n` for the root.
    @inline(__always) public func head(_ word: Int) -> Int { Int(value(word, Self.head)) }
    /// Label index of a word's arc, -1 while unattached.
    @inline(__always) public func label(_ word: Int) -> Int { Int(value(word, Self.label)) }
    /// Heads of all words and the root, -1 while unattached, `n` for the root.
    public var heads: [Int] { (0...n).map(head) }
    /// Labels of all words and the root, -1 while unattached.
    public var labels: [Int] { (0...n).map(label) }
    @inline(__always) func leftmost(_ word: Int) -> Int32 { value(word, Self.leftmost) }
    @inline(__always) func leftmost2(_ word: Int) -> Int32 { value(word, Self.leftmost2) }
    @inline(__always) func rightmost(_ word: Int) -> Int32 { value(word, Self.rightmost) }
    @inline(__always) func rightmost2(_ word: Int) -> Int32 { value(word, Self.rightmost2) }
    @inline(__always) func leftCount(_ word: Int) -> Int32 { value(word, Self.leftCount) }
    @inline(__always) func rightCount(_ word: Int) -> Int32 { value(word, Self.rightCount) }
    @inline(__always) func leftLabels(_ word: Int) -> UInt64 { mask(word, Self.leftLabels) }
    @inline(__always) func rightLabels(_ word: Int) -> UInt64 { mask(word, Self.rightLabels) }

    public var isTerminal: Bool { next == n && depth == 1 }

    public func isValid(_ transition: SyntaxTransition) -> Bool {
        switch transition {
        case .shift: next < n
        case .left: depth >= 2 && next < n
        case .right: depth >= 3 || (depth == 2 && next == n)
        }
    }

    /// Applies a valid transition; `label` is the arc's label index.
    public mutating func apply(_ transition: SyntaxTransition, label: Int) {
        let base = Self.stride * (n + 1)
        switch transition {
        case .shift:
            storage[base + depth] = Int32(next); depth += 1; next += 1
        case .left:
            let dependent = top(0)
            depth -= 1
            attach(dependent, to: next, label: label)
        case .right:
            let dependent = top(0)
            depth -= 1
            attach(dependent, to: top(0), label: label)
        }
    }

    private mutating func attach(_ dependent: Int, to head: Int, label: Int) {
        storage.withUnsafeMutableBufferPointer { storage in
            let d = dependent * Self.stride, h = head * Self.stride
            storage[d + Self.head] = Int32(head)
            storage[d + Self.label] = Int32(label)
            // Label sets are 64-bit masks of `label & 63`, stored as two 32-bit halves.
            let bitWord = (label & 63) >> 5, bit = Int32(bitPattern: UInt32(1) << UInt32(label & 31))
            let dd = Int32(dependent)
            if dependent < head {
                storage[h + Self.leftCount] += 1
                storage[h + Self.leftLabels + bitWord] |= bit
                let lm = storage[h + Self.leftmost], lm2 = storage[h + Self.leftmost2]
                if lm < 0 || dd < lm { storage[h + Self.leftmost2] = lm; storage[h + Self.leftmost] = dd }
                else if lm2 < 0 || dd < lm2 { storage[h + Self.leftmost2] = dd }
            } else {
                storage[h + Self.rightCount] += 1
                storage[h + Self.rightLabels + bitWord] |= bit
                let rm = storage[h + Self.rightmost], rm2 = storage[h + Self.rightmost2]
                if rm < 0 || dd > rm { storage[h + Self.rightmost2] = rm; storage[h + Self.rightmost] = dd }
                else if rm2 < 0 || dd > rm2 { storage[h + Self.rightmost2] = dd }
            }
        }
    }

    /// The dynamic-oracle cost of a valid transition against gold heads (`n` marks the
    /// root): the number of gold arcs that become unreachable (Goldberg and Nivre 2013).
    public func cost(_ transition: SyntaxTransition, gold: [Int]) -> Int {
        var cost = 0
        let s0 = top(0)
        switch transition {
        case .shift:
            let b = next
            var inStack = false
            for k in 0..<depth {
                let item = top(k)
                if k < depth - 1 && gold[item] == b { cost += 1 }
                if item == gold[b] { inStack = true }
            }
            if gold[b] != s0 && inStack { cost += 1 }
        case .left:
            for k in next..<n where gold[k] == s0 { cost += 1 }
            let h = gold[s0]
            if h != next && ((depth >= 2 && h == top(1)) || (h > next && h < n)) { cost += 1 }
        case .right:
            for k in next..<n where gold[k] == s0 { cost += 1 }
            let h = gold[s0]
            if h >= next && h < n { cost += 1 }
        }
        return cost
    }
}

/// The dependency parser: arc-hybrid transitions scored by an averaged perceptron
/// (``SyntaxModel/actions``), searched with a beam of ``SyntaxModel/beam`` hypotheses
/// (``SyntaxBeam``; greedily for a width of 1), each arc labelled by a second perceptron
/// (``SyntaxModel/labeller``).
///
/// - Complexity: O(n · F · k) for n words, F = ``featureCount`` features per transition
///   and a beam of k (O(n² · k) copying for sentences up to ``SyntaxBeam/wordLimit`` words).
public struct SyntaxParser: Sendable {
    public let model: SyntaxModel

    public init(model: SyntaxModel) {
        precondition(model.actions.compact == nil, "a model loaded for annotation parses through SyntaxAnnotator")
        self.model = model
    }

    /// Features per configuration.
    static let featureCount = 88
    /// Features that read more than `next` (``stateFeatures(_:_:into:)``).
    static let stateFeatureCount = 74
    /// Features that read `next` only (``bufferFeatures(next:_:into:)``).
    static let bufferFeatureCount = 14

    /// The per-word atoms the parser reads, each with one extra slot at index n for the root.
    struct Atoms {
        /// Lowercased-form hashes (``SyntaxWord/lower``).
        var words: UnsafeBufferPointer<UInt64>
        /// Packed cluster ids (``SyntaxClusters``).
        var clusters: UnsafeBufferPointer<UInt64>
        /// Tag classes plus one.
        var tags: UnsafeBufferPointer<UInt64>
    }

    /// Calls `body` with the atoms of a sentence of `words` (lowercased-form hashes),
    /// `clusters` (packed ids) and `tags` (tag classes).
    static func withAtoms<R>(words: [UInt64], clusters: [UInt64], tags: [Int], _ body: (Atoms) -> R) -> R {
        var w = words; w.append(0x0000_5000_7000)
        var c = clusters; c.append(0x0000_5000_7002)
        var t = tags.map { UInt64($0 + 1) }; t.append(0x0000_5000_7001)
        return w.withUnsafeBufferPointer { w in
            c.withUnsafeBufferPointer { c in
                t.withUnsafeBufferPointer { t in body(Atoms(words: w, clusters: c, tags: t)) }
            }
        }
    }

    /// Writes the features of `config` into `out[0..<featureCount]`: those of
    /// ``stateFeatures(_:_:into:)``, then those of ``bufferFeatures(next:_:into:)``.
    @inline(__always)
    static func features(_ c: SyntaxConfiguration, _ atoms: Atoms, into out: UnsafeMutablePointer<UInt64>) {
        stateFeatures(c, atoms, into: out)
        bufferFeatures(next: c.next, atoms, into: out + stateFeatureCount)
    }

    /// Writes the features of `config` that read the stack, the arcs built or the words
    /// beside the buffer's first three into `out[0..<stateFeatureCount]`.
    static func stateFeatures(_ c: SyntaxConfiguration, _ atoms: Atoms, into out: UnsafeMutablePointer<UInt64>) {
        let n = c.n
        let none: UInt64 = 0xA5A5
        let words = atoms.words, tags = atoms.tags, clusters = atoms.clusters
        @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 ? none : words[i] }
        @inline(__always) func t(_ i: Int) -> UInt64 { i < 0 ? none : tags[i] }
        @inline(__always) func cl(_ i: Int) -> UInt64 { i < 0 ? none : clusters[i] }
        @inline(__always) func lab(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(c.label(i) + 1) }
        let depth = c.depth
        let s0 = c.top(0)
        let s1 = depth >= 2 ? c.top(1) : -1
        let s2 = depth >= 3 ? c.top(2) : -1
        let b0 = c.next < n ? c.next : -1
        let b1 = c.next + 1 < n ? c.next + 1 : -1
        @inline(__always) func lm(_ i: Int) -> Int { i < 0 ? -1 : Int(c.leftmost(i)) }
        @inline(__always) func lm2(_ i: Int) -> Int { i < 0 ? -1 : Int(c.leftmost2(i)) }
        @inline(__always) func rm(_ i: Int) -> Int { i < 0 ? -1 : Int(c.rightmost(i)) }
        @inline(__always) func rm2(_ i: Int) -> Int { i < 0 ? -1 : Int(c.rightmost2(i)) }
        let s0l = lm(s0), s0l2 = lm2(s0), s0r = rm(s0), s0r2 = rm2(s0)
        let b0l = lm(b0), b0l2 = lm2(b0)
        let s1l = lm(s1), s1r = rm(s1), s1r2 = rm2(s1)
        let s0w = w(s0), s0t = t(s0), s1w = w(s1), s1t = t(s1), b0w = w(b0), b0t = t(b0)
        let b1t = t(b1), s2t = t(s2)
        let dist: UInt64 = b0 < 0 || s0 == n ? 0 : UInt64(min(b0 - s0, 6))
        let dist1: UInt64 = s1 < 0 || s1 == n || s0 == n ? 0 : UInt64(min(s0 - s1, 6))
        let s0vl = s0 < 0 ? 0 : UInt64(c.leftCount(s0)), s0vr = s0 < 0 ? 0 : UInt64(c.rightCount(s0))
        let b0vl = b0 < 0 ? 0 : UInt64(c.leftCount(b0)), s1vr = s1 < 0 ? 0 : UInt64(c.rightCount(s1))
        @inline(__always) func f(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 { SyntaxHash.feature(t, a, b, c) }
        var k = 0
        @inline(__always) func add(_ value: UInt64) { out[k] = value; k += 1 }
        add(f(100, s0w)); add(f(101, s0t)); add(f(102, s0w, s0t))
        add(f(103, s1w)); add(f(104, s1t)); add(f(105, s1w, s1t))
        add(f(114, s2t)); add(f(115, w(s2), s2t))
        // pairs
        add(f(120, s0w &* 31 &+ s0t, b0w &* 31 &+ b0t)); add(f(121, s0w &* 31 &+ s0t, b0w))
        add(f(122, s0w, b0w &* 31 &+ b0t)); add(f(123, s0w &* 31 &+ s0t, b0t))
        add(f(124, s0t, b0w &* 31 &+ b0t)); add(f(125, s0w, b0w)); add(f(126, s0t, b0t))
        add(f(128, s1w &* 31 &+ s1t, s0w &* 31 &+ s0t))
        add(f(129, s1w, s0w)); add(f(130, s1t, s0t)); add(f(131, s1w, s0t)); add(f(132, s1t, s0w))
        add(f(133, s1t, s0t, dist1)); add(f(134, s1w, s0w, dist1))
        // triples
        add(f(141, s0t, b0t, b1t)); add(f(142, s1t, s0t, b0t))
        add(f(143, s0t, t(s0l), b0t)); add(f(144, s0t, t(s0r), b0t)); add(f(145, s0t, b0t, t(b0l)))
        add(f(146, s1t, s0t, t(s0l))); add(f(147, s1t, s0t, t(s0r))); add(f(148, s2t, s1t, s0t))
        add(f(149, s1t, t(s1r), s0t)); add(f(150, s1t, t(s1l), s0t))
        // distance
        add(f(160, s0w, dist)); add(f(161, s0t, dist)); add(f(162, b0w, dist)); add(f(163, b0t, dist))
        add(f(164, s0t, b0t, dist)); add(f(165, s0w, b0w, dist))
        // valency
        add(f(170, s0w, s0vr)); add(f(171, s0t, s0vr)); add(f(172, s0w, s0vl)); add(f(173, s0t, s0vl))
        add(f(174, b0w, b0vl)); add(f(175, b0t, b0vl)); add(f(176, s1t, s1vr))
        // children
        add(f(180, w(s0l))); add(f(181, t(s0l))); add(f(182, lab(s0l)))
        add(f(183, w(s0r))); add(f(184, t(s0r))); add(f(185, lab(s0r)))
        add(f(186, w(b0l))); add(f(187, t(b0l))); add(f(188, lab(b0l)))
        add(f(189, t(s0l2), lab(s0l2))); add(f(190, t(s0r2), lab(s0r2))); add(f(191, t(b0l2), lab(b0l2)))
        add(f(192, t(s1r), lab(s1r)))
        // third order
        add(f(200, s0t, lab(s0l), lab(s0l2))); add(f(201, s0t, lab(s0r), lab(s0r2))); add(f(202, b0t, lab(b0l), lab(b0l2)))
        add(f(203, s1t, lab(s1r), lab(s1r2)))
        // label sets
        add(f(210, s0w, s0 < 0 ? 0 : c.leftLabels(s0))); add(f(211, s0t, s0 < 0 ? 0 : c.rightLabels(s0)))
        add(f(212, b0t, b0 < 0 ? 0 : c.leftLabels(b0))); add(f(213, s0t, s0 < 0 ? 0 : c.leftLabels(s0)))
        add(f(214, s1t, s1 < 0 ? 0 : c.rightLabels(s1)))
        // clusters: the word features again, generalized over words used alike
        let s0c = cl(s0), s1c = cl(s1), b0c = cl(b0)
        add(f(220, SyntaxClusters.fine(s0c))); add(f(222, SyntaxClusters.fine(s1c)))
        add(f(224, SyntaxClusters.middle(s0c), SyntaxClusters.middle(b0c)))
        add(f(225, SyntaxClusters.middle(s0c), b0t)); add(f(226, s0t, SyntaxClusters.middle(b0c)))
        add(f(227, SyntaxClusters.middle(s1c), SyntaxClusters.middle(s0c)))
        add(f(228, SyntaxClusters.coarse(s0c), SyntaxClusters.coarse(b0c), dist))
        precondition(k == stateFeatureCount, "parser feature count \(k) != \(stateFeatureCount)")
    }

    /// Writes the features of the first three buffer words alone (and the bias) into
    /// `out[0..<bufferFeatureCount]`: they depend on `next` only, so a sentence's parser
    /// can sum their weights once per buffer position (``SyntaxCompiledModel``).
    static func bufferFeatures(next: Int, _ atoms: Atoms, into out: UnsafeMutablePointer<UInt64>) {
        let n = atoms.words.count - 1
        let none: UInt64 = 0xA5A5
        let words = atoms.words, tags = atoms.tags, clusters = atoms.clusters
        @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 ? none : words[i] }
        @inline(__always) func t(_ i: Int) -> UInt64 { i < 0 ? none : tags[i] }
        @inline(__always) func cl(_ i: Int) -> UInt64 { i < 0 ? none : clusters[i] }
        @inline(__always) func f(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 { SyntaxHash.feature(t, a, b, c) }
        let b0 = next < n ? next : -1
        let b1 = next + 1 < n ? next + 1 : -1
        let b2 = next + 2 < n ? next + 2 : -1
        let b0w = w(b0), b0t = t(b0), b1w = w(b1), b1t = t(b1), b2t = t(b2)
        let b0c = cl(b0), b1c = cl(b1)
        out[0] = f(106, b0w); out[1] = f(107, b0t); out[2] = f(108, b0w, b0t)
        out[3] = f(109, b1w); out[4] = f(110, b1t); out[5] = f(111, b1w, b1t)
        out[6] = f(112, w(b2)); out[7] = f(113, b2t)
        out[8] = f(127, b0t, b1t); out[9] = f(140, b0t, b1t, b2t)
        out[10] = f(221, SyntaxClusters.fine(b0c)); out[11] = f(223, SyntaxClusters.fine(b1c))
        out[12] = f(229, SyntaxClusters.middle(b0c), SyntaxClusters.middle(b1c))
        out[13] = f(0, 1)
    }

    /// Features of the arc labeller.
    static let labelFeatureCount = 24

    /// Writes the labeller's features for the arc `head -> dependent` about to be added in
    /// `c` into `out[0..<labelFeatureCount]`: the two words, their tags, direction,
    /// distance, the dependent's children and the labels the head already has on that side.
    static func labelFeatures(_ c: SyntaxConfiguration, dependent d: Int, head h: Int, _ atoms: Atoms, into out: UnsafeMutablePointer<UInt64>) {
        let n = c.n
        let words = atoms.words, tags = atoms.tags, clusters = atoms.clusters
        let none: UInt64 = 0xA5A5
        @inline(__always) func t(_ i: Int) -> UInt64 { i < 0 || i > n ? none : tags[i] }
        @inline(__always) func lab(_ i: Int32) -> UInt64 { i < 0 ? none : UInt64(c.label(Int(i)) + 1) }
        @inline(__always) func f(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 { SyntaxHash.feature(t, a, b, c) }
        let left = d < h
        let dir: UInt64 = left ? 1 : 2
        let dist = UInt64(min(abs(h - d), 8))
        let dw = words[d], dt = tags[d], hw = words[h], ht = tags[h]
        let depth = c.depth
        let other = left ? (depth >= 2 ? c.top(1) : -1) : (c.next < n ? c.next : -1)
        let sideLabels = left ? c.leftLabels(h) : c.rightLabels(h)
        let children = UInt64(min(c.leftCount(d) + c.rightCount(d), 4))
        out[0] = f(300, dir)
        out[1] = f(301, dw)
        out[2] = f(302, dt)
        out[3] = f(303, hw)
        out[4] = f(304, ht)
        out[5] = f(305, dt, ht, dir)
        out[6] = f(306, dw, ht, dir)
        out[7] = f(307, dt, hw, dir)
        out[8] = f(308, dw, hw)
        out[9] = f(309, dt, ht, dist &* 3 &+ dir)
        out[10] = f(310, dt, lab(c.leftmost(d)), lab(c.rightmost(d)))
        out[11] = f(311, dt, c.leftLabels(d), c.rightLabels(d))
        out[12] = f(312, ht, sideLabels, dir)
        out[13] = f(313, dt, t(d - 1))
        out[14] = f(314, dt, t(d + 1))
        out[15] = f(315, dt, ht, other < 0 ? none : tags[other])
        out[16] = f(316, dw, dt)
        out[17] = f(317, dt, c.leftmost(d) < 0 ? none : tags[Int(c.leftmost(d))], c.rightmost(d) < 0 ? none : tags[Int(c.rightmost(d))])
        out[18] = f(318, hw, dt, dist &* 3 &+ dir)
        out[19] = f(319, dt, ht, children)
        let dc = clusters[d], hc = clusters[h]
        out[20] = f(320, SyntaxClusters.fine(dc), dir)
        out[21] = f(321, SyntaxClusters.middle(dc), SyntaxClusters.middle(hc), dir)
        out[22] = f(322, SyntaxClusters.fine(hc), dt, dir)
        // The dependent's first child word: "of" makes nmod, "by" an agent, "'s" a possessor.
        out[23] = f(323, dt, c.leftmost(d) < 0 ? none : words[Int(c.leftmost(d))], dir)
    }

    /// Parses one tagged sentence: `words` are lowercased-form hashes, `clusters` their
    /// packed cluster ids, `tags` tag classes.
    ///
    /// - Returns: heads (0-based, -1 for the root) and label indices into ``SyntaxModel/labels``.
    public func parse(words: [UInt64], clusters: [UInt64], tags: [Int]) -> (heads: [Int], labels: [Int]) {
        Self.parse(words: words, clusters: clusters, tags: tags, actions: model.actions, labeller: model.labeller, width: model.beam)
    }

    /// Parses with a beam of `width` hypotheses (``SyntaxBeam``), on the float tables.
    static func parse(words: [UInt64], clusters: [UInt64], tags: [Int], actions: SyntaxWeights, labeller: SyntaxWeights, width: Int) -> (heads: [Int], labels: [Int]) {
        let n = words.count
        guard width > 1 && n <= SyntaxBeam.wordLimit else { return parse(words: words, clusters: clusters, tags: tags, actions: actions, labeller: labeller) }
        var features = [UInt64](repeating: 0, count: featureCount + labelFeatureCount)
        var labelScores = [Float](repeating: 0, count: labeller.stride)
        var result = SyntaxBeam.vacated
        withAtoms(words: words, clusters: clusters, tags: tags) { atoms in
            actions.values.withUnsafeBufferPointer { actionValues in
                labeller.values.withUnsafeBufferPointer { labelValues in
                    features.withUnsafeMutableBufferPointer { buffer in
                        let f = buffer.baseAddress!, lf = f + featureCount
                        result = SyntaxBeam.search(count: n, width: width, score: { c in
                            Self.features(c, atoms, into: f)
                            let s = actionScores(actionValues, bits: actions.bits, f)
                            return SIMD4<Double>(Double(s[0]), Double(s[1]), Double(s[2]), Double(s[3]))
                        }, label: { c, transition in
                            let head = transition == .left ? c.next : c.top(1)
                            guard head != n else { return 0 }
                            labelFeatures(c, dependent: c.top(0), head: head, atoms, into: lf)
                            return bestLabel(labelValues, labeller, lf, &labelScores)
                        })
                    }
                }
            }
        }
        return ((0..<n).map { result.head($0) == n ? -1 : result.head($0) }, (0..<n).map(result.label))
    }

    static func parse(words: [UInt64], clusters: [UInt64], tags: [Int], actions: SyntaxWeights, labeller: SyntaxWeights) -> (heads: [Int], labels: [Int]) {
        let n = words.count
        var c = SyntaxConfiguration(count: n)
        var features = [UInt64](repeating: 0, count: featureCount)
        var labelScores = [Float](repeating: 0, count: labeller.stride)
        withAtoms(words: words, clusters: clusters, tags: tags) { atoms in
            actions.values.withUnsafeBufferPointer { actionValues in
                labeller.values.withUnsafeBufferPointer { labelValues in
                    features.withUnsafeMutableBufferPointer { buffer in
                        var labelBuffer = [UInt64](repeating: 0, count: labelFeatureCount)
                        while !c.isTerminal {
                            Self.features(c, atoms, into: buffer.baseAddress!)
                            let scores = actionScores(actionValues, bits: actions.bits, buffer.baseAddress!)
                            let transition = best(scores, c)
                            var label = 0
                            if transition != .shift {
                                let head = transition == .left ? c.next : c.top(1)
                                if head != n {
                                    labelBuffer.withUnsafeMutableBufferPointer { lb in
                                        labelFeatures(c, dependent: c.top(0), head: head, atoms, into: lb.baseAddress!)
                                        label = bestLabel(labelValues, labeller, lb.baseAddress!, &labelScores)
                                    }
                                }
                            }
                            c.apply(transition, label: label)
                        }
                    }
                }
            }
        }
        return ((0..<n).map { c.head($0) == n ? -1 : c.head($0) }, (0..<n).map(c.label))
    }

    @inline(__always)
    static func actionScores(_ table: UnsafeBufferPointer<Float>, bits: Int, _ features: UnsafePointer<UInt64>) -> SIMD4<Float> {
        var sum = SIMD4<Float>(repeating: 0)
        let shift = UInt64(64 - bits)
        let base = UnsafeRawPointer(table.baseAddress!)
        for j in 0..<featureCount {
            let row = Int(truncatingIfNeeded: features[j] >> shift) &* 16
            sum += base.loadUnaligned(fromByteOffset: row, as: SIMD4<Float>.self)
        }
        return sum
    }

    @inline(__always)
    static func best(_ scores: SIMD4<Float>, _ c: SyntaxConfiguration) -> SyntaxTransition {
        var best: SyntaxTransition? = nil
        for transition in SyntaxTransition.allCases where c.isValid(transition) {
            if best == nil || scores[transition.rawValue] > scores[best!.rawValue] { best = transition }
        }
        return best!
    }

    /// The best non-root label (index 0, `root`, is reserved for arcs from the root).
    @inline(__always)
    static func bestLabel(_ table: UnsafeBufferPointer<Float>, _ labeller: SyntaxWeights, _ features: UnsafePointer<UInt64>, _ scores: inout [Float]) -> Int {
        scores.withUnsafeMutableBufferPointer { scores in
            SyntaxTagger.score(table, bits: labeller.bits, stride: labeller.stride, features, labelFeatureCount, into: scores.baseAddress!)
            var best = 1
            for k in 2..<scores.count where scores[k] > scores[best] { best = k }
            return best
        }
    }
}
