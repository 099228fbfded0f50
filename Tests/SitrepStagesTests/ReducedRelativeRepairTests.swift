import Testing
@testable import SitrepStages

@Suite("Reduced-relative repair of the parse")
struct ReducedRelativeRepairTests {
    static let labels = ["root", "nsubj", "nsubj:pass", "advcl", "acl", "aux:pass", "case", "det", "obl", "punct", "mark", "obj"]
    static let tags = FiniteVerbRepairTests.tags
    static let repair = ReducedRelativeRepair(labels: labels, upos: tags.map(\.0), xpos: tags.map(\.1))

    /// The sentence's words and classes ("word/XPOS ..."), heads and label names; the repaired heads and labels.
    static func repaired(_ sentence: String, heads: [Int], labels: [String]) -> (heads: [Int], labels: [String]) {
        let (classes, _) = FiniteVerbRepairTests.tagged(sentence)
        var h = heads
        var l = labels.map { ReducedRelativeRepairTests.labels.firstIndex(of: $0)! }
        repair.repair(&h, &l, classes: classes)
        return (h, l.map { ReducedRelativeRepairTests.labels[$0] })
    }

    @Test func aNounAndItsParticipleReadAsAClauseBecomeTheVerbsSubject() {
        // "Troops deployed in the region were attacked ." with "Troops" the subject of an
        // adverbial clause "deployed ...", and "attacked" left without one.
        let fixed = Self.repaired("Troops/NNS deployed/VBN in/IN the/DT region/NN were/VBD attacked/VBN ./.",
                                  heads: [1, 6, 4, 4, 1, 6, -1, 6],
                                  labels: ["nsubj", "advcl", "case", "det", "obl", "aux:pass", "root", "punct"])
        #expect(fixed.heads == [6, 0, 4, 4, 1, 6, -1, 6])
        #expect(fixed.labels == ["nsubj:pass", "acl", "case", "det", "obl", "aux:pass", "root", "punct"])
        // An active verb takes an active subject: "Rebels armed by Iran attacked Kabul ."
        let active = Self.repaired("Rebels/NNS armed/VBN by/IN Iran/NNP attacked/VBD Kabul/NNP ./.",
                                   heads: [1, 4, 3, 1, -1, 4, 4], labels: ["nsubj", "advcl", "case", "obl", "root", "obj", "punct"])
        #expect(active.heads == [4, 0, 3, 1, -1, 4, 4])
        #expect(active.labels == ["nsubj", "acl", "case", "obl", "root", "obj", "punct"])
    }

    @Test func aRealClauseOrAVerbWithItsOwnSubjectIsKept() {
        // "Troops deployed , rebels attacked ." : the verb has its own subject.
        let own = Self.repaired("Troops/NNS deployed/VBN ,/, rebels/NNS attacked/VBD ./.",
                                heads: [1, 4, 1, 4, -1, 4], labels: ["nsubj", "advcl", "punct", "nsubj", "root", "punct"])
        #expect(own.heads == [1, 4, 1, 4, -1, 4])
        // "Once troops deployed the town was attacked ." : a subordinating word makes it a clause.
        let marked = Self.repaired("Once/IN troops/NNS deployed/VBN the/DT town/NN was/VBD attacked/VBN ./.",
                                   heads: [2, 2, 6, 4, 6, 6, -1, 6],
                                   labels: ["mark", "nsubj", "advcl", "det", "nsubj:pass", "aux:pass", "root", "punct"])
        #expect(marked.heads == [2, 2, 6, 4, 6, 6, -1, 6])
        // A participle whose comma closes it: "Troops deployed , was attacked ." stays.
        let closed = Self.repaired("Troops/NNS deployed/VBN ,/, was/VBD attacked/VBN ./.",
                                   heads: [1, 4, 1, 4, -1, 4], labels: ["nsubj", "advcl", "punct", "aux:pass", "root", "punct"])
        #expect(closed.heads == [1, 4, 1, 4, -1, 4])
        #expect(closed.labels == ["nsubj", "advcl", "punct", "aux:pass", "root", "punct"])
    }
}
