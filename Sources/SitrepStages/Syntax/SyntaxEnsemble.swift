/// One tree from the trees that several parsers give a sentence (reparsing, Sagae and
/// Lavie 2006): each arc scores the summed weights of the parsers that chose it. Each
/// word takes its best-voted head; when those do not make a tree, Eisner's algorithm
/// finds the projective tree with one root word that scores most.
///
/// Parsers that read a sentence in opposite directions, or with and without a beam,
/// err in different places, so the arcs most of them agree on are right more often
/// than any one parser's tree. The model's own parser weighs a little more than each
/// voter (``mainWeight``), so it wins when all disagree.
enum SyntaxEnsemble {
    /// The weight of the model's own parser's arcs; each voter's weighs ``voterWeight``.
    static let mainWeight = 11
    static let voterWeight = 10
    /// Longer sentences (Eisner's search grows with the cube of the length) keep the
    /// model's own tree.
    static let wordLimit = 200

    /// The combined tree of `trees` (heads 0-based, -1 the root; label indices, 0 the
    /// root label), the first being the model's own parser's, weighed `weights`.
    ///
    /// Each word takes the label of the heaviest parser that chose its head; a head
    /// no parser chose (needed only to make a tree) takes the first tree's label, or a
    /// voter's if that one was the root label.
    static func combine(_ trees: [(heads: [Int], labels: [Int])], weights: [Int]) -> (heads: [Int], labels: [Int]) {
        precondition(trees.count == weights.count && !trees.isEmpty, "one weight per tree")
        let first = trees[0]
        let n = first.heads.count
        guard trees.count > 1, n > 1, n <= wordLimit,
              trees.dropFirst().contains(where: { $0.heads != first.heads }) else { return first }
        // Each word's best-voted head first: when those heads make a tree (one root
        // word, no cycle), as they nearly always do, it is the best tree there is, and
        // Eisner's search (cubic in the length) is not needed.
        var heads = [Int](repeating: -1, count: n)
        for d in 0..<n {
            var best = Int.min
            for candidate in trees {
                let head = candidate.heads[d]
                var votes = 0
                for (tree, weight) in zip(trees, weights) where tree.heads[d] == head { votes += weight }
                if votes > best { best = votes; heads[d] = head }
            }
        }
        if !isTree(heads) {
            // Node 0 is the root, word i is node i + 1.
            let size = n + 1
            var score = [Int](repeating: 0, count: size * size)    // score[head * size + dependent]
            for (tree, weight) in zip(trees, weights) {
                for d in 0..<n { score[(tree.heads[d] + 1) * size + d + 1] += weight }
            }
            heads = eisner(score, size)
        }
        var labels = [Int](repeating: 0, count: n)
        for d in 0..<n {
            let head = heads[d]
            guard head >= 0 else { continue }    // the root label, 0
            var best = -1
            for (tree, weight) in zip(trees, weights) where tree.heads[d] == head && weight > best {
                best = weight
                labels[d] = tree.labels[d]
            }
            if best < 0 { labels[d] = trees.lazy.map { $0.labels[d] }.first { $0 != 0 } ?? 1 }
        }
        return (heads, labels)
    }

    /// Whether `heads` (0-based, -1 the root) is a tree: one root word, and every word's
    /// chain of heads reaches it.
    static func isTree(_ heads: [Int]) -> Bool {
        guard heads.lazy.filter({ $0 < 0 }).count == 1 else { return false }
        // 0: not yet seen, 1: on the current chain, 2: known to reach the root.
        var state = [UInt8](repeating: 0, count: heads.count)
        for start in heads.indices where state[start] == 0 {
            var d = start
            while d >= 0 && state[d] == 0 { state[d] = 1; d = heads[d] }
            if d >= 0 && state[d] == 1 { return false }    // back on the chain: a cycle
            d = start
            while d >= 0 && state[d] == 1 { state[d] = 2; d = heads[d] }
        }
        return true
    }

    /// Eisner's algorithm over `size` nodes (node 0 the root) with one root word:
    /// heads of the words 0-based, -1 for the root word.
    static func eisner(_ score: [Int], _ size: Int) -> [Int] {
        let none = Int.min / 4
        // complete / incomplete spans [s, t], pointing left (head t) or right (head s).
        var completeLeft = [Int](repeating: 0, count: size * size), completeRight = completeLeft
        var incompleteLeft = [Int](repeating: none, count: size * size), incompleteRight = incompleteLeft
        var splitCL = [Int](repeating: 0, count: size * size), splitCR = splitCL, splitIL = splitCL, splitIR = splitCL
        for width in 1..<size {
            for s in 0..<(size - width) {
                let t = s + width, st = s * size + t
                // Incomplete spans: an arc between s and t over two complete halves. The
                // root (s == 0) takes one word only, over the empty span before it.
                var best = none, split = s
                for r in s..<t where s > 0 || r == 0 {
                    let v = completeRight[s * size + r] + completeLeft[(r + 1) * size + t]
                    if v > best { best = v; split = r }
                }
                if s > 0 { incompleteLeft[st] = best + score[t * size + s]; splitIL[st] = split }
                incompleteRight[st] = best + score[s * size + t]; splitIR[st] = split
                if s > 0 {
                    best = none; split = s
                    for r in s..<t {
                        let v = completeLeft[s * size + r] + incompleteLeft[r * size + t]
                        if v > best { best = v; split = r }
                    }
                    completeLeft[st] = best; splitCL[st] = split
                }
                best = none; split = s + 1
                for r in (s + 1)...t {
                    let v = incompleteRight[s * size + r] + completeRight[r * size + t]
                    if v > best { best = v; split = r }
                }
                completeRight[st] = best; splitCR[st] = split
            }
        }
        var heads = [Int](repeating: -1, count: size)
        // Backtrack with an explicit stack: (s, t, kind) with kind 0 complete-left,
        // 1 complete-right, 2 incomplete-left, 3 incomplete-right.
        var stack: [(Int, Int, Int)] = [(0, size - 1, 1)]
        while let (s, t, kind) = stack.popLast() {
            guard s < t else { continue }
            let st = s * size + t
            switch kind {
            case 0:
                let r = splitCL[st]
                stack.append((s, r, 0)); stack.append((r, t, 2))
            case 1:
                let r = splitCR[st]
                stack.append((s, r, 3)); stack.append((r, t, 1))
            case 2:
                heads[s] = t
                let r = splitIL[st]
                stack.append((s, r, 1)); stack.append((r + 1, t, 0))
            default:
                heads[t] = s
                let r = splitIR[st]
                stack.append((s, r, 1)); stack.append((r + 1, t, 0))
            }
        }
        return (1..<size).map { heads[$0] - 1 }
    }
}
