import SitrepCore

/// Turns speaker phrases into canonical speakers through the document (step 5 and 6
/// of ``QuoteStage``).
///
/// A pre-pass lists the people and organizations the text names: capitalized runs
/// of two or more words (`Marek Dvorak`), a single word after a person title
/// (`Mr. Nasser`), runs ending in an organization head (`Red Crescent`), and PER/ORG
/// entity mentions when the entity stage ran. Each person keeps the role nouns
/// around the name (`union leader Marek Dvorak`, `Karin Holm, a spokeswoman for
/// ...`) and a gender when a title gives one.
struct SpeakerResolver {
    let words: TokenWords
    let lexicon: QuoteLexicon
    let entities: [EntityMention]
    let actors: [ActorMention]
    let insideQuote: [Bool]

    struct Person {
        /// Tokens of the fullest mention, or the canonical form an entity gave.
        var nameRange: Range<Int>
        var entityName: String?
        var surname: UInt64
        var nameKeys: [UInt64]
        var roles: Set<UInt64> = []
        /// true: female, false: male, nil: unknown.
        var female: Bool?
        var actor: String?
        /// Token positions of mentions outside quotes, ascending.
        var mentions: [Int] = []
        /// Token position of the first mention anywhere.
        var first: Int
    }

    struct Organization {
        var range: Range<Int>
        var entityName: String?
        var position: Int
    }

    /// The canonical name of a person.
    func name(_ person: Person) -> String { person.entityName ?? words.text(person.nameRange) }
    func name(_ organization: Organization) -> String { organization.entityName ?? words.text(organization.range) }

    private(set) var people: [Person] = []
    /// Whether any actor or entity mention carries an actor code.
    private let hasActorCodes: Bool
    private(set) var organizations: [Organization] = []

    init(words: TokenWords, lexicon: QuoteLexicon, entities: [EntityMention], actors: [ActorMention], insideQuote: [Bool]) {
        self.words = words
        self.lexicon = lexicon
        self.entities = entities
        self.actors = actors
        self.insideQuote = insideQuote
        hasActorCodes = !actors.isEmpty || entities.contains { $0.actor != nil }
        collectNames()
    }

    // MARK: - Pre-pass

    private func isNameToken(_ t: Int) -> Bool {
        words.shapes[t].contains(.capitalized) && lexicon.nonNames.payload(words.keys[t]) < 0
    }

    private mutating func collectNames() {
        var t = 0
        let n = words.count
        while t < n {
            guard isNameToken(t) else { t += 1; continue }
            var end = t + 1
            while end < n && isNameToken(end) && words.sentenceOf[end] == words.sentenceOf[t] { end += 1 }
            register(t..<end)
            t = end
        }
        // Entity mentions add canonical forms and actor codes, and names the runs
        // missed (lower-case particles, an unknown single name).
        for entity in entities where entity.type == .person || entity.type == .organization {
            guard var first = tokenIndex(startingAt: entity.span.start) else { continue }
            var last = first
            while last + 1 < n && words.ends[last + 1] <= entity.span.end { last += 1 }
            if entity.type == .organization {
                if !organizations.contains(where: { $0.range.lowerBound == first }) {
                    organizations.append(Organization(range: first..<last + 1, entityName: entity.canonical, position: first))
                }
                continue
            }
            // Titles the tagger put inside the mention ("Mayor Elin Strand").
            while first < last && lexicon.nonNames.payload(words.keys[first]) >= 0 { first += 1 }
            let keys = words.keys[first...last]
            let known = keys.count == 1
                ? people.lastIndex { $0.surname == keys[first] }
                : people.firstIndex { $0.nameKeys.elementsEqual(keys) || entity.canonical != nil && $0.entityName == entity.canonical }
            if let index = known {
                if people[index].actor == nil { people[index].actor = entity.actor }
                if people[index].entityName == nil && keys.count > 1 { people[index].entityName = entity.canonical }
            } else {
                var person = Person(nameRange: first..<last + 1, entityName: entity.canonical, surname: words.keys[last], nameKeys: Array(keys), female: nil, first: first)
                person.actor = entity.actor
                if !insideQuote[first] { person.mentions = [first] }
                people.append(person)
            }
        }
        if !entities.isEmpty { organizations.sort { $0.position < $1.position } }
    }

