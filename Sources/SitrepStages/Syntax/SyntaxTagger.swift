/// The part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
/// UPOS+XPOS classes (``SyntaxModel/tagClasses``), with hashed word, affix, shape,
/// context-word, ambiguity-class, word-cluster and previous-tag features.
///
/// - Complexity: O(n · F · K) for n words, F = ``featureCount`` features and K classes.
public struct SyntaxTagger: Sendable {
    public let model: SyntaxModel
    /// ``classRoles(_:)`` of the model.
    private let roles: [UInt8]

    public init(model: SyntaxModel) {
        precondition(model.tagger.compact == nil, "a model loaded for annotation tags through SyntaxAnnotator")
        self.model = model
        roles = Self.classRoles(model)
    }

    /// Features per word.
    static let featureCount = 40

    /// Atoms for positions before the first and after the last word.
    static let startWord: SyntaxWord = { var w = SyntaxWord(); w.lower = 0x5EED_0001; w.form = 0x5EED_0002; w.suffix3 = 0x5EED_0003; w.shape = 0x5EED_0004; return w }()
    static let endWord: SyntaxWord = { var w = SyntaxWord(); w.lower = 0x5EED_0011; w.form = 0x5EED_0012; w.suffix3 = 0x5EED_0013; w.shape = 0x5EED_0014; return w }()

    /// What the tagger remembers of the tags it has given so far in a sentence.
    struct History {
        /// The previous two tag classes (-1 and -2 before the sentence).
        var p1 = -1, p2 = -2
        /// Whether a finite verb (VBD, VBZ, VBP, MD) was tagged since the last clause
        /// boundary (punctuation, conjunction, subordinator, relative pronoun). After a
        /// subject with no verb yet, "presented" is a past tense (VBD: "The army
        /// presented evidence"); after one, more often a participle (VBN: "rejected the
        /// evidence presented by ...").
        var finiteSeen = false

        /// Records the tag class just given; `roles` from ``classRoles(_:)``.
        mutating func push(_ tagClass: Int, roles: [UInt8]) {
            p2 = p1; p1 = tagClass
            switch roles[tagClass] {
            case 1: finiteSeen = true
            case 2: finiteSeen = false
            default: break
            }
        }
    }

    /// Each tag class's role for ``History``: 1 a finite verb, 2 a clause boundary, 0 other.
    static func classRoles(_ model: SyntaxModel) -> [UInt8] {
        zip(model.uposOfClass, model.xposOfClass).map { upos, xpos in
            if ["VBD", "VBZ", "VBP", "MD"].contains(xpos) { return 1 }
            if ["CCONJ", "SCONJ"].contains(upos) || [",", ":", "WDT", "WP", "-LRB-", "-RRB-"].contains(xpos) { return 2 }
            return 0
        }
    }

    /// The ambiguity-class atom of each word (0 if the word was rare in training).
    static func ambiguity(_ words: [SyntaxWord], model: SyntaxModel) -> [UInt64] {
        words.map { model.ambiguity[$0.lower] ?? 0 }
    }

