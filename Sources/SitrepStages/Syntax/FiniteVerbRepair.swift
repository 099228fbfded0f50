/// A repair of the tagger's output for sentences it leaves without a finite verb.
///
/// The tagger reads a simple past after its subject as a participle when the
/// two forms are one word ("Iraq's national security advisor met with ...",
/// "Young Algerians blocked roads ..."), and the parser then hangs the verb
/// on the noun as a modifier: the sentence loses its subject, verb and object,
/// and the event coder its event. A sentence of news with a subject and a
/// participle but no finite verb at all is almost always that misreading, so
/// the first such participle becomes a past tense (`VERB`/`VBD`) before parsing.
struct FiniteVerbRepair: Sendable {
    private enum Kind: UInt8 { case other, finite, participle, nominal, adverb, opensPhrase }
    private let kinds: [Kind]
    private let pastTense: Int?

    init(upos: [String], xpos: [String]) {
        pastTense = upos.indices.first { upos[$0] == "VERB" && xpos[$0] == "VBD" }
        kinds = zip(upos, xpos).map { u, x in
            switch x {
            case "VBD", "VBZ", "VBP", "MD": .finite
            case "VBN" where u == "VERB": .participle
            case "NN", "NNS", "NNP", "NNPS", "PRP": .nominal
            case "RB": .adverb
            case "DT", "IN", "JJ", "CD", "PRP$", "TO": .opensPhrase
            default: .other
            }
        }
    }

    /// Retags, in a sentence with no finite verb, its first participle when a
    /// noun or pronoun stands before it (adverbs between: "agents sexually
    /// abused") and a determiner, preposition, adjective, number, noun or
    /// adverb after it.
    func repair(_ classes: inout [Int]) {
        guard let pastTense, classes.count >= 3 else { return }
        func kind(_ i: Int) -> Kind { classes[i] < kinds.count ? kinds[classes[i]] : .other }
        guard !classes.indices.contains(where: { kind($0) == .finite }),
              let i = classes.indices.first(where: { kind($0) == .participle }), i > 0, i + 1 < classes.count else { return }
        var before = i - 1
        while before > 0 && kind(before) == .adverb { before -= 1 }
        let next = kind(i + 1)
        if kind(before) == .nominal && (next == .opensPhrase || next == .nominal || next == .adverb) { classes[i] = pastTense }
    }

}
