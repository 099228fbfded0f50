/// A repair of the tagger's output for clauses it leaves without a finite verb.
///
/// The tagger reads a simple past after its subject as a participle when the
/// two forms are one word ("Iraq's national security advisor met with ...",
/// "Young Algerians blocked roads ..."), and the parser then hangs the verb
/// on the noun as a modifier: the sentence loses its subject, verb and object,
/// and the event coder its event. A sentence of news with a subject and a
/// participle but no finite verb at all is almost always that misreading, so
/// the first such participle becomes a past tense (`VERB`/`VBD`) before parsing.
///
/// News puts most of its acts in a clause that a reporting tail follows
/// ("Irish guerrillas wounded two British soldiers ..., police said"), so the
/// same holds for the stretch before a sentence's first comma when the only
/// finite verbs after it are reporting verbs. There the tagger also reads
/// "wounded" as an adjective and a present tense after a plural subject as a
/// base form ("The Palestinians reject proposed changes ..."): an `-ed`
/// adjective becomes a past tense, and a base form after a plural noun or
/// "they", "we", "I", "you" a present tense (`VBP`).
///
/// After a modal the tagger reads a verb that is also an adjective as the
/// adjective ("Israel announced it would free 150 prisoners", "will open its
/// borders"): a modal right before an adjective that a determiner, number,
/// pronoun or noun follows is a base form (`VERB`/`VB`), in any sentence.
/// And a subject pronoun is never followed by a common noun: "Ukraine said it
/// shot down 20 drones" has "shot" a noun after "it". There the noun becomes a
/// finite verb: a present tense after "he", "she" or "it" when it ends in "s"
/// (`VBZ`), after "they", "we" or "I" when it does not end in "ed" (`VBP`),
/// else a past tense (`VBD`); "it", an object too ("gave it time"), only
/// where a clause opens (after a reporting verb, "that", a conjunction or a comma).
struct FiniteVerbRepair: Sendable {
    private enum Kind: UInt8 { case other, finite, modal, participle, adjective, base, nominal, pluralNominal, adverb, opensPhrase, preposition, to, comma }
    private let kinds: [Kind]
    private let pastTense: Int?
    private let presentTense: Int?
    private let baseForm: Int?
    private let thirdPerson: Int?
    private let commonNoun: Set<Int>

    /// ``SyntaxWord/lower`` of the verbs of a reporting tail.
    private static let reportingForms = Set(["said", "says", "told", "tells", "reported", "reports", "added", "adds",
                                             "stated", "noted"].map(SyntaxWord.lowerKey))
    /// ``SyntaxWord/lower`` of the pronouns a present tense follows as its base form.
    private static let pluralPronouns = Set(["they", "we", "i", "you"].map(SyntaxWord.lowerKey))
    /// ``SyntaxWord/lower`` of the subject pronouns, singular and plural.
    private static let singularSubjects = Set(["he", "she", "it"].map(SyntaxWord.lowerKey))
    private static let itForm = SyntaxWord.lowerKey("it")
    /// ``SyntaxWord/lower`` of the words after which "it" opens a clause, as a subject.
    private static let clauseOpeners = reportingForms.union(["that", "and", "but", "because", "as", "when", "if", "while", "after", "before"].map(SyntaxWord.lowerKey))
    private static let pluralSubjects = Set(["they", "we", "i"].map(SyntaxWord.lowerKey))
    /// ``SyntaxWord/suffix1`` of an `-s` word.
    private static let sSuffix = SyntaxWord.suffix1Key("s")
    /// ``SyntaxWord/lower`` of "by".
    private static let byForm = SyntaxWord.lowerKey("by")
    /// ``SyntaxWord/suffix2`` of an `-ed` word.
    private static let edSuffix = SyntaxWord.suffix2Key("ed")

    init(upos: [String], xpos: [String]) {
        pastTense = upos.indices.first { upos[$0] == "VERB" && xpos[$0] == "VBD" }
        presentTense = upos.indices.first { upos[$0] == "VERB" && xpos[$0] == "VBP" }
        baseForm = upos.indices.first { upos[$0] == "VERB" && xpos[$0] == "VB" }
        thirdPerson = upos.indices.first { upos[$0] == "VERB" && xpos[$0] == "VBZ" }
        commonNoun = Set(upos.indices.filter { upos[$0] == "NOUN" && (xpos[$0] == "NN" || xpos[$0] == "NNS") })
        kinds = zip(upos, xpos).map { u, x in
            switch x {
            case "VBD", "VBZ", "VBP": .finite
            case "MD": .modal
            case "TO": .to
            case "VBN" where u == "VERB": .participle
            case "VB" where u == "VERB": .base
            case "NNS", "NNPS": .pluralNominal
            case "NN", "NNP", "PRP": .nominal
            case "RB": .adverb
            case "JJ": .adjective
            case "DT", "CD", "PRP$": .opensPhrase
            case "IN": .preposition
            case ",": .comma
            default: .other
            }
        }
    }

