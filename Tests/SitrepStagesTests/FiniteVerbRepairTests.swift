import Testing
@testable import SitrepStages

@Suite("Finite-verb repair of the tagger's output")
struct FiniteVerbRepairTests {
    /// A tag set of one class per (UPOS, XPOS) pair, like a model's.
    static let tags: [(String, String)] = [("NOUN", "NN"), ("VERB", "VBN"), ("DET", "DT"), ("VERB", "VBD"), ("ADV", "RB"),
                                           ("ADP", "IN"), ("PROPN", "NNP"), ("VERB", "VBZ"), ("PUNCT", "."), ("ADJ", "JJ")]
    static let repair = FiniteVerbRepair(upos: tags.map(\.0), xpos: tags.map(\.1))

    /// Tag classes of XPOS tags.
    static func classes(_ xpos: [String]) -> [Int] { xpos.map { x in tags.firstIndex { $0.1 == x }! } }

    @Test("a participle after the subject of a sentence with no finite verb becomes a past tense", arguments: [
        (["NNP", "NN", "VBN", "IN", "NNP", "."], ["NNP", "NN", "VBD", "IN", "NNP", "."]),   // "Iraq's advisor met with Assad."
        (["JJ", "NN", "RB", "VBN", "JJ", "NN", "."], ["JJ", "NN", "RB", "VBD", "JJ", "NN", "."]),   // "agents sexually abused illegal immigrants"
    ])
    func repaired(before: [String], after: [String]) {
        var c = FiniteVerbRepairTests.classes(before)
        FiniteVerbRepairTests.repair.repair(&c)
        #expect(c == FiniteVerbRepairTests.classes(after))
    }

    @Test("sentences with a finite verb, or whose participle has no subject before it, are kept", arguments: [
        ["NN", "VBZ", "VBN", "IN", "NNP", "."],   // "The advisor is met with ..."
        ["VBN", "IN", "NNP", "NN", "."],          // "Attached in Paris ..."
        ["DT", "VBN", "NN", "."],                 // "The wounded soldier."
        ["NN", "VBN", "."],                       // nothing after the participle
    ])
    func kept(xpos: [String]) {
        var c = FiniteVerbRepairTests.classes(xpos)
        FiniteVerbRepairTests.repair.repair(&c)
        #expect(c == FiniteVerbRepairTests.classes(xpos))
    }
}
