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
final class TimeClauseTense {
    /// The document's syntax layer, one entry per token.
    private let syntax: [TokenSyntax]
    private let ranges: [Range<Int>]
    private let schedulingVerbs: Set<String>
    /// Each token's ``Code``, read from its tag strings the first time a
    /// reading asks for it; 0 until then. A reading tests a token's tags
    /// several times; each string is read once, into a ``TagKey``.
    private let codes: UnsafeMutablePointer<UInt16>

    enum Kind: UInt8 {
        case other, noun, verbBase, verbPresent, verbPast, participlePast, participlePresent
        case futureAux, pastAux, perfectAux, presentBe, going
    }

    /// What the reading tests of a token's tags, as bits beside its ``Kind``
    /// (the low four bits).
    private struct Code: OptionSet {
        let rawValue: UInt16
        static let kindMask: UInt16 = 0x000F
        /// The deprel is `aux` or a subtype of it.
        static let aux = Code(rawValue: 1 << 4)
        /// Lemma "be" with a present tag (VBZ, VBP), auxiliary or copula.
        static let presentBe = Code(rawValue: 1 << 5)
        /// XPOS `TO`.
        static let to = Code(rawValue: 1 << 6)
        /// Lemma "have".
        static let have = Code(rawValue: 1 << 7)
        /// XPOS `POS`, the possessive "'s".
        static let possessive = Code(rawValue: 1 << 8)
        static let xcomp = Code(rawValue: 1 << 9)
        static let acl = Code(rawValue: 1 << 10)
        /// A lemma of ``TimeWords/schedulingVerbs`` (known once `schedulingRead` is set:
        /// a set lookup, made only for the verbs a reading asks about).
        static let scheduling = Code(rawValue: 1 << 11)
        static let schedulingRead = Code(rawValue: 1 << 12)
        /// Set on every code read, so that a read code is never 0.
        static let read = Code(rawValue: 1 << 15)

        var kind: Kind { Kind(rawValue: UInt8(rawValue & Self.kindMask)) ?? .other }
    }

    /// Nil when there is no parse (`syntax` is empty). Nothing is computed up
    /// front: the few expressions whose value depends on the tense read the
    /// parse on demand.
    init?(syntax: [TokenSyntax], sentenceRanges: [Range<Int>], lexicon: TimeLexicon) {
        guard !syntax.isEmpty else { return nil }
        self.syntax = syntax
        self.ranges = sentenceRanges
        self.schedulingVerbs = lexicon.schedulingVerbs
        codes = .allocate(capacity: syntax.count)
        codes.initialize(repeating: 0, count: syntax.count)
    }

