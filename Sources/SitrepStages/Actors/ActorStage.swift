import SitrepCore

/// The `actors` stage: every mention of a political actor, coded CAMEO-style
/// (country + role: `TURGOV`, `FRAMIL`, `IGOUNO`, `---REB` when the country is
/// unknown).
///
/// A cascade over each sentence's tokens (``ActorCoder``):
///
/// 1. **Dictionary phrases.** Left to right, the longest named actor (Phoenix
///    countries, people, organizations and armed groups; must start with a capital
///    letter) or agent noun ("troops", "foreign minister", matched on the lemma of its
///    last word so plurals count). A named actor's code is the one valid on the
///    document date: "Erdogan" is `TURGOV` after 2003-03-14 and `TURELI` before.
/// 2. **Noun phrases.** Adjacent pieces of one noun phrase combine: a country and an
///    agent ("French troops" `FRAMIL`, "Turkey's defence ministry" `TURGOV`, "the
///    foreign minister of Iraq" `IRQGOV`), a title and a name ("President Erdogan"
///    takes the name's own code when it has a role; "President Mugabe" and "Mr.
///    Mugabe" take the code of the dictionary's only person of that surname,
///    "Robert Mugabe"), two agents ("opposition
///    lawmakers" `---OPPLEG`), a possessive pronoun and an agent ("its jets": the
///    pronoun's antecedent country + `MIL`). An agent still without a country takes
///    the country of an actor in a prepositional phrase of its head noun ("students
///    throughout Indonesia" `IDNEDU`; `in`, `from`, `of`, never `to`). One still
///    without takes the sentence's country when all the sentence's other actors
///    belong to that one country ("The judge ordered the arrest of three Kenyan
///    officials" `KENJUD`), as human coders read such sentences; two countries,
///    or an international organization, leave it without, and a country the
///    action is aimed at (an object; `with`, `to`, `against`) does not count. A plural
///    demonym an act falls on is people: "arrested 100 Palestinians" `PSECVL`.
/// 3. **Metonymy** (one convention, shared with the event coder): a capital or seat
///    of power used as an agent - subject, object, passive agent, or after `to`,
///    `from`, `with`, `against` ("Ankara warned", "loans to Kyiv") - is that country's
///    government (`TURGOV`, `UKRGOV`); after a locative preposition ("in Ankara") or
///    inside a name ("Ankara-based") it is a place and gets no actor. Names that are
///    already seats of power in the dictionary ("the Kremlin" `RUSGOV`) keep their code.
/// 4. **Back-references.** `he`/`she` go to the latest person-like actor before them,
///    `it`/`they`/`its`/`their` to the latest group or country, "Mr. X" to the latest
///    actor whose text ends with X, a surname alone ("Mugabe") to the latest person
///    named in full with it ("Robert Mugabe"), and "the minister" (an agent with
///    `the` and no country) to the latest actor with the same role.
///
/// Entity mentions overlapping an actor get its code in ``SitrepCore/EntityMention/actor``.
public struct ActorStage: Stage {
    public let name = "actors"
    public let version = "cameo-dict.v21"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let provides: Set<Layer> = [.actors]

    /// The dictionaries, or why they could not be loaded (reported on every document).
    let dictionary: Result<CameoDictionary, any Error>

    /// A stage with the shipped dictionaries.
    public init() { dictionary = CameoDictionary.shared }

    /// A stage with other dictionaries (for example the PETRARCH validation set).
    public init(dictionary: CameoDictionary) { self.dictionary = .success(dictionary) }

    public func process(_ doc: inout Document) throws {
        guard let dictionary = self.dictionary.loaded(reporting: "SR-AC-001", stage: name, into: &doc) else {
            doc.actors = []
            return
        }
        guard !doc.tokens.isEmpty else { doc.actors = []; return }
        let tokens = ParsedTokens(doc)
        let day = ActorCoder.documentDay(doc)
        var coder = ActorCoder(tokens: tokens, dictionary: dictionary, day: day, entities: doc.entities)
        let found = coder.code()
        doc.actors = found.map { ActorMention(span: tokens.words.span($0.range), code: $0.code, canonical: $0.canonical, confidence: $0.confidence) }
        // Entities learn their actor code from an overlapping actor mention.
        if !doc.entities.isEmpty && !doc.actors.isEmpty {
            var a = 0
            for e in doc.entities.indices {
                let span = doc.entities[e].span
                while a < doc.actors.count && doc.actors[a].span.end <= span.start { a += 1 }
                if a < doc.actors.count && doc.actors[a].span.start < span.end {
                    doc.entities[e].actor = doc.actors[a].code
                }
            }
        }
    }
}

/// One coded actor mention, in tokens.
struct CodedActor {
    var range: Range<Int>
    var code: String
    var canonical: String?
    var confidence: Double
    /// The mention names a person (a title, a PER entity, a person's dictionary entry).
    var isPerson: Bool
    /// Roles of agent nouns in the mention, for "the minister" back-references.
    var roles: [String]
    /// The mention is a clause subject: pronouns prefer such antecedents.
    var isSubject = false
    /// The mention is the subject of its sentence's main verb: preferred above all.
    var isMainSubject = false
}

/// The actor-coding cascade of ``ActorStage`` over one document.
struct ActorCoder {
    let tokens: ParsedTokens
    let dictionary: CameoDictionary
    let day: Int32?
    /// The spans of PER entities, by start (entities do not overlap, so their
    /// ends are in order too): a binary search finds the one a mention may overlap.
    let personSpans: [TextSpan]

    private enum Piece {
        case named(code: String, capital: Bool)
        case agent(role: String)
        /// A personal or possessive pronoun, resolved to an earlier actor when merged.
        case pronoun(person: Bool)
        /// "the country", "his country", "the nation's": the country of an earlier
        /// actor (the possessive pronoun's antecedent, else the story's latest
        /// country, its subject first), resolved when merged.
        case countryNoun
    }

    private struct Segment {
        var range: Range<Int>
        var piece: Piece
    }

    init(tokens: ParsedTokens, dictionary: CameoDictionary, day: Int32?, entities: [EntityMention]) {
        self.tokens = tokens
        self.dictionary = dictionary
        self.day = day
        self.personSpans = entities.filter { $0.type == .person }.map(\.span).sorted { $0.start < $1.start }
    }

    /// The document date as the time stage reads it: `published`, else the article's own.
    static func documentDate(_ doc: Document) -> CalendarDay? {
        CalendarDay.parse(doc.published) ?? CalendarDay.parse(doc.article.published)
    }

    /// yyyymmdd of the document date, the form the dictionaries' dated codes use.
    static func documentDay(_ doc: Document) -> Int32? {
        documentDate(doc).map { Int32($0.year * 10000 + $0.month * 100 + $0.day) }
    }