    private func tokenIndex(startingAt offset: Int) -> Int? {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words.starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low < words.count && words.starts[low] == offset ? low : nil
    }

    private mutating func register(_ run: Range<Int>) {
        let last = run.upperBound - 1
        // "the aid group Open Hands": a name after an organization noun names the organization.
        let afterOrganizationNoun = run.lowerBound > 0 && words.shapes[run.lowerBound - 1].contains(.lowercase)
            && lexicon.organizationHeads.contains(words.keys[run.lowerBound - 1])
        if lexicon.organizationHeads.contains(words.keys[last]) || afterOrganizationNoun {
            organizations.append(Organization(range: run, entityName: nil, position: run.lowerBound))
            return
        }
        // Titles and roles right before the run: "Finance Minister", "Mr.", "union leader".
        var roles = Set<UInt64>()
        var female: Bool?
        var titled = false
        var b = run.lowerBound - 1
        while b >= 0 && run.lowerBound - b <= 3 && words.sentenceOf[b] == words.sentenceOf[run.lowerBound] {
            let key = words.keys[b]
            if lexicon.maleTitles.contains(key) { female = false; titled = true }
            else if lexicon.femaleTitles.contains(key) { female = true; titled = true }
            else if lexicon.titles.contains(key) { titled = true }
            else if lexicon.roleNouns.contains(key) { roles.insert(key); titled = true }
            else if !words.shapes[b].contains(.capitalized) { break }
            b -= 1
        }
        // Appositions: "the organiser, Claire Dufort," and "Karin Holm, a spokeswoman for ...".
        roles.formUnion(rolesInAside(after: run))
        roles.formUnion(rolesInAside(before: run))
        let position = run.lowerBound
        let quoted = insideQuote[position]
        if run.count >= 2 {
            let keys = words.keys[run]
            if let index = people.firstIndex(where: { $0.nameKeys.elementsEqual(keys) }) {
                update(index, position: position, quoted: quoted, roles: roles, female: female)
            } else {
                var person = Person(nameRange: run, entityName: nil, surname: words.keys[last], nameKeys: Array(keys), female: female, first: position)
                person.roles = roles
                if !quoted { person.mentions = [position] }
                people.append(person)
            }
            return
        }
        // One word: a known surname ("Ferreira", "Mr. Mbeki"), or a titled new name.
        if let index = people.lastIndex(where: { $0.surname == words.keys[last] }) {
            update(index, position: position, quoted: quoted, roles: roles, female: female)
        } else if titled && (female != nil || !roles.isEmpty || lexicon.titles.contains(words.keys[max(0, position - 1)])) {
            var person = Person(nameRange: run, entityName: nil, surname: words.keys[last], nameKeys: [words.keys[last]], female: female, first: position)
            person.roles = roles
            if !quoted { person.mentions = [position] }
            people.append(person)
        }
    }

    private mutating func update(_ index: Int, position: Int, quoted: Bool, roles: Set<UInt64>, female: Bool?) {
        people[index].roles.formUnion(roles)
        if let female, people[index].female == nil { people[index].female = female }
        if !quoted { people[index].mentions.append(position) }
    }

    /// Role nouns in `, a spokeswoman for the port authority,` after a name.
    private func rolesInAside(after run: Range<Int>) -> Set<UInt64> {
        var result = Set<UInt64>()
        var t = run.upperBound
        guard t < words.count, words.shapes[t].contains(.comma) else { return result }
        t += 1
        let sentence = words.sentenceOf[run.lowerBound]
        guard t < words.count, lexicon.determiners.contains(words.keys[t]) else { return result }
        var n = 0
        while t < words.count && n < 6 && words.sentenceOf[t] == sentence && !words.shapes[t].contains(.symbol) {
            if lexicon.prepositions.contains(words.keys[t]) { break }
            if lexicon.roleNouns.contains(words.keys[t]) { result.insert(words.keys[t]) }
            t += 1; n += 1
        }
        return result
    }