    deinit { codes.deallocate() }

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
        // `syntax[k].head` reads the one field: binding the whole `TokenSyntax`
        // would retain and release its four strings.
        guard k >= 0, k < syntax.count else { return -1 }
        let relative = syntax[k].head
        guard relative >= 0, let range = sentence(of: k) else { return -1 }
        let head = range.lowerBound + relative
        return range.contains(head) ? head : -1
    }

    /// Token `k`'s ``Code``, read once.
    @inline(__always)
    private func code(_ k: Int) -> Code {
        let known = codes[k]
        if known != 0 { return Code(rawValue: known) }
        let read = readCode(k)
        codes[k] = read.rawValue
        return read
    }

    @inline(never)
    private func readCode(_ k: Int) -> Code {
        // Field by field: binding the whole `TokenSyntax` would retain its strings.
        let upos = TagKey(syntax[k].upos)
        let xpos = TagKey(syntax[k].xpos)
        let deprel = TagKey(syntax[k].deprel)
        let lemma = TagKey(syntax[k].lemma)
        let kind = Self.kind(upos: upos, xpos: xpos, deprel: deprel, lemma: lemma)
        var code = Code(rawValue: UInt16(kind.rawValue)).union(.read)
        let presentTag = xpos == .vbz || xpos == .vbp
        if deprel.isAux { code.insert(.aux) }
        if lemma == .be && presentTag { code.insert(.presentBe) }
        if lemma == .have { code.insert(.have) }
        if xpos == .to { code.insert(.to) }
        if xpos == .pos { code.insert(.possessive) }
        if deprel == .xcomp { code.insert(.xcomp) }
        if deprel == .acl { code.insert(.acl) }
        return code
    }

    private func kind(_ k: Int) -> Kind { code(k).kind }

    /// What a token is to the tense reading. Lemmas are only compared for
    /// verbs and auxiliaries (the lemmatizer writes them in lower case).
    private static func kind(upos: TagKey, xpos: TagKey, deprel: TagKey, lemma: TagKey) -> Kind {
        switch upos {
        case .noun, .propn, .pron, .num, .adj: return .noun
        case .verb, .auxiliary: break
        default: return .other
        }
        let presentTag = xpos == .vbz || xpos == .vbp
        if deprel.isAux {
            switch lemma {
            case .will, .shall, .contractedWill, .wo, .would: return .futureAux
            case .have where presentTag: return .perfectAux
            case .be where presentTag: return .presentBe
            default: if xpos == .vbd { return .pastAux }
            }
        }
        switch xpos {
        case .vbd: return .verbPast
        case .vbn: return .participlePast
        case .vbg: return lemma == .go ? .going : .participlePresent
        case .vbz, .vbp: return .verbPresent
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
        let verbCode = code(verb)
        if verbCode.kind == .verbBase, verbCode.contains(.xcomp) {
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
           !(last < syntax.count && code(last).contains(.possessive)) {
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
                let modifies = kind == .participlePresent || (kind == .participlePast && code(node).contains(.acl))
                guard modifies, head(node) >= 0, !auxiliaries(node).any else { return node }
            }
            node = head(node); steps += 1
        }
        return nil
    }

    private func isVerb(_ k: Int) -> Bool { Self.isVerb(kind(k)) }

    private static func isVerb(_ kind: Kind) -> Bool {
        switch kind {
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
            // Only the verb's dependents are coded; the others are read by their head alone.
            let relative = syntax[dependent].head
            guard relative >= 0, range.lowerBound + relative == verb else { continue }
            let code = code(dependent)
            if code.contains(.aux) { aux.any = true }
            if code.contains(.presentBe) { presentBeOrCopula = true }
            if code.contains(.to), dependent < verb { to = true }
            switch code.kind {
            case .futureAux, .going: aux.future = true
            case .pastAux:
                aux.past = true
                if code.contains(.have) { aux.pluperfect = true }
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
        let known = code(verb)
        if known.contains(.schedulingRead) { return known.contains(.scheduling) }
        let scheduling = schedulingVerbs.contains(syntax[verb].lemma)
        codes[verb] = known.union(scheduling ? [.schedulingRead, .scheduling] : .schedulingRead).rawValue
        return scheduling
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

/// A tag, relation or short lemma as one integer: its first eight UTF-8
/// bytes, the first in the lowest byte; `.max` for longer strings. An unequal
/// `String` comparison costs a call into the runtime, and a token's four tag
/// strings are compared some twenty times; their keys are compared as
/// integers. The constants are spelt out (each with its string beside it, and
/// `TimeStageTests.tagKeysSpellTheirStrings` checks them) so that they cost no
/// initialization.
struct TagKey: Equatable {
    let raw: UInt64

    init(raw: UInt64) { self.raw = raw }

    /// The key of `string`, read through its contiguous UTF-8 (a tag is a
    /// small string, whose bytes the view hands over from the stack): walking
    /// the `utf8` view byte by byte cost several times more.
    @inline(__always)
    init(_ string: String) {
        raw = string.utf8.withContiguousStorageIfAvailable(Self.key) ?? Array(string.utf8).withUnsafeBufferPointer(Self.key)
    }

    /// The bytes copied into the integer's memory and read as little-endian,
    /// so that the first byte is the lowest on any machine.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard bytes.count <= 8 else { return .max }
        var raw: UInt64 = 0
        withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return UInt64(littleEndian: raw)
    }

    /// Starts with `aux`: the relation or one of its subtypes (`aux:pass`).
    var isAux: Bool { raw & 0xFF_FFFF == Self.auxRelation.raw }

    static let noun = TagKey(raw: 0x4E55_4F4E)             // NOUN
    static let propn = TagKey(raw: 0x4E_504F_5250)         // PROPN
    static let pron = TagKey(raw: 0x4E4F_5250)             // PRON
    static let num = TagKey(raw: 0x4D_554E)                // NUM
    static let adj = TagKey(raw: 0x4A_4441)                // ADJ
    static let verb = TagKey(raw: 0x4252_4556)             // VERB
    static let auxiliary = TagKey(raw: 0x58_5541)          // AUX
    static let vbd = TagKey(raw: 0x44_4256)                // VBD
    static let vbn = TagKey(raw: 0x4E_4256)                // VBN
    static let vbg = TagKey(raw: 0x47_4256)                // VBG
    static let vbz = TagKey(raw: 0x5A_4256)                // VBZ
    static let vbp = TagKey(raw: 0x50_4256)                // VBP
    static let to = TagKey(raw: 0x4F54)                    // TO
    static let pos = TagKey(raw: 0x53_4F50)                // POS
    static let auxRelation = TagKey(raw: 0x78_7561)        // aux
    static let xcomp = TagKey(raw: 0x70_6D6F_6378)         // xcomp
    static let acl = TagKey(raw: 0x6C_6361)                // acl
    static let will = TagKey(raw: 0x6C6C_6977)             // will
    static let shall = TagKey(raw: 0x6C_6C61_6873)         // shall
    static let contractedWill = TagKey(raw: 0x6C_6C27)     // 'll
    static let wo = TagKey(raw: 0x6F77)                    // wo
    static let would = TagKey(raw: 0x64_6C75_6F77)         // would
    static let have = TagKey(raw: 0x6576_6168)             // have
    static let be = TagKey(raw: 0x6562)                    // be
    static let go = TagKey(raw: 0x6F67)                    // go

    /// Every constant with the string it stands for, for the test that checks them.
    static let spelled: [(TagKey, String)] = [
        (noun, "NOUN"), (propn, "PROPN"), (pron, "PRON"), (num, "NUM"), (adj, "ADJ"), (verb, "VERB"),
        (auxiliary, "AUX"), (vbd, "VBD"), (vbn, "VBN"), (vbg, "VBG"), (vbz, "VBZ"), (vbp, "VBP"),
        (to, "TO"), (pos, "POS"), (auxRelation, "aux"), (xcomp, "xcomp"), (acl, "acl"), (will, "will"),
        (shall, "shall"), (contractedWill, "'ll"), (wo, "wo"), (would, "would"), (have, "have"), (be, "be"),
        (go, "go"),
    ]
}
