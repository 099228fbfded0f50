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
