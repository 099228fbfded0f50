import SitrepCore

/// The tense of the clause that governs a time expression, read from the
/// dependency parse when the syntax layer is there.
///
/// The window heuristic of ``TimeTense`` takes the nearest tense word, which
/// in "said on Monday that the talks would resume Friday" is right for both
/// days only because the words happen to sit close. The parse gives the verb
/// each expression belongs to: a verb right before it ("said Thursday"), else
/// climb from the expression's head through its nominal heads ("on Saturday"
/// → "demonstration" → "planned") and through participles without
/// auxiliaries to the first verb, then read that verb's form and auxiliaries:
///
/// - "will", "shall", "'ll", "would", "wo" as an auxiliary, or "going" (as
///   in "is going to meet"): future ("would" mostly reports a plan: "said
///   they would meet Friday");
/// - a past form (VBD), a past auxiliary ("had left", "was killed", "did
///   not"), or a participle with "has"/"have" (the present perfect reports
///   what happened): past;
/// - a present progressive ("is visiting Moscow on Monday") or "is to"
///   ("is to resume trading Tuesday"): future, the way news uses them;
/// - otherwise (a plain present, an infinitive with nothing above it, no verb
///   within reach): no cue, and the caller falls back to the word window.
///
/// A verb of scheduling before the expression (``TimeWords/schedulingVerbs``)
/// makes it future whatever its own tense, unless it is a past perfect.
struct TimeClauseTense {
    private let tokens: [Token]
    private let ranges: [Range<Int>]
    private let schedulingVerbs: Set<String>

    enum Kind: UInt8 {
        case other, noun, verbBase, verbPresent, verbPast, participlePast, participlePresent
        case futureAux, pastAux, perfectAux, presentBe, going
    }

    /// Nil when the tokens carry no parse. Nothing is computed up front: the
    /// few expressions whose value depends on the tense read the parse on demand.
    init?(tokens: [Token], sentenceRanges: [Range<Int>], lexicon: TimeLexicon) {
        // `syntax?.head` tests the optional without copying the token's strings
        // (comparing the whole `TokenSyntax?` with nil retained and released them).
        guard tokens.contains(where: { $0.syntax?.head != nil }) else { return nil }
        self.tokens = tokens
        self.ranges = sentenceRanges
        self.schedulingVerbs = lexicon.schedulingVerbs
    }

    /// The range of the parsed sentence that holds token `k`, by binary search.
    private func sentence(of k: Int) -> Range<Int>? {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(k) ? ranges[lo] : nil
    }

