import SitrepCore

/// The event-coding cascade of ``EventStage`` over one document.
struct EventCoder {
    let tokens: ParsedTokens
    let dictionary: CameoDictionary
    let actors: [ActorMention]
    /// Actor mention index of every token, -1 outside all mentions.
    let actorAt: [Int32]
    /// Whether each token lies in a named-entity mention.
    let inName: [Bool]
    /// Whether each token lies in a time expression.
    let inTime: [Bool]
    /// Whether each token lies in a headline: a sentence alone in its paragraph, in a
    /// document of several, of at most ``headlineLength`` tokens, with no final
    /// punctuation.
    let inHeadline: [Bool]
    /// Sentences that are one of the article's subheads ("Ambassador summoned"):
    /// a section's label, whose act the section itself tells.
    let subheadSentences: Set<Int>
    let times: [TimeExpression]
    /// Resolved places, for the event's place.
    let places: [PlaceMention]
    let paragraphs: [TextSpan]
    /// yyyymmdd, for the dictionaries' dated codes.
    let documentDay: Int32?
    let documentCalendarDay: CalendarDay?
    let text: String

    /// What the dictionary says about one verb token.
    struct VerbCode {
        var code: String
        var block: Int
        var pattern: String?
        var weight: Int
        /// Token where the pattern's `+` (target) or `$` (source) points, if any.
        var targetAnchor: Int?
        var sourceAnchor: Int?
    }

    init(tokens: ParsedTokens, dictionary: CameoDictionary, doc: Document) {
        self.tokens = tokens
        self.dictionary = dictionary
        self.actors = doc.actors
        var actorAt = [Int32](repeating: -1, count: tokens.count)
        var t = 0
        for (index, actor) in doc.actors.enumerated() {
            while t < tokens.count && tokens.words.ends[t] <= actor.span.start { t += 1 }
            var u = t
            while u < tokens.count && tokens.words.starts[u] < actor.span.end { actorAt[u] = Int32(index); u += 1 }
        }
        self.actorAt = actorAt
        // Names are no triggers: the tagger reads "United" in "the United Nations
        // lines" as a verb.
        self.inName = doc.tokensCovered(by: doc.entities.map(\.span))
        self.inTime = doc.tokensCovered(by: doc.times.map(\.span))
        // Sentences alone in their paragraph, in one pass over both sorted lists; a
        // headline stands over a body, so a document of one paragraph has none.
        var alone = [Bool](repeating: false, count: doc.sentences.count)
        var first = 0
        for paragraph in doc.paragraphs where doc.paragraphs.count > 1 {
            while first < doc.sentences.count && doc.sentences[first].start < paragraph.start { first += 1 }
            var end = first
            while end < doc.sentences.count && doc.sentences[end].end <= paragraph.end { end += 1 }
            if end == first + 1 { alone[first] = true }
            first = end
        }
        var inHeadline = [Bool](repeating: false, count: tokens.count)
        for (index, range) in tokens.words.sentences.enumerated()
        where index < alone.count && alone[index] && !range.isEmpty && range.count <= EventCoder.headlineLength
            && !EventCoder.finalPunctuation.contains(tokens.surface[range.upperBound - 1]) {
            for t in range { inHeadline[t] = true }
        }
        self.inHeadline = inHeadline
        // Compared with their runs of white space made one space.
        func words(_ text: Substring) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let subheads = Set(doc.article.subheads.map { words($0[...]) }.filter { !$0.isEmpty })
        self.subheadSentences = subheads.isEmpty ? [] : Set(doc.sentences.indices.filter {
            subheads.contains(words(doc.text(of: doc.sentences[$0])))
        })
        self.times = doc.times
        self.places = doc.places.filter { $0.latitude != nil }
        self.paragraphs = doc.paragraphs
        self.documentDay = ActorCoder.documentDay(doc)
        self.documentCalendarDay = ActorCoder.documentDate(doc)
        self.text = doc.text
    }

    // MARK: Word lists (each with the reason it exists)