    /// Role nouns in `the mayor of Halvik, ` before a name.
    private func rolesInAside(before run: Range<Int>) -> Set<UInt64> {
        var result = Set<UInt64>()
        var t = run.lowerBound - 1
        guard t > 0, words.shapes[t].contains(.comma), run.upperBound < words.count, words.shapes[run.upperBound].contains(.comma) else { return result }
        t -= 1
        let sentence = words.sentenceOf[run.lowerBound]
        var n = 0
        while t >= 0 && n < 6 && words.sentenceOf[t] == sentence && !words.shapes[t].contains(.symbol) {
            if lexicon.roleNouns.contains(words.keys[t]) { result.insert(words.keys[t]) }
            t -= 1; n += 1
        }
        return result
    }

    // MARK: - Resolution

    /// One resolved speaker, with what history needs.
    private struct Said {
        var position: Int
        var canonical: String?
        var isPerson: Bool
        var cue: Range<Int>?
    }

    /// Resolves every candidate's speaker in text order, then lets quotes without a
    /// cue take the speaker of the nearest attributed quote of their paragraph run.
    mutating func resolve(_ candidates: inout [QuoteCandidate]) {
        var history: [Said] = []
        for index in candidates.indices {
            let candidate = candidates[index]
            switch candidate.rule {
            case .phrase:
                guard let phrase = candidate.speakerTokens else { break }
                let (speaker, isPerson) = resolvePhrase(phrase, history: history)
                candidates[index].speaker = speaker
                candidates[index].speakerIsPerson = isPerson
            case .sameSentence:
                let sentence = words.sentenceOf[candidate.cue?.lowerBound ?? candidate.first]
                if let earlier = candidates[..<index].last(where: { $0.speaker != nil && words.sentenceOf[$0.first] == sentence || $0.speaker != nil && $0.cue.map { words.sentenceOf[$0.lowerBound] == sentence } == true }) {
                    candidates[index].speaker = earlier.speaker
                    candidates[index].speakerIsPerson = earlier.speakerIsPerson
                } else if let subject = sentenceSubject(Int(sentence)) {
                    let (speaker, isPerson) = resolvePhrase(subject, history: history)
                    candidates[index].speaker = speaker
                    candidates[index].speakerIsPerson = isPerson
                }
            case .none:
                break
            }
            if let speaker = candidates[index].speaker {
                history.append(Said(position: candidate.cue?.lowerBound ?? candidate.first, canonical: speaker.canonical,
                                    isPerson: candidates[index].speakerIsPerson, cue: candidate.cue))
            }
        }
        inheritWithinParagraphRuns(&candidates)
    }

    /// Step 6: a quote without a cue takes the speaker of the nearest attributed quote in
    /// the same paragraph, or in the run of paragraphs a continued quote spans.
    private func inheritWithinParagraphRuns(_ candidates: inout [QuoteCandidate]) {
        let marked = candidates.indices.filter { candidates[$0].kind == .direct }
        var groups: [[Int]] = []
        for index in marked {
            if let previous = groups.last?.last {
                let a = candidates[previous], b = candidates[index]
                // A paragraph that opens with a quote continues the previous paragraph's
                // speaker when that paragraph ended in a quote (left open, or closing its
                // last sentence), as news copy runs a long quote over paragraphs.
                let endsParagraph = a.paragraph >= 0 && (a.openAtEnd
                    || words.sentenceOf[a.last] == words.sentenceOf[words.paragraphs[a.paragraph].upperBound - 1])
                let continued = endsParagraph && b.paragraph == a.paragraph + 1
                    && b.first == words.paragraphs[b.paragraph].lowerBound
                if a.paragraph == b.paragraph || continued {
                    groups[groups.count - 1].append(index)
                    continue
                }
            }
            groups.append([index])
        }
        for group in groups {
            for (position, index) in group.enumerated() where candidates[index].speaker == nil && candidates[index].rule == .none {
                let before = group[..<position].last { candidates[$0].speaker != nil }
                let after = group[(position + 1)...].first { candidates[$0].speaker != nil }
                if let source = before ?? after {
                    candidates[index].speaker = candidates[source].speaker
                    candidates[index].speakerIsPerson = candidates[source].speakerIsPerson
                }
            }
        }
    }

