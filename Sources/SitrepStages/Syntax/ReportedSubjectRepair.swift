/// A repair of the parse for a reported clause whose subject the parser gave to
/// the saying verb: "Russia says Israel must end attacks on Syria" comes out
/// with "Israel" a second subject of "says" and "end" a complement with none,
/// so that the event coder finds no one who must end the attacks.
///
/// News headlines and leads report in the present ("Russia says", "Iran warns")
/// more often than the treebanks the parser learnt from. When a verb has a
/// subject before it and a second one after it, and a clausal complement
/// (`ccomp`) after the second with no subject of its own, the second becomes
/// the complement's subject. The inverted reporting tail ("..., said Mr Smith")
/// has its complement before the verb, and is left alone.
///
/// A transitive saying verb draws the clause's subject the other way, as its
/// object: "Israel announced it would free 150 prisoners" comes out with "it"
/// the object of "announced" and "free" without a subject. An object right
/// after its verb, followed at once by an auxiliary of the verb's subjectless
/// complement, is that complement's subject: no English object stands between
/// a verb and the auxiliary of its complement ("expected it to rise", a
/// raising object, has an open complement, `xcomp`, and is left alone).
struct ReportedSubjectRepair: Sendable {
    private let nsubj: Int?
    private let nsubjPass: Int?
    private let ccomp: Int?
    private let obj: Int?
    private let aux: Int?

    init(labels: [String]) {
        nsubj = labels.firstIndex(of: "nsubj")
        nsubjPass = labels.firstIndex(of: "nsubj:pass")
        ccomp = labels.firstIndex(of: "ccomp")
        obj = labels.firstIndex(of: "obj")
        aux = labels.firstIndex(of: "aux")
    }

    /// Repairs `heads` (0-based, -1 the root) and `labels` (label indices) of one sentence.
    func repair(_ heads: inout [Int], _ labels: inout [Int]) {
        guard let nsubj, let ccomp, heads.count >= 4 else { return }
        for second in heads.indices where labels[second] == nsubj {
            let verb = heads[second]
            guard verb >= 0, second > verb,
                  heads[..<verb].indices.contains(where: { heads[$0] == verb && labels[$0] == nsubj }),
                  let complement = heads.indices.first(where: { $0 > second && heads[$0] == verb && labels[$0] == ccomp }),
                  !heads.indices.contains(where: { heads[$0] == complement && (labels[$0] == nsubj || labels[$0] == nsubjPass) })
            else { continue }
            heads[second] = complement
        }
        guard let obj, let aux else { return }
        for object in heads.indices where labels[object] == obj && object + 1 < heads.count && labels[object + 1] == aux {
            let verb = heads[object], complement = heads[object + 1]
            guard verb >= 0, verb < object, complement > object + 1, heads[complement] == verb, labels[complement] == ccomp,
                  !heads.indices.contains(where: { heads[$0] == complement && (labels[$0] == nsubj || labels[$0] == nsubjPass) })
            else { continue }
            heads[object] = complement
            labels[object] = nsubj
        }
    }
}
