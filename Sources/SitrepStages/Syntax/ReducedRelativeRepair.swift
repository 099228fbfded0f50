/// A repair of the parse for a subject modified by a past participle: "The
/// civilians imprisoned for acting against Moscow were released by Putin",
/// "Troops deployed in the region were attacked".
///
/// The parser reads the noun and the participle as a clause of their own (the
/// noun its subject, the participle an adverbial clause of the main verb), so
/// that the main verb loses its subject and the event coder its target. When a
/// verb has no subject, and an adverbial clause before it is a bare past
/// participle (no auxiliary, no subordinating word) whose subject stands right
/// before it, that noun is the verb's subject (`nsubj:pass` when the verb is
/// passive) and the participle a reduced relative clause on the noun (`acl`).
struct ReducedRelativeRepair: Sendable {
    /// The label indices the repair reads and writes, found once from the model's labels.
    private let advcl, nsubj, acl, nsubjPass, auxPass, aux, mark, punct: Int?
    /// Whether each tag class is a past participle, and a noun or pronoun.
    private let isParticiple: [Bool]
    private let isNominal: [Bool]

    init(labels: [String], upos: [String], xpos: [String]) {
        advcl = labels.firstIndex(of: "advcl")
        nsubj = labels.firstIndex(of: "nsubj")
        acl = labels.firstIndex(of: "acl")
        nsubjPass = labels.firstIndex(of: "nsubj:pass")
        auxPass = labels.firstIndex(of: "aux:pass")
        aux = labels.firstIndex(of: "aux")
        mark = labels.firstIndex(of: "mark")
        punct = labels.firstIndex(of: "punct")
        isParticiple = zip(upos, xpos).map { $0 == "VERB" && $1 == "VBN" }
        isNominal = upos.map { $0 == "NOUN" || $0 == "PROPN" || $0 == "PRON" }
    }

    /// Repairs `heads` (0-based, -1 the root) and `labels` (label indices) of one
    /// sentence tagged with `classes`.
    func repair(_ heads: inout [Int], _ labels: inout [Int], classes: [Int]) {
        guard let advcl, let nsubj, let acl, heads.count >= 4 else { return }
        func tagged(_ table: [Bool], _ i: Int) -> Bool { classes[i] < table.count && table[classes[i]] }
        for participle in 1..<heads.count where labels[participle] == advcl && tagged(isParticiple, participle) {
            let verb = heads[participle], subject = participle - 1
            guard verb > participle, heads[subject] == participle, labels[subject] == nsubj, tagged(isNominal, subject) else { continue }
            var verbHasSubject = false, passive = false, participleIsClause = false
            for k in heads.indices {
                if heads[k] == verb && (labels[k] == nsubj || labels[k] == nsubjPass) { verbHasSubject = true }
                if heads[k] == verb && labels[k] == auxPass { passive = true }
                // Its own auxiliary or subordinating word makes it a clause after all
                // ("After troops were deployed, ...", "Once troops deployed, ..."),
                // and so does a comma that closes it.
                if heads[k] == participle && (labels[k] == aux || labels[k] == auxPass || labels[k] == mark || (labels[k] == punct && k > participle)) {
                    participleIsClause = true
                }
            }
            guard !verbHasSubject, !participleIsClause else { continue }
            heads[subject] = verb
            labels[subject] = passive ? (nsubjPass ?? nsubj) : nsubj
            heads[participle] = subject
            labels[participle] = acl
        }
    }
}