    /// Retags the first participle of a clause with no finite verb when a noun
    /// or pronoun stands before it (adverbs between: "agents sexually abused")
    /// and a determiner, preposition, adjective, number, noun or adverb after it.
    /// With `words`, the clause may also be the stretch before the first comma
    /// of a sentence whose other finite verbs all report, where an `-ed`
    /// adjective counts as a participle and a base form after a plural subject
    /// becomes a present tense.
    func repair(_ classes: inout [Int], words: [SyntaxWord]? = nil) {
        guard classes.count >= 3 else { return }
        func kind(_ i: Int) -> Kind { classes[i] < kinds.count ? kinds[classes[i]] : .other }
        if let baseForm {
            for i in 1..<(classes.count - 1) where kind(i) == .adjective && kind(i - 1) == .modal
                && [.opensPhrase, .nominal, .pluralNominal].contains(kind(i + 1)) {
                classes[i] = baseForm
            }
        }
        if let words, let pastTense, let presentTense, let thirdPerson {
            for i in 1..<classes.count where commonNoun.contains(classes[i]) {
                let before = words[i - 1].lower
                let endsInS = words[i].suffix1 == FiniteVerbRepair.sSuffix
                // "it" is an object too ("gave it time"): a subject only where a clause opens.
                if before == FiniteVerbRepair.itForm, i >= 2, kind(i - 2) != .comma, !FiniteVerbRepair.clauseOpeners.contains(words[i - 2].lower) { continue }
                if FiniteVerbRepair.singularSubjects.contains(before) {
                    classes[i] = endsInS ? thirdPerson : pastTense
                } else if FiniteVerbRepair.pluralSubjects.contains(before) {
                    classes[i] = words[i].suffix2 == FiniteVerbRepair.edSuffix ? pastTense : presentTense
                }
            }
        }
        // The words of the leading clause, when the repair works on one.
        var leading: [SyntaxWord]? = nil
        var end = classes.count
        if classes.indices.contains(where: { kind($0) == .finite || kind($0) == .modal }) {
            guard let words, let comma = classes.indices.first(where: { kind($0) == .comma }),
                  !(0..<comma).contains(where: { kind($0) == .finite || kind($0) == .modal }),
                  (comma..<classes.count).allSatisfy({ kind($0) != .finite || FiniteVerbRepair.reportingForms.contains(words[$0].lower) })
            else { return }
            end = comma
            leading = words
        }
        // A clause of one word, or none (a sentence that opens with its
        // comma, ", police said"), has no verb to repair.
        guard end >= 2 else { return }
        // The word before `i`, skipping adverbs: the verb's subject, if any.
        func wordBefore(_ i: Int) -> Int {
            var before = i - 1
            while before > 0 && kind(before) == .adverb { before -= 1 }
            return before
        }
        func follows(_ i: Int) -> Bool { [.nominal, .pluralNominal].contains(kind(wordBefore(i))) }
        func opensObject(_ i: Int) -> Bool {
            guard i + 1 < end else { return false }
            switch kind(i + 1) {
            case .opensPhrase, .preposition, .to, .adjective, .nominal, .pluralNominal, .adverb: return true
            default: return false
            }
        }
        // A participle opening the sentence ("Attached in Paris ...") has no subject.
        guard kind(0) != .participle else { return }
        // A participle in a leading phrase that opens with a preposition ("In a
        // report published on Wednesday, the Bank said", "Of the sectors surveyed
        // by ISM, 13 reported growth") or that "by" follows ("A book published by
        // ... says") modifies its noun.
        if leading != nil && kind(0) == .preposition { return }
        // A base form after "to" is no present tense.
        var infinitive = false
        for i in 1..<end {
            switch kind(i) {
            case .participle:
                if let leading, i + 1 < end, leading[i + 1].lower == FiniteVerbRepair.byForm { return }
                if let pastTense, follows(i) && opensObject(i) { classes[i] = pastTense }
                return
            case .preposition where leading != nil:
                return
            case .adjective where leading?[i].suffix2 == FiniteVerbRepair.edSuffix:
                if let pastTense, follows(i) && (i + 1 < end && [.opensPhrase, .pluralNominal].contains(kind(i + 1))) { classes[i] = pastTense; return }
            case .base where !infinitive:
                guard let leading, let presentTense else { continue }
                let before = wordBefore(i)
                let plural = kind(before) == .pluralNominal || FiniteVerbRepair.pluralPronouns.contains(leading[before].lower)
                if plural && (opensObject(i) || (i + 1 < end && kind(i + 1) == .participle)) { classes[i] = presentTense }
                return
            case .to:
                infinitive = true
            default:
                continue
            }
        }
    }
}
