import Testing
@testable import SitrepStages

@Suite("Temporal-subject repair of the parse")
struct TemporalSubjectRepairTests {
    static let labels = ["root", "nsubj", "nsubj:pass", "compound", "amod", "det", "obj", "obl:unmarked", "punct", "aux:pass"]
    static let tags = FiniteVerbRepairTests.tags
    static let repair = TemporalSubjectRepair(labels: labels, upos: tags.map(\.0))

    /// The sentence's words and classes ("word/XPOS ..."), heads and label names; the repaired heads and labels.
    static func repaired(_ sentence: String, heads: [Int], labels: [String]) -> (heads: [Int], labels: [String]) {
        let (classes, words) = FiniteVerbRepairTests.tagged(sentence)
        var h = heads
        var l = labels.map { TemporalSubjectRepairTests.labels.firstIndex(of: $0)! }
        repair.repair(&h, &l, words: words, classes: classes)
        return (h, l.map { TemporalSubjectRepairTests.labels[$0] })
    }

    @Test func aSubjectReadAsACompoundOfTheTimeBecomesTheSubject() {
        // "Iran last month rejected the proposal ." with "Iran" a compound of "month", the verb's subject.
        let fixed = Self.repaired("Iran/NNP last/JJ month/NN rejected/VBD the/DT proposal/NN ./.",
                                  heads: [2, 2, 3, -1, 5, 3, 3], labels: ["compound", "amod", "nsubj", "root", "det", "obj", "punct"])
        #expect(fixed.heads == [3, 2, 3, -1, 5, 3, 3])
        #expect(fixed.labels == ["nsubj", "amod", "obl:unmarked", "root", "det", "obj", "punct"])
        // "Denmark last week announced a suspension ." with "week" already temporal.
        let temporal = Self.repaired("Denmark/NNP last/JJ week/NN announced/VBD a/DT suspension/NN ./.",
                                     heads: [2, 2, 3, -1, 5, 3, 3], labels: ["compound", "amod", "obl:unmarked", "root", "det", "obj", "punct"])
        #expect(temporal.heads == [3, 2, 3, -1, 5, 3, 3])
        #expect(temporal.labels == ["nsubj", "amod", "obl:unmarked", "root", "det", "obj", "punct"])
        // A passive keeps its passive subject: "Iran last week was attacked ."
        let passive = Self.repaired("Iran/NNP last/JJ week/NN was/VBD attacked/VBN ./.",
                                    heads: [2, 2, 4, 4, -1, 4], labels: ["compound", "amod", "nsubj:pass", "aux:pass", "root", "punct"])
        #expect(passive.heads == [4, 2, 4, 4, -1, 4])
        #expect(passive.labels == ["nsubj:pass", "amod", "obl:unmarked", "aux:pass", "root", "punct"])
    }

    @Test func aTrueCompoundOrAVerbWithItsOwnSubjectIsKept() {
        // "Iran trade last year rose .": "Iran" hangs on "trade", not on the time noun.
        let trade = Self.repaired("Iran/NNP trade/NN last/JJ year/NN rose/VBD ./.",
                                  heads: [1, 4, 3, 4, -1, 4], labels: ["compound", "nsubj", "amod", "obl:unmarked", "root", "punct"])
        #expect(trade.heads == [1, 4, 3, 4, -1, 4])
        // A verb with its own subject keeps it: "Iran last month officials rejected it ."
        let own = Self.repaired("Iran/NNP last/JJ month/NN officials/NNS rejected/VBD it/PRP ./.",
                                heads: [2, 2, 4, 4, -1, 4, 4], labels: ["compound", "amod", "obl:unmarked", "nsubj", "root", "obj", "punct"])
        #expect(own.heads == [2, 2, 4, 4, -1, 4, 4])
        #expect(own.labels == ["compound", "amod", "obl:unmarked", "nsubj", "root", "obj", "punct"])
        // A word other than last/next/this/that before the time noun: "Iran fiscal year ..." is a real compound.
        let fiscal = Self.repaired("Iran/NNP fiscal/JJ year/NN rejected/VBD it/PRP ./.",
                                   heads: [2, 2, 3, -1, 3, 3], labels: ["compound", "amod", "nsubj", "root", "obj", "punct"])
        #expect(fiscal.heads == [2, 2, 3, -1, 3, 3])
    }
}
