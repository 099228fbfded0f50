import Testing
@testable import SitrepStages

@Suite("Arc-hybrid transitions and oracle")
struct SyntaxTransitionTests {
    /// Follows the zero-cost transitions from the empty configuration.
    static func oracleParse(_ gold: [Int]) -> [Int] {
        let n = gold.count
        let goldRoot = gold.map { $0 < 0 ? n : $0 }
        var c = SyntaxConfiguration(count: n)
        var steps = 0
        while !c.isTerminal {
            let transition = SyntaxTransition.allCases.first { c.isValid($0) && c.cost($0, gold: goldRoot) == 0 }
            guard let transition else { return [] }
            c.apply(transition, label: 1)
            steps += 1
            if steps > 2 * n + 2 { return [] }
        }
        return (0..<n).map { c.head($0) == n ? -1 : c.head($0) }
    }

    @Test("the zero-cost oracle rebuilds projective gold trees", arguments: [
        [-1],
        [1, -1],
        [-1, 0, 0],
        [1, -1, 3, 1, 1],
        [1, 2, -1, 5, 5, 2, 7, 2, 2],
        [3, 3, 3, -1, 5, 3, 3],
        [-1, 0, 1, 2, 3, 4],
        [5, 5, 5, 5, 5, -1],
    ])
    func oracleReproducesGold(heads: [Int]) {
        #expect(Self.oracleParse(heads) == heads)
    }

    @Test("the fixture treebank's trees are rebuilt by the oracle")
    func oracleOnFixture() {
        for sent in SyntaxFixtures.sentences {
            #expect(Self.oracleParse(sent.heads) == sent.heads, "sentence \(sent.comments)")
        }
    }

    @Test("a wrong transition costs what it loses")
    func costs() {
        // Gold: 0 <- 1 (root). Shifting 0 loses nothing; right-arc onto the root is invalid
        // while the buffer is not empty; shifting 1 on top of 0 loses both gold arcs
        // (0 can no longer take 1 as head, and 1 can only attach to 0).
        var c = SyntaxConfiguration(count: 2)
        let gold = [1, 2]
        #expect(c.cost(.shift, gold: gold) == 0)
        c.apply(.shift, label: 0)
        #expect(!c.isValid(.right))
        #expect(c.cost(.left, gold: gold) == 0)
        #expect(c.cost(.shift, gold: gold) == 2)
        #expect(c.cost(.right, gold: gold) == 0 || !c.isValid(.right))
    }

    @Test("every parse is a tree with one root", arguments: [1, 2, 5, 17])
    func singleRoot(length: Int) {
        let model = SyntaxFixtures.model
        let forms = (0..<length).map { ["the", "army", "struck", "Ruritania", "."][$0 % 5] }
        let words = SyntaxWord.words(forms)
        let (heads, _) = SyntaxParser(model: model).parse(words: words.map(\.lower), clusters: SyntaxClusters.of(words, model: model), tags: SyntaxTagger(model: model).tag(forms: forms))
        #expect(heads.count == length)
        #expect(heads.filter { $0 == -1 }.count == 1)
        for (index, head) in heads.enumerated() {
            #expect(head != index)
            #expect(head >= -1 && head < length)
            // No cycles: walking up reaches the root.
            var node = index, steps = 0
            while node != -1 && steps <= length { node = heads[node]; steps += 1 }
            #expect(node == -1)
        }
    }
}