    private static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map { WordKey.of($0) }) }
    /// Auxiliaries of the future: the act is announced, not done.
    static let futureAux = keys(["will", "'ll", "shall", "would", "wo"])
    /// Auxiliaries of possibility or obligation: nothing happened.
    static let hypotheticalAux = keys(["could", "might", "may", "should", "must", "can", "ca", "ought"])
    static let negators = keys(["not", "n't", "never", "no"])
    /// Auxiliaries of obligation: reported, a demand ("must") or an appeal
    /// ("should") to the clause's subject.
    static let obligationAux = keys(["must", "should"])
    static let mustWord = WordKey.of("must")
    /// Verbs whose infinitive complement is an intent ("plans to attack").
    static let intentVerbs = keys(["plan", "intend", "pledge", "promise", "vow", "aim", "seek", "want", "hope",
                                   "expect", "prepare", "threaten", "agree", "decide", "offer", "propose", "consider", "contemplate", "mull", "weigh",
                                   "wish", "mean", "resolve", "undertake", "volunteer", "go", "try", "attempt", "swear"])
    /// Verbs of attempting: an attempted act of force ("tried to hack into the
    /// computers", "attempted to storm the building") is the act, made whether
    /// or not it succeeded; an effort toward anything else ("is trying to
    /// negotiate") stays an intent.
    static let attemptVerbs = keys(["try", "attempt"])
    /// Common verbs of news whose dictionary default (or inferred) code is coded
    /// only with a target: with none, "take", "hold", "go", "buy", "sell", "pay",
    /// "cut", "want", "file" and the rest are business, sport and daily life far
    /// more often than a political act: on the news corpus some 3,800 events,
    /// nearly all of them noise, while the gold sets lose none.
    static let targetBoundVerbs = keys(["take", "hold", "go", "come", "buy", "sell", "pay", "purchase", "increase", "cut",
                                        "issue", "give", "need", "want", "lead", "leave", "introduce", "add", "file"])
    /// Verbs of rising and falling, which market and economic reports measure
    /// in amounts ("declined 29.8 pct", "rose one pence").
    static let changeVerbs = keys(["decline", "rise", "fall", "drop", "increase", "decrease", "grow", "gain", "lose", "jump", "climb",
                                   "slip", "ease", "slide", "plunge", "soar", "surge", "tumble", "rebound", "advance", "retreat", "dip",
                                   "shed", "add", "raise", "cut", "reduce", "lower", "boost", "lift"])
    /// The pattern name of a code inferred from a block's patterns (see ``verbCode(_:)``).
    static let inferredPattern = "(root of the block's patterns)"
    /// Verbs of forecasting: with an object, their infinitive complement is the
    /// object's act foreseen ("expects Taiwan to cut"), not the subject's.
    static let forecastVerbs = keys(["expect", "anticipate", "forecast", "predict", "project", "estimate"])
    /// Roots of the verbal acts a meeting or call can be made for: cooperation
    /// (05) and disapproval, rejection, threats and demands (10-13).
    static let purposeRoots: Set<String> = ["05", "10", "11", "12", "13"]
    /// Verbs of deliberation: their complement is an option weighed (014).
    static let consideringVerbs = keys(["consider", "contemplate", "mull", "weigh", "explore", "study"])
    /// Adjectives that make their infinitive hypothetical ("is unlikely to").
    static let hypotheticalAdjectives = keys(["unlikely", "likely", "possible", "able", "unable", "ready", "willing", "eager", "due", "set", "poised"])
    /// "is about to restore ties": the act is imminent. PETRARCH codes it as the
    /// act; Sitrep does too, with the flag `imminent`.
    static let aboutWord = WordKey.of("about")
    static let threatenWord = WordKey.of("threaten")
    static let decideWord = WordKey.of("decide")
    static let claimWord = WordKey.of("claim")
    /// Adjectives of a pessimistic comment (012) and of an optimistic one (013).
    static let pessimisticAdjectives = keys(["skeptical", "sceptical", "pessimistic", "concerned", "worried", "doubtful", "wary", "alarmed"])
    static let optimisticAdjectives = keys(["optimistic", "hopeful", "confident"])
    /// Roots of the acts of force a party claims responsibility for: force
    /// posture, coercion, assault, fighting, mass violence (15, 17-20).
    static let forceRoots: Set<String> = ["15", "17", "18", "19", "20"]
    /// Verbs whose infinitive complement did not happen; they code themselves
    /// by their own patterns, or, for ``refusingVerbs``, as the refusal of the
    /// act (``refusalCode(_:)``).
    static let negatingVerbs = keys(["refuse", "decline", "reject", "fail", "deny", "avoid", "stop", "cease", "halt", "oppose", "resist", "forget"])
    /// The negating verbs of a refusal: with no pattern of their own, they code
    /// the refused act's 12x ("refused to release" 1243).
    static let refusingVerbs = keys(["refuse", "decline"])
    /// Verbs whose object is the subject of their infinitive ("urged Iran to talk").
    static let objectControl = keys(["urge", "ask", "call", "order", "force", "invite", "allow", "help", "encourage",
                                     "persuade", "tell", "warn", "press", "pressure", "request", "appeal", "compel"])
    static let pluralPronouns = keys(["they", "we"])
    /// Documents a party issues: what the document does ("a statement condemning
    /// the attack") is the party's act.
    static let statementNouns = keys(["statement", "declaration", "communique", "communiqué", "resolution", "letter", "message"])
    /// Documents, whose participles ("a report released Tuesday") tell how they came out.
    static let documentNouns = statementNouns.union(keys(["report", "study", "survey", "poll", "document", "documents", "video",
                                                          "footage", "book", "paper", "audit", "review", "transcript", "recording",
                                                          "figures", "data", "memo", "cable", "cables", "dossier"]))
    /// Verbs that issue a statement as their own (not "vetoed a resolution condemning ...").
    static let issuingVerbs = keys(["issue", "release", "publish", "adopt", "pass", "send", "deliver", "sign", "read", "post", "circulate", "approve"])
    /// Roots of the acts a statement can carry out: appeals (02), cooperation (05),
    /// disapproval, rejection, threats and demands (10-13).
    static let statementActRoots: Set<String> = ["02", "05", "10", "11", "12", "13"]
    static let conditionalMarks = keys(["if", "unless", "whether"])
    /// Prepositions of what talks are about ("negotiations on a pullback").
    static let topicCases = keys(["on", "about", "over", "regarding", "concerning"])
    /// Prepositions that introduce a target.
    static let targetCases = keys(["to", "against", "with", "on", "toward", "towards", "into", "from", "for", "over", "upon", "at", "between", "about", "onto"])
    /// Prepositions of a passive verb's agent or cause ("killed by a bomb",
    /// "killed in an airstrike").
    static let passiveCauseCases = keys(["by", "in"])
    /// Prepositions of a phrase that says when, or despite what, an act happened.
    static let circumstanceCases = keys(["after", "before", "since", "amid", "amidst", "following", "during", "despite", "until"])
    /// CAMEO roots of the acts that fall on a place: a visit or meeting there
    /// (its host), a demand made there ("asked for asylum in Canada"), threats,
    /// protest, force posture, coercion, assault, fight, mass violence.
    static let placeTargetRoots: Set<String> = ["04", "10", "13", "14", "15", "17", "18", "19", "20"]
    /// The rule of a target that is only the source's own means, an object with
    /// no country or the source's own military ("sent troops", "strengthened its
    /// forces"), taken when the act names no other party.
    static let instrumentRule = "object, the act's means"
    /// Prepositions of the party an act goes to or is done for.
    static let recipientCases = keys(["to", "for"])
    /// Prepositions that introduce a location, the last resort for a target.
    static let locativeCases = keys(["in", "inside", "near", "across", "throughout", "within", "outside", "around"])
    /// Particles of phrasal verbs that the parser may take for prepositions.
    static let verbParticles = keys(["off", "up", "down", "out"])
    static let byWord = WordKey.of("by")
    static let withWord = WordKey.of("with")
    static let haveWord = WordKey.of("have")
    static let toWord = WordKey.of("to")
    static let thatWord = WordKey.of("that")
    static let ofWord = WordKey.of("of")
    static let commaWord = WordKey.of(",")
    static let whatWord = WordKey.of("what")
    static let asWord = WordKey.of("as")
    /// Verbs that name what a free relative stands for ("what the army called targets").
    static let namingVerbs = keys(["call", "describe", "term", "label", "dub", "brand"])
    /// The longest sentence read as a headline.
    static let headlineLength = 12
    static let finalPunctuation = keys([".", "!", "?", "…", "\"", "”", "'", "’", ":"])
    static let atWord = WordKey.of("at")
    static let quantityHeads = keys(["ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
                                     "scores", "some", "many", "most", "all", "group", "groups", "member", "members", "number", "majority",
                                     "third", "half", "quarter", "one", "two", "three", "several", "crowd", "crowds"])
    static let accordingWord = WordKey.of("according")
    static let agreeWord = WordKey.of("agree")
    static let askWord = WordKey.of("ask")
    static let hitWord = WordKey.of("hit")
    static let callWord = WordKey.of("call")
    static let declineWord = WordKey.of("decline")
    /// Words that open an asked question ("asked whether ...", "asked why ...").
    static let questionWords = keys(["whether", "if", "why", "what", "how", "when", "where", "who", "which", "whom"])

    /// Relations whose subtrees are not part of a verb's own clause.
    static let clauseStops: Set<String> = ["nsubj", "nsubj:pass", "csubj", "csubj:pass", "ccomp", "advcl", "parataxis",
                                           "conj", "punct", "acl:relcl", "list", "cc", "mark", "discourse", "vocative", "dep", "reparandum"]
    /// Relations of the embedded clauses a saying verb reports.
    static let reportRelations: Set<String> = ["ccomp", "parataxis", "xcomp", "advcl"]

    // MARK: Coding

    mutating func code() -> [Event] {
        var events: [Event] = []
        for (sentenceIndex, sentence) in tokens.words.sentences.enumerated() where !sentence.isEmpty && !subheadSentences.contains(sentenceIndex) {
            if let discard = dictionary.discards.occurs(in: tokens.surface, sentence), !dictionary.discards.payloads[discard] { continue }
            events += codeSentence(sentence, index: sentenceIndex)
        }
        return events
    }

    private func codeSentence(_ sentence: Range<Int>, index: Int) -> [Event] {
        var verbCodes: [Int: VerbCode] = [:]
        var questions = Set<Int>()
        for v in sentence where tokens.upos[v] == "VERB" && !inName[v] {
            // "according to" is a preposition, whatever its tag.
            if tokens.surface[v] == EventCoder.accordingWord && v + 1 < sentence.upperBound && tokens.surface[v + 1] == EventCoder.toWord { continue }
            if isOpeningModifier(v, in: sentence) { continue }
            // "a report released Tuesday", "a statement issued by the ministry": the
            // participle says how a document came out, not an act between parties.
            if tokens.deprel[v] == "acl" && tokens.xpos[v] == "VBN" && tokens.head[v] >= 0
                && EventCoder.documentNouns.contains(tokens.lemma[tokens.head[v]]) { continue }
            // "production declined to 358,661", "the surplus would decline": a
            // decline with neither object nor complement is a fall, no refusal.
            if tokens.lemma[v] == EventCoder.declineWord,
               !tokens.children[v].contains(where: { ["obj", "xcomp", "ccomp", "nsubj:pass"].contains(tokens.deprel[$0]) }) { continue }
            if let question = askedQuestion(v) {
                // Nor is what the question asks about an act: "was asked whether
                // the government was agreeing to the measure".
                if case .clause(let clause) = question { questions.formUnion(tokens.subtree(clause, stop: [])) }
                continue
            }
            if var code = verbCode(v) {
                // CALL's default is a telephone call (041): "Putin called Bush". "called
                // the plan pathetic", "a documentary called ...", "what Brazil is
                // calling for --" name or describe; they call no one.
                if tokens.lemma[v] == EventCoder.callWord, code.pattern == nil, !isPhoneCall(v) { continue }
                // "agreed to reopen the border", "agreed to a ceasefire": CAMEO codes an
                // agreement about a future act as an intent (03x), the act as intent
                // when the dictionary knows it (handled with the other intent verbs).
                if tokens.lemma[v] == EventCoder.agreeWord && code.weight == 0 && code.code.hasPrefix("05"),
                   tokens.children[v].contains(where: { tokens.deprel[$0] == "xcomp" || (tokens.baseRelation($0) == "obl" && tokens.caseWord(of: $0) == EventCoder.toWord) }) {
                    code.code = "030"
                }
                verbCodes[v] = code
            }
        }
        for q in questions { verbCodes[q] = nil }
        var suppressed = Set<Int>()
        var intent = Set<Int>()
        var dropped = Set<Int>()
        recodeReportedObligations(in: sentence, &verbCodes, dropped: &dropped)
        recodeReportedAttitudes(in: sentence, &verbCodes, dropped: &dropped)
        guard !verbCodes.isEmpty else { return [] }
        recodeStatedPurposes(&verbCodes, dropped: &dropped)
        recodeClaimedActs(&verbCodes, suppressed: &suppressed)
        // Modality and control (step 2).
        var negated = Set<Int>()
        // Acts a party considers ("is considering giving money"): CAMEO's 014.
        var considered = Set<Int>()
        var imminent = Set<Int>()
        // Acts threatened ("threatened to institute a curfew"): CAMEO's 13.
        var threatened = Set<Int>()
        for v in verbCodes.keys.sorted() {
            if tokens.hasChild(v, relations: ["advmod", "aux", "det"], lemmas: EventCoder.negators) {
                // "would not provide support": a refusal (12x) where CAMEO has one. A
                // thought, forecast or effect denied ("did not expect prices to rise",
                // "does not think", "would not affect the rating") refuses nothing.
                if let code = verbCodes[v], !isCognition(code), let refusal = EventCoder.refusalCode(code.code) {
                    verbCodes[v]!.code = refusal
                    negated.insert(v)
                } else {
                    dropped.insert(v)
                }
                continue
            }
            if tokens.hasChild(v, relations: ["aux"], lemmas: EventCoder.hypotheticalAux) ||
               tokens.hasChild(v, relations: ["mark"], lemmas: EventCoder.conditionalMarks) {
                dropped.insert(v)
                continue
            }
            // The purpose of a hypothetical act ("could send troops to help Kuwait")
            // is as hypothetical as the act.
            if isInfinitiveAdverbial(v), tokens.head[v] >= 0, tokens.hasChild(tokens.head[v], relations: ["aux"], lemmas: EventCoder.hypotheticalAux) {
                dropped.insert(v)
                continue
            }
            if tokens.hasChild(v, relations: ["aux"], lemmas: EventCoder.futureAux) { intent.insert(v) }
            var child = v
            var parent = tokens.head[v]
            // An infinitive the parser hung as an adverbial clause of an intent or
            // refusal verb ("has sworn to attack") is its complement all the same.
            while parent >= 0 && (tokens.deprel[child] == "xcomp"
                                  || (isInfinitiveAdverbial(child) && (EventCoder.intentVerbs.contains(tokens.lemma[parent]) || EventCoder.negatingVerbs.contains(tokens.lemma[parent])))
                                  || (isInfinitiveAdverbial(child) && tokens.upos[parent] == "VERB" && verbCodes[parent] == nil)) {
                let lemma = tokens.lemma[parent]
                // A purpose under an act no pattern codes ("is willing to send
                // material to help defend Saudi Arabia", "would send troops to help")
                // is the act's purpose: the act's own mood is the purpose's.
                if tokens.deprel[child] == "advcl" && verbCodes[parent] == nil {
                    if tokens.hasChild(parent, relations: ["aux"], lemmas: EventCoder.hypotheticalAux) { dropped.insert(v); break }
                    if tokens.hasChild(parent, relations: ["aux"], lemmas: EventCoder.futureAux) { intent.insert(v) }
                }
                if EventCoder.negatingVerbs.contains(lemma) {
                    dropped.insert(v)
                    // "refused to release the prisoners", "refused to meet": a refusal
                    // of a coded act is CAMEO's refusal of it (1243, 125), as "did not"
                    // makes it, where the refusing verb has no pattern of its own
                    // ("declined to comment" 011, "refused to sign the treaty" 127
                    // keep theirs). Stopping or failing is no refusal.
                    if EventCoder.refusingVerbs.contains(lemma), tokens.deprel[child] == "xcomp", child == v,
                       let act = verbCodes[v], let refusal = EventCoder.refusalCode(act.code),
                       verbCodes[parent].map({ $0.pattern == nil || $0.pattern == EventCoder.inferredPattern }) != false {
                        verbCodes[parent] = VerbCode(code: refusal, block: -1, pattern: "a refused act (\"refused to \(tokens.words.text(v..<(v + 1)))\")",
                                                     weight: 1, targetAnchor: nil, sourceAnchor: nil)
                    }
                    break
                }
                // "Industry sources expect China to import 10 mln tonnes": an act
                // foreseen of someone else is neither the forecaster's intent nor an
                // act yet, and the forecast itself is no act toward its object.
                if EventCoder.forecastVerbs.contains(lemma) && tokens.deprel[child] == "xcomp"
                    && tokens.children[parent].contains(where: { tokens.deprel[$0] == "obj" && $0 < child }) {
                    dropped.insert(v); suppressed.insert(parent); break
                }
                if tokens.upos[parent] == "ADJ" && lemma == EventCoder.aboutWord { imminent.insert(v) }
                if tokens.upos[parent] == "ADJ" && EventCoder.hypotheticalAdjectives.contains(lemma) {
                    if lemma == WordKey.of("unlikely") || lemma == WordKey.of("unable") { dropped.insert(v) } else { intent.insert(v) }
                }
                if EventCoder.intentVerbs.contains(lemma) {
                    suppressed.insert(parent)
                    // A decision to yield is the yielding ("decided to ease sanctions",
                    // "to allow the candidate", "to lift the ban"): a government's or a
                    // court's decision is its act of policy, CAMEO's 08, not an intent.
                    let attemptedForce = EventCoder.attemptVerbs.contains(lemma)
                        && verbCodes[v].map { EventCoder.forceRoots.contains(String($0.code.prefix(2))) } == true
                    let decidedYield = lemma == EventCoder.decideWord && verbCodes[v]?.code.hasPrefix("08") == true
                    if !attemptedForce && !decidedYield { intent.insert(v) }
                    if lemma == EventCoder.threatenWord { threatened.insert(v) }
                }
                if EventCoder.consideringVerbs.contains(lemma) { considered.insert(v) }
                if tokens.hasChild(parent, relations: ["advmod", "aux"], lemmas: EventCoder.negators) { dropped.insert(v); break }
                child = parent
                parent = tokens.head[parent]
            }
        }
        // A statement that acts (step 3b): "issued a statement condemning the attack",
        // "released a statement calling on Iraq to withdraw": the participle is the
        // act, its source the issuer (``statementIssuer(of:)``); the issuing is not coded.
        for v in verbCodes.keys where statementAct(of: v, verbCodes: verbCodes) != nil { suppressed.insert(v) }
        // Reported speech (step 4): a saying verb reporting a coded clause is not coded.
        // A clause set aside ("declined to comment": the comment was not made) reports
        // nothing, and the verb's own pattern stands ("* comment" 011).
        for (v, code) in verbCodes where code.code.hasPrefix("01") {
            if code.weight == 0 { suppressed.insert(v); continue }
            for c in tokens.children[v] where EventCoder.reportRelations.contains(tokens.deprel[c]) {
                // A saying verb of its own in an adverbial clause reports that clause
                // ("claimed responsibility ..., saying they had downed the helicopter":
                // the claim, 015, stands).
                if tokens.deprel[c] == "advcl" && verbCodes[c]?.code.hasPrefix("01") == true { continue }
                if tokens.subtree(c).contains(where: { verbCodes[$0] != nil && $0 != v && !dropped.contains($0) }) { suppressed.insert(v) }
            }
        }
        // The sentence's main events (step 6): the coded verbs nearest the root of the
        // parse, counting the verbs whose own event was set aside (a saying verb, an
        // intent verb) as transparent, and their conjuncts. A news sentence reports one
        // act and mentions others in its subordinate clauses ("... to help identify
        // victims killed by ..."); those are left out.
        let live = verbCodes.keys.filter { !suppressed.contains($0) && !dropped.contains($0) }
        var depth: [Int: Int] = [:]
        for v in live {
            var d = 0
            var t = tokens.head[v]
            var child = v
            while t >= 0 {
                if tokens.deprel[child] != "conj" && !(suppressed.contains(t) || dropped.contains(t)) { d += 1 }
                child = t
                t = tokens.head[t]
            }
            depth[v] = d
        }
        let shallowest = depth.values.min() ?? 0
        var out: [Event] = []
        var seen = Set<String>()
        // Of several main verbs ("rejected the plan and said they opposed the force"),
        // the first carries the sentence's news; a later one is coded only when it
        // names its own target ("attacked Iraq and shelled Syria").
        let mainVerbs = live.sorted().filter { depth[$0] == shallowest }
        for v in mainVerbs where v == mainVerbs.first || hasOwnTarget(v) {
            guard var verb = verbCodes[v] else { continue }
            var flags: [String] = []
            if negated.contains(v) {
                flags.append("refusal")
            } else if imminent.contains(v) && !intent.contains(v) {
                flags.append("imminent")
            } else if considered.contains(v) {
                // Considering an act is no intent to do it yet: CAMEO codes the
                // deliberation itself, "consider policy option".
                verb.code = "014"
                flags.append("intent")
            } else if intent.contains(v) {
                verb.code = threatened.contains(v) ? EventCoder.threatCode(verb.code) : EventCoder.intentCode(verb.code)
                flags.append("intent")
            }
            let passive = isPassive(v)
            var sources = sourceActors(of: v, passive: passive)
            if let anchor = verb.sourceAnchor, let a = firstActor(from: anchor, in: v) { sources = [a] }
            var targets: [(actor: Int, code: String, rule: String)] = []
            if let anchor = verb.targetAnchor, let a = firstActor(from: anchor, in: v) {
                targets = [(a, actors[a].code, "pattern +")]
            } else {
                let sourceCountries = Set(sources.compactMap { ActorCoder.countryPart(actors[$0].code) })
                // Talks "on", "about" or "over" something are about it: "Israel and
                // Lebanon renewed negotiations on an Israeli troop pullback" consult
                // each other, not Israel's army.
                let topics = verb.code.hasPrefix("04") ? EventCoder.topicCases : []
                targets = targetActors(of: v, passive: passive, sourceCountries: sourceCountries, topicCases: topics)
            }
            // Force (18-20) is never aimed at the means it uses: "Russia launched
            // drones" with no one named has no target, not Russia's own military.
            // (An object with no country, "killed 52 policemen", stays: it is whom
            // the force falls on; so does a state's military that another party of
            // the country attacks, "the Taliban killed 26 Afghan soldiers".)
            func isOwnMeans(_ t: (actor: Int, code: String, rule: String)) -> Bool {
                guard t.rule == EventCoder.instrumentRule, let country = ActorCoder.countryPart(t.code) else { return false }
                return sources.contains { s in
                    let code = actors[s].code
                    guard ActorCoder.countryPart(code) == country else { return false }
                    let role = code.dropFirst(3)
                    return role.isEmpty || role.hasPrefix("GOV") || role.hasPrefix("MIL")
                }
            }
            if !targets.isEmpty, ["18", "19", "20"].contains(String(verb.code.prefix(2))), targets.allSatisfy(isOwnMeans) {
                targets = []
            }
            if targets.isEmpty && verb.code.hasPrefix("14") {
                targets = statedDemandTargets(of: v, verbCodes: verbCodes, sources: sources)
            }
            // A place is a target only for an act that falls on a place or its
            // host: force, coercion, protest, threats, visits ("shelled positions
            // in Gaza", "a protest in Beijing", "arrived in Amman"). Where others
            // happen ("agreed in Paris", "traded in US dollars", "a report released
            // in Kigali") names no party.
            if targets.allSatisfy({ $0.rule == "location" }), !EventCoder.placeTargetRoots.contains(String(verb.code.prefix(2))) {
                targets = []
            }
            // A curfew, state of emergency or martial law (172x) falls on the people of
            // the place it is imposed on: "imposed a curfew in the town of Cizre" `TURCVL`.
            if verbCodes[v]?.code.hasPrefix("172") == true {
                targets = targets.map { $0.rule == "location" && $0.code.count == 3 ? ($0.actor, $0.code + "CVL", "population of the place") : $0 }
            }
            // A forecast or thought about no one ("the company expects profits
            // to rise", "Britain expects growth of 2%") is no act toward anyone.
            if targets.isEmpty && isCognition(verb) { continue }
            // "took responsibility", "bought 17 mln stg of bills", "went home": a
            // common verb's default code (171 seize, 061 buy, 040 go), or the code
            // inferred from its block's patterns (060 for "sold"), names an act
            // toward someone, and with no one it is no event. An option weighed
            // ("considering introducing legislation", 014) stays.
            // "truck sales declined 29.8 pct", "shares fell 3 pence": a verb of change
            // whose object is an amount measures the change, and with no target it
            // is no act ("gave 352.5 million euros" is one, and stays).
            if targets.isEmpty && EventCoder.changeVerbs.contains(tokens.lemma[v])
                && tokens.children[v].contains(where: { tokens.deprel[$0] == "obj" && isAmount($0) }) { continue }
            if targets.isEmpty && verb.block >= 0 && (verb.pattern == nil || verb.pattern == EventCoder.inferredPattern)
                && !considered.contains(v) && EventCoder.targetBoundVerbs.contains(tokens.lemma[v]) { continue }
            // "airlines hit by a drop in business", "the strike will hit the
            // company": "hit" with no party behind it or none it falls on is a
            // figure of speech (a weapon has its own patterns: "hit by a missile").
            let figurative = tokens.lemma[v] == EventCoder.hitWord && verb.pattern == nil
            if figurative && (sources.isEmpty || targets.isEmpty) { continue }
            if sources.isEmpty {
                // The act is coded even when its agent is not a known actor ("the
                // strike killed 12 soldiers"): the source stays null, never a guess.
                // With no actor on either side ("the strike killed 12", "with actors
                // reversed") the verb says nothing of who did what to whom, and an
                // event table has no row for it. A thought or forecast with no
                // thinker is no act at all.
                guard !targets.isEmpty, !isCognition(verb) else { continue }
                sources = [-1]
                flags.append("no-source")
            }
            // "French and Egyptian warships launched 10 days of war games": a show of
            // force (150) that the forces of two countries stage together at no one
            // named is military cooperation, CAMEO's 062 (the manual's example).
            if verb.code == "150", targets.isEmpty,
               Set(sources.compactMap { $0 >= 0 ? ActorCoder.countryPart(actors[$0].code) : nil }).count > 1 {
                verb = VerbCode(code: "062", block: -1, pattern: "a show of force (150) that two countries' forces stage together",
                                weight: verb.weight, targetAnchor: nil, sourceAnchor: nil)
            }
            let reporter = reportingSource(of: v)
            for source in sources {
                let sourceCode = source >= 0 ? actors[source].code : ""
                var targetList = targets.filter { $0.actor != source && $0.code != sourceCode }
                // "The US, Russia and Switzerland met": a meeting of conjoined
                // parties with no one else is each one's meeting with the others.
                // The place of the meeting ("met in Paris") is no party to it then.
                if targets.allSatisfy({ $0.rule == "location" }), sources.count > 1, isMeeting(verb, v) {
                    targetList = sources.filter { $0 >= 0 && $0 != source && actors[$0].code != sourceCode }.map { ($0, actors[$0].code, "conjoined party") }
                }
                if targetList.isEmpty {
                    if figurative { continue }
                    targetList = [(-1, "", "none")]
                }
                for target in targetList {
                    let key = "\(sourceCode)|\(target.code)|\(verb.code)"
                    guard seen.insert(key).inserted else { continue }
                    out.append(makeEvent(verb: verb, v: v, sentence: sentence, source: source, target: target,
                                         reporter: reporter, flags: flags))
                }
            }
        }
        return out
    }

    /// Step 1b: "Straw said the government and the rebels must reach an
    /// agreement": what a party says another must do is its demand on it (CAMEO
    /// 10), and what it should do its appeal (02); the act itself has not
    /// happened, and the verbs of the clause are set aside. "It should have been
    /// more convincing" judges the past and asks nothing.
    private func recodeReportedObligations(in sentence: Range<Int>, _ verbCodes: inout [Int: VerbCode], dropped: inout Set<Int>) {
        for w in sentence where tokens.deprel[w] == "ccomp" && tokens.hasChild(w, relations: ["aux"], lemmas: EventCoder.obligationAux) {
            let p = tokens.head[w]
            guard p >= 0, tokens.upos[p] == "VERB", !inName[p],
                  !tokens.hasChild(w, relations: ["aux"], lemmas: [EventCoder.haveWord]),
                  tokens.children[p].contains(where: { tokens.deprel[$0] == "nsubj" }),
                  !tokens.hasChild(p, relations: ["advmod", "aux"], lemmas: EventCoder.negators),
                  tokens.children[w].contains(where: { tokens.deprel[$0] == "nsubj" && !actorsOfPhrase($0).isEmpty }) else { continue }
            if let own = verbCodes[p], !own.code.hasPrefix("01") { continue }
            let demand = tokens.hasChild(w, relations: ["aux"], lemmas: [EventCoder.mustWord])
            verbCodes[p] = VerbCode(code: demand ? "100" : "020", block: -1,
                                    pattern: demand ? "a reported obligation (\"must\")" : "a reported recommendation (\"should\")", weight: 1,
                                    targetAnchor: nil, sourceAnchor: nil)
            for x in tokens.subtree(w) where x != p && verbCodes[x] != nil { dropped.insert(x) }
        }
    }

    /// Step 1c: "said it is skeptical of the government's claim", "said he
    /// was very pessimistic about the chances of resuming peace talks": the acts
    /// a reported attitude is about have not happened, and the verbs of its
    /// clause are set aside. Toward an actor ("skeptical of the government's
    /// claim") the attitude is the speaker's comment on it, pessimistic (CAMEO
    /// 012) or optimistic (013), coded at the adjective, whose subject is the
    /// speaker; about no actor ("confident of progressing in the competition")
    /// it is no event.
    private func recodeReportedAttitudes(in sentence: Range<Int>, _ verbCodes: inout [Int: VerbCode], dropped: inout Set<Int>) {
        for w in sentence where tokens.deprel[w] == "ccomp" && tokens.upos[w] == "ADJ" {
            let pessimistic = EventCoder.pessimisticAdjectives.contains(tokens.lemma[w])
            guard pessimistic || EventCoder.optimisticAdjectives.contains(tokens.lemma[w]) else { continue }
            let p = tokens.head[w]
            guard p >= 0, tokens.upos[p] == "VERB", !inName[p], isSaying(p),
                  !tokens.hasChild(w, relations: ["advmod", "aux"], lemmas: EventCoder.negators) else { continue }
            for x in tokens.subtree(w) where verbCodes[x] != nil { dropped.insert(x) }
            guard let about = tokens.children[w].first(where: { tokens.baseRelation($0) == "obl" && !actorsOfPhrase($0).isEmpty }) else { continue }
            verbCodes[w] = VerbCode(code: pessimistic ? "012" : "013", block: -1,
                                    pattern: "a reported attitude (\"said it is \(tokens.words.text(w..<(w + 1)))\")", weight: 1,
                                    targetAnchor: tokens.subtree(about).min(), sourceAnchor: nil)
        }
    }

    /// Step 1d: "summoned the Chinese ambassador to complain", "called his
    /// counterpart to congratulate him": a meeting or call (04x) made for a stated
    /// verbal act is that act, by the caller to the called (CAMEO codes the
    /// complaint, 11x); the purpose verb is set aside.
    private func recodeStatedPurposes(_ verbCodes: inout [Int: VerbCode], dropped: inout Set<Int>) {
        for v in verbCodes.keys.sorted() where verbCodes[v]!.code.hasPrefix("04") {
            for c in tokens.children[v] where isInfinitiveAdverbial(c) || (tokens.deprel[c] == "xcomp" && tokens.xpos[c] == "VB") {
                guard let purpose = verbCodes[c], EventCoder.purposeRoots.contains(String(purpose.code.prefix(2))) else { continue }
                let block = dictionary.verbs.blocks.indices.contains(purpose.block) ? " (\(dictionary.verbs.blocks[purpose.block].name))" : ""
                verbCodes[v] = VerbCode(code: purpose.code, block: -1, pattern: "made to \"\(tokens.words.text(c..<(c + 1)))\"\(block)", weight: purpose.weight,
                                        targetAnchor: nil, sourceAnchor: nil)
                dropped.insert(c)
                break
            }
        }
    }

    /// Step 1e: "the rebels claimed that they had attacked the base": a party
    /// claiming its own act of force (the clause's subject a pronoun coded as
    /// the claimer is) claims responsibility for it, CAMEO's 015, toward the
    /// act's target; the claim itself is not coded. A claim that another party
    /// acted ("claimed that Iraq attacked") keeps the claim verb's own code.
    private func recodeClaimedActs(_ verbCodes: inout [Int: VerbCode], suppressed: inout Set<Int>) {
        func actorCode(_ t: Int) -> String? { actorAt[t] >= 0 ? actors[Int(actorAt[t])].code : nil }
        for v in verbCodes.keys.sorted() where tokens.lemma[v] == EventCoder.claimWord {
            let claimers = Set(tokens.children[v].filter { tokens.deprel[$0] == "nsubj" }.flatMap { actorsOfPhrase($0) }.map { actors[$0].code })
            guard !claimers.isEmpty else { continue }
            for c in tokens.children[v] where tokens.deprel[c] == "ccomp" {
                guard let act = verbCodes[c], EventCoder.forceRoots.contains(String(act.code.prefix(2))),
                      tokens.children[c].contains(where: { tokens.deprel[$0] == "nsubj" && tokens.upos[$0] == "PRON" && actorCode($0).map(claimers.contains) == true })
                else { continue }
                verbCodes[c] = VerbCode(code: "015", block: -1, pattern: "an act its own party claims (\"claimed that they had attacked\")",
                                        weight: 1, targetAnchor: nil, sourceAnchor: nil)
                suppressed.insert(v)
                break
            }
        }
    }

    /// A participle opening the sentence before its noun ("Ousted President Askar
    /// Akayev has agreed ...", "Captured soldiers were freed") describes the
    /// noun by an earlier act: the sentence's news is its own verb.
    private func isOpeningModifier(_ v: Int, in sentence: Range<Int>) -> Bool {
        v == sentence.lowerBound && tokens.xpos[v] == "VBN" && v + 1 < sentence.upperBound && tokens.xpos[v + 1].hasPrefix("NN")
            && !tokens.children[v].contains { tokens.baseRelation($0) == "aux" || tokens.deprel[$0].hasPrefix("nsubj") }
    }

    /// Verbs whose conjoined subjects meet each other ("France and Germany met").
    static let reciprocalVerbs = keys(["meet", "confer", "consult", "talk", "negotiate"])

    /// A meeting or talks (040, 046) whose parties are its subjects: "met", "held
    /// talks", not "visited" (042) or "came out top" (040 by ARRIVE's default).
    private func isMeeting(_ verb: VerbCode, _ v: Int) -> Bool {
        verb.code == "046" || (verb.code == "040" && EventCoder.reciprocalVerbs.contains(tokens.lemma[v]))
    }

    /// An infinitive without a subject of its own hung as an adverbial clause
    /// ("threatened on Monday to break relations"): often a complement the parser
    /// misread, and in any case controlled by its verb's subject.
    private func isInfinitiveAdverbial(_ c: Int) -> Bool {
        tokens.deprel[c] == "advcl" && tokens.xpos[c] == "VB"
            && tokens.children[c].contains { tokens.deprel[$0] == "mark" && tokens.surface[$0] == EventCoder.toWord }
            && !tokens.children[c].contains { tokens.deprel[$0] == "nsubj" || tokens.deprel[$0] == "nsubj:pass" }
    }

    /// Whether `v` ("call") calls a party: its object is an actor, and no
    /// predicate says what the object is called ("called the plan pathetic").
    private func isPhoneCall(_ v: Int) -> Bool {
        guard tokens.deprel[v] != "acl" else { return false }
        let children = tokens.children[v]
        if children.contains(where: { ["xcomp", "ccomp"].contains(tokens.deprel[$0]) }) { return false }
        return children.contains { tokens.deprel[$0] == "obj" && actorAt[$0] >= 0 }
    }

    /// A question asked: its clause ("asked whether ..."), or a topic ("asked about ...").
    private enum AskedQuestion {
        case clause(Int)
        case topic
    }

    /// The question `v` asks, if it asks one rather than making a request: "was asked
    /// whether Saudi Arabia would cut output", "asked why the US attacked",
    /// "asked about the remark". CAMEO's 02 is an appeal or request ("asked
    /// Iran to release", "asked for a probe"); a reporter's question is none.
    private func askedQuestion(_ v: Int) -> AskedQuestion? {
        guard tokens.lemma[v] == EventCoder.askWord,
              !tokens.children[v].contains(where: { tokens.deprel[$0] == "xcomp" }) else { return nil }
        for c in tokens.children[v] {
            switch tokens.baseRelation(c) {
            case "ccomp", "advcl":
                // The clause's first word: "whether", "if", "why", "what", "how", ...
                let first = tokens.subtree(c, stop: []).min() ?? c
                if EventCoder.questionWords.contains(tokens.surface[first]) || EventCoder.questionWords.contains(tokens.lemma[first]) { return .clause(c) }
            case "obl":
                if tokens.caseWord(of: c) == EventCoder.aboutWord { return .topic }
            default:
                continue
            }
        }
        return nil
    }

    private func hasOwnTarget(_ v: Int) -> Bool {
        let passive = isPassive(v)
        return targetActors(of: v, passive: passive).contains { $0.rule == "object" || $0.rule == EventCoder.instrumentRule || $0.rule == "passive subject" }
    }

    /// Whether a verb before token `limit` governs `t`, directly or through others.
    private func isUnderEarlierVerb(_ t: Int, before limit: Int) -> Bool {
        var a = tokens.head[t]
        while a >= 0 {
            if a < limit && tokens.upos[a] == "VERB" { return true }
            a = tokens.head[a]
        }
        return false
    }

    /// Whether token `t` is a saying verb: its dictionary form codes a statement (01x)
    /// before any pattern ("said", "told", "announced").
    private func isSaying(_ t: Int) -> Bool {
        guard tokens.upos[t] == "VERB", let form = dictionary.verbs.forms(surface: tokens.surface[t], lemma: tokens.lemma[t]).first else { return false }
        return !form.patternsOnly && (form.code ?? dictionary.verbs.blocks[form.block].defaultCode)?.hasPrefix("01") == true
    }

    /// Step 1: the dictionary code of verb token `v`, or nil.
    private func verbCode(_ v: Int) -> VerbCode? {
        let forms = dictionary.verbs.forms(surface: tokens.surface[v], lemma: tokens.lemma[v])
        guard !forms.isEmpty else { return nil }
        let clause = tokens.subtree(v, stop: EventCoder.clauseStops)
        var post = clause.filter { $0 > v }
        var pre = clause.filter { $0 < v }
        let passive = isPassive(v)
        let passiveSubjects = passive ? passiveSubjects(of: v) : []
        for c in tokens.children[v] where tokens.deprel[c] == "nsubj" || tokens.deprel[c] == "nsubj:pass" {
            let subject = tokens.subtree(c, stop: ["acl:relcl", "acl", "appos"])
            if passiveSubjects.contains(c) {
                // The passive subject is the active voice's object: "Evidence against
                // Russia was presented by the US" matches "* evidence against +".
                pre.removeAll { subject.contains($0) }
                post = subject + post
            } else {
                pre += subject
            }
        }
        // The dictionary writes its patterns in the active voice, with the agent
        // or the weapon before the verb ("car bomb killed", "airstrike killed").
        // A passive names them after it: "was killed by a car bomb", "killed in
        // an airstrike".
        if passive || isPastParticiple(v) {
            for c in tokens.children[v] where tokens.deprel[c].hasPrefix("obl") {
                guard let preposition = tokens.caseWord(of: c), EventCoder.passiveCauseCases.contains(preposition) else { continue }
                pre += tokens.subtree(c, stop: EventCoder.clauseStops)
            }
        }
        pre.sort()
        // The words of a phrase that says when or despite what the act happened
        // ("declined to resign after allegations", "postponed the talks amid
        // protests") are no object of the verb: only a pattern that names the
        // phrase's preposition ("* ( after protest )") may match them, or one that
        // marks the verb's use as no event at all ("---").
        // So are the party an act goes to or is done for: in "gave firearms to
        // the Philippine Marines" and "sent troops to the UN mission", the
        // marines and the mission are the target, not what was given or sent.
        // Found when a pattern first matches: most verbs match none.
        var circumstantialWords: Set<Int>?
        func isCircumstantial(_ word: Int) -> Bool {
            if circumstantialWords == nil {
                var found = Set<Int>()
                for t in [v] + post where tokens.upos[t] == "VERB" || t == v {
                    for c in tokens.children[t] where tokens.baseRelation(c) == "obl" {
                        guard let preposition = tokens.caseWord(of: c) else { continue }
                        if EventCoder.circumstanceCases.contains(preposition) {
                            found.formUnion(tokens.subtree(c, stop: EventCoder.clauseStops))
                        } else if EventCoder.recipientCases.contains(preposition) {
                            found.formUnion(tokens.subtree(c, stop: EventCoder.clauseStops).filter { actorAt[$0] >= 0 })
                        }
                    }
                }
                circumstantialWords = found
            }
            return circumstantialWords!.contains(word)
        }
        // Prefer a form whose particles are present ("call off" over "call").
        var best: (form: VerbDictionary.Form, particles: Int)?
        for form in forms {
            if !form.particles.isEmpty {
                guard matchWords(form.particles, in: post) != nil else { continue }
            }
            if best == nil || form.particles.count > best!.particles { best = (form, form.particles.count) }
        }
        guard let form = best?.form else { return nil }
        let block = dictionary.verbs.blocks[form.block]
        var chosen: (pattern: VerbDictionary.Pattern, target: Int?, source: Int?, nearest: Int?)?
        // The words of the clause, surface and lemma, to skip patterns quickly.
        var present: [UInt64] = []
        present.reserveCapacity(2 * (pre.count + post.count))
        for t in pre { present.append(tokens.surface[t]); present.append(tokens.lemma[t]) }
        for t in post { present.append(tokens.surface[t]); present.append(tokens.lemma[t]) }
        func isWritten(for pattern: VerbDictionary.Pattern) -> Bool {
            pattern.noteVerb == tokens.lemma[v] || pattern.noteVerb == tokens.surface[v]
        }
        for pattern in block.patterns {
            // Of patterns of one weight, the one written for this verb wins, then the
            // later one. A block lists its patterns by code, so the later is the
            // higher code: the act over the words about it ("lifted sanctions" 085
            // over 0351, "ordered an investigation" 1014 over 091, "rejected a
            // proposal" 127 over the root's 120). On the event gold this beat the
            // first match (root F1 +0.010, triple F1 +0.008 overall) and preferring
            // 4-digit codes (which took 0351 for "lifted sanctions").
            if let chosen {
                if pattern.weight != chosen.pattern.weight {
                    if pattern.weight < chosen.pattern.weight { continue }
                } else if isWritten(for: chosen.pattern) && !isWritten(for: pattern) {
                    continue
                }
            }
            if pattern.isIdiom && !isWritten(for: pattern) { continue }
            guard pattern.words.allSatisfy(present.contains) else { continue }
            guard let preMatch = match(pattern.pre, in: pre), let postMatch = match(pattern.post, in: post) else { continue }
            if pattern.code != nil, let first = postMatch.firstWord, isCircumstantial(first),
               !pattern.post.contains(where: { if case .open = $0 { true } else { false } }) {
                continue
            }
            // Of two patterns of one standing that both name words after the verb,
            // the one whose first word is nearer the verb names its object: in
            // "declined to comment on the report", "* comment" (011) and not the
            // complement's own "report" (016, deny); in "backed plans to write off
            // debts", "* plan" (051) and not "* off" (080, back off). The verb's own
            // particle is no object: between "broke off relations" and "* off",
            // the later pattern stands, as between any others.
            if let chosen, pattern.weight == chosen.pattern.weight, isWritten(for: chosen.pattern) == isWritten(for: pattern),
               let nearest = postMatch.firstWord, let chosenNearest = chosen.nearest, chosenNearest < nearest,
               !isParticle(nearest, of: v), !isParticle(chosenNearest, of: v) {
                continue
            }
            chosen = (pattern, postMatch.target ?? preMatch.target, preMatch.source ?? postMatch.source, postMatch.firstWord)
        }
        if let chosen {
            guard let code = chosen.pattern.code else { return nil }
            return VerbCode(code: code, block: form.block, pattern: chosen.pattern.text, weight: chosen.pattern.weight,
                            targetAnchor: chosen.target, sourceAnchor: chosen.source)
        }
        if form.patternsOnly { return nil }
        if let code = form.code ?? block.defaultCode {
            return VerbCode(code: code, block: form.block, pattern: nil, weight: 0, targetAnchor: nil, sourceAnchor: nil)
        }
        guard let code = block.inferredCode else { return nil }
        // The patterns of a block that codes a material act name what the act
        // falls on ("added pressure" 170, "returned the land" 08): the verb with
        // no object, active or passive, is no such act ("adding that all aircraft
        // had returned", "returned safely to their bases"), and neither is the verb
        // whose object is an amount ("shares rose 3 pct", "reserves rose 1.8
        // billion francs": a change, not an act).
        if let quad = Event.quadClass(root: code), quad == 2 || quad == 4,
           !tokens.children[v].contains(where: { (tokens.deprel[$0] == "obj" && !isAmount($0)) || tokens.deprel[$0] == "nsubj:pass" }) {
            return nil
        }
        return VerbCode(code: code, block: form.block, pattern: EventCoder.inferredPattern, weight: 0, targetAnchor: nil, sourceAnchor: nil)
    }

    /// Whether token `t` is a particle of verb `v` ("off" of "broke off").
    private func isParticle(_ t: Int, of v: Int) -> Bool {
        tokens.head[t] == v && tokens.deprel[t] == "compound:prt"
    }

    /// Whether the noun phrase headed by `t` is an amount: a number, or a unit of
    /// measure or money ("3.2 pct", "one pence", "5.6 billion dlrs"), not a
    /// counted thing ("returned two paintings") nor a measured one ("sold
    /// 500,000 tonnes of wheat").
    private func isAmount(_ t: Int) -> Bool {
        (tokens.upos[t] == "NUM" || EventCoder.amountUnits.contains(tokens.lemma[t]) || EventCoder.amountUnits.contains(tokens.surface[t]))
            && !tokens.children[t].contains { tokens.baseRelation($0) == "nmod" && tokens.caseWord(of: $0) == EventCoder.ofWord }
    }

    /// The units of ``isAmount(_:)``: the quantities stage's units and currencies,
    /// with the small change and index points of market reports.
    static let amountUnits = keys(QuantityUnitData.units.map(\.0) + ["cent", "cents", "pence", "penny", "point", "points", "basis"])

    /// Matches pattern elements in order over `positions` (token indexes, sorted);
    /// returns where `+` and `$` point and the token of the first word matched,
    /// or nil when an element is missing.
    private func match(_ elements: [VerbDictionary.Element], in positions: [Int]) -> (target: Int?, source: Int?, firstWord: Int?)? {
        var cursor = 0
        var target: Int?, source: Int?, firstWord: Int?
        for element in elements {
            switch element {
            case .open, .close:
                continue
            case .target:
                target = cursor < positions.count ? positions[cursor] : nil
            case .source:
                source = cursor < positions.count ? positions[cursor] : nil
            case .word(let key):
                // The preposition of a time ("on Wednesday") is no particle of the
                // verb ("called ... on": an appeal), and the name of a month in a
                // time is no word of a pattern ("postponed until March 10 its
                // meeting" is no march).
                guard let p = (cursor..<positions.count).first(where: {
                    let t = positions[$0]
                    return (tokens.surface[t] == key || tokens.lemma[t] == key) && !isTimePreposition(t)
                        && !(inTime[t] && tokens.upos[t] == "PROPN")
                }) else { return nil }
                if firstWord == nil { firstWord = positions[p] }
                cursor = p + 1
            case .synset(let index):
                var found: Int?
                search: for p in cursor..<positions.count {
                    for phrase in dictionary.verbs.synsets[index] where p + phrase.count <= positions.count {
                        var ok = true
                        for (k, word) in phrase.enumerated() {
                            let t = positions[p + k]
                            if tokens.surface[t] != word && tokens.lemma[t] != word { ok = false; break }
                        }
                        if ok {
                            found = p + phrase.count
                            if firstWord == nil { firstWord = positions[p] }
                            break search
                        }
                    }
                }
                guard let found else { return nil }
                cursor = found
            }
        }
        return (target, source, firstWord)
    }

    /// A preposition whose noun is a time expression ("on" of "on Wednesday").
    private func isTimePreposition(_ t: Int) -> Bool {
        tokens.deprel[t] == "case" && tokens.head[t] >= 0 && inTime[tokens.head[t]]
    }

    private func matchWords(_ words: [UInt64], in positions: [Int]) -> Int? {
        match(words.map { .word($0) }, in: positions).map { _ in 0 }
    }

    // MARK: Actors (step 3)

    /// Actor mentions of the noun phrase headed by `t` and its conjuncts.
    private func actorsOfPhrase(_ t: Int) -> [Int] {
        var out: [Int] = []
        for var head in tokens.withConjuncts(t) {
            // "The US commander in Iraq, General David Petraeus, held talks": a name in
            // apposition to one person the phrase already names is that person again,
            // not a second party (whose dictionary office may differ from the one
            // the text gives).
            if tokens.deprel[head] == "appos", actorAt[tokens.head[head]] >= 0, tokens.xpos[tokens.head[head]] == "NN" || tokens.xpos[tokens.head[head]] == "NNP",
               out.contains(Int(actorAt[tokens.head[head]])), actorIsPerson(Int(actorAt[tokens.head[head]])) { continue }
            // "Tens of thousands of students", "some 500 workers of the union", "members of
            // the council": a quantity heads the phrase; the actor is what it counts.
            var hops = 0
            while actorAt[head] < 0 && hops < 3 && (tokens.upos[head] == "NUM" || EventCoder.quantityHeads.contains(tokens.lemma[head])),
                  let inner = tokens.children[head].first(where: { tokens.baseRelation($0) == "nmod" && tokens.caseWord(of: $0) == EventCoder.ofWord }) {
                head = inner
                hops += 1
            }
            if actorAt[head] >= 0 {
                let own = Int(actorAt[head])
                out.append(own)
                // "The US, Russia, and Switzerland met": a list the parser hung as a
                // compound after a comma is a conjunction all the same.
                for c in tokens.children[head] where c > head + 1 && tokens.baseRelation(c) == "compound" && tokens.upos[c] == "PROPN"
                    && tokens.deprel[c - 1] == "punct" && tokens.surface[c - 1] == EventCoder.commaWord && actorAt[c] >= 0 && Int(actorAt[c]) != own {
                    out.append(Int(actorAt[c]))
                }
                // "US and British activists", "lawmakers in Fornost and Gondor": the
                // conjoined countries of the head's modifiers share its role, each an
                // actor of its own (coded so by the actor stage).
                let role = actors[own].code.dropFirst(3)
                guard !role.isEmpty else { continue }
                for c in tokens.children[head] where ["amod", "compound", "nmod", "flat"].contains(tokens.baseRelation(c)) {
                    for x in tokens.withConjuncts(c) where actorAt[x] >= 0 && Int(actorAt[x]) != own {
                        let other = actors[Int(actorAt[x])].code
                        if other.count > 3 && other.dropFirst(3) == role && !other.hasPrefix("-") { out.append(Int(actorAt[x])) }
                    }
                }
                continue
            }
            // The head's own modifiers first ("Iraqi troops"), then its arguments
            // ("talks with Iran"); a possessive pronoun alone ("their meeting") is not
            // the phrase's actor.
            // Only the phrase's own words: its modifiers and their modifiers, and one
            // level of prepositional argument (not "targets including caves near Iran").
            var inside: [Int] = []
            var queue = [(head, 0)]
            while let (x, nested) = queue.popLast() {
                inside.append(x)
                for c in tokens.children[x] where !["acl:relcl", "acl", "conj", "cc", "punct", "advcl"].contains(tokens.deprel[c]) || (x != head && tokens.deprel[c] == "conj") {
                    let n = nested + (tokens.baseRelation(c) == "nmod" ? 1 : 0)
                    if n <= 1 { queue.append((c, n)) }
                }
            }
            inside.sort()
            let candidates = inside.filter { actorAt[$0] >= 0 && !(tokens.upos[$0] == "PRON" && tokens.deprel[$0] == "nmod:poss") }
            let near = candidates.first { tokens.head[$0] == head && tokens.baseRelation($0) != "nmod" } ?? candidates.first
            guard let near else { continue }
            out.append(Int(actorAt[near]))
            // "relations with Congo and Costa Rica", "Iraqi and Syrian positions": the
            // conjuncts of the actor found are parties alike; one without a country
            // beside one with ("Palestinian homes and civilian buildings") adds nothing.
            let nearHasCountry = !actors[Int(actorAt[near])].code.hasPrefix("-")
            for x in tokens.withConjuncts(near).dropFirst() where actorAt[x] >= 0 && (!nearHasCountry || !actors[Int(actorAt[x])].code.hasPrefix("-")) {
                out.append(Int(actorAt[x]))
            }
        }
        var unique: [Int] = []
        for a in out where !unique.contains(a) { unique.append(a) }
        return unique
    }

    /// A passive clause: a passive subject or auxiliary, unless the parse's
    /// passive is a misread active (``isMisreadActive(_:)``), or a headline's
    /// (``isHeadlinePassive(_:)``).
    private func isPassive(_ v: Int) -> Bool {
        (tokens.children[v].contains { tokens.deprel[$0] == "nsubj:pass" || tokens.deprel[$0] == "aux:pass" } && !isMisreadActive(v))
            || isHeadlinePassive(v)
    }

    /// Headlines drop the passive's "was": "Ambassador summoned", "Five soldiers
    /// killed in ambush". A past form with a subject and neither auxiliary nor
    /// object in a headline is a passive, its subject the act's target.
    private func isHeadlinePassive(_ v: Int) -> Bool {
        inHeadline[v] && (tokens.xpos[v] == "VBN" || tokens.xpos[v] == "VBD")
            && tokens.children[v].contains { tokens.deprel[$0] == "nsubj" }
            && !tokens.children[v].contains { ["aux", "aux:pass", "cop", "obj", "iobj", "ccomp", "xcomp"].contains(tokens.deprel[$0]) }
    }

    /// The passive subjects of `v`: `nsubj:pass`, or a headline passive's `nsubj`.
    private func passiveSubjects(of v: Int) -> [Int] {
        let headline = isHeadlinePassive(v)
        return tokens.children[v].filter { tokens.deprel[$0] == "nsubj:pass" || (headline && tokens.deprel[$0] == "nsubj") }
    }

    /// A "passive" with a subject but no auxiliary, no by-agent and an object
    /// of its own: an English passive needs "be" or "get" and takes no direct
    /// object, so this is a past tense the tagger took for a participle
    /// ("U.S. border patrol agents sexually abused illegal Mexican immigrants").
    private func isMisreadActive(_ v: Int) -> Bool {
        let children = tokens.children[v]
        return children.contains { tokens.deprel[$0] == "nsubj:pass" }
            && children.contains { tokens.deprel[$0] == "obj" }
            && !children.contains { tokens.baseRelation($0) == "aux" || tokens.deprel[$0] == "aux:pass" || tokens.deprel[$0] == "obl:agent" }
    }

    private func isPastParticiple(_ v: Int) -> Bool {
        // A participle with an object of its own is active ("warplanes struck
        // hideouts" misparsed as a modifier), not passive.
        tokens.deprel[v] == "acl" && tokens.xpos[v] == "VBN" && !tokens.children[v].contains { tokens.deprel[$0] == "obj" }
    }

    private func passiveAgent(of v: Int, depth: Int = 0) -> [Int] {
        let agents = tokens.children[v].filter { tokens.deprel[$0] == "obl:agent" || (tokens.deprel[$0] == "obl" && tokens.caseWord(of: $0) == EventCoder.byWord) }
        for c in agents {
            let found = actorsOfPhrase(c)
            if !found.isEmpty { return found }
        }
        // "blown up by a missile fired by rebels", "killed by a bomb planted by the
        // group", "by a missile believed to be fired by rebels": a means with no
        // party of its own is the act of whoever used it.
        guard depth == 0 else { return [] }
        for c in agents {
            for p in tokens.children[c] where tokens.deprel[p] == "acl" && tokens.xpos[p] == "VBN" {
                let users = [p] + tokens.children[p].filter { tokens.deprel[$0] == "xcomp" && tokens.xpos[$0] == "VBN" }
                for u in users {
                    let found = passiveAgent(of: u, depth: 1)
                    if !found.isEmpty { return found }
                }
            }
        }
        return []
    }

    private func sourceActors(of v: Int, passive: Bool) -> [Int] {
        if passive || isPastParticiple(v) { return passiveAgent(of: v) }
        let misreadActive = isMisreadActive(v)
        // A time expression is no subject: "Boris Yeltsin on Saturday hosted ..." comes
        // out of the parser with "Saturday" as the subject of a clause on "Yeltsin".
        // Two subjects with a conjunction of theirs between them are one list the
        // parser did not join ("The US, Russia, and Switzerland met" comes out with
        // "US" and "Switzerland" both subjects); without one, the first is the
        // subject ("Russian aircraft including helicopter gunships killed ...").
        var subjects: [Int]?
        var lastSubject = -1
        for c in tokens.children[v] where (tokens.deprel[c] == "nsubj" || (misreadActive && tokens.deprel[c] == "nsubj:pass")) && !inTime[c] {
            if subjects != nil {
                guard (lastSubject + 1..<c).contains(where: { tokens.upos[$0] == "CCONJ" && (tokens.head[$0] == v || tokens.head[$0] == c) }) else { continue }
            } else if tokens.upos[c] == "PRON", let reporters = reportersOf(v), !reporters.isEmpty,
                      EventCoder.pluralPronouns.contains(tokens.surface[c]) ? reporters.count > 1 || !actorIsPerson(reporters[0]) : true {
                // "Obama and Putin said they will attack": a pronoun subject of a
                // reported clause is the reporter.
                return reporters
            }
            lastSubject = c
            subjects = (subjects ?? []) + actorsOfPhrase(c).filter { !(subjects ?? []).contains($0) }
        }
        if let subjects { return subjects }
        // No subject of its own: the controller (xcomp), the first conjunct's subject
        // (conj), or the noun a relative or participial clause modifies.
        let parent = tokens.head[v]
        guard parent >= 0 else { return [] }
        switch isInfinitiveAdverbial(v) ? "xcomp" : tokens.deprel[v] {
        case "xcomp":
            if EventCoder.objectControl.contains(tokens.lemma[parent]) {
                for c in tokens.children[parent] where tokens.deprel[c] == "obj" || tokens.deprel[c] == "iobj" {
                    let found = actorsOfPhrase(c)
                    if !found.isEmpty { return found }
                }
            }
            let parentPassive = tokens.children[parent].contains { tokens.deprel[$0] == "nsubj:pass" }
            let controller = sourceActors(of: parent, passive: parentPassive)
            if controller.isEmpty && parentPassive {
                // "it is prepared to impose": with no by-agent, the passive subject controls.
                for c in tokens.children[parent] where tokens.deprel[c] == "nsubj:pass" { return actorsOfPhrase(c) }
            }
            return controller
        case "conj":
            return sourceActors(of: parent, passive: false)
        case "advcl" where tokens.xpos[v] == "VBG":
            // "..., killing 14 fighters": the participle's agent is the main clause's subject.
            let parentPassive = tokens.children[parent].contains { tokens.deprel[$0] == "nsubj:pass" }
            // A participle before the subject of a reporting tail that the parser hung
            // under the clause before it ("youths resorted to throwing stones ...,
            // officials said" with "said" under "resorted" and "throwing" under
            // "said") is not the reporters' act: they only tell of it. A participle
            // opening the sentence ("Speaking to reporters, he said") is the speaker's.
            if isSaying(parent), let subject = tokens.children[parent].first(where: { tokens.deprel[$0] == "nsubj" }), v < subject,
               isUnderEarlierVerb(parent, before: v) { return [] }
            return parentPassive ? [] : sourceActors(of: parent, passive: false)
        case "acl":
            // "victims killed by the crash": a past participle's noun is its target.
            if isPastParticiple(v) { return passiveAgent(of: v) }
            // "The ministry issued a statement condemning ...": the issuer condemns.
            if let issuer = statementIssuer(of: v) {
                return sourceActors(of: issuer, passive: isPassive(issuer))
            }
            return actorsOfPhrase(parent)
        case "acl:relcl":
            return actorsOfPhrase(parent)
        default:
            if let have = splitPerfect(v)?.have {
                for c in tokens.children[have] where tokens.deprel[c] == "nsubj" { return actorsOfPhrase(c) }
            }
            return []
        }
    }

    /// The nominal modifiers (`nmod`) of `nouns`, in order, and, after them, those of each `of` phrase among them, two levels down:
    /// "welcomed a resumption of formal ties with Osgiliath" reaches "with
    /// Osgiliath" through "of ... ties".
    private func nominalModifiers(of nouns: [Int]) -> [Int] {
        var out: [Int] = []
        var level = nouns
        for depth in 0..<3 where !level.isEmpty {
            let modifiers = level.flatMap { noun in tokens.children[noun].filter { tokens.baseRelation($0) == "nmod" } }
            out += modifiers
            level = depth < 2 ? modifiers.filter { tokens.caseWord(of: $0) == EventCoder.ofWord } : []
        }
        return out
    }

    /// The actors of the first of `phrases` that a target preposition
    /// (``targetCases``: `to`, `against`, `with`, ...) introduces and that holds any.
    private func actorsAfterTargetCase(_ phrases: [Int], excluding topicCases: Set<UInt64> = []) -> [Int]? {
        for phrase in phrases {
            guard let preposition = tokens.caseWord(of: phrase), EventCoder.targetCases.contains(preposition), !topicCases.contains(preposition) else { continue }
            let found = actorsOfPhrase(phrase)
            if !found.isEmpty { return found }
        }
        return nil
    }

    /// A present perfect the parser split when adverbs stand between "has" and
    /// the participle: "Bangladesh has once again outright rejected an Indian
    /// proposal" comes out with "has" as the main verb and "rejected" as its
    /// object, or as a modifier of "proposal" placed before that noun's own
    /// determiner (no modifier stands there). Returns the "have" whose subject
    /// is the participle's, and the noun that is its object when the
    /// participle was read as its modifier.
    private func splitPerfect(_ v: Int) -> (have: Int, object: Int?)? {
        guard tokens.xpos[v] == "VBN" || tokens.xpos[v] == "VBD" else { return nil }
        let parent = tokens.head[v]
        guard parent >= 0 else { return nil }
        switch tokens.deprel[v] {
        case "obj", "ccomp", "xcomp":
            guard parent < v, tokens.lemma[parent] == EventCoder.haveWord else { return nil }
            return (parent, nil)
        case "amod":
            let have = tokens.head[parent]
            guard have >= 0, have < v, v < parent, tokens.lemma[have] == EventCoder.haveWord, tokens.deprel[parent] == "obj",
                  tokens.children[parent].contains(where: { $0 > v && $0 < parent && ["det", "nummod", "det:poss", "nmod:poss"].contains(tokens.deprel[$0]) })
            else { return nil }
            return (have, parent)
        default:
            return nil
        }
    }

    /// Target candidates: actor mentions with their codes and the rule that found them.
    private func wrap(_ list: [Int], _ rule: String) -> [(actor: Int, code: String, rule: String)] {
        list.map { ($0, actors[$0].code, rule) }
    }

    /// The targets of `v`: its passive subject or object first, then the parties
    /// ``targetsAfterObject(of:passive:objects:)`` finds.
    ///
    /// - Parameter sourceCountries: the countries of the act's sources: their own
    ///   military or intelligence service as the object is what the act uses
    ///   ("strengthened its forces", "providing photographs and intelligence").
    private func targetActors(of v: Int, passive: Bool, sourceCountries: Set<String> = [], topicCases: Set<UInt64> = []) -> [(actor: Int, code: String, rule: String)] {
        if passive {
            for c in passiveSubjects(of: v) {
                let found = actorsOfPhrase(c)
                if !found.isEmpty { return wrap(found, "passive subject") }
            }
        }
        if isPastParticiple(v), tokens.head[v] >= 0 {
            let found = actorsOfPhrase(tokens.head[v])
            if !found.isEmpty { return wrap(found, "participle's noun") }
        }
        var objects = tokens.children[v].filter { tokens.deprel[$0] == "obj" || tokens.deprel[$0] == "iobj" }
        if objects.isEmpty, let noun = splitPerfect(v)?.object { objects = [noun] }
        // A noun the parser conjoined to the verb after its object is the object's
        // conjunct: "is providing aerial photographs and other military
        // intelligence to Macedonia".
        if !objects.isEmpty {
            objects += tokens.children[v].filter { $0 > objects[0] && tokens.deprel[$0] == "conj" && tokens.upos[$0] == "NOUN" }
        }
        // "struck what Ankara described as militant hideouts in northern Iraq", "hit
        // what it called terrorist targets": the free relative's description is the object.
        objects = objects.flatMap { o -> [Int] in
            guard tokens.lemma[o] == EventCoder.whatWord else { return [o] }
            let clauses = tokens.children[o].filter { tokens.deprel[$0] == "acl:relcl" }
            return [o] + clauses.flatMap { r in
                tokens.children[r].filter { tokens.deprel[$0] == "xcomp" || (tokens.baseRelation($0) == "obl" && tokens.caseWord(of: $0) == EventCoder.asWord)
                    || (tokens.deprel[$0] == "obj" && EventCoder.namingVerbs.contains(tokens.lemma[r])) }
            }
        }
        // An object with no country ("sent troops", "mobilized army reservists"), or
        // the source's own military or intelligence service ("strengthened its
        // forces"), is what the act uses more often than whom it is aimed at: a
        // party named further on ("... against Iraq", "... in Lebanon") is the
        // target, and the object only when there is none.
        func isInstrument(_ code: String) -> Bool {
            if code.hasPrefix("---") { return true }
            guard let country = ActorCoder.countryPart(code), sourceCountries.contains(country) else { return false }
            let role = code.dropFirst(country.count)
            return role.hasPrefix("MIL") || role.hasPrefix("SPY")
        }
        var instrument: [Int] = []
        for c in objects {
            let found = actorsOfPhrase(c)
            if found.isEmpty { continue }
            if found.allSatisfy({ isInstrument(actors[$0].code) }) {
                if instrument.isEmpty { instrument = found }
                continue
            }
            return wrap(found, "object")
        }
        // ("its forces in Lebanon" is one actor: its place is no other party.)
        let rest = targetsAfterObject(of: v, passive: passive, objects: objects, topicCases: topicCases).filter { !instrument.contains($0.actor) }
        if !rest.isEmpty || instrument.isEmpty { return rest }
        return wrap(instrument, EventCoder.instrumentRule)
    }

    /// The targets of `v` that ``targetActors(of:passive:)`` finds after its objects;
    /// a phrase opened by one of `topicCases` is what the act is about, no party to it.
    private func targetsAfterObject(of v: Int, passive: Bool, objects: [Int], topicCases: Set<UInt64> = []) -> [(actor: Int, code: String, rule: String)] {
        let obliques = tokens.children[v].filter { tokens.baseRelation($0) == "obl" && (tokens.deprel[$0] != "obl:agent" || !passive) }
        for c in obliques {
            // A preposition that introduces a party; none at all is an object the
            // parser took for an oblique ("accused the United States of ...").
            if let prep = tokens.phrasePreposition(of: c) {
                guard (EventCoder.targetCases.contains(prep) && !topicCases.contains(prep)) || (tokens.deprel[c] == "obl:agent" && !passive) else { continue }
            } else if tokens.deprel[c] == "obl:tmod" || tokens.deprel[c] == "obl:unmarked" || tokens.children[c].contains(where: { tokens.deprel[$0] == "case" }) {
                // A time, or a phrase whose preposition the tagger took for a verb ("according to").
                continue
            }
            let found = actorsOfPhrase(c)
            if !found.isEmpty { return wrap(found, "oblique") }
        }
        // "imposed sanctions on Russia", "held talks with Iran": the object's own
        // argument, or that of a conjunct object ("is providing photographs and
        // other intelligence to Macedonia").
        if let found = actorsAfterTargetCase(nominalModifiers(of: objects.flatMap { tokens.withConjuncts($0) }), excluding: topicCases) { return wrap(found, "object's argument") }
        // "cordoned off the roads leading into Mordor", "welcomed memos sent by
        // Bree": the argument of a participle that modifies the object, or its
        // by-agent.
        // An object the parser read as an oblique after a verb's particle ("cordoned
        // off the roads") counts.
        let particleObjects = obliques.filter { tokens.caseWord(of: $0).map(EventCoder.verbParticles.contains) ?? false }
        let objectParticiples = (objects + particleObjects).flatMap { o in tokens.children[o].filter { tokens.deprel[$0] == "acl" && (tokens.xpos[$0] == "VBN" || tokens.xpos[$0] == "VBG") } }
        for p in objectParticiples {
            for c in tokens.children[p] where tokens.deprel[c] == "obl:agent" || (tokens.baseRelation(c) == "obl" && tokens.caseWord(of: c) == EventCoder.byWord) {
                let found = actorsOfPhrase(c)
                if !found.isEmpty { return wrap(found, "object's participle's agent") }
            }
        }
        if let found = actorsAfterTargetCase(objectParticiples.flatMap { p in tokens.children[p].filter { tokens.baseRelation($0) == "obl" } }, excluding: topicCases) {
            return wrap(found, "object's participle's argument")
        }
        // The infinitive's object ("agreed to meet Iran" codes on `meet`, but "wants to
        // see Iran punished" keeps the object of the complement). An infinitive the
        // parser hung as an adverbial clause ("threatened on Monday to break
        // relations with Russia") is the same complement.
        let complements = tokens.children[v].filter { tokens.deprel[$0] == "xcomp" || isInfinitiveAdverbial($0) }
        for c in complements {
            for o in tokens.children[c] where tokens.deprel[o] == "obj" {
                let found = actorsOfPhrase(o)
                if !found.isEmpty { return wrap(found, "complement object") }
            }
        }
        // The complement's object's argument, or its own prepositional one:
        // "threatened to break relations with Russia", "refused to respond to a
        // demand from the US President".
        for c in complements {
            let objects = tokens.children[c].filter { tokens.deprel[$0] == "obj" }
            let obliques = tokens.children[c].filter { tokens.baseRelation($0) == "obl" }
            if let found = actorsAfterTargetCase(nominalModifiers(of: objects) + obliques, excluding: topicCases) { return wrap(found, "complement's argument") }
        }
        // "demanded that the US cancel ...", "urged Iran to ...": the subject of the
        // clause the verb governs is whom the demand or appeal is addressed to.
        for c in tokens.children[v] where ["ccomp", "advcl"].contains(tokens.deprel[c])
            && (tokens.children[c].contains(where: { tokens.deprel[$0] == "mark" && tokens.surface[$0] == EventCoder.thatWord })
                || (tokens.deprel[c] == "ccomp" && tokens.hasChild(c, relations: ["aux"], lemmas: EventCoder.obligationAux))) {
            for s in tokens.children[c] where tokens.deprel[s] == "nsubj" {
                let found = actorsOfPhrase(s)
                if !found.isEmpty { return wrap(found, "subject of the demanded clause") }
            }
        }
        // Last resort: the location, as its country ("a protest in Beijing" -> CHN).
        for c in obliques + objects.flatMap({ tokens.children[$0].filter { tokens.baseRelation($0) == "nmod" } }) {
            guard let prep = tokens.phrasePreposition(of: c), EventCoder.locativeCases.contains(prep) else { continue }
            let place = placeWords(of: c)
            // ("its" in "its war with Iraq" is no place.)
            if let word = place.first(where: { actorAt[$0] >= 0 && !(tokens.upos[$0] == "PRON" && tokens.deprel[$0] == "nmod:poss") }) {
                let first = Int(actorAt[word])
                let code = ActorCoder.countryPart(actors[first].code) ?? actors[first].code
                return [(first, code, "location")]
            }
            // A capital as a location is a place, not an actor; its country is still
            // where the event happened.
            for u in place {
                guard let m = dictionary.actors.longest(surface: tokens.surface, lemma: tokens.surface, at: u, limit: min(tokens.count, u + 4)) else { continue }
                if let code = dictionary.actors.payloads[m.index].code(on: documentDay), let country = ActorCoder.countryPart(code) {
                    return [(-2 - u, country, "location")]
                }
            }
        }
        return []
    }

    /// The words of the place phrase headed by `c`, in order: its head, modifiers
    /// and arguments ("the town of Cizre in southeastern Turkey", "a vessel from
    /// South Korea"), not a place it lies near or borders ("regions near the
    /// border with Iran"). The other party of a war or of talks held there counts
    /// ("an offensive in its war with Iraq").
    private func placeWords(of c: Int) -> [Int] {
        var out: [Int] = []
        var stack = [c]
        while let x = stack.popLast() {
            out.append(x)
            for k in tokens.children[x] where !["acl:relcl", "acl", "conj", "advcl", "parataxis"].contains(tokens.deprel[k]) {
                if tokens.baseRelation(k) == "nmod", let p = tokens.caseWord(of: k), EventCoder.besideCases.contains(p)
                    || (p == EventCoder.withWord && !(EventCoder.partyNouns.contains(tokens.lemma[x]) || EventCoder.partyNouns.contains(tokens.surface[x]))) { continue }
                stack.append(k)
            }
        }
        return out.sorted()
    }

    /// Prepositions that put a place beside the place it modifies, not in it.
    static let besideCases = keys(["near", "beside", "next", "along", "alongside", "toward", "towards", "off", "outside", "beyond"])
    /// Nouns whose "with" names the other party: a war, talks, relations.
    static let partyNouns = keys(["war", "wars", "conflict", "fighting", "clash", "clashes", "battle", "dispute", "talk", "talks",
                                  "negotiation", "negotiations", "relation", "relations", "tie", "ties"])

    /// The participle (a coded act of ``statementActRoots``) that modifies the
    /// statement `v` issues as its object, if any.
    private func statementAct(of v: Int, verbCodes: [Int: VerbCode]) -> Int? {
        guard EventCoder.issuingVerbs.contains(tokens.lemma[v]) else { return nil }
        for o in tokens.children[v] where tokens.deprel[o] == "obj" && EventCoder.statementNouns.contains(tokens.lemma[o]) {
            for c in tokens.children[o] where tokens.deprel[c] == "acl" && tokens.xpos[c] == "VBG" {
                if let code = verbCodes[c], EventCoder.statementActRoots.contains(String(code.code.prefix(2))) { return c }
            }
        }
        return nil
    }

    /// The verb that issues the statement participle `c` modifies ("issued a
    /// statement condemning ..."), if `c` is such a participle.
    private func statementIssuer(of c: Int) -> Int? {
        let noun = tokens.head[c]
        guard tokens.deprel[c] == "acl", tokens.xpos[c] == "VBG", noun >= 0, tokens.deprel[noun] == "obj",
              EventCoder.statementNouns.contains(tokens.lemma[noun]), tokens.head[noun] >= 0,
              EventCoder.issuingVerbs.contains(tokens.lemma[tokens.head[noun]]) else { return nil }
        return tokens.head[noun]
    }

    /// Roots of the acts whose party a protest is aimed at when the protest states
    /// them: appeals (02), demands (10), disapproval (11), rejection (12).
    static let demandRoots: Set<String> = ["02", "10", "11", "12"]

    /// "staged demonstrations to demand political reforms by President Suharto's
    /// government", "rioted following a demonstration calling for the removal of
    /// President Mubarak": a protest (14) with no target of its own is aimed at the
    /// party its stated demand names: the first actor with a country, other than
    /// the protesters, in the first clause under the protest verb (not its subject)
    /// whose verb makes an appeal, demand, criticism or rejection.
    private func statedDemandTargets(of v: Int, verbCodes: [Int: VerbCode], sources: [Int]) -> [(actor: Int, code: String, rule: String)] {
        let clause = tokens.children[v].filter { !tokens.deprel[$0].hasPrefix("nsubj") && tokens.deprel[$0] != "conj" && tokens.deprel[$0] != "parataxis" }
            .flatMap { tokens.subtree($0, stop: ["conj", "parataxis", "acl:relcl"]) }.sorted()
        for c in clause where c != v && tokens.upos[c] == "VERB" && ["advcl", "xcomp", "acl"].contains(tokens.deprel[c]) {
            guard let code = verbCodes[c], EventCoder.demandRoots.contains(String(code.code.prefix(2))) else { continue }
            for t in tokens.subtree(c, stop: ["acl:relcl", "conj", "parataxis"]) where t != c && actorAt[t] >= 0 {
                let actor = Int(actorAt[t])
                guard !sources.contains(actor), !actors[actor].code.hasPrefix("-") else { continue }
                return [(actor, actors[actor].code, "stated demand")]
            }
            return []
        }
        return []
    }

    /// The first actor at or after token `anchor` inside `v`'s clause.
    private func firstActor(from anchor: Int, in v: Int) -> Int? {
        for t in tokens.subtree(v, stop: EventCoder.clauseStops) where t >= anchor && actorAt[t] >= 0 {
            return Int(actorAt[t])
        }
        return nil
    }

    /// The subjects of the saying verb whose clause `v` heads, if `v` is reported.
    private func reportersOf(_ v: Int) -> [Int]? {
        let parent = tokens.head[v]
        guard parent >= 0, ["ccomp", "parataxis"].contains(tokens.deprel[v]),
              isSaying(parent) else { return nil }
        for c in tokens.children[parent] where tokens.deprel[c] == "nsubj" && tokens.upos[c] != "PRON" {
            return actorsOfPhrase(c)
        }
        return nil
    }

    private func actorIsPerson(_ a: Int) -> Bool {
        let code = actors[a].code
        return code.count > 3 && ActorCoder.personRoles.contains(String(code.suffix(3))) && !(actors[a].canonical == nil && code.count == 3)
    }

    /// The actor of the saying verb that reports `v`'s clause, if any.
    private func reportingSource(of v: Int) -> Int? {
        var child = v
        var parent = tokens.head[v]
        while parent >= 0 {
            if EventCoder.reportRelations.contains(tokens.deprel[child]) && tokens.deprel[child] != "xcomp",
               isSaying(parent) {
                return sourceActors(of: parent, passive: false).first
            }
            child = parent
            parent = tokens.head[parent]
        }
        return nil
    }

    // MARK: Output

    private func makeEvent(verb: VerbCode, v: Int, sentence: Range<Int>, source: Int, target: (actor: Int, code: String, rule: String),
                           reporter: Int?, flags: [String]) -> Event {
        var flags = flags
        let sourceArgument = source >= 0 ? EventArgument(span: actors[source].span, code: actors[source].code) : nil
        let targetArgument: EventArgument?
        if target.actor >= 0 {
            targetArgument = EventArgument(span: actors[target.actor].span, code: target.code)
        } else if target.actor <= -2 {
            let t = -2 - target.actor
            targetArgument = EventArgument(span: tokens.words.span(t..<(t + 1)), code: target.code)
        } else {
            targetArgument = nil
        }
        let (date, dateFlags) = eventDate(verb: v, sentence: sentence)
        flags += dateFlags
        var confidence = 0.55 + min(0.3, Double(verb.weight) * 0.1)
        if target.actor == -1 { confidence -= 0.15 }
        if source < 0 { confidence -= 0.25 }
        if target.rule == "location" { confidence -= 0.1 }
        if flags.contains("intent") { confidence -= 0.05 }
        var rule = "verb \"\(tokens.words.text(v..<(v + 1)))\""
        if dictionary.verbs.blocks.indices.contains(verb.block) {
            rule += " (\(dictionary.verbs.blocks[verb.block].name)), " + (verb.pattern.map { "pattern \"\($0)\"" } ?? "default code")
        } else {
            // A code of Sitrep's own rules, not the dictionary's.
            rule += ", " + (verb.pattern ?? "rule")
        }
        rule += " -> \(verb.code)"
        if flags.contains("intent") { rule += " (intent)" }
        rule += source >= 0 ? "; source \(actors[source].code)" : "; no source actor"
        rule += target.actor != -1 ? "; target \(target.code) by \(target.rule)" : "; no target"
        if let reporter { rule += "; reported by \(actors[reporter].code) \"\(text(of: actors[reporter].span))\"" }
        return Event(code: verb.code, label: dictionary.eventNames[verb.code], source: sourceArgument, target: targetArgument,
                     date: date, place: eventPlace(verb: v, sentence: sentence, code: verb.code, target: targetArgument?.span), span: tokens.words.span(sentence), confidence: max(0.05, confidence),
                     evidence: [tokens.words.span(v..<(v + 1))], flags: flags, rule: rule)
    }

    private func text(of span: TextSpan) -> String {
        let u = text.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: span.start)..<u.index(u.startIndex, offsetBy: span.end)], as: UTF8.self)
    }

    /// The event's place: a place named in a locative argument of its clause ("in
    /// northern Iraq"), else the resolved place of its sentence nearest the verb, else
    /// the nearest in its paragraph, else none. Demonyms ("Turkish jets") say whose
    /// actor it is, not where the event happened, and are passed over in the
    /// sentence. A dateline's place says where the story was filed: it comes last,
    /// when no other place is named ("ANKARA/BAGHDAD – Turkish warplanes struck ...
    /// in northern Iraq" is in Iraq). A country across a border ("near the border
    /// with Iran") is passed over, and then no other place stands in: the event is
    /// known to be elsewhere, by that border.
    ///
    /// An attack, a fight or mass violence (roots 18-20) with no locative happens
    /// where its target is: "Turkey attacked Iraq" is in Iraq, "Israeli troops
    /// killed two Palestinian youths" in the Palestinian territories. The target's
    /// place, a demonym too, comes before the places nearer the verb (the
    /// attacker's country among them). Other acts keep the nearest place: "Russia
    /// condemned the United States" was said in Russia.
    private func eventPlace(verb v: Int, sentence: Range<Int>, code: String, target: TextSpan?) -> PlaceMention? {
        guard !places.isEmpty else { return nil }
        let verbStart = tokens.words.starts[v]
        let sentenceSpan = tokens.words.span(sentence)
        let clause = Set(tokens.subtree(v, stop: EventCoder.clauseStops))
        let dateline = tokens.datelineEnd(sentence) ?? sentence.lowerBound
        var inSentence: [PlaceMention] = []
        var inTarget: PlaceMention? = nil
        let targetHead = EventCoder.placedAtTarget.contains(code.prefix(2)) ? target.flatMap { targetSpan -> Int? in
            guard let first = token(at: targetSpan.start, in: sentence), let last = token(endingAt: targetSpan.end, in: sentence) else { return nil }
            return tokens.phraseHead(first..<(last + 1))
        } : nil
        var acrossBorder = false
        for place in places where place.span.start >= sentenceSpan.start && place.span.end <= sentenceSpan.end {
            guard let t = token(at: place.span.start, in: sentence) else { continue }
            // A dateline's place is where the story was filed.
            if t < dateline { continue }
            // The target itself ("attacked Iraq"), or its country ("Iraqi positions",
            // "Iraq's army"); not a place inside a name ("China Aviation Oil").
            if let targetHead, inTarget == nil,
               t == targetHead || (tokens.head[t] == targetHead && EventCoder.countryOfHead.contains(tokens.deprel[t])) {
                inTarget = place
            }
            // A place modifying a noun ("Turkish warplanes", "the Iraq war") is not where
            // the event happened.
            let last = (t..<sentence.upperBound).last { tokens.words.starts[$0] < place.span.end } ?? t
            if tokens.upos[t] == "ADJ" || tokens.xpos[t] == "JJ" || ["amod", "compound"].contains(tokens.deprel[last]) { continue }
            // Nor is the country across a border ("regions near the border with Iran").
            if isAcrossBorder(t) { acrossBorder = true; continue }
            inSentence.append(place)
            if clause.contains(t), let prep = tokens.caseWord(of: t) ?? tokens.caseWord(of: tokens.head[t] >= 0 ? tokens.head[t] : t),
               EventCoder.locativeCases.contains(prep) || prep == EventCoder.atWord {
                return place
            }
        }
        if let inTarget { return inTarget }
        if let place = inSentence.min(by: { abs($0.span.start - verbStart) < abs($1.span.start - verbStart) }) { return place }
        if acrossBorder { return nil }
        // The byte where the dateline ends (the sentence's start when it has none).
        let datelineByteEnd = dateline > sentence.lowerBound ? tokens.words.span(sentence.lowerBound..<dateline).end : sentenceSpan.start
        func nearest(in span: TextSpan) -> PlaceMention? {
            places.filter { place in
                place.span.start >= span.start && place.span.end <= span.end
                    && !(place.span.start >= sentenceSpan.start && place.span.start < datelineByteEnd)
            }
            .min { abs($0.span.start - verbStart) < abs($1.span.start - verbStart) }
        }
        if let paragraph = paragraphs.first(where: { $0.start <= sentenceSpan.start && sentenceSpan.end <= $0.end }),
           let place = nearest(in: paragraph) {
            return place
        }
        // Last, the dateline's: a wire story is mostly filed where it happened.
        return places.first { $0.span.start >= sentenceSpan.start && $0.span.start < datelineByteEnd }
    }

    /// Whether the place word `t` is the country across a border: "the border
    /// with Iran", "its frontier with Syria". (A place the event is near, "near
    /// Basra", is where it is placed, as a coder geocodes it.)
    private func isAcrossBorder(_ t: Int) -> Bool {
        guard let c = tokens.children[t].first(where: { tokens.deprel[$0] == "case" && tokens.upos[$0] == "ADP" }),
              tokens.surface[c] == EventCoder.withWord, c > 0 else { return false }
        return EventCoder.borderNouns.contains(tokens.lemma[c - 1])
    }

    /// Relations by which a place word gives the country of the noun it hangs on.
    static let countryOfHead: Set<String> = ["amod", "compound", "nmod:poss"]

    /// Roots of the events that happen where their target is (``eventPlace(verb:sentence:code:target:)``):
    /// assault, fight, unconventional mass violence.
    static let placedAtTarget: Set<Substring> = ["18", "19", "20"]

    /// Nouns of a border, across which lies the country after "with".
    static let borderNouns = keys(["border", "frontier", "boundary"])

    /// Step 5: the event's date.
    ///
    /// 1. A dated time expression in the verb's own clause, its subject included
    ///    ("Monday's attack killed five"; "rebels attacked the convoy on Monday").
    /// 2. Else one in a clause above it, the frame of the sentence: "On Monday,
    ///    officials said rebels had attacked" dates the attack by "said".
    ///    Expressions in other clauses ("the town, which the army took in 2014")
    ///    date their own verbs, not this one.
    /// 3. Else the narrative context: the last dated expression of the paragraph
    ///    before this sentence ("On Monday, fighting broke out. Rebels seized the
    ///    town."), flagged `date-from-context`.
    /// 4. Else the document date, flagged `date-from-document`.
    ///
    /// A date more than 30 days before the document date flags the event `background`.
    private func eventDate(verb v: Int, sentence: Range<Int>) -> (String?, [String]) {
        let sentenceSpan = tokens.words.span(sentence)
        var inSentence: [(first: Int, last: Int, value: String)] = []
        for time in times where time.span.start >= sentenceSpan.start && time.span.end <= sentenceSpan.end && time.type == .date {
            guard let value = time.value, EventCoder.isDated(value),
                  let first = token(at: time.span.start, in: sentence), let last = token(endingAt: time.span.end, in: sentence) else { continue }
            inSentence.append((first, last, value))
        }
        var value: String? = nil
        var flags: [String] = []
        var verb = v
        var climbed = 0
        while value == nil && verb >= 0 && climbed <= EventCoder.dateFrameReach && !inSentence.isEmpty {
            let clause = Set(tokens.subtree(verb, stop: EventCoder.dateClauseStops))
            value = inSentence.filter { clause.contains($0.first) || clause.contains($0.last) }
                .min { abs($0.first - verb) < abs($1.first - verb) }?.value
            // Up to the verb whose clause this one belongs to.
            var up = tokens.head[verb]
            while up >= 0 && tokens.upos[up] != "VERB" && tokens.upos[up] != "AUX" { up = tokens.head[up] }
            verb = up
            climbed += 1
        }
        if value == nil, let context = narrativeDate(before: sentenceSpan) {
            value = context
            flags.append("date-from-context")
        }
        guard let value else {
            guard let documentCalendarDay else { return (nil, []) }
            return (documentCalendarDay.value, ["date-from-document"])
        }
        if let documentCalendarDay, let eventDay = EventCoder.lastDay(of: value), documentCalendarDay.ordinal - eventDay.ordinal > 30 {
            flags.append("background")
        }
        return (value, flags)
    }

    /// Clauses above an event's verb searched for its date.
    static let dateFrameReach = 3

    /// The clause of a verb for dating: ``clauseStops`` without the subjects.
    static let dateClauseStops = clauseStops.subtracting(["nsubj", "nsubj:pass", "csubj", "csubj:pass"])

    /// A TIMEX3 value that names a calendar date or period ("2020-06-08",
    /// "2020-W23", "2020"), not a reference such as "PAST_REF" or "XXXX-06".
    static func isDated(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    /// The value of the last dated expression of the paragraph that holds `span`,
    /// before it.
    private func narrativeDate(before span: TextSpan) -> String? {
        guard let paragraph = paragraphs.first(where: { $0.start <= span.start && span.start < $0.end }) else { return nil }
        return times.last { $0.span.start >= paragraph.start && $0.span.end <= span.start && $0.type == .date && $0.value.map(EventCoder.isDated) == true }?.value
    }

    /// The token of `sentence` that starts at byte `offset`, or nil.
    private func token(at offset: Int, in sentence: Range<Int>) -> Int? {
        let k = firstToken(from: offset, in: sentence)
        return k < sentence.upperBound && tokens.words.starts[k] == offset ? k : nil
    }

    /// The last token of `sentence` that starts before byte `offset`, or nil.
    private func token(endingAt offset: Int, in sentence: Range<Int>) -> Int? {
        let k = firstToken(from: offset, in: sentence)
        return k > sentence.lowerBound ? k - 1 : nil
    }

    /// The first token of `sentence` starting at or after byte `offset` (its upper
    /// bound if none), by binary search.
    private func firstToken(from offset: Int, in sentence: Range<Int>) -> Int {
        var lo = sentence.lowerBound, hi = sentence.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens.words.starts[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The last day a TIMEX3 date value covers ("2020-06-08"; "2020-06" is June 30,
    /// "2020" December 31), so that an event is background only when all of it is.
    static func lastDay(of value: String) -> CalendarDay? {
        if let day = CalendarDay.parse(value) { return day }
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        let month = parts.count > 1 ? Int(parts[1].prefix(2)) ?? 12 : 12
        guard (1...12).contains(month) else { return nil }
        return CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))
    }

    /// Verb classes of the CAMEO verb dictionary whose words think, foresee, mean
    /// or affect rather than act: negated, they are no refusal (12x) and no event;
    /// with no one doing the thinking ("imports are expected to rise", "he is
    /// considered a moderate"), no event either.
    static let cognitionBlocks: Set<String> = ["PREDICT", "CONSIDER", "INFLUENCE", "INTEND"]

    /// Whether `verb` is of a ``cognitionBlocks`` class (a code of Sitrep's own
    /// rules, outside the dictionary's blocks, belongs to none).
    private func isCognition(_ verb: VerbCode) -> Bool {
        dictionary.verbs.blocks.indices.contains(verb.block) && EventCoder.cognitionBlocks.contains(dictionary.verbs.blocks[verb.block].name)
    }

    /// The refusal (12x) code of a negated act, where CAMEO has one: "did not meet"
    /// is 125, "would not provide support" 121, "will not release" 1243.
    static func refusalCode(_ code: String) -> String? {
        switch code.prefix(2) {
        case "03":
            return code.hasPrefix("036") ? "125" : (code.hasPrefix("033") ? "122" : "120")
        case "04": return "125"
        case "05": return "120"
        case "06": return "121"
        case "07": return "122"
        case "08":
            switch code.prefix(3) {
            case "081": return "1241"
            case "082": return "1242"
            case "083": return "123"
            case "084": return "1243"
            case "085": return "1244"
            case "086": return "1245"
            case "087": return "1246"
            default: return "124"
            }
        default: return nil
        }
    }

    /// The code of a threatened act: its threat code (13x) where CAMEO has one
    /// ("threatened to boycott" 1312, "to attack" 138), else 130, threaten, not
    /// specified: a threat is never an intent to cooperate ("threatened to
    /// institute a curfew", "to resign", "to sue").
    static func threatCode(_ code: String) -> String {
        let announced = intentCode(code)
        return announced.hasPrefix("13") ? announced : "130"
    }

    /// The intent (03x) or threat (13x) code of an announced act, per CAMEO's own
    /// correspondences: "will meet" is 036, "will give aid" 033, "will attack" 138.
    static func intentCode(_ code: String) -> String {
        let root = code.prefix(2)
        switch root {
        case "01", "02", "03", "13", "09", "10", "11", "12":
            return code
        case "04": return "036"
        case "05": return "032"
        case "06": return "031"
        case "07":
            switch code.prefix(3) {
            case "071": return "0331"
            case "072": return "0332"
            case "073": return "0333"
            case "074": return "0334"
            default: return "033"
            }
        case "08":
            switch code.prefix(3) {
            case "081": return "0351"
            case "082": return "0352"
            case "083": return "034"
            case "084": return "0353"
            case "085": return "0354"
            case "086": return "0355"
            case "087": return "0356"
            default: return "035"
            }
        case "14": return "133"
        case "15": return "138"
        case "16":
            return code.hasPrefix("161") || code.hasPrefix("164") ? "1313" : (code.hasPrefix("163") ? "1312" : "131")
        case "17": return "137"
        case "18": return "1383"
        case "19":
            switch code.prefix(3) {
            case "191": return "1381"
            case "192": return "1382"
            default: return "1384"
            }
        case "20": return "1385"
        default: return code
        }
    }
}
