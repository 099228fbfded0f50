import SitrepCore

/// The `events` stage: who did what to whom, coded to CAMEO from the verb
/// dictionary over the dependency parse.
///
/// For every verb of a sentence (``EventCoder``):
///
/// 1. **Verb and pattern.** The verb's surface form or lemma opens a block of the
///    CAMEO verb dictionary (a form may need a particle: "ask for", "call off"). The
///    block's patterns are matched over the verb's clause - its dependents, minus
///    subjects and embedded clauses - words before the verb against the subject side,
///    words after it against the object side, in order; the pattern with the most
///    words wins and gives the code (4-digit where it is that specific), else the
///    form's or block's default. A pattern coded `---` marks a non-event use ("fight
///    corruption") and suppresses the verb. A passive subject stands on the object
///    side ("Evidence against Russia was presented by the US" matches "* evidence").
/// 2. **Modality.** `will`, `would`, `shall`, or a governing `plan to`, `pledge to`,
///    `intend to`, `agree to`, `vow to`, `threaten to`: an intent, recoded to the
///    matching intent or threat code (``EventCoder/intentCode(_:)``: meet -> 036,
///    attack -> 138, aid -> 033) and the governing verb's own event dropped. Negation
///    (`not`, `never`, `no`), hypotheticals (`could`, `might`, `may`, `should`, `if`,
///    `unlikely to`) and refusals (`refused to`, `failed to`) are not events of the
///    verb; the refusing verb codes itself (`refuse` -> 12x). What a party says
///    another `must` do is its demand on it (100), what it `should` do its appeal
///    (020); `considering doing` is 014 (consider policy option); `is about to` is
///    the act itself, flagged `imminent`, as PETRARCH codes it. A meeting or call
///    made for a stated verbal act ("summoned the ambassador to complain") is that act,
///    and so is a statement a party issues ("issued a statement condemning ...").
/// 3. **Actors.** The source is the subject (conjuncts give one event each: "Canada
///    and France condemned"), the passive agent in the passive ("was attacked by
///    troops"), or the controller of an infinitive ("agreed to meet": the subject of
///    `agreed`). The target is the actor the pattern's `+` points at, else the object,
///    else an argument after `to`, `against`, `with`, `on`..., else one of an
///    infinitive complement's ("threatened to break relations with Russia"), else
///    the location ("a protest in Beijing": `CHN`, the country only); a protest with
///    none is aimed at the party its stated demand names ("to demand reforms by the
///    government"). Conjuncts of a target are targets too ("relations with Congo and
///    Costa Rica"), and two subjects joined by a conjunction of their own are one
///    list ("The US, Russia, and Switzerland met"). Two misparses
///    of news are read back: a passive subject with no auxiliary but an object is
///    an active subject ("agents sexually abused immigrants"), and a perfect the
///    parser split at its adverbs ("has once again rejected") keeps its subject
///    and object. An object with no country, or the source's own military, is
///    what the act uses: a party named after it is the target. Actors come from
///    the actors layer; an act whose source is no known actor is coded with the
///    flag `no-source`, and one with no actor on either side is not coded. A
///    forecast, thought, plan or effect (the dictionary's PREDICT, CONSIDER,
///    INTEND and INFLUENCE classes) toward no one is no act, nor is an act foreseen
///    of someone else ("expect China to import grain"), nor the default code of a
///    common verb ("took a charge", "bought bills") with no target.
/// 4. **Reported speech.** A saying verb whose clause holds an event is not itself
///    coded: "X said that Y attacked Z" is Y attacked Z, with X named in the evidence.
///    A bare statement (`010` with no pattern) is not an event either.
/// 5. **Date.** The event takes the date of the time expression in its verb's
///    clause, else in a clause above it ("On Monday, officials said ..."), else the
///    last date of its paragraph's narrative so far (flag `date-from-context`), else
///    the document date (flag `date-from-document`); a date more than 30 days before
///    the document date flags the event `background`, so an event table counts it
///    at its own date, not as news of the day.
///
/// Sentences holding a discard phrase of the dictionary (sports results, weather)
/// are skipped; a story discard skips the document.
public struct EventStage: Stage {
    public let name = "events"
    public let version = "cameo-verbs.v42"
    public let requires: Set<Layer> = [.sentences, .tokens, .syntax, .actors]
    public let provides: Set<Layer> = [.events]

    /// The dictionaries, or why they could not be loaded (reported on every document).
    let dictionary: Result<CameoDictionary, any Error>

    /// A stage with the shipped dictionaries.
    public init() { dictionary = CameoDictionary.shared }

    /// A stage with other dictionaries (for example the PETRARCH validation set).
    public init(dictionary: CameoDictionary) { self.dictionary = .success(dictionary) }

    public func process(_ doc: inout Document) throws {
        guard let dictionary = self.dictionary.loaded(reporting: "SR-EV-001", stage: name, into: &doc) else {
            doc.events = []
            return
        }
        guard !doc.tokens.isEmpty else { doc.events = []; return }
        let tokens = ParsedTokens(doc)
        guard tokens.hasSyntax else { doc.events = []; return }
        if let story = dictionary.discards.occurs(in: tokens.surface, 0..<tokens.count), dictionary.discards.payloads[story] {
            doc.events = []
            doc.report("SR-EV-002", .info, "story discarded: it holds a story-discard phrase of the CAMEO dictionary", stage: name)
            return
        }
        var coder = EventCoder(tokens: tokens, dictionary: dictionary, doc: doc)
        doc.events = coder.code()
    }
}