    private func speaker(_ range: Range<Int>, _ canonical: String?, actor: String? = nil) -> Speaker {
        let span = words.span(range)
        return Speaker(span: span, canonical: canonical, actor: actor ?? actorCode(overlapping: span))
    }

    private func actorCode(overlapping span: TextSpan) -> String? {
        guard hasActorCodes else { return nil }
        return actors.first { $0.span.overlaps(span) }?.code ?? entities.first { $0.span.overlaps(span) && $0.actor != nil }?.actor
    }

    /// The canonical speaker of a phrase; the flag says whether it is a person.
    private mutating func resolvePhrase(_ phrase: Range<Int>, history: [Said]) -> (Speaker, Bool) {
        let first = phrase.lowerBound
        let key = words.keys[first]
        // Pronouns.
        if phrase.count == 1 && lexicon.personPronouns.contains(key) {
            let female = lexicon.femalePronouns.contains(key)
            // A recent person speaker (this or the previous paragraph) beats a later mention
            // of someone else: "Farid Nouri, the head of the aid group Open Hands, said ...
            // 'The need keeps growing,' he said."
            let paragraph = Int(words.paragraphOf[first])
            if let said = history.last(where: { $0.isPerson && $0.canonical != nil && Int(words.paragraphOf[$0.position]) >= paragraph - 1 }),
               let index = people.firstIndex(where: { name($0) == said.canonical && ($0.female == nil || $0.female == female) }) {
                if people[index].female == nil { people[index].female = female }
                return (speaker(phrase, name(people[index]), actor: people[index].actor), true)
            }
            if let index = latestPerson(before: first, female: female) {
                if people[index].female == nil { people[index].female = female }
                return (speaker(phrase, name(people[index]), actor: people[index].actor), true)
            }
            return (speaker(phrase, nil), true)
        }
        if phrase.count == 1 && lexicon.groupPronouns.contains(key) {
            let organization = organizations.last { $0.position < first }
            let said = history.last { !$0.isPerson && $0.canonical != nil }
            let found = [organization.map { ($0.position, name($0)) }, said.map { ($0.position, $0.canonical!) }]
                .compactMap { $0 }.max { $0.0 < $1.0 }?.1
            return (speaker(phrase, found), false)
        }
        // An entity mention that is the head of the phrase: it ends the phrase, no
        // preposition or coordination comes before it ("Residents of Marovo", "the UN
        // refugee agency" and "Ruritania and Borduria" are not their entities).
        let span = words.span(phrase)
        if let entity = entities.last(where: { ($0.type == .person || $0.type == .organization) && span.contains($0.span) && $0.span.end == span.end }),
           let entityStart = tokenIndex(startingAt: entity.span.start),
           !phrase[..<entityStart].contains(where: { lexicon.prepositions.contains(words.keys[$0]) || words.keys[$0] == lexicon.and }) {
            var range = tokenRange(entity.span, within: phrase)
            // Titles the tagger put inside the mention ("Mayor Elin Strand").
            while range.count > 1 && lexicon.nonNames.payload(words.keys[range.lowerBound]) >= 0 { range = range.dropFirst() }
            var canonical = entity.canonical.map { entity.type == .person ? withoutTitles($0) : $0 } ?? words.text(range)
            if entity.type == .person, entity.canonical == nil {
                let last = words.keys[range.upperBound - 1]
                if let person = people.first(where: { $0.surname == last && $0.nameKeys.count > range.count }) { canonical = name(person) }
            }
            return (speaker(range, canonical, actor: entity.actor), entity.type == .person)
        }
        // The last run of name words, if it ends the phrase and no preposition comes before it.
        var runStart = phrase.upperBound
        while runStart > first && isNameToken(runStart - 1) { runStart -= 1 }
        let hasPreposition = phrase[..<runStart].contains { lexicon.prepositions.contains(words.keys[$0]) }
        if runStart < phrase.upperBound && !hasPreposition {
            let run = runStart..<phrase.upperBound
            let last = run.upperBound - 1
            if lexicon.organizationHeads.contains(words.keys[last]) {
                return (speaker(run, words.text(run)), false)
            }
            if run.count >= 2 {
                let keys = words.keys[run]
                let person = people.first { $0.nameKeys.elementsEqual(keys) } ?? people.first { $0.surname == words.keys[last] && $0.nameKeys.count > run.count }
                return (speaker(run, person.map(name) ?? words.text(run), actor: person?.actor), true)
            }
            if let person = people.last(where: { $0.surname == words.keys[last] && $0.nameKeys.count > 1 && $0.first <= last })
                ?? people.first(where: { $0.surname == words.keys[last] }) {
                return (speaker(run, name(person), actor: person.actor), true)
            }
            if runStart > first && lexicon.titles.contains(words.keys[runStart - 1]) {
                return (speaker(run, words.text(run)), true)
            }
            return (speaker(phrase, words.text(phrase)), false)
        }
        // "the minister": the latest person with that role.
        let head = words.keys[phrase.upperBound - 1]
        if key == lexicon.the && !hasPreposition {
            if lexicon.roleNouns.contains(head), let index = latestPerson(before: first, role: head) {
                return (speaker(phrase, name(people[index]), actor: people[index].actor), true)
            }
            if lexicon.documentNouns.contains(head) {
                let author = history.last { said in said.cue.map { $0.contains { words.keys[$0] == head } } == true }
                    ?? history.last { !$0.isPerson }
                if let author, let name = author.canonical { return (speaker(phrase, name), author.isPerson) }
            }
        }
        return (speaker(phrase, words.text(phrase)), lexicon.roleNouns.contains(head))
    }

