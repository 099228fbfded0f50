/// The compiled word lists of `Resources/QuoteCues.swift` and
/// `Resources/QuoteSpeakers.swift`, built once per process (a class, so that stages
/// share it without copying its tables).
final class QuoteLexicon: Sendable {
    let speechVerbs: WordSet
    let zeroThatVerbs: WordSet
    let partialQuoteVerbs: WordSet
    let participleCues: WordSet
    let cueExtensions: WordSet
    let scareQuotePrefixes: WordSet
    let passiveAuxiliaries: WordSet
    let timeWords: WordSet
    let addressees: WordSet
    let titles: WordSet
    let maleTitles: WordSet
    let femaleTitles: WordSet
    let roleNouns: WordSet
    let groupNouns: WordSet
    let organizationHeads: WordSet
    let documentNouns: WordSet
    let personPronouns: WordSet
    let femalePronouns: WordSet
    let groupPronouns: WordSet
    let determiners: WordSet
    let prepositions: WordSet
    let clauseBoundaries: WordSet
    let asideStarts: WordSet
    let notNames: WordSet
    /// Words that are never part of a person's name: not-names, titles, roles, group
    /// nouns, time words, speech verbs, determiners (one look-up for ``SpeakerResolver``).
    let nonNames: WordTable
    /// Speech verbs, participle cues and `according`: one look-up rejects most tokens.
    let cueStarters: WordTable
    let cueAdverbs: WordSet
    let negators: WordSet

    /// Time words too weak to be skipped alone ("said on condition of anonymity").
    let weakTimeWords: Set<UInt64>
    let according = WordKey.of("according")
    let to = WordKey.of("to")
    let that = WordKey.of("that")
    let and = WordKey.of("and")
    let the = WordKey.of("the")
    let a = WordKey.of("a")
    let possessive = WordKey.of("'s")
    let told = WordKey.of("told")
    let at = WordKey.of("at")
    let least = WordKey.of("least")
    let most = WordKey.of("most")
    let tells = WordKey.of("tells")

    static let shared = QuoteLexicon()

    init() {
        speechVerbs = WordSet(QuoteCueData.speechVerbs)
        zeroThatVerbs = WordSet(QuoteCueData.zeroThatVerbs)
        partialQuoteVerbs = WordSet(QuoteCueData.partialQuoteVerbs)
        participleCues = WordSet(QuoteCueData.participleCues)
        cueExtensions = WordSet(QuoteCueData.cueExtensions)
        scareQuotePrefixes = WordSet(QuoteCueData.scareQuotePrefixes)
        passiveAuxiliaries = WordSet(QuoteCueData.passiveAuxiliaries)
        timeWords = WordSet(QuoteCueData.timeWords)
        addressees = WordSet(QuoteCueData.addressees)
        titles = WordSet(QuoteSpeakerData.titles)
        maleTitles = WordSet(QuoteSpeakerData.maleTitles)
        femaleTitles = WordSet(QuoteSpeakerData.femaleTitles)
        roleNouns = WordSet(QuoteSpeakerData.roleNouns)
        groupNouns = WordSet(QuoteSpeakerData.groupNouns)
        organizationHeads = WordSet(QuoteSpeakerData.organizationHeads)
        documentNouns = WordSet(QuoteSpeakerData.documentNouns)
        personPronouns = WordSet(QuoteSpeakerData.personPronouns)
        femalePronouns = WordSet(QuoteSpeakerData.femalePronouns)
        groupPronouns = WordSet(QuoteSpeakerData.groupPronouns)
        determiners = WordSet(QuoteSpeakerData.determiners)
        prepositions = WordSet(QuoteSpeakerData.prepositions)
        clauseBoundaries = WordSet(QuoteSpeakerData.clauseBoundaries)
        asideStarts = WordSet(QuoteSpeakerData.asideStarts)
        notNames = WordSet(QuoteSpeakerData.notNames)
        cueAdverbs = WordSet(QuoteCueData.cueAdverbs)
        negators = WordSet(QuoteCueData.negators)
        var nonNameKeys: [UInt64] = []
        for list in [QuoteSpeakerData.notNames, QuoteSpeakerData.titles, QuoteSpeakerData.roleNouns, QuoteSpeakerData.groupNouns,
                     QuoteCueData.timeWords, QuoteCueData.speechVerbs, QuoteSpeakerData.determiners] {
            nonNameKeys += WordSet.entries(list).map { WordKey.of($0) }
        }
        nonNames = WordTable(nonNameKeys.map { ($0, 0) })
        var cueKeys = WordSet.entries(QuoteCueData.speechVerbs).map { WordKey.of($0) }
        cueKeys += WordSet.entries(QuoteCueData.participleCues).map { WordKey.of($0) }
        cueKeys.append(WordKey.of("according"))
        cueStarters = WordTable(cueKeys.map { ($0, 0) })
        weakTimeWords = Set(["on", "this", "last", "next", "late", "early", "may", "march"].map { WordKey.of($0) })
    }
}