    /// The global index of token `k`'s head, or -1.
    private func head(_ k: Int) -> Int {
        // `syntax?.head` reads the one field: binding the whole `TokenSyntax`
        // would retain and release its four strings.
        guard k >= 0, k < tokens.count, let relative = tokens[k].syntax?.head, relative >= 0, let range = sentence(of: k) else { return -1 }
        let head = range.lowerBound + relative
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
    static let reach = 6

    /// What the parse says of the clause that governs an expression.
    struct Reading {
        /// The clause's tense, nil when its verb form gives none.
        var tense: TimeTense?
        /// The governing verb is in the past perfect ("had not called until
        /// Thursday"): the date lies in the story's past, whatever its preposition.
        var pluperfect = false
    }

    /// The tense of the verb governing tokens `[first, last)`, or nil.
    func tense(_ first: Int, _ last: Int) -> TimeTense? { reading(first, last).tense }

    /// The governing verb's tense and whether it is a past perfect.
    ///
    /// A verb of scheduling ("planned a rally on Saturday", "has scheduled a
    /// news conference Thursday", "were planning to drive there on Monday")
    /// points past its own tense to the date it sets, when the date comes
    /// after it: the plan was made in the past, the rally lies ahead. A date
    /// before the verb ("On Friday, the government planned to pay") dates the
    /// planning and keeps the verb's tense.
    func reading(_ first: Int, _ last: Int) -> Reading {
        guard let verb = governingVerb(first, last) else { return Reading() }
        let aux = auxiliaries(verb)
        if !aux.pluperfect && schedules(verb, before: first) { return Reading(tense: .future) }
        if kind(verb) == .verbBase, tokens[verb].syntax?.deprel == "xcomp" {
            let head = head(verb)
            if head >= 0, !auxiliaries(head).pluperfect, schedules(head, before: first) { return Reading(tense: .future) }
            // "On Friday, the government planned to pay": the date is the planning's.
            if head >= 0, head > first, isSchedulingVerb(head) {
                let headAux = auxiliaries(head)
                return Reading(tense: verbTense(head, headAux), pluperfect: headAux.pluperfect)
            }
        }
        return Reading(tense: verbTense(verb, aux), pluperfect: aux.pluperfect)
    }

    /// The verb that tokens `[first, last)` belong to: climbed from the
    /// expression's own head through nominal heads, and through a participle
    /// without auxiliaries ("rising to a high in June from $29.75 in March",
    /// "a memorial service planned for Saturday was canceled") to the verb of
    /// the clause it modifies.
    private func governingVerb(_ first: Int, _ last: Int) -> Int? {
        // A verb right before the expression governs it ("said Thursday that
        // the troops will remain", which the parser may hang on "remain"),
        // unless the expression is a possessive ("ended Friday's talks").
        if first > 0, let range = sentence(of: first), range.contains(first - 1), isVerb(first - 1),
           !(last < tokens.count && tokens[last].syntax?.xpos == "POS") {
            return first - 1
        }
        // The expression's own head: the token whose head lies outside it.
        var node = -1
        for k in first..<last {
            let h = head(k)
            if h < first || h >= last { node = h; break }
        }
        var steps = 0
        while node >= 0 && steps <= Self.reach {
            let kind = kind(node)
            if isVerb(node) {
                // A participle without auxiliaries ("rising", "a service planned for
                // Saturday") takes the tense of the clause it modifies.
                let modifies = kind == .participlePresent || (kind == .participlePast && tokens[node].syntax?.deprel == "acl")
                guard modifies, head(node) >= 0, !auxiliaries(node).any else { return node }
            }
            node = head(node); steps += 1
        }
        return nil
    }

    private func isVerb(_ k: Int) -> Bool {
        switch kind(k) {
        case .verbBase, .verbPresent, .verbPast, .participlePast, .participlePresent, .going: true
        default: false
        }
    }

    /// The auxiliaries a verb has, read in one pass over its sentence.
    private struct Auxiliaries {
        var future = false, past = false, perfect = false, presentBe = false, pluperfect = false
        /// Any auxiliary at all.
        var any = false
        /// A present "be" and a "to" before the verb: "is to resume trading Tuesday".
        var beTo = false
    }

    private func auxiliaries(_ verb: Int) -> Auxiliaries {
        var aux = Auxiliaries()
        guard let range = sentence(of: verb) else { return aux }
        var presentBeOrCopula = false, to = false
        for dependent in range {
            // The dependent's head, from the sentence already found.
            // Only the verb's dependents are read whole; the others by their head alone.
            guard let relative = tokens[dependent].syntax?.head, range.lowerBound + relative == verb, relative >= 0,
                  let syntax = tokens[dependent].syntax else { continue }
            if syntax.deprel.hasPrefix("aux") { aux.any = true }
            if syntax.lemma == "be", syntax.xpos == "VBZ" || syntax.xpos == "VBP" { presentBeOrCopula = true }
            if syntax.xpos == "TO", dependent < verb { to = true }
            switch Self.kind(syntax) {
            case .futureAux, .going: aux.future = true
            case .pastAux:
                aux.past = true
                if syntax.lemma == "have" { aux.pluperfect = true }
            case .perfectAux: aux.perfect = true
            case .presentBe: aux.presentBe = true
            default: break
            }
        }
        aux.beTo = presentBeOrCopula && to
        return aux
    }

    /// Whether `verb` is a verb of scheduling that comes before token `first`.
    private func schedules(_ verb: Int, before first: Int) -> Bool {
        verb < first && isSchedulingVerb(verb)
    }

    private func isSchedulingVerb(_ verb: Int) -> Bool {
        tokens[verb].syntax.map { schedulingVerbs.contains($0.lemma) } == true
    }

    private func verbTense(_ verb: Int, _ aux: Auxiliaries) -> TimeTense? {
        if aux.future { return .future }
        if aux.past { return .past }
        switch kind(verb) {
        case .verbPast: return .past
        case .participlePast: return aux.perfect || !aux.presentBe ? .past : nil
        case .participlePresent, .going: return aux.presentBe ? .future : nil
        case .verbBase: return aux.beTo ? .future : nil
        default: return nil
        }
    }
}