    /// The noun phrase opening a sentence when a past-tense verb follows it within five
    /// words ("The central bank raised ... and warned that ..."). Without a parse this
    /// is the subject only for such simple sentences; otherwise nil.
    private func sentenceSubject(_ sentence: Int) -> Range<Int>? {
        guard sentence >= 0 else { return nil }
        let range = words.sentences[sentence]
        var t = range.lowerBound
        while t < range.upperBound && t - range.lowerBound < 6 {
            let shape = words.shapes[t]
            if shape.contains(.symbol) || insideQuote[t] { return nil }
            let end = words.ends[t]
            if t > range.lowerBound && shape.contains(.lowercase) && end - words.starts[t] > 3
                && words.bytes[end - 2] == 0x65 && words.bytes[end - 1] == 0x64 {
                return range.lowerBound..<t
            }
            t += 1
        }
        return nil
    }

    /// A person's name without the titles and roles in front ("Mayor Elin Strand" -> "Elin Strand").
    private func withoutTitles(_ name: String) -> String {
        var parts = name.split(separator: " ")
        while parts.count > 1 && lexicon.nonNames.payload(WordKey.of(parts[0])) >= 0 { parts.removeFirst() }
        return parts.joined(separator: " ")
    }

    private func tokenRange(_ span: TextSpan, within phrase: Range<Int>) -> Range<Int> {
        var lower = phrase.lowerBound, upper = phrase.upperBound
        while lower < upper && words.starts[lower] < span.start { lower += 1 }
        while upper > lower && words.ends[upper - 1] > span.end { upper -= 1 }
        return lower < upper ? lower..<upper : phrase
    }

    /// The person mentioned last before token `position`, compatible with the pronoun's gender.
    private func latestPerson(before position: Int, female: Bool) -> Int? {
        var best: Int?
        var bestPosition = -1
        for (index, person) in people.enumerated() where person.female == nil || person.female == female {
            if let mention = person.mentions.last(where: { $0 < position }), mention > bestPosition {
                best = index; bestPosition = mention
            }
        }
        return best
    }

    /// The person with `role` mentioned last before token `position`.
    private func latestPerson(before position: Int, role: UInt64) -> Int? {
        var best: Int?
        var bestPosition = -1
        for (index, person) in people.enumerated() where person.roles.contains(role) {
            let mention = person.mentions.last(where: { $0 < position }) ?? (person.first < position ? person.first : -1)
            if mention > bestPosition { best = index; bestPosition = mention }
        }
        return best
    }
}
