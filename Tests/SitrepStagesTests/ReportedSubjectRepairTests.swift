import Testing
@testable import SitrepStages

@Suite("Reported-subject repair of the parse")
struct ReportedSubjectRepairTests {
    static let labels = ["root", "nsubj", "nsubj:pass", "ccomp", "aux", "obj", "punct", "obl"]
    static let repair = ReportedSubjectRepair(labels: labels)

    static func repaired(heads: [Int], labels: [String]) -> [Int] {
        var h = heads
        var l = labels.map { ReportedSubjectRepairTests.labels.firstIndex(of: $0)! }
        repair.repair(&h, &l)
        #expect(l == labels.map { ReportedSubjectRepairTests.labels.firstIndex(of: $0)! }, "no label changes")
        return h
    }

    @Test func aSecondSubjectOfTheSayingVerbBecomesItsComplementsSubject() {
        // "Russia says Israel must end attacks ." with "Israel" a second subject of "says".
        #expect(Self.repaired(heads: [1, -1, 1, 4, 1, 4, 1], labels: ["nsubj", "root", "nsubj", "aux", "ccomp", "obj", "punct"])
                == [1, -1, 4, 4, 1, 4, 1])
    }

    @Test func anObjectBeforeTheComplementsAuxiliaryBecomesItsSubject() {
        // "Israel announced it would free prisoners ." with "it" the object of "announced".
        var h = [1, -1, 1, 4, 1, 4, 1]
        var l = ["nsubj", "root", "obj", "aux", "ccomp", "obj", "punct"].map { Self.labels.firstIndex(of: $0)! }
        Self.repair.repair(&h, &l)
        #expect(h == [1, -1, 4, 4, 1, 4, 1])
        #expect(l.map { Self.labels[$0] } == ["nsubj", "root", "nsubj", "aux", "ccomp", "obj", "punct"])
        // A complement with a subject of its own keeps it, and the object stays.
        var own = [1, -1, 1, 5, 5, 1, 1]
        var ownLabels = ["nsubj", "root", "obj", "nsubj", "aux", "ccomp", "punct"].map { Self.labels.firstIndex(of: $0)! }
        Self.repair.repair(&own, &ownLabels)
        #expect(own == [1, -1, 1, 5, 5, 1, 1])
        // "They told him would ..." shapes aside, an object not right before the auxiliary stays:
        // "Israel announced it on Monday would ..." is not touched.
        var apart = [1, -1, 1, 1, 5, 1]
        var apartLabels = ["nsubj", "root", "obj", "obl", "aux", "ccomp"].map { Self.labels.firstIndex(of: $0)! }
        Self.repair.repair(&apart, &apartLabels)
        #expect(apart == [1, -1, 1, 1, 5, 1])
    }

    @Test func otherShapesAreKept() {
        // The complement has a subject of its own: "Russia says Israel , he said , must ..." is left alone.
        let own = [1, -1, 1, 4, 1, 4, 1]
        #expect(Self.repaired(heads: own, labels: ["nsubj", "root", "nsubj", "nsubj", "ccomp", "obj", "punct"]) == own)
        // An inverted reporting tail: "Israel must end attacks , said Mr Smith ." (complement before the verb).
        let tail = [2, 2, 6, 2, 2, 6, -1, 6, 6]
        #expect(Self.repaired(heads: tail, labels: ["nsubj", "aux", "ccomp", "obj", "punct", "punct", "root", "nsubj", "punct"]) == tail)
        // No subject before the verb: "Says Israel must end attacks ." stays as parsed.
        let headline = [-1, 0, 3, 0, 3, 0]
        #expect(Self.repaired(heads: headline, labels: ["root", "nsubj", "aux", "ccomp", "obj", "punct"]) == headline)
    }
}
