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
    private let tokens: [Token]
    private let ranges: [Range<Int>]
    /// Per token: the index in `ranges` of the parsed sentence that holds it.
    private let sentenceOf: [Int32]

    enum Kind: UInt8 {
        case other, noun, verbBase, verbPresent, verbPast, participlePast, participlePresent
        case futureAux, pastAux, perfectAux, presentBe, going
    }

    /// Nil when the tokens carry no parse. Everything else is read on demand,
    /// for the few expressions whose value depends on the tense.
    init?(tokens: [Token], sentenceRanges: [Range<Int>]) {
        guard tokens.contains(where: { $0.syntax != nil }) else { return nil }
        var sentenceOf = [Int32](repeating: -1, count: tokens.count)
        for (index, range) in sentenceRanges.enumerated() {
            for k in range where k < tokens.count { sentenceOf[k] = Int32(index) }
        }
        self.tokens = tokens
        self.ranges = sentenceRanges
        self.sentenceOf = sentenceOf
    }

    /// The global index of token `k`'s head, or -1.
    private func head(_ k: Int) -> Int {
        guard k >= 0, k < tokens.count, let syntax = tokens[k].syntax, syntax.head >= 0, sentenceOf[k] >= 0 else { return -1 }
        let range = ranges[Int(sentenceOf[k])]
        let head = range.lowerBound + syntax.head
        return range.contains(head) ? head : -1
    }

    private func kind(_ k: Int) -> Kind {
        tokens[k].syntax.map(Self.kind) ?? .other
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
        for k in first..<last {
            let h = head(k)
            if h < first || h >= last { node = h; break }
        }
        var steps = 0
        while node >= 0 && steps <= Self.reach {
            switch kind(node) {
            case .verbBase, .verbPresent, .verbPast, .participlePast, .participlePresent, .going:
                return verbTense(node)
            default:
                node = head(node); steps += 1
            }
        }
        return nil
    }

    private func verbTense(_ verb: Int) -> TimeTense? {
        var hasPerfect = false, hasPresentBe = false
        for dependent in ranges[Int(sentenceOf[verb])] where head(dependent) == verb {
            switch kind(dependent) {
            case .futureAux, .going: return .future
            case .pastAux: return .past
            case .perfectAux: hasPerfect = true
            case .presentBe: hasPresentBe = true
            default: break
            }
        }
        switch kind(verb) {
        case .verbPast: return .past
        case .participlePast: return hasPerfect || !hasPresentBe ? .past : nil
        case .participlePresent, .going: return hasPresentBe ? .future : nil
        default: return nil
        }
    }
}
