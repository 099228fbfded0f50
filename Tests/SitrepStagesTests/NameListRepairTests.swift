import Testing
@testable import SitrepStages

@Suite("Name-list repair of the parse")
struct NameListRepairTests {
    static let labels = ["root", "nsubj", "obj", "obl", "obl:unmarked", "compound", "amod", "det", "conj", "cc", "punct", "acl", "nmod", "case"]
    static let tags = FiniteVerbRepairTests.tags + [("CCONJ", "CC")]
    static let repair = NameListRepair(labels: labels, upos: tags.map(\.0))

    /// The repaired heads and labels of a sentence ("word/XPOS ...") parsed with `heads` and `labels`.
    static func repaired(_ sentence: String, heads: [Int], labels: [String], names: [Bool]? = nil) -> (heads: [Int], labels: [String]) {
        let pairs = sentence.split(separator: " ").map { $0.split(separator: "/").map(String.init) }
        let classes = pairs.map { pair in tags.firstIndex { $0.1 == pair[1] }! }
        let words = SyntaxWord.words(pairs.map { $0[0] })
        var h = heads
        var l = labels.map { Self.labels.firstIndex(of: $0)! }
        repair.repair(&h, &l, words: words, classes: classes, names: names)
        return (h, l.map { Self.labels[$0] })
    }

    static let condemned = "The/DT United/JJ States/NNP ,/, Britain/NNP and/CC France/NNP condemned/VBD the/DT attack/NN ./."
    /// The parse the committed model gives it: "States" an oblique, "Britain" the subject, "France" its conjunct.
    static let condemnedHeads = [2, 2, 7, 2, 7, 6, 4, -1, 9, 7, 7]
    static let condemnedLabels = ["det", "amod", "obl", "punct", "nsubj", "cc", "conj", "root", "det", "obj", "punct"]

    @Test func aBrokenListOfNamesBecomesOneSubject() {
        // The list keeps the subject relation that one of its names had.
        let fixed = Self.repaired(Self.condemned, heads: Self.condemnedHeads, labels: Self.condemnedLabels)
        #expect(fixed.heads == [2, 2, 7, 4, 2, 6, 2, -1, 9, 7, 7])
        #expect(fixed.labels == ["det", "amod", "nsubj", "punct", "conj", "cc", "conj", "root", "det", "obj", "punct"])
        // With the named entity known, "The United States" is one name: the same tree.
        let named = Self.repaired(Self.condemned, heads: Self.condemnedHeads, labels: Self.condemnedLabels,
                                  names: [false, true, true, false, true, false, true, false, false, false, false])
        #expect(named.heads == fixed.heads && named.labels == fixed.labels)
    }

    @Test func aCompoundAndASecondSubjectBecomeConjuncts() {
        // "The US , Russia , and Switzerland met yesterday": "Russia" a compound of "US", "Switzerland" a second subject.
        let fixed = Self.repaired("The/DT US/NNP ,/, Russia/NNP ,/, and/CC Switzerland/NNP met/VBD yesterday/NN",
                                  heads: [1, 7, 3, 1, 7, 7, 7, -1, 7],
                                  labels: ["det", "nsubj", "punct", "compound", "punct", "cc", "nsubj", "root", "obl:unmarked"])
        #expect(fixed.heads == [1, 7, 3, 1, 6, 6, 1, -1, 7])
        #expect(fixed.labels == ["det", "nsubj", "punct", "conj", "punct", "cc", "conj", "root", "obl:unmarked"])
    }

    @Test func twoNamesOrAnOpenListAreLeftAsParsed() {
        // "Israel and Hamas": two names, which the parser gets right on its own.
        let pair = "Israel/NNP and/CC Hamas/NNP agreed/VBD to/TO talks/NNS ./."
        let pairHeads = [3, 2, 0, -1, 5, 3, 3], pairLabels = ["nsubj", "cc", "conj", "root", "det", "obl", "punct"]
        #expect(Self.repaired(pair, heads: pairHeads, labels: pairLabels) == (pairHeads, pairLabels))
        // "Paris , London , Berlin": no conjunction closes the list.
        let open = "Paris/NNP ,/, London/NNP ,/, Berlin/NNP voted/VBD ./."
        let openHeads = [5, 2, 0, 4, 5, -1, 5], openLabels = ["nsubj", "punct", "compound", "punct", "nsubj", "root", "punct"]
        #expect(Self.repaired(open, heads: openHeads, labels: openLabels) == (openHeads, openLabels))
    }

    @Test func aRepairThatWouldMakeACycleIsUndone() {
        // The verb hangs on the last name: giving the list the first name's relation would loop.
        let sentence = "Aa/NNP ,/, Bb/NNP and/CC Cc/NNP said/VBD ./."
        let heads = [5, 0, 0, 4, -1, 4, 4], labels = ["nsubj", "punct", "conj", "cc", "root", "acl", "punct"]
        #expect(Self.repaired(sentence, heads: heads, labels: labels) == (heads, labels))
        #expect(NameListRepair.isTree([1, -1, 1]) && !NameListRepair.isTree([1, 0, -1]))
    }
}

extension NameListRepairTests {
    @Test func namesInsideATitleAreLeftAsParsed() {
        // "Culture , Media and Sport Secretary Tessa Jowell said": the first names hang inside the last.
        let sentence = "Culture/NNP ,/, Media/NNP and/CC Sport/NNP Secretary/NNP Tessa/NNP Jowell/NNP said/VBD ./."
        let heads = [5, 2, 0, 4, 0, 7, 7, 8, -1, 8]
        let labels = ["compound", "punct", "conj", "cc", "conj", "compound", "compound", "nsubj", "root", "punct"]
        #expect(Self.repaired(sentence, heads: heads, labels: labels) == (heads, labels))
    }
}

extension NameListRepairTests {
    @Test func aListAfterAPrepositionKeepsThePrepositionsRelation() {
        // "Officials at the ports of Tokyo , Osaka and Kobe barred imports": "Kobe" misread as the subject.
        let sentence = "Officials/NNS at/IN the/DT ports/NNS of/IN Tokyo/NNP ,/, Osaka/NNP and/CC Kobe/NNP barred/VBD imports/NNS ./."
        let fixed = Self.repaired(sentence, heads: [10, 3, 3, 0, 5, 3, 7, 5, 9, 10, -1, 10, 10],
                                  labels: ["nsubj", "case", "det", "nmod", "case", "nmod", "punct", "conj", "cc", "nsubj", "root", "obj", "punct"])
        #expect(fixed.heads == [10, 3, 3, 0, 5, 3, 7, 5, 9, 5, -1, 10, 10])
        #expect(fixed.labels == ["nsubj", "case", "det", "nmod", "case", "nmod", "punct", "conj", "cc", "conj", "root", "obj", "punct"])
    }
}