    // Word lists of the cascade.
    static let personalPronouns: Set<UInt64> = Set(["he", "she", "him", "her", "his"].map { WordKey.of($0) })
    static let groupPronouns: Set<UInt64> = Set(["it", "they", "them", "its", "their"].map { WordKey.of($0) })
    static let possessive: Set<UInt64> = Set(["its", "their", "his", "her"].map { WordKey.of($0) })
    static let honorifics: Set<UInt64> = Set(["mr", "mrs", "ms", "dr", "gen", "col", "sen", "rep"].map { WordKey.of($0) })
    static let glue: Set<UInt64> = Set(["'s", "'", "of", "for", "the", "-"].map { WordKey.of($0) })
    static let theWord = WordKey.of("the")
    static let formerWord = WordKey.of("former")
    static let deputyWord = WordKey.of("deputy")

    /// `code` with each three-letter role after the country kept once, in its
    /// first place: "USAGOVBUSBUS" -> "USAGOVBUS", "---GOVBUSGOV" -> "---GOVBUS".
    static func withoutRepeatedRoles(_ code: String) -> String {
        let bytes = Array(code.utf8)
        guard bytes.count >= 9 else { return code }
        var out = Array(bytes[0..<3])
        var seen: [ArraySlice<UInt8>] = []
        var i = 3
        while i + 3 <= bytes.count {
            let role = bytes[i..<(i + 3)]
            if !seen.contains(role) { seen.append(role); out += role }
            i += 3
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }
    /// Roles of an office that a "former" holder no longer has.
    static let officeRoles: Set<String> = ["GOV", "MIL", "LEG", "JUD", "COP", "SPY"]
    /// Earlier actors searched for the institution of "a ministry spokesman".
    static let institutionReach = 8
    /// Prepositions that tie an agent to where it belongs (``locate(_:)``).
    static let belongingCases: Set<UInt64> = Set(["in", "from", "of", "throughout", "across", "within"].map { WordKey.of($0) })
    /// Prepositions that place an agent in the countries conjoined after it
    /// ("lawmakers in France and Germany", "the ministers of France and Germany").
    static let placing: Set<UInt64> = Set(["in", "from", "of"].map { WordKey.of($0) })
    /// Prepositions that introduce the other side of an action (``isCounterpart(_:)``).
    static let interactionCases: Set<UInt64> = Set(["with", "to", "against", "toward", "towards", "between"].map { WordKey.of($0) })
    static let andWord = WordKey.of("and")
    static let ethnicWord = WordKey.of("ethnic")
    /// Prepositions of a place where people live or act.
    static let residenceCases: Set<UInt64> = Set(["in", "throughout", "across", "within"].map { WordKey.of($0) })
    /// Agent nouns that name a country's government only when nothing else in
    /// the phrase says whose people they are ("officials", "Palestinian leaders";
    /// not "Hamas officials", "union leaders", "opposition leader").
    static let genericAgents: Set<UInt64> = Set(["official", "leader", "adviser", "advisor", "leaders", "advisers", "advisors"].map { WordKey.of($0) })
    /// Of those, the ones that are a government only with a country in the phrase:
    /// a leader alone may lead anything ("the leader of the party", "church leaders"),
    /// an adviser advise anyone ("a financial adviser").
    static let countryBoundAgents: Set<UInt64> = Set(["leader", "adviser", "advisor", "leaders", "advisers", "advisors"].map { WordKey.of($0) })
    /// Agent nouns that name an institution or a group, not a person.
    static let institutions: Set<UInt64> = Set(["ministry", "government", "office", "council", "army", "force", "forces", "police", "court",
                                                 "parliament", "cabinet", "administration", "committee", "authority", "authorities", "military",
                                                 "navy", "agency", "department", "embassy", "party", "senate", "assembly", "commission", "regime",
                                                 "junta", "legislature", "congress", "presidency", "command", "headquarters", "service",
                                                 "directorate", "bureau", "guard", "militia", "group", "movement", "front", "union"].map { WordKey.of($0) })
    static let personNouns: Set<UInt64> = Set(["man", "woman"].map { WordKey.of($0) })
    /// Three-letter codes of the dictionaries that are no country: international
    /// bodies and companies, media, militarized and religious groups, regions
    /// ("MEA" the Middle East, "EUR").
    static let nonCountryCodes: Set<String> = ["IGO", "NGO", "MNC", "IMG", "INT", "MED", "ELI", "MEA", "WEU", "EAF", "WAF", "NAF",
                                                  "LAM", "SAM", "SEA", "SAS", "CAS", "AFR", "EUR", "EEU", "ASA", "BUD", "MOS", "HIN"]
    /// Endings of a one-token compound whose first part leads, flags or owns
    /// what it modifies (``ledBy(_:)``), hyphen included, lowercase.
    static let ownerSuffixes: [[UInt8]] = ["-led", "-flagged", "-registered", "-owned"].map { Array($0.utf8) }
    /// Nouns that refer back to a country ("the country", "his nation"), by lemma.
    static let countryNouns: Set<UInt64> = Set(["country", "nation"].map { WordKey.of($0) })
    static let commaWord = WordKey.of(",")
    /// Prepositions after which a capital is a party to the action, not its place.
    static let agentiveCases: Set<UInt64> = Set(["to", "from", "with", "against", "by", "toward", "towards", "between", "on"].map { WordKey.of($0) })
    /// How many of the latest actors a back-reference may point to.
    static let lookBack = 200
    /// The most tokens read as one name after an honorific ("Mr. Abdel Fattah el-Sisi").
    static let longestName = 6
    static let personRoles: Set<String> = ["GOV", "MIL", "LEG", "JUD", "COP", "OPP", "ELI", "MED", "REB", "SPY"]

    mutating func code() -> [CodedActor] {
        var out: [CodedActor] = []
        for sentence in tokens.words.sentences where !sentence.isEmpty {
            // Only the latest actors are looked back at (pronouns, "Mr. X", "the
            // minister"); a bounded window keeps a document of many thousand
            // actors linear, where passing the whole list would copy it per sentence.
            let recent = Array(out.suffix(ActorCoder.lookBack))
            let segments = findSegments(sentence, previous: recent)
            var merged = merge(segments, sentence: sentence, previous: recent)
            codeEthnicGroups(&merged)
            locate(&merged)
            shareConjunctCountry(&merged)
            adoptSentenceCountry(&merged)
            markPeople(&merged)
            out += merged
        }
        return out
    }

    /// Step 2a': "ethnic Albanians", "ethnic Turks", "ethnic Albanian guerrillas":
    /// people of the kin nation, not its state. They are coded as in CAMEO's ethnic
    /// codes: the country they live in, their role (`CVL` when none) and the kin
    /// nation's code as the ethnic group ("ethnic Albanian guerrillas operating in
    /// Macedonia" `MKDREBALB`). Where they live is the country of a participle's
    /// place ("operating in Macedonia") or of the place their act happens ("demonstrated
    /// in Sweden"); otherwise the country stays `---` for the next steps (a
    /// prepositional phrase of their own, "Albanians in Kosovo"; the sentence's country).
    private func codeEthnicGroups(_ actors: inout [CodedActor]) {
        guard tokens.hasSyntax else { return }
        for index in actors.indices {
            let range = actors[index].range
            guard range.lowerBound > 0, tokens.surface[range.lowerBound - 1] == ActorCoder.ethnicWord else { continue }
            let code = actors[index].code
            let role = actors[index].roles.joined()
            let nation = code.dropLast(role.count)
            guard !code.hasPrefix("-"), nation.count >= 3, !["IGO", "NGO", "MNC"].contains(String(nation.prefix(3))) else { continue }
            let kin = String(nation.suffix(3))
            let ethnic = (residence(of: range, among: actors) ?? "---") + (role.isEmpty ? "CVL" : role) + kin
            actors[index].code = ethnic
            if role.isEmpty { actors[index].roles = ["CVL"] }
            actors[index].confidence = min(actors[index].confidence, 0.7)
            // The pronouns that took the nation's code from them ("... to send them back").
            for later in actors.indices where later > index && actors[later].code == code && actors[later].range.count == 1
                && tokens.upos[actors[later].range.lowerBound] == "PRON" {
                actors[later].code = ethnic
                actors[later].roles = actors[index].roles
            }
        }
    }

    /// The country where the people of `range` live, from a place phrase (`in`,
    /// `throughout`, `across`, `within`) of a participle on their noun or of the verb
    /// they are the subject or object of.
    private func residence(of range: Range<Int>, among actors: [CodedActor]) -> String? {
        let head = tokens.phraseHead(range)
        var clauses = tokens.children[head].filter { tokens.deprel[$0] == "acl" }
        if ["nsubj", "obj", "nsubj:pass"].contains(tokens.deprel[head]), tokens.head[head] >= 0 { clauses.append(tokens.head[head]) }
        for clause in clauses {
            let places = tokens.children[clause].filter { tokens.baseRelation($0) == "obl" }
            for phrase in places + places.flatMap({ p in tokens.children[p].filter { tokens.baseRelation($0) == "nmod" } }) {
                guard let preposition = tokens.caseWord(of: phrase), ActorCoder.residenceCases.contains(preposition),
                      let owner = actors.first(where: { $0.range.contains(phrase) && !$0.range.overlaps(range) }),
                      let country = ActorCoder.countryPart(owner.code), !["IGO", "NGO", "MNC"].contains(country) else { continue }
                return country
            }
        }
        return nil
    }

    /// Step 2b: an agent with no country in its own words takes the country of an
    /// actor in a prepositional phrase of its head noun: "opposition groups in
    /// Zimbabwe" `ZWEOPP`, "students throughout Indonesia" `IDNEDU`, "ministers from
    /// the Georgian government" `GEOGOV`. Only `in`, `from`, `of`, `throughout`,
    /// `across` and `within` say where an agent belongs ("troops *to* Liberia" do not
    /// belong to Liberia).
    private func locate(_ actors: inout [CodedActor]) {
        guard tokens.hasSyntax else { return }
        for index in actors.indices where actors[index].code.hasPrefix("---") {
            let range = actors[index].range
            let head = tokens.phraseHead(range)
            for child in tokens.children[head] where tokens.baseRelation(child) == "nmod" && !range.contains(child) {
                guard let preposition = tokens.caseWord(of: child), ActorCoder.belongingCases.contains(preposition) else { continue }
                guard let owner = actors.first(where: { $0.range.contains(child) }),
                      let country = ActorCoder.countryPart(owner.code), country.count == 3, !country.hasPrefix("IGO"), !country.hasPrefix("NGO") else { continue }
                actors[index].code = country + actors[index].code.dropFirst(3)
                actors[index].confidence = 0.7
                // "lawmakers in Fornost and Gondor": the agents of each country.
                for conjunct in tokens.withConjuncts(child).dropFirst() {
                    guard let other = actors.firstIndex(where: { $0.range.contains(conjunct) }), ActorCoder.isBareCountry(actors[other].code) else { continue }
                    actors[other].code += actors[index].code.dropFirst(3)
                    actors[other].roles = actors[index].roles
                }
                break
            }
        }
    }

    /// Step 2b': an agent with no country conjoined to an agent of the same role
    /// that has one shares it: the demonym of "Israeli helicopters and tanks"
    /// modifies both, and both are `ISRMIL`. Of different roles ("Israeli troops
    /// and militants") the modifier may be the first one's alone, and the other
    /// keeps no country.
    private func shareConjunctCountry(_ actors: inout [CodedActor]) {
        guard tokens.hasSyntax else { return }
        for index in actors.indices where actors[index].code.hasPrefix("---") {
            let head = tokens.phraseHead(actors[index].range)
            guard tokens.deprel[head] == "conj", tokens.head[head] >= 0,
                  let first = actors.first(where: { $0.range.contains(tokens.head[head]) }),
                  let country = ActorCoder.countryPart(first.code), country.count == 3, !["IGO", "NGO", "MNC"].contains(country),
                  first.code.dropFirst(3) == actors[index].code.dropFirst(3) else { continue }
            actors[index].code = first.code
            actors[index].confidence = min(actors[index].confidence, 0.7)
        }
    }

    /// Step 2c: an agent still without a country takes the sentence's country
    /// when every other actor of the sentence belongs to the same one: "The
    /// judge ordered the arrest of three Kenyan officials" `KENJUD`, "Iranian
    /// authorities have been pressuring workers ..." `IRNLAB`. News sentences
    /// that name one country mostly tell of its own officials, forces and
    /// courts; a sentence that names two leaves its agents without a country
    /// rather than guess, and international organizations name no country.
    private func adoptSentenceCountry(_ actors: inout [CodedActor]) {
        var country: String? = nil
        for actor in actors where !actor.code.hasPrefix("---") {
            guard let part = ActorCoder.countryPart(actor.code), part.count == 3 else { continue }
            if part == "IGO" || part == "NGO" || part == "MNC" { return }
            // A country the action is aimed at ("protested to China", "cut ties
            // with Russia", "summoned the Turkish ambassador") is the other side:
            // it says nothing of where the agents belong.
            if isCounterpart(actor.range) { continue }
            if country == nil { country = part } else if country != part { return }
        }
        guard let country else { return }
        // Titled people the dictionaries do not know get the sentence's country
        // too: leaving them out ("Prime Minister Blair" in a sentence that names
        // only the United States would stay `---GOV`) cost more right codes on
        // the event gold ("Judge Alejandro Rivera ... Chilean officials") than
        // it saved.
        for index in actors.indices where actors[index].code.hasPrefix("---") {
            actors[index].code = country + actors[index].code.dropFirst(3)
            actors[index].confidence = min(actors[index].confidence, 0.6)
        }
    }

    /// Step 2d: a plural demonym standing for people, not their state, where an
    /// act falls on it: "soldiers arrested more than 100 Palestinians" `PSECVL`,
    /// "Ghana deported 168 Liberians" `LBRCVL`. As a subject ("The Palestinians
    /// rejected ...") it keeps the country's code, as coders read the people
    /// speaking for their side.
    private func markPeople(_ actors: inout [CodedActor]) {
        guard tokens.hasSyntax else { return }
        for index in actors.indices where ActorCoder.isBareCountry(actors[index].code) && actors[index].range.count == 1 {
            let t = actors[index].range.lowerBound
            // A people's name: the plural of a demonym in -an or -i ("Palestinians",
            // "Iraqis"), not a country's plural-looking name ("the Philippines").
            guard tokens.xpos[t] == "NNPS" || (tokens.xpos[t] == "NNS" && tokens.isCapitalized(t)), tokens.lemma[t] != tokens.surface[t],
                  ["obj", "iobj", "obl", "nmod"].contains(tokens.baseRelation(t)) else { continue }
            let word = tokens.words.text(t..<(t + 1)).lowercased()
            guard word.hasSuffix("ans") || word.hasSuffix("is") else { continue }
            actors[index].code += "CVL"
        }
    }

    /// Whether a mention is the object of a verb or sits in a prepositional
    /// phrase of interaction (`with`, `to`, `against`, `toward`, `between`).
    private func isCounterpart(_ range: Range<Int>) -> Bool {
        guard tokens.hasSyntax else { return false }
        // An adjective ("Turkish") hangs on its noun: the noun's relation counts.
        var t = tokens.phraseHead(range)
        if tokens.deprel[t] == "amod" || tokens.deprel[t] == "compound" || tokens.deprel[t] == "nmod:poss", tokens.head[t] >= 0 { t = tokens.head[t] }
        // A later conjunct ("Britain and France") stands where the first one does.
        var steps = 0
        while tokens.deprel[t] == "conj", tokens.head[t] >= 0, steps < 50 { t = tokens.head[t]; steps += 1 }
        let relation = tokens.deprel[t]
        if relation == "obj" || relation == "iobj" { return true }
        let base = tokens.baseRelation(t)
        guard base == "obl" || base == "nmod", let preposition = tokens.caseWord(of: t) else { return false }
        return ActorCoder.interactionCases.contains(preposition)
    }

    /// The code of the actor that leads, flags or owns, for a token
    /// "<actor>-led" ("US-led", "Saudi-led", "NATO-led"), "<actor>-flagged",
    /// "<actor>-registered" ("a British-flagged tanker") or "<actor>-owned" ("a
    /// Chinese-owned company") whose first part the dictionary names. Not
    /// "-backed" or "-based": who backs a group, or where it sits ("the UK-based
    /// Syrian Observatory"), is not who it is.
    private func ledBy(_ t: Int) -> String? {
        // Read on the token's bytes: this runs at every capitalized token.
        let bytes = tokens.words.bytes, start = tokens.words.starts[t], end = tokens.words.ends[t]
        guard end - start > 4, let hyphen = ActorCoder.ownerSuffixes.first(where: { suffix in
            let h = end - suffix.count
            return h > start + 1 && (0..<suffix.count).allSatisfy { bytes[h + $0] | 0x20 == suffix[$0] }
        }).map({ end - $0.count }) else { return nil }
        let key = WordKey.of(bytes, start, hyphen)
        guard let m = dictionary.actors.longest(surface: [key], lemma: [key], at: 0, limit: 1) else { return nil }
        return dictionary.actors.payloads[m.index].code(on: day)
    }

    /// Step 1 (and pronouns of step 4): dictionary phrases left to right.
    private func findSegments(_ sentence: Range<Int>, previous: [CodedActor]) -> [Segment] {
        var segments: [Segment] = []
        var i = tokens.datelineEnd(sentence) ?? sentence.lowerBound
        let limit = sentence.upperBound
        while i < limit {
            // "US-led coalition", "Saudi-led forces": one token, led by the country named.
            if tokens.isCapitalized(i), let code = ledBy(i) {
                segments.append(Segment(range: i..<(i + 1), piece: .named(code: code, capital: false)))
                i += 1
                continue
            }
            // Plural proper nouns match by their lemma ("Liberians" -> "liberian").
            if tokens.isCapitalized(i), let m = dictionary.actors.longest(surface: tokens.surface, lemma: tokens.xpos[i] == "NNPS" || tokens.xpos[i] == "NNS" ? tokens.lemma : tokens.surface, at: i, limit: limit) {
                // Part of a longer person's name is someone else's only by chance:
                // "Nadia Hassan" is not Jordan's Prince Hassan, nor is "Hassan" of
                // "Hassan Rouhani". A surname the name ends with stands for the
                // person ("Recep Tayyip Erdogan" by "Erdogan"), a given name does
                // not, unless only titles stand before it ("Prince Abdullah").
                if let name = enclosingPersonName(i..<(i + m.length)),
                   i + m.length < name.upperBound
                    || (m.length == 1 && dictionary.givenNames.contains(tokens.surface[i]) && !onlyTitles(name.lowerBound..<i)) {
                    i += m.length
                    continue
                }
                // "President Bush" is in the dictionary as one name, coded by date; the
                // title in the text says the role, so it is read as title + name.
                if let title = dictionary.agents.longest(surface: tokens.surface, lemma: tokens.lemma, at: i, limit: limit),
                   title.length < m.length, ActorCoder.personRoles.contains(dictionary.agents.payloads[title.index]),
                   let name = dictionary.actors.longest(surface: tokens.surface, lemma: tokens.surface, at: i + title.length, limit: limit),
                   let code = dictionary.actors.payloads[name.index].code(on: day) {
                    segments.append(Segment(range: i..<(i + title.length), piece: .agent(role: dictionary.agents.payloads[title.index])))
                    segments.append(Segment(range: (i + title.length)..<(i + title.length + name.length), piece: .named(code: code, capital: false)))
                    i += title.length + name.length
                    continue
                }
                let entry = dictionary.actors.payloads[m.index]
                if let code = entry.code(on: day) {
                    segments.append(Segment(range: i..<(i + m.length), piece: .named(code: code, capital: entry.isCapital)))
                }
                i += m.length
                continue
            }
            if let m = dictionary.agents.longest(surface: tokens.surface, lemma: tokens.lemma, at: i, limit: limit),
               tokens.upos[i] != "PROPN" || ActorCoder.personRoles.contains(dictionary.agents.payloads[m.index]) || i == sentence.lowerBound {
                // A proper-noun agent is a title ("President", "Defence Minister"), not
                // a common word inside a name ("European Community"); a sentence's
                // first word is capitalized whatever it is ("Gunmen opened fire").
                let role = dictionary.agents.payloads[m.index]
                // An adjective that modifies a noun no agent names is no one:
                // "military aid for Israel", "a military operation" (but "military
                // officers", "the military").
                if m.length == 1, tokens.hasSyntax, tokens.upos[i] == "ADJ", tokens.deprel[i] == "amod",
                   case let h = tokens.head[i], h > i, h < limit,
                   dictionary.agents.longest(surface: tokens.surface, lemma: tokens.lemma, at: h, limit: limit) == nil,
                   dictionary.actors.longest(surface: tokens.surface, lemma: tokens.surface, at: h, limit: limit) == nil {
                    i += 1
                    continue
                }
                segments.append(Segment(range: i..<(i + m.length), piece: .agent(role: role)))
                i += m.length
                // A title and a surname the dictionaries know only with its first
                // name: "President Mugabe" is Robert Mugabe.
                if ActorCoder.personRoles.contains(role), let name = surnamedPerson(at: i, limit: limit) {
                    segments.append(Segment(range: name.range, piece: .named(code: name.code, capital: false)))
                    i = name.range.upperBound
                }
                continue
            }
            // "Mugabe" after "Robert Mugabe": news names a person in full once,
            // then by surname; the surname alone takes the full name's code.
            if let earlier = earlierFullName(at: i, limit: limit, previous: previous) {
                segments.append(Segment(range: i..<(i + 1), piece: .named(code: earlier.code, capital: false)))
                i += 1
                continue
            }
            let key = tokens.surface[i]
            if ActorCoder.countryNouns.contains(tokens.lemma[i]), i > sentence.lowerBound, tokens.xpos[i] == "NN",
               tokens.surface[i - 1] == ActorCoder.theWord || ActorCoder.possessive.contains(tokens.surface[i - 1]),
               i + 1 >= limit || (tokens.upos[i + 1] != "NOUN" && tokens.upos[i + 1] != "PROPN") {
                // "the country", "his country", "the country's president"; not "the
                // country music", which the noun after it heads.
                let the = tokens.surface[i - 1] == ActorCoder.theWord
                segments.append(Segment(range: (the ? i - 1 : i)..<(i + 1), piece: .countryNoun))
                i += 1
                continue
            }
            if ActorCoder.personalPronouns.contains(key) || ActorCoder.groupPronouns.contains(key) {
                segments.append(Segment(range: i..<(i + 1), piece: .pronoun(person: ActorCoder.personalPronouns.contains(key))))
            } else if key == ActorCoder.theWord, i + 1 < limit, ActorCoder.personNouns.contains(tokens.surface[i + 1]) {
                // "the man", "the woman": the latest person, like "he" and "she".
                segments.append(Segment(range: i..<(i + 2), piece: .pronoun(person: true)))
                i += 2
                continue
            } else if ActorCoder.honorifics.contains(key), i + 1 < limit, tokens.isCapitalized(i + 1) {
                // "Mr. Mbeki": the latest actor whose text ends with the surname.
                // A name is a few words; the bound keeps a run of capitalised
                // tokens ("Mr. Mr. Mr. ..." in scraped junk) from costing the
                // square of its length.
                var end = i + 1
                while end + 1 < limit && end - i < ActorCoder.longestName && tokens.isCapitalized(end + 1) { end += 1 }
                let surname = tokens.surface[end]
                if let match = previous.last(where: { tokens.surface[$0.range.upperBound - 1] == surname }) {
                    segments.append(Segment(range: i..<(end + 1), piece: .named(code: match.code, capital: false)))
                    i = end + 1
                    continue
                }
                if let name = surnamedPerson(at: i + 1, limit: limit) {
                    segments.append(Segment(range: i..<name.range.upperBound, piece: .named(code: name.code, capital: false)))
                    i = name.range.upperBound
                    continue
                }
            }
            i += 1
        }
        return segments
    }

    /// The latest earlier person named in full (two words or more, a person's
    /// code) whose last word is token `i`, a capitalized proper noun standing
    /// alone ("Mugabe", not "Mugabe Avenue").
    private func earlierFullName(at i: Int, limit: Int, previous: [CodedActor]) -> CodedActor? {
        guard tokens.isCapitalized(i), tokens.upos[i] == "PROPN" || overlapsPersonEntity(i..<(i + 1)),
              i + 1 >= limit || !tokens.isCapitalized(i + 1) else { return nil }
        let surname = tokens.surface[i]
        return previous.last { $0.isPerson && $0.range.count >= 2 && !$0.code.hasPrefix("---")
            && tokens.surface[$0.range.upperBound - 1] == surname && tokens.isCapitalized($0.range.upperBound - 2) }
    }

    /// A surname alone after a title or honorific, of a person the
    /// dictionaries hold only by full name ("President Mugabe"), coded by
    /// ``CameoDictionary/surnameCode(_:on:)``.
    private func surnamedPerson(at start: Int, limit: Int) -> (range: Range<Int>, code: String)? {
        // One word: with a first name the text names someone the dictionaries
        // may not hold ("Judge Alejandro Rivera" is no Rivera of theirs).
        guard start < limit, tokens.isCapitalized(start), start + 1 == limit || !tokens.isCapitalized(start + 1),
              dictionary.actors.longest(surface: tokens.surface, lemma: tokens.surface, at: start, limit: start + 1) == nil,
              let code = dictionary.surnameCode(tokens.surface[start], on: day) else { return nil }
        return (start..<(start + 1), code)
    }

    /// The country of the latest actors that "the country" refers to: among the
    /// last few with a country (not an international body), the latest of its
    /// own sentence ("The outlook for Sri Lanka is less optimistic, ... the
    /// country's tourist industry"), else an earlier main subject's, a subject's,
    /// the latest ("Iraq summoned the Turkish ambassador. The country ..." is Iraq).
    private func latestCountry(among actors: [CodedActor], sentenceStart: Int) -> String? {
        let countries = actors.suffix(8).filter { ActorCoder.countryPart($0.code).map(ActorCoder.isBareCountry) ?? false }
        let chosen = countries.last { $0.range.lowerBound >= sentenceStart }
            ?? countries.last(where: \.isMainSubject) ?? countries.last(where: \.isSubject) ?? countries.last
        return chosen.flatMap { ActorCoder.countryPart($0.code) }
    }

    /// The latest compatible actor before a pronoun: a person for `he`/`she`, a
    /// group or country for `it`/`they`.
    /// Subjects are preferred ("The ministry said the jets hit targets near Iran. It
    /// said ..." is the ministry), looking back over a few mentions.
    private func antecedent(person: Bool, among actors: [CodedActor]) -> CodedActor? {
        let compatible = actors.suffix(8).filter { !$0.code.hasPrefix("---") && $0.isPerson == person }
        return compatible.last(where: \.isMainSubject) ?? compatible.last(where: \.isSubject) ?? compatible.last
            ?? actors.last { !$0.code.hasPrefix("---") && $0.isPerson == person }
    }

    /// Steps 2 and 3: pieces of one noun phrase become one actor; capitals by role.
    private func merge(_ segments: [Segment], sentence: Range<Int>, previous: [CodedActor]) -> [CodedActor] {
        var out: [CodedActor] = []
        var s = 0
        while s < segments.count {
            var group = [segments[s]]
            var e = s + 1
            while e < segments.count && group.count < 4 && joinable(group.last!, segments[e]) {
                group.append(segments[e])
                e += 1
            }
            s = e
            let range = group.first!.range.lowerBound..<group.last!.range.upperBound
            // The window and this sentence's latest actors: at most twice `lookBack`.
            if let actor = codeOf(group, range: range, sentenceStart: sentence.lowerBound, previous: previous + out.suffix(ActorCoder.lookBack)) {
                out.append(actor)
            }
        }
        // "US and British activists": a bare country conjoined with a country + role
        // shares the role (USAOPP, GBROPP). Only a role an agent noun names is
        // shared: "Israel and Hamas" are two parties.
        if out.count > 1 {
            // The mention ends in its agent noun, or is conjoined to one that does
            // ("the Singapore, London and New York authorities").
            var agentNamed = out.map { !tokens.hasSyntax || tokens.upos[$0.range.upperBound - 1] == "NOUN" }
            for k in stride(from: out.count - 2, through: 0, by: -1) {
                let a = out[k], b = out[k + 1]
                let gap = a.range.upperBound..<b.range.lowerBound
                guard isConjunction(gap), agentNamed[k + 1] else { continue }
                agentNamed[k] = true
                guard ActorCoder.isBareCountry(a.code), b.code.count > 3, !b.code.hasPrefix("-") else { continue }
                out[k].code = a.code + b.code.dropFirst(3)
                out[k].roles = b.roles
            }
            // "lawmakers in France and Germany", "the foreign ministers of France,
            // Germany and Italy": the agents of each country. The role is the
            // agent noun's own (country plus roles), not a named group's
            // ("supporters of Hamas and Israel" are not Israeli rebels).
            var placed: (mention: Int, roles: Substring)? = nil
            for k in 0..<(out.count - 1) {
                let a = out[k], b = out[k + 1]
                let gap = a.range.upperBound..<b.range.lowerBound
                let roles = a.code.dropFirst(3)
                if !roles.isEmpty, !a.code.hasPrefix("-"), !a.roles.isEmpty, roles == a.roles.joined(),
                   a.range.contains(where: { ActorCoder.placing.contains(tokens.surface[$0]) }) {
                    placed = (k, roles)
                } else if placed?.mention != k {
                    placed = nil
                }
                guard let role = placed, ActorCoder.isBareCountry(b.code), isConjunction(gap) else { placed = nil; continue }
                out[k + 1].code = b.code + role.roles
                out[k + 1].roles = out[role.mention].roles
                placed = (k + 1, role.roles)
            }
        }
        return out
    }

    /// A country's code with no role, not an international body's ("FRA", not
    /// "FRAGOV" or "IGO"): the actor that takes the role of an agent it is
    /// conjoined with ("US and British activists", "lawmakers in France and Germany").
    static func isBareCountry(_ code: String) -> Bool {
        code.count == 3 && !code.hasPrefix("-") && !ActorCoder.nonCountryCodes.contains(code)
    }

    /// Whether only "and" and commas stand between two mentions.
    private func isConjunction(_ gap: Range<Int>) -> Bool {
        !gap.isEmpty && gap.allSatisfy { tokens.surface[$0] == ActorCoder.andWord || tokens.surface[$0] == ActorCoder.commaWord }
    }

    /// Whether two pieces belong to one noun phrase: nothing between them but
    /// glue words ("'s", "of", "the") and modifiers, and no clause boundary.
    private func joinable(_ a: Segment, _ b: Segment) -> Bool {
        let gap = a.range.upperBound..<b.range.lowerBound
        guard gap.count <= 3 else { return false }
        if case .pronoun = b.piece { return false }
        // "authorities in Croatia", "officers from Chad": an agent placed in a country.
        if case .agent = a.piece, case .named(let code, _) = b.piece, code.count == 3, gap.count == 1,
           ActorCoder.placing.contains(tokens.surface[gap.lowerBound]) { return true }
        for t in gap {
            let key = tokens.surface[t]
            if ActorCoder.glue.contains(key) { continue }
            let pos = tokens.upos[t]
            if tokens.hasSyntax {
                guard pos == "ADJ" || pos == "NOUN" || pos == "PROPN" || pos == "NUM" else { return false }
            } else if tokens.words.shapes[t].contains(.symbol) {
                return false
            }
        }
        // Two named actors side by side are one only when the second is a person or
        // organization with its own role ("Palestinian leader Yasser Arafat").
        if case .named = a.piece, case .named(let code, _) = b.piece, gap.isEmpty { return code.count > 3 }
        return true
    }

    private func codeOf(_ group: [Segment], range: Range<Int>, sentenceStart: Int, previous: [CodedActor]) -> CodedActor? {
        var country: String?
        var roles: [String] = []
        var headNamed: String?
        var isPerson = false
        var genericRoles: [String] = []
        var genericSegments = 0
        var genericNeedsCountry = false
        var genericTokens: [Int] = []
        // The country came from a pronoun of a person or a body that is no state
        // ("his leaders": his party's; "its adviser": a company's).
        var countryIsNoStates = false
        var namedTokens: [Int] = []
        for (k, segment) in group.enumerated() {
            // "deputy governor", "deputy director general": a rank of the office after
            // it, no police deputy.
            if case .agent = segment.piece, segment.range.count == 1, tokens.lemma[segment.range.lowerBound] == ActorCoder.deputyWord,
               k + 1 < group.count, case .agent = group[k + 1].piece, group[k + 1].range.lowerBound == segment.range.upperBound { continue }
            // (By its form too: a capitalized plural keeps it as its lemma.)
            if case .agent(let role) = segment.piece, segment.range.count == 1,
               ActorCoder.genericAgents.contains(tokens.lemma[segment.range.lowerBound]) || ActorCoder.genericAgents.contains(tokens.surface[segment.range.lowerBound]) {
                // The noun only: "an official protest" is no one's.
                if !tokens.hasSyntax || tokens.upos[segment.range.lowerBound] == "NOUN" { genericRoles.append(role) }
                if ActorCoder.countryBoundAgents.contains(tokens.lemma[segment.range.lowerBound]) || ActorCoder.countryBoundAgents.contains(tokens.surface[segment.range.lowerBound]) {
                    genericNeedsCountry = true
                }
                genericTokens.append(segment.range.lowerBound)
                genericSegments += 1
                continue
            }
            switch segment.piece {
            case .named(let code, _):
                namedTokens.append(segment.range.upperBound - 1)
                if country == nil { country = ActorCoder.countryPart(code) }
                headNamed = code
                if code.count > 3 && ActorCoder.personRoles.contains(String(code.suffix(3))) { isPerson = true }
            case .agent(let role):
                if !roles.contains(role) { roles.append(role) }
                // "the minister" is a person, "the ministry" and "the troops" are not.
                let last = segment.range.upperBound - 1
                if ActorCoder.personRoles.contains(role) && !tokens.xpos[last].hasSuffix("S") && !ActorCoder.institutions.contains(tokens.lemma[last]) {
                    isPerson = true
                }
            case .pronoun(let person):
                if country == nil, let antecedent = antecedent(person: person, among: previous) {
                    country = ActorCoder.countryPart(antecedent.code)
                    // A person's or a company's ("its adviser, Goldman Sachs") is no state's,
                    // nor one an earlier sentence names.
                    countryIsNoStates = person || !(ActorCoder.isBareCountry(antecedent.code) || antecedent.code.hasSuffix("GOV"))
                        || antecedent.range.lowerBound < sentenceStart
                }
            case .countryNoun:
                // After a possessive pronoun the pronoun has said whose; "the
                // country" is the story's latest country.
                if country == nil { country = latestCountry(among: previous, sentenceStart: sentenceStart) }
            }
        }
        if group.count == 1, case .countryNoun = group[0].piece {
            // Alone, "the country" is a party only as an agent ("the country will
            // expel", "sanctions against the country"), not a place ("across the
            // country"), and only when the story has named a country.
            guard let country, capitalActs(range) else { return nil }
            var actor = CodedActor(range: range, code: country, canonical: nil, confidence: 0.6, isPerson: false, roles: [])
            actor.isSubject = isSubject(range)
            actor.isMainSubject = actor.isSubject && isMainSubject(range)
            return actor
        }
        // "Iranian officials", "officials in Kenya" are the government; "company
        // officials", "Hamas officials" and "UN officials" are the company's,
        // the group's and the body's own people. "Palestinian leaders" and "its
        // leader" are a government; a leader with no country in the phrase is not.
        // The country must modify the leader itself: "the leader of the British
        // National Party" leads a party.
        let countryLeads = !genericNeedsCountry || !tokens.hasSyntax
            || namedTokens.contains { named in genericTokens.contains { tokens.head[named] == $0 } }
        let countryTakesGeneric: Bool
        if let headNamed {
            countryTakesGeneric = ActorCoder.isBareCountry(headNamed) && countryLeads
        } else {
            countryTakesGeneric = !genericNeedsCountry || (country != nil && !countryIsNoStates)
        }
        if roles.isEmpty, !genericRoles.isEmpty, countryTakesGeneric {
            roles = [genericRoles[0]]
        }
        // Nothing but an adjective "official": no actor; nor a leader no country
        // leads, with a possessive at most ("his leaders").
        if genericSegments == group.count && roles.isEmpty { return nil }
        if genericSegments > 0 && roles.isEmpty && headNamed == nil { return nil }
        if group.count == 1, case .named(_, let capital) = group[0].piece, capital {
            // Metonymy: a capital acting is its government; as a location it is a place.
            guard capitalActs(group[0].range) else { return nil }
            roles = ["GOV"]
        }
        if group.count == 1, case .pronoun(let person) = group[0].piece {
            guard let antecedent = antecedent(person: person, among: previous) else { return nil }
            var actor = CodedActor(range: range, code: antecedent.code, canonical: tokens.words.text(antecedent.range), confidence: 0.6,
                                   isPerson: person, roles: antecedent.roles)
            actor.isSubject = isSubject(range)
            actor.isMainSubject = actor.isSubject && isMainSubject(range)
            return actor
        }
        var code: String
        if let country, !roles.isEmpty, ActorCoder.personRoles.contains(roles.last!), case .named = group.last!.piece {
            // "Iraqi President Saddam Hussein", "U.S. Secretary of State Warren
            // Christopher": the title says which role the person holds in this text,
            // which beats the name's dated entries.
            code = country + roles.last!
        } else if let headNamed, headNamed.count > 3, case .named = group.last!.piece {
            code = headNamed
            // "Rwanda's Senate": the possessor's country with the name's role, when the
            // name's own entry belongs to another country; the agent dictionary's role
            // of the same words first, when it has them ("senate" LEG, where the
            // country dictionary's US-only entry says USAGOVLEG).
            // (Not a body or company that has no country of its own: "Malaysia Airlines
            // Boeing 777" is no Malaysian "USA".)
            if let country, group.count > 1, !headNamed.hasPrefix(country), !ActorCoder.nonCountryCodes.contains(String(headNamed.prefix(3))) {
                let name = group.last!.range
                if let agent = dictionary.agents.longest(surface: tokens.surface, lemma: tokens.lemma, at: name.lowerBound, limit: name.upperBound),
                   agent.length == name.count {
                    code = country + dictionary.agents.payloads[agent.index]
                } else {
                    code = country + headNamed.dropFirst(3)
                }
            }
        } else if let country {
            // A role the name's own code already is ("Reuters news agency": MED,
            // not MEDMED) is not repeated.
            code = country + roles.filter { $0 != country }.joined()
            if roles.isEmpty, let headNamed { code = headNamed }
        } else {
            // An agent with no country in its phrase: "the minister" refers back to the
            // latest actor with that role; otherwise the country is unknown.
            let first = range.lowerBound
            if first > 0 && tokens.surface[first - 1] == ActorCoder.theWord, let role = roles.last,
               let match = latest(withRole: role, among: previous) {
                code = match.code
            } else if let institution = institutionRole(of: group), roles.count > 1,
                      let match = latest(withRole: institution, among: Array(previous.suffix(ActorCoder.institutionReach))),
                      let matchCountry = ActorCoder.countryPart(match.code) {
                // "a ministry spokesman", "an army officer": the institution is the
                // one the story has just named ("Iraq's foreign ministry summoned ..."),
                // among its last few actors.
                code = matchCountry + roles.joined()
            } else if let headNamed, ActorCoder.roleOnlyCodes.contains(String(headNamed.prefix(3))) {
                // "the BBC", "the BBC's correspondent": the name's own role code.
                code = headNamed + roles.filter { !headNamed.contains($0) }.joined()
            } else {
                code = "---" + roles.joined()
            }
        }
        if overlapsPersonEntity(range) { isPerson = true }
        // "former Soviet leader", "former Pakistani Prime Minister Nawaz Sharif": an
        // office held no longer makes an elite (CAMEO's ELI), whatever the title says.
        if range.lowerBound > 0, tokens.surface[range.lowerBound - 1] == ActorCoder.formerWord,
           code.count >= 6, ActorCoder.officeRoles.contains(String(code.suffix(3))) {
            code = code.dropLast(3) + "ELI"
            if !roles.isEmpty { roles[roles.count - 1] = "ELI" }
        }
        // A role twice over ("state-owned carmaker" GOVBUS + BUS) is one role.
        code = ActorCoder.withoutRepeatedRoles(code)
        let confidence = code.hasPrefix("---") ? 0.5 : (group.count > 1 ? 0.85 : 0.8)
        var actor = CodedActor(range: range, code: code, canonical: nil, confidence: confidence, isPerson: isPerson, roles: roles)
        actor.isSubject = isSubject(range)
        actor.isMainSubject = actor.isSubject && isMainSubject(range)
        return actor
    }

    /// The latest earlier actor with `role` and a country, a subject first.
    private func latest(withRole role: String, among previous: [CodedActor]) -> CodedActor? {
        previous.last(where: { $0.roles.contains(role) && !$0.code.hasPrefix("---") && $0.isSubject })
            ?? previous.last(where: { $0.roles.contains(role) && !$0.code.hasPrefix("---") })
    }

    /// The role of an institution noun that opens a phrase of several roles
    /// ("ministry" of "ministry spokesman"), if the phrase has one.
    private func institutionRole(of group: [Segment]) -> String? {
        guard let first = group.first, case .agent(let role) = first.piece,
              ActorCoder.institutions.contains(tokens.lemma[first.range.upperBound - 1]) else { return nil }
        return role
    }

    /// The country or organization part of a code: its first three letters
    /// ("IRQGOV" -> "IRQ"), the code itself for a bare country, nil for "---"
    /// and for a role the dictionaries give with no country ("MED" for the BBC).
    static func countryPart(_ code: String) -> String? {
        if code.hasPrefix("---") { return nil }
        let part = String(code.prefix(3))
        return roleOnlyCodes.contains(part) ? nil : part
    }

    /// Codes of the dictionaries that are a role with no country: "BBC" `MED`, a
    /// former official `ELI`. They lend no country to the agents beside them
    /// ("the BBC's correspondent" is no Media-land's `MEDMED`).
    static let roleOnlyCodes: Set<String> = ["MED", "ELI"]

    private func isSubject(_ range: Range<Int>) -> Bool {
        guard tokens.hasSyntax else { return false }
        var t = tokens.phraseHead(range)
        // "Turkey's defence ministry": the possessor's phrase is the subject.
        if tokens.deprel[t] == "nmod:poss" || tokens.deprel[t] == "compound", tokens.head[t] >= 0 { t = tokens.head[t] }
        return tokens.deprel[t] == "nsubj" || tokens.deprel[t] == "nsubj:pass"
    }

    private func isMainSubject(_ range: Range<Int>) -> Bool {
        var t = tokens.phraseHead(range)
        if tokens.deprel[t] == "nmod:poss" || tokens.deprel[t] == "compound", tokens.head[t] >= 0 { t = tokens.head[t] }
        let verb = tokens.head[t]
        return verb >= 0 && tokens.head[verb] < 0
    }

    /// Whether a capital's mention is a party to an action (metonymy convention).
    private func capitalActs(_ range: Range<Int>) -> Bool {
        guard tokens.hasSyntax else { return false }
        let headToken = tokens.phraseHead(range)
        switch tokens.deprel[headToken] {
        case "nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "csubj":
            return true
        case "obl", "nmod", "obl:tmod":
            if let prep = tokens.caseWord(of: headToken) { return ActorCoder.agentiveCases.contains(prep) }
            return false
        case "conj":
            let h = tokens.head[headToken]
            return h >= 0 && ["nsubj", "nsubj:pass", "obj", "iobj"].contains(tokens.deprel[h])
        default:
            return false
        }
    }

    /// Whether `range` is one or more titles of persons ("King", "Crown Prince").
    private func onlyTitles(_ range: Range<Int>) -> Bool {
        var t = range.lowerBound
        while t < range.upperBound {
            guard let title = dictionary.agents.longest(surface: tokens.surface, lemma: tokens.lemma, at: t, limit: range.upperBound),
                  ActorCoder.personRoles.contains(dictionary.agents.payloads[title.index]) else { return false }
            t += title.length
        }
        return true
    }

    /// The tokens of the person entity that holds `range` and is longer than
    /// it, if there is one.
    private func enclosingPersonName(_ range: Range<Int>) -> Range<Int>? {
        let start = tokens.words.starts[range.lowerBound], end = tokens.words.ends[range.upperBound - 1]
        guard let span = firstPersonSpan(endingAfter: start), span.start <= start, span.end >= end,
              span.start < start || span.end > end else { return nil }
        var first = range.lowerBound, last = range.upperBound
        while first > 0 && tokens.words.starts[first - 1] >= span.start { first -= 1 }
        while last < tokens.words.starts.count && tokens.words.ends[last] <= span.end { last += 1 }
        return first..<last
    }

    private func overlapsPersonEntity(_ range: Range<Int>) -> Bool {
        let end = tokens.words.ends[range.upperBound - 1]
        return firstPersonSpan(endingAfter: tokens.words.starts[range.lowerBound]).map { $0.start < end } ?? false
    }

    /// The first person entity span that ends after byte `offset`, by binary
    /// search (entity spans are sorted and do not overlap).
    private func firstPersonSpan(endingAfter offset: Int) -> TextSpan? {
        var low = 0, high = personSpans.count
        while low < high {
            let middle = (low + high) / 2
            if personSpans[middle].end > offset { high = middle } else { low = middle + 1 }
        }
        return low < personSpans.count ? personSpans[low] : nil
    }
}
