import Foundation
import Testing
@testable import SitrepStages

@Suite("Syntax ensemble: voters and reparsing")
struct SyntaxEnsembleTests {
    /// Whether two arcs of `heads` (0-based, -1 the root) cross.
    static func isProjective(_ heads: [Int]) -> Bool {
        let arcs = heads.indices.map { d in heads[d] < 0 ? (-1, d) : (min(d, heads[d]), max(d, heads[d])) }
        for (a, b) in arcs {
            for (c, e) in arcs where a < c && c < b && b < e { return false }
        }
        return true
    }

    @Test("the arc most parsers chose wins over the model's own, with its label")
    func majority() {
        // "rebels struck town": the main parser hangs "town" on "rebels", both voters on "struck".
        let main = (heads: [1, -1, 0], labels: [2, 0, 5])
        let left = (heads: [1, -1, 1], labels: [2, 0, 3])
        let right = (heads: [1, -1, 1], labels: [4, 0, 6])
        let combined = SyntaxEnsemble.combine([main, left, right], weights: [11, 10, 10])
        #expect(combined.heads == [1, -1, 1])
        // "rebels" keeps the main parser's label (all agree on its head); "town" the first voter's.
        #expect(combined.labels == [2, 0, 3])
    }

    @Test("when all disagree, the model's own tree stands; when all agree, it is returned as it is")
    func ties() {
        let main = (heads: [1, -1, 1, 2], labels: [2, 0, 3, 4])
        let a = (heads: [1, -1, 0, 1], labels: [2, 0, 3, 4])
        let b = (heads: [1, -1, 3, 0], labels: [2, 0, 3, 4])
        #expect(SyntaxEnsemble.combine([main, a, b], weights: [11, 10, 10]).heads == main.heads)
        let same = SyntaxEnsemble.combine([main, main, main], weights: [11, 10, 10])
        #expect(same.heads == main.heads && same.labels == main.labels)
    }

    @Test("the combined tree has one root word and no crossing arcs, whatever the votes")
    func wellFormed() {
        // Two roots voted; a crossing pair of arcs voted by the voters.
        let main = (heads: [-1, 0, 1, 2, 3], labels: [0, 1, 1, 1, 1])
        let a = (heads: [2, -1, 4, 1, 1], labels: [1, 0, 1, 1, 1])
        let b = (heads: [2, 3, -1, 0, 2], labels: [1, 1, 0, 1, 1])
        let combined = SyntaxEnsemble.combine([main, a, b], weights: [11, 10, 10])
        #expect(combined.heads.filter { $0 == -1 }.count == 1)
        #expect(SyntaxEnsembleTests.isProjective(combined.heads))
        for (d, head) in combined.heads.enumerated() {
            #expect(head != d)
            #expect((combined.labels[d] == 0) == (head == -1), "the root label goes to the root word only")
        }
    }

    @Test("Eisner's search finds the best projective tree with one root word")
    func eisner() {
        // Nodes: 0 root, words 1...3. Best arcs: root -> 2, 2 -> 1, 2 -> 3; a stronger
        // root -> 3 would make two root words.
        let size = 4
        var score = [Int](repeating: 0, count: size * size)
        score[0 * size + 2] = 5; score[2 * size + 1] = 5; score[2 * size + 3] = 5; score[0 * size + 3] = 7
        #expect(SyntaxEnsemble.eisner(score, size) == [1, -1, 1])
    }

    @Test("a sentence read right to left keeps its root and mirrors every arc")
    func reversedExample() {
        let example = SyntaxTrainer.Example(words: SyntaxWord.words(["a", "b", "c"]), lower: [1, 2, 3], clusters: [0, 0, 0],
                                            classes: [4, 5, 6], heads: [1, 3, 1], labels: [2, 0, 3])
        let reversed = example.reversed()
        #expect(reversed.lower == [3, 2, 1])
        #expect(reversed.heads == [1, 3, 1])      // c <- b, b the root, a <- b
        #expect(reversed.labels == [3, 0, 2])
        #expect(reversed.reversed().heads == example.heads)
    }

    @Test("voters train, travel in the model file and parse the tiny treebank")
    func voters() throws {
        var settings = SyntaxFixtures.settings
        settings.voters = [SyntaxTrainer.Voter(beam: 1, members: 1, rightToLeft: true), SyntaxTrainer.Voter(beam: 2, members: 1, rightToLeft: false)]
        let model = SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings)
        #expect(model.voters.count == 2)
        #expect(model.voters[0].rightToLeft && !model.voters[1].rightToLeft)
        #expect(model.voters[1].beam == 2)
        let loaded = try SyntaxModel(data: model.data())
        #expect(loaded == model)
        // The model's own parser is trained as without voters.
        let single = SyntaxFixtures.model
        #expect(loaded.actions == single.actions && loaded.tagger == single.tagger)
        let accuracy = SyntaxFixtures.accuracy(SyntaxAnnotator(model: loaded))
        #expect(accuracy.oneRootEach)
        #expect(accuracy.heads >= 0.9)
    }

    @Test("a model without voters is written as format 3, and a format 4 file with none reads the same")
    func formatThree() throws {
        var bytes = [UInt8](SyntaxFixtures.model.data())
        #expect(bytes[4] == 3)
        bytes[4] = 4
        bytes += [0, 0, 0, 0]    // no voters
        let loaded = try SyntaxModel(data: Data(bytes))
        #expect(loaded == SyntaxFixtures.model)
    }
}
