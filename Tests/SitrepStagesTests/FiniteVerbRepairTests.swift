import Testing
@testable import SitrepStages

@Suite("Finite-verb repair of the tagger's output")
struct FiniteVerbRepairTests {
    /// A tag set of one class per (UPOS, XPOS) pair, like a model's.
    static let tags: [(String, String)] = [("NOUN", "NN"), ("VERB", "VBN"), ("DET", "DT"), ("VERB", "VBD"), ("ADV", "RB"),
                                           ("ADP", "IN"), ("PROPN", "NNP"), ("VERB", "VBZ"), ("PUNCT", "."), ("ADJ", "JJ"),
                                           ("NOUN", "NNS"), ("PROPN", "NNPS"), ("NUM", "CD"), ("PUNCT", ","), ("VERB", "VBP"),
                                           ("VERB", "VB"), ("VERB", "VBG"), ("PART", "TO"), ("AUX", "MD"), ("PRON", "PRP")]
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

    @Test("an adjective after a modal, before a phrase, is a base form, finite verb or not", arguments: [
        // "Israel announced it would free 150 prisoners ."
        (["NNP", "VBD", "PRP", "MD", "JJ", "CD", "NNS", "."], ["NNP", "VBD", "PRP", "MD", "VB", "CD", "NNS", "."]),
        // "Turkey will open its borders ."
        (["NNP", "MD", "JJ", "PRP", "NNS", "."], ["NNP", "MD", "VB", "PRP", "NNS", "."]),
        // kept: "It would be free ." and "They will further ..." have no adjective after the modal before a phrase.
        (["PRP", "MD", "VB", "JJ", "."], ["PRP", "MD", "VB", "JJ", "."]),
        (["PRP", "MD", "JJ", "."], ["PRP", "MD", "JJ", "."]),
    ])
    func modalAdjective(before: [String], after: [String]) {
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

    /// Tag classes and words of a sentence written "word/TAG word/TAG ...".
    static func tagged(_ sentence: String) -> (classes: [Int], words: [SyntaxWord]) {
        let pairs = sentence.split(separator: " ").map { item -> (String, String) in
            let parts = item.split(separator: "/")
            return (String(parts[0]), String(parts[1]))
        }
        return (classes(pairs.map { $0.1 }), SyntaxWord.words(pairs.map { $0.0 }))
    }

    @Test("in the clause before a reporting tail, a misread past or present tense becomes finite", arguments: [
        ("Irish/JJ guerrillas/NNS wounded/JJ two/CD British/JJ soldiers/NNS ,/, police/NNS said/VBD ./.",
         "Irish/JJ guerrillas/NNS wounded/VBD two/CD British/JJ soldiers/NNS ,/, police/NNS said/VBD ./."),
        ("The/DT Palestinians/NNPS reject/VB proposed/VBN Israeli/JJ changes/NNS ,/, Erakat/NNP said/VBD ./.",
         "The/DT Palestinians/NNPS reject/VBP proposed/VBN Israeli/JJ changes/NNS ,/, Erakat/NNP said/VBD ./."),
        ("They/PRP reject/VB the/DT plan/NN ,/, officials/NNS told/VBD reporters/NNS ./.",
         "They/PRP reject/VBP the/DT plan/NN ,/, officials/NNS told/VBD reporters/NNS ./."),
        ("Rebels/NNS seized/VBN the/DT town/NN ,/, the/DT army/NN said/VBD ./.",
         "Rebels/NNS seized/VBD the/DT town/NN ,/, the/DT army/NN said/VBD ./."),
    ])
    func leadingClauseRepaired(before: String, after: String) {
        var (c, words) = FiniteVerbRepairTests.tagged(before)
        FiniteVerbRepairTests.repair.repair(&c, words: words)
        #expect(c == FiniteVerbRepairTests.tagged(after).classes)
    }

    @Test("a common noun right after a subject pronoun is a finite verb; after an object \"it\" it stays a noun", arguments: [
        ("Ukraine/NNP said/VBD it/PRP shot/NN down/RB drones/NNS ./.", "Ukraine/NNP said/VBD it/PRP shot/VBD down/RB drones/NNS ./."),
        ("He/PRP plans/NNS a/DT visit/NN ./.", "He/PRP plans/VBZ a/DT visit/NN ./."),
        ("I/PRP do/VBP n't/RB think/VB they/PRP ban/NN it/PRP ./.", "I/PRP do/VBP n't/RB think/VB they/PRP ban/VBP it/PRP ./."),
        ("They/PRP gave/VBD it/PRP time/NN ./.", "They/PRP gave/VBD it/PRP time/NN ./."),
    ])
    func pronounBeforeNoun(before: String, after: String) {
        var (c, words) = FiniteVerbRepairTests.tagged(before)
        FiniteVerbRepairTests.repair.repair(&c, words: words)
        #expect(c == FiniteVerbRepairTests.tagged(after).classes)
    }

    @Test("a leading clause is kept when a finite verb after it is no reporting verb, or its base form is an infinitive", arguments: [
        // A reduced relative: "were" is the sentence's own verb.
        "Three/CD people/NNS killed/VBN in/IN the/DT blast/NN ,/, including/VBG two/CD children/NNS ,/, were/VBD buried/VBN ./.",
        "The/DT rebels/NNS want/VBP to/TO reject/VB the/DT plan/NN ,/, he/PRP said/VBD ./.",
        "Officials/NNS to/TO reject/VB the/DT plan/NN ,/, he/PRP said/VBD ./.",
        // A participle in a phrase that opens with a preposition, or before "by", modifies its noun.
        "In/IN a/DT report/NN published/VBN on/IN Wednesday/NNP ,/, the/DT bank/NN said/VBD ./.",
        "A/DT book/NN published/VBN by/IN Sands/NNP ,/, a/DT lawyer/NN ,/, says/VBZ so/RB ./.",
        // "warned" after the comma is the sentence's own verb, not a reporting tail.
        "With/IN the/DT election/NN predicted/VBN for/IN May/NNP ,/, MPs/NNS warned/VBD Blair/NNP ./.",
        // An "-ed" adjective before a preposition stays one ("concerned about").
        "Officials/NNS concerned/JJ about/IN the/DT vote/NN ,/, he/PRP said/VBD ./.",
        // A singular noun before a base form: no plural subject.
        "The/DT court/NN reject/VB the/DT plan/NN ,/, he/PRP said/VBD ./.",
        // A sentence that opens with its comma has no leading clause (this once crashed).
        ",/, police/NNS said/VBD ./.",
        "Rebels/NNS ,/, police/NNS said/VBD ./.",
    ])
    func leadingClauseKept(sentence: String) {
        var (c, words) = FiniteVerbRepairTests.tagged(sentence)
        FiniteVerbRepairTests.repair.repair(&c, words: words)
        #expect(c == FiniteVerbRepairTests.tagged(sentence).classes)
    }

    @Test("without the words, only sentences with no finite verb at all are repaired")
    func leadingClauseNeedsWords() {
        var c = FiniteVerbRepairTests.tagged("Rebels/NNS seized/VBN the/DT town/NN ,/, the/DT army/NN said/VBD ./.").classes
        let before = c
        FiniteVerbRepairTests.repair.repair(&c)
        #expect(c == before)
    }
}
