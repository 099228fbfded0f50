/// A repair of the parse for a list of three or more names: "The US, Russia,
/// and Switzerland met", "The United States, Britain and France condemned the
/// attack".
///
/// News lists countries and organizations as the parties of one act far more
/// often than the treebanks the parser learnt from, and the parser often
/// breaks such a list up: one name becomes the verb's subject, another an
/// oblique or a compound of the first, a third the subject again. The event
/// coder then gives the act to some of the parties only, or makes one party
/// the target of the others. UD's shape for a list is plain: the first
/// conjunct carries the list's relation to the rest of the sentence, every
/// later conjunct hangs on it as `conj`, each comma on the conjunct after it
/// as `punct`, and the conjunction on the last conjunct as `cc`.
///
/// The repair finds `N1 , N2 (, Nk)* ,? and|or Nn`, where each N is a run of
/// proper nouns (or of capitalized words inside a named entity, when those are
/// known), "the" allowed before it, and gives the list that shape. The list
/// keeps the relation one of its names had to a word outside it: after a
/// preposition the first name's, else a core argument's (subject, object)
/// where one has one, else the first name's.
/// Names that the parse hangs inside the last name ("Culture, Media and Sport
/// Secretary Tessa Jowell") are left alone, and a repair that would leave the
/// tree without a path to the root from every word is undone.
struct NameListRepair: Sendable {
    private let conj: Int?
    private let cc: Int?
    private let punct: Int?
    private let caseLabel: Int?
    /// Label indices of core arguments (`nsubj`, `nsubj:pass`, `obj`, `iobj`).
    private let coreArguments: Set<Int>
    /// Whether each tag class is a proper noun.
    private let isProperNoun: [Bool]

    private static let comma = SyntaxWord.lowerKey(",")
    private static let conjunctions: Set<UInt64> = [SyntaxWord.lowerKey("and"), SyntaxWord.lowerKey("or")]
    private static let the = SyntaxWord.lowerKey("the")

    init(labels: [String], upos: [String]) {
        conj = labels.firstIndex(of: "conj")
        cc = labels.firstIndex(of: "cc")
        punct = labels.firstIndex(of: "punct")
        caseLabel = labels.firstIndex(of: "case")
        coreArguments = Set(["nsubj", "nsubj:pass", "obj", "iobj"].compactMap { labels.firstIndex(of: $0) })
        isProperNoun = upos.map { $0 == "PROPN" }
    }

    /// One name of a list: its words `[start, end)` ("the" included) and the
    /// word that heads it in the parse.
    private struct Name {
        var start: Int
        var end: Int
        var head: Int
    }

    /// Repairs `heads` (0-based, -1 the root) and `labels` (label indices) of
    /// one sentence of `words` tagged with `classes`; `names`, when given, marks
    /// the capitalized words inside named entities.
    func repair(_ heads: inout [Int], _ labels: inout [Int], words: [SyntaxWord], classes: [Int], names: [Bool]? = nil) {
        guard let conj, let cc, let punct, words.count >= 6 else { return }
        func isName(_ i: Int) -> Bool {
            (classes[i] < isProperNoun.count && isProperNoun[classes[i]]) || names?[i] == true
        }
        /// The name starting at `i` ("the" allowed first), or nil.
        func name(at i: Int) -> Name? {
            var end = i
            if end < words.count && words[end].lower == Self.the { end += 1 }
            let first = end
            while end < words.count && isName(end) { end += 1 }
            guard end > first else { return nil }
            // Its head: the word whose head lies outside the name (the last one, if several).
            let head = (i..<end).last { heads[$0] < i || heads[$0] >= end } ?? end - 1
            return Name(start: i, end: end, head: head)
        }
        var i = 0
        while i < words.count {
            guard let first = name(at: i) else { i += 1; continue }
            // The list: names joined by commas, the last by "and" or "or" (a comma may come before it).
            var list = [first], k = first.end, closed = false
            while k < words.count {
                var next = k
                let hasComma = words[next].lower == Self.comma
                if hasComma { next += 1 }
                let hasConjunction = next < words.count && Self.conjunctions.contains(words[next].lower)
                if hasConjunction { next += 1 }
                guard hasComma || hasConjunction, next < words.count, let item = name(at: next) else { break }
                list.append(item)
                k = item.end
                if hasConjunction { closed = true; break }
            }
            guard closed, list.count >= 3 else { i = first.end; continue }
            apply(list, &heads, &labels, words: words, conj: conj, cc: cc, punct: punct)
            i = k
        }
    }

    private func apply(_ list: [Name], _ heads: inout [Int], _ labels: inout [Int], words: [SyntaxWord], conj: Int, cc: Int, punct: Int) {
        let start = list[0].start, end = list[list.count - 1].end
        // Names that the parse hangs inside the last one make a title or a
        // name of their own ("Culture, Media and Sport Secretary Tessa Jowell").
        let last = list[list.count - 1]
        if list.dropLast().contains(where: { heads[$0.head] >= last.start && heads[$0.head] < last.end }) { return }
        // The list's relation to the sentence.
        let outside = list.filter { heads[$0.head] < start || heads[$0.head] >= end }
        // A list after a preposition ("the ports of Tokyo, Osaka and Kobe",
        // "stations in London, Amsterdam and Sydney") is the preposition's
        // object: the first name keeps its relation, whatever the parser made of
        // the last one, which it often takes for the next verb's subject.
        let first = list[0].head
        let governed = caseLabel.map { label in (0..<start).contains { heads[$0] == first && labels[$0] == label } } ?? false
        guard let carrier = governed ? outside.first(where: { $0.head == first })
                : outside.first(where: { coreArguments.contains(labels[$0.head]) }) ?? outside.first else { return }
        let savedHeads = heads, savedLabels = labels
        let relation = (head: heads[carrier.head], label: labels[carrier.head])
        heads[first] = relation.head
        labels[first] = relation.label
        for (index, item) in list.enumerated() {
            // Words of the name that hang outside it hang on its head.
            for w in item.start..<item.end where w != item.head && (heads[w] < item.start || heads[w] >= item.end) {
                heads[w] = item.head
            }
            guard index > 0 else { continue }
            heads[item.head] = first
            labels[item.head] = conj
            // The comma and conjunction before this name.
            for w in list[index - 1].end..<item.start {
                heads[w] = item.head
                labels[w] = words[w].lower == Self.comma ? punct : cc
            }
        }
        if !Self.isTree(heads) { heads = savedHeads; labels = savedLabels }
    }

    /// Whether every word reaches the root (-1) by its heads.
    static func isTree(_ heads: [Int]) -> Bool {
        for start in heads.indices {
            var w = start, steps = 0
            while w >= 0 {
                guard w < heads.count, steps <= heads.count else { return false }
                w = heads[w]
                steps += 1
            }
        }
        return true
    }
}