    /// Writes the features of word `i` into `out[0..<featureCount]`;
    /// `clusters` holds each word's packed cluster ids (``SyntaxClusters``).
    @inline(__always)
    static func features(_ words: UnsafeBufferPointer<SyntaxWord>, _ amb: UnsafeBufferPointer<UInt64>, _ clusters: UnsafeBufferPointer<UInt64>, _ i: Int, _ history: History, into out: UnsafeMutablePointer<UInt64>) {
        let n = words.count
        @inline(__always) func word(_ j: Int) -> SyntaxWord { j < 0 ? startWord : (j >= n ? endWord : words[j]) }
        @inline(__always) func ambiguity(_ j: Int) -> UInt64 { j < 0 ? 1 : (j >= n ? 2 : amb[j]) }
        @inline(__always) func cluster(_ j: Int) -> UInt64 { j < 0 ? 0xC1_0001 : (j >= n ? 0xC1_0002 : clusters[j]) }
        let w = words[i], prev = word(i - 1), next = word(i + 1), prev2 = word(i - 2), next2 = word(i + 2)
        let t1 = UInt64(history.p1 + 2), t2 = UInt64(history.p2 + 2)
        @inline(__always) func f(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 { SyntaxHash.feature(t, a, b, c) }
        out[0] = f(0, 1)
        out[1] = f(1, w.lower)
        out[2] = f(2, w.form)
        out[3] = f(3, w.suffix1)
        out[4] = f(4, w.suffix2)
        out[5] = f(5, w.suffix3)
        out[6] = f(6, w.suffix4)
        out[7] = f(7, w.prefix1)
        out[8] = f(8, w.prefix2)
        out[9] = f(9, w.prefix3)
        out[10] = f(10, w.shape)
        out[11] = f(11, w.flags, i == 0 ? 1 : 0)
        out[12] = f(12, t1)
        out[13] = f(13, t1, t2)
        out[14] = f(14, t1, w.lower)
        out[15] = f(15, prev.lower)
        out[16] = f(16, next.lower)
        out[17] = f(17, prev2.lower)
        out[18] = f(18, next2.lower)
        out[19] = f(19, prev.suffix3)
        out[20] = f(20, next.suffix3)
        out[21] = f(21, prev.lower, w.lower)
        out[22] = f(22, w.lower, next.lower)
        out[23] = f(23, ambiguity(i))
        out[24] = f(24, ambiguity(i + 1))
        out[25] = f(25, ambiguity(i + 2))
        out[26] = f(26, t1, w.suffix3)
        out[27] = f(27, next.shape)
        out[28] = f(28, prev.shape, w.shape)
        out[29] = f(29, t1, next.lower)
        out[30] = f(30, ambiguity(i), ambiguity(i + 1))
        out[31] = f(31, t1, ambiguity(i), ambiguity(i + 1))
        // Clusters carry what a rare word's neighbours in unlabelled text say it is.
        let c0 = cluster(i)
        out[32] = f(32, SyntaxClusters.fine(c0))
        out[33] = f(33, SyntaxClusters.middle(c0))
        out[34] = f(34, SyntaxClusters.middle(cluster(i + 1)))
        out[35] = f(35, SyntaxClusters.middle(cluster(i - 1)))
        out[36] = f(36, t1, SyntaxClusters.middle(c0))
        // Past tense or participle: a clause's verb so far, a nearby "be"/"have"/"get",
        // and whether the words before are the sentence's first.
        let auxiliary: UInt64 = prev.auxiliary || prev2.auxiliary || word(i - 3).auxiliary ? 1 : 0
        out[37] = f(37, w.suffix2, t1, history.finiteSeen ? 1 : 0)
        out[38] = f(38, w.suffix2, auxiliary)
        out[39] = f(39, t1, t2, UInt64(min(i, 4)))
    }

    /// Adds the weight rows of `features` into `scores[0..<stride]`.
    @inline(__always)
    static func score(_ table: UnsafeBufferPointer<Float>, bits: Int, stride: Int, _ features: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Float>) {
        for k in 0..<stride { scores[k] = 0 }
        let shift = UInt64(64 - bits)
        for j in 0..<count {
            let row = table.baseAddress! + Int(truncatingIfNeeded: features[j] >> shift) &* stride
            for k in 0..<stride { scores[k] += row[k] }
        }
    }

    /// The tag class of every word, greedily left to right.
    public func tag(forms: [String]) -> [Int] {
        let words = SyntaxWord.words(forms)
        let amb = Self.ambiguity(words, model: model)
        return Self.tag(words, amb, SyntaxClusters.of(words, model: model), model.tagger, roles: roles)
    }

    static func tag(_ words: [SyntaxWord], _ amb: [UInt64], _ clusters: [UInt64], _ table: SyntaxWeights, roles: [UInt8]) -> [Int] {
        var result = [Int](repeating: 0, count: words.count)
        let stride = table.stride
        var features = [UInt64](repeating: 0, count: featureCount)
        var scores = [Float](repeating: 0, count: stride)
        words.withUnsafeBufferPointer { words in
            amb.withUnsafeBufferPointer { amb in
                clusters.withUnsafeBufferPointer { clusters in
                    table.values.withUnsafeBufferPointer { values in
                        features.withUnsafeMutableBufferPointer { features in
                            scores.withUnsafeMutableBufferPointer { scores in
                                var history = History()
                                for i in 0..<words.count {
                                    Self.features(words, amb, clusters, i, history, into: features.baseAddress!)
                                    Self.score(values, bits: table.bits, stride: stride, features.baseAddress!, featureCount, into: scores.baseAddress!)
                                    var best = 0
                                    for k in 1..<stride where scores[k] > scores[best] { best = k }
                                    result[i] = best
                                    history.push(best, roles: roles)
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
