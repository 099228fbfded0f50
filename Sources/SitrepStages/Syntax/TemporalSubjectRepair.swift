/// A repair of the parse for a subject followed by a bare time phrase:
/// "Iran last month rejected the proposal", "Denmark last week announced a
/// suspension of aid".
///
/// News puts the time between subject and verb far more often than the
/// treebanks the parser learnt from, and the parser then reads the subject as
/// a compound of the time noun ("Iran last month" as one noun phrase, like
/// "Iran trade"), so that the verb loses its subject, and the event coder its
/// source. When a noun or pronoun stands right before "last", "next", "this"
/// or "that" and a time noun (week, month, year, ...), hangs on that noun as a
/// compound, and the time noun hangs on a verb after it with no other subject,
/// the noun becomes the verb's subject and the time phrase the verb's bare
/// temporal modifier (`obl:unmarked`).
struct TemporalSubjectRepair: Sendable {
    private let compound: Int?
    private let nsubj: Int?
    private let nsubjPass: Int?
    private let temporal: Int?
    /// Whether each tag class is a noun or pronoun, and a verb.
    private let isNominal: [Bool]
    private let isVerb: [Bool]

    /// ``SyntaxWord/lower`` of the words that make a noun of time a point in time.
    private static let deictics = Set(["last", "next", "this", "that"].map(SyntaxWord.lowerKey))
    /// ``SyntaxWord/lower`` of the nouns of time.
    private static let timeNouns = Set(["week", "weekend", "month", "year", "night", "morning", "afternoon", "evening",
                                        "summer", "winter", "spring", "autumn", "quarter"].map(SyntaxWord.lowerKey))

    init(labels: [String], upos: [String]) {
        compound = labels.firstIndex(of: "compound")
        nsubj = labels.firstIndex(of: "nsubj")
        nsubjPass = labels.firstIndex(of: "nsubj:pass")
        temporal = labels.firstIndex(of: "obl:unmarked") ?? labels.firstIndex(of: "obl:tmod")
        isNominal = upos.map { ["NOUN", "PROPN", "PRON"].contains($0) }
        isVerb = upos.map { $0 == "VERB" || $0 == "AUX" }
    }

    /// Repairs `heads` (0-based, -1 the root) and `labels` (label indices) of
    /// one sentence of `words` tagged with `classes`.
    func repair(_ heads: inout [Int], _ labels: inout [Int], words: [SyntaxWord], classes: [Int]) {
        guard let compound, let nsubj, let temporal, words.count >= 4 else { return }
        func nominal(_ i: Int) -> Bool { classes[i] < isNominal.count && isNominal[classes[i]] }
        // Integers first: a word hashed only where the parse has the shape.
        for time in 2..<words.count where heads[time - 2] == time && labels[time - 2] == compound && heads[time - 1] == time {
            let subject = time - 2, verb = heads[time]
            guard verb > time, classes[verb] < isVerb.count, isVerb[classes[verb]], nominal(time), nominal(subject),
                  Self.timeNouns.contains(words[time].lower), Self.deictics.contains(words[time - 1].lower) else { continue }
            // The verb's own subject, if it has one besides the time noun, stays.
            if heads.indices.contains(where: { $0 != time && heads[$0] == verb && (labels[$0] == nsubj || labels[$0] == nsubjPass) }) { continue }
            heads[subject] = verb
            labels[subject] = labels[time] == nsubjPass ? nsubjPass! : nsubj
            labels[time] = temporal
        }
    }
}
