import SitrepCore

/// The tense of the clause that governs a time expression, read from the
/// dependency parse when the syntax layer is there.
///
/// The window heuristic of ``TimeTense`` takes the nearest tense word, which
/// in "said on Monday that the talks would resume Friday" is right for both
/// days only because the words happen to sit close. The parse gives the verb
/// each expression belongs to: climb from the expression's head through its
/// nominal heads ("on Saturday" → "demonstration" → "planned") to the first
/// verb, then read that verb's form and auxiliaries:
///
/// - "will", "shall", "'ll", "would", "wo" as an auxiliary, or "going" (as
///   in "is going to meet"): future ("would" mostly reports a plan: "said
///   they would meet Friday");
/// - a past form (VBD), a past auxiliary ("had left", "was killed", "did
///   not"), or a participle with "has"/"have" (the present perfect reports
///   what happened): past;
/// - a present progressive ("is visiting Moscow on Monday"): future, the
///   way news uses it;
/// - otherwise (a plain present, an infinitive with nothing above it, no verb
///   within reach): no cue, and the caller falls back to the word window.
struct TimeClauseTense {
    /// Per token: global index of its head, or -1 (root or no parse).
    private let heads: [Int32]
    private let kinds: [Kind]
    /// Per token: the first of its dependents in `dependents`, and their count.
    private let firstDependent: [Int32]
    private let dependents: [Int32]

    enum Kind: UInt8 {
        case other, noun, verbBase, verbPresent, verbPast, participlePast, participlePresent
        case futureAux, pastAux, perfectAux, presentBe, going
    }

    /// Nil when the tokens carry no parse.
    init?(tokens: [Token], sentenceRanges: [Range<Int>]) {
        guard tokens.contains(where: { $0.syntax != nil }) else { return nil }
        var heads = [Int32](repeating: -1, count: tokens.count)
        var kinds = [Kind](repeating: .other, count: tokens.count)
        for range in sentenceRanges {
            for k in range {
                guard let syntax = tokens[k].syntax else { continue }
                let head = range.lowerBound + syntax.head
                if syntax.head >= 0, range.contains(head) { heads[k] = Int32(head) }
                kinds[k] = Self.kind(syntax)
            }
        }
        var counts = [Int32](repeating: 0, count: tokens.count + 1)
        for head in heads where head >= 0 { counts[Int(head) + 1] += 1 }
        for k in 0..<tokens.count { counts[k + 1] += counts[k] }
        var fill = counts
        var dependents = [Int32](repeating: 0, count: Int(counts[tokens.count]))
        for (k, head) in heads.enumerated() where head >= 0 {
            dependents[Int(fill[Int(head)])] = Int32(k)
            fill[Int(head)] += 1
        }
        self.heads = heads
        self.kinds = kinds
        self.firstDependent = counts
        self.dependents = dependents
    }

    /// What a token is to the tense reading. Lemmas are only compared for
    /// verbs and auxiliaries (the lemmatizer writes them in lower case), so
    /// most tokens cost two short string comparisons.
    private static func kind(_ s: TokenSyntax) -> Kind {
        switch s.upos {
        case "NOUN", "PROPN", "PRON", "NUM", "ADJ": return .noun
        case "VERB", "AUX": break
        default: return .other
        }
        if s.deprel.hasPrefix("aux") {
            switch s.lemma {
            case "will", "shall", "'ll", "wo", "would": return .futureAux
            case "have" where s.xpos == "VBZ" || s.xpos == "VBP": return .perfectAux
            case "be" where s.xpos == "VBZ" || s.xpos == "VBP": return .presentBe
            default: if s.xpos == "VBD" { return .pastAux }
            }
        }
        switch s.xpos {
        case "VBD": return .verbPast
        case "VBN": return .participlePast
        case "VBG": return s.lemma == "go" ? .going : .participlePresent
        case "VBZ", "VBP": return .verbPresent
        default: return .verbBase
        }
    }

    /// Nominal heads climbed through before giving up on finding a verb.
    static let reach = 4

    /// The tense of the verb governing tokens `[first, last)`, or nil.
    func tense(_ first: Int, _ last: Int) -> TimeTense? {
        // The expression's own head: the token whose head lies outside it.
        var node = -1
        for k in first..<last where heads[k] < first || heads[k] >= last {
            node = Int(heads[k]); break
        }
        var steps = 0
        while node >= 0 && steps <= Self.reach {
            switch kinds[node] {
            case .verbBase, .verbPresent, .verbPast, .participlePast, .participlePresent, .going:
                return verbTense(node)
            default:
                node = Int(heads[node]); steps += 1
            }
        }
        return nil
    }

    private func verbTense(_ verb: Int) -> TimeTense? {
        var hasPerfect = false, hasPresentBe = false
        for index in Int(firstDependent[verb])..<Int(firstDependent[verb + 1]) {
            switch kinds[Int(dependents[index])] {
            case .futureAux, .going: return .future
            case .pastAux: return .past
            case .perfectAux: hasPerfect = true
            case .presentBe: hasPresentBe = true
            default: break
            }
        }
        switch kinds[verb] {
        case .verbPast: return .past
        case .participlePast: return hasPerfect || !hasPresentBe ? .past : nil
        case .participlePresent, .going: return hasPresentBe ? .future : nil
        default: return nil
        }
    }
}
