import Foundation
import SitrepCore

/// The `places` stage: toponyms resolved to GeoNames places with coordinates.
///
/// A cascade (``PlaceResolver``):
///
/// 1. **Recognition.** Every LOC entity, every MISC entity that is a demonym
///    ("Malian", "Sri Lankan", "Russians" -> a country mention), a dateline's place
///    in capitals ("MANSFIELD -- The mayor ..."), and the state or country after a
///    place and a comma ("London, Ky.") when the tagger missed it. A leading "the" and compass words
///    ("northern Iraq") are not part of the name looked up. A capital used as an
///    agent ("Moscow said", "loans to Kyiv") is the country's government, not a
///    point - the metonymy convention shared with the actor coder - and is left out.
/// 2. **Candidates.** All gazetteer places with that name (name, ASCII name, common
///    alternate names), with "St.", "Mt.", "Ft." spelled out when the name as written
///    has none ("St. Cloud" is "Saint Cloud"). A party label joined to the name is
///    dropped ("DFL-Minneapolis", "R-Elbow Lake"); a name of several words with no
///    candidates ("Dallas Cowboys" read as a location) gives the places named inside
///    it, as an organization's name does; a street's or building's name
///    (``PlaceWords/facilityWords``) gives the town at its front, however small
///    ("Spartanburg International Airport"). Otherwise none: the mention is kept,
///    with null coordinates.
/// 3. **Prior.** Population (log scale) plus a preference by kind: a continent or
///    country over a subdivision, a subdivision over a capital, a capital over an
///    administrative seat, a seat over a village.
/// 3b. **Counties.** A name ending in County, Parish, Township, Borough or District
///    that the gazetteer lacks takes the point of a namesake town (the seat often shares
///    the name), chosen by the same context, in the United States first for County,
///    Parish and Township (the American order of words); its GeoNames id stays null.
///    "X County" inside an organization's name ("Laurel County Sheriff's Office") or
///    missed by the tagger is found too, and kept when its namesake lies near the
///    document's focus town (step 5).
/// 4. **Context.** "Alexandria, Louisiana" and "Paris, France": a following
///    subdivision or country that contains the candidate decides. Then the other
///    names of the document vote for their countries, and a town near the other
///    towns it names gains (spatial minimality: "Paris" beside "Urbana" is Paris,
///    Illinois). One sense per discourse: a name resolved once keeps that
///    resolution in the document, and its own mentions do not vote for it.
/// 5. **Focus.** The town the document names most is its focus. A street or
///    building the gazetteer lacks ("Third Street", "Webb Center") and a county
///    whose namesake lies far from the focus take the focus's point, approximately
///    (no GeoNames id): a local story's streets and county are the town's.
public struct PlaceStage: Stage {
    public let name = "places"
    public let version = "geonames-rules.v1"
    public let requires: Set<Layer> = [.sentences, .tokens, .entities]
    public let provides: Set<Layer> = [.places]

    /// A gazetteer given to the stage; nil for the shipped one.
    let supplied: Gazetteer?

    /// A stage with the shipped gazetteer, loaded when the first document comes
    /// (so that `process --profile` counts the load as the stage's start-up).
    public init() { supplied = nil }

    public init(gazetteer: Gazetteer) { supplied = gazetteer }

    public func process(_ doc: inout Document) throws {
        // The shipped gazetteer, or why it could not be loaded (reported on every document).
        let loaded = supplied.map { Result<Gazetteer, any Error>.success($0) } ?? Gazetteer.shared
        guard let gazetteer = loaded.loaded(reporting: "SR-PL-001", stage: name, into: &doc) else {
            doc.places = []
            return
        }
        guard !doc.tokens.isEmpty, !doc.entities.isEmpty else { doc.places = []; return }
        let tokens = ParsedTokens(doc)
        var resolver = PlaceResolver(tokens: tokens, gazetteer: gazetteer)
        doc.places = resolver.resolve(doc.entities)
    }
}

/// The resolution cascade of ``PlaceStage`` over one document.
struct PlaceResolver {
    let tokens: ParsedTokens
    let gazetteer: Gazetteer

    struct Mention {
        var range: Range<Int>
        /// Tokens of the name looked up (without "the", compass words).
        var name: Range<Int>
        var candidates: [Int32]
        var demonymCountry: Gazetteer.Country?
        var chosen: Int32?
        /// Resolved through a namesake town ("Boone County" -> Boone): the point is
        /// approximate and the GeoNames id is not the county's, so none is given.
        var approximate = false
        /// A street, building, river or county the gazetteer does not have ("Webb
        /// Center", "Third Street", "Cooke County"): it takes the point of the
        /// document's focus, approximately (see ``focus(of:keys:)``).
        var atFocus = false
        /// Found by ``districts(besides:)`` outside any location entity: kept only
        /// when its namesake town lies near the document's focus, so that the two
        /// readings agree.
        var outsideEntities = false
    }

    /// Abbreviations written in place names, with the word the gazetteer spells out
    /// ("St. Cloud" is GeoNames' "Saint Cloud", "Mt. Vernon" its "Mount Vernon").
    static let spelledOut: [UInt64: UInt64] = [
        WordKey.of("st"): WordKey.of("saint"), WordKey.of("ste"): WordKey.of("sainte"),
        WordKey.of("mt"): WordKey.of("mount"), WordKey.of("ft"): WordKey.of("fort"),
    ]
    /// ``PlaceWords/continentDemonyms``: demonym key -> the continent's name key.
    static let continentDemonyms: [UInt64: UInt64] = Dictionary(uniqueKeysWithValues: PlaceWords.continentDemonyms.map { line in
        let parts = line.split(separator: " ")
        return (WordKey.of(parts[0]), WordKey.of(parts[1]))
    })
    /// ``PlaceWords/facilityWords``, as word keys.
    static let facilityWords: Set<UInt64> = Set(PlaceWords.facilityWords.map { WordKey.of($0) })

    /// The gazetteer's places named by tokens `range`, trying abbreviations spelled
    /// out ("St." as "Saint") when the name as written has none.
    private func lookup(_ range: Range<Int>) -> [Int32]? {
        let keys = tokens.surface[range]
        if let found = gazetteer.candidates(keys) { return found }
        guard keys.contains(where: { PlaceResolver.spelledOut[$0] != nil }) else { return nil }
        return gazetteer.candidates(keys.map { PlaceResolver.spelledOut[$0] ?? $0 }[...])
    }

    /// Whether token `i`, alone, is a compass word or one of
    /// ``PlaceWords/wordsOfNames``: not a place when read inside another name.
    private func isWordOfNames(_ i: Int) -> Bool {
        PlaceResolver.compass.contains(tokens.surface[i]) || PlaceResolver.wordsOfNames.contains(tokens.surface[i])
    }

    /// The longest place name at the front of `name` and shorter than it, of any
    /// size, with the rest of the name capitalized words ("Spartanburg" in
    /// "Spartanburg International Airport").
    private func leadingPlace(_ name: Range<Int>) -> Mention? {
        for length in stride(from: name.count - 1, through: 1, by: -1) {
            let front = name.lowerBound..<(name.lowerBound + length)
            if length == 1 && isWordOfNames(front.lowerBound) { continue }
            guard let list = lookup(front) else { continue }
            let places = list.filter { gazetteer.places[Int($0)].kind != .continent }
            if !places.isEmpty { return Mention(range: front, name: front, candidates: places) }
        }
        return nil
    }

    static let compass: Set<UInt64> = Set(["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                                          "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower"].map { WordKey.of($0) })
    static let theWord = WordKey.of("the")
    static let districtWords: Set<UInt64> = Set(["county", "parish", "township", "borough", "district"].map { WordKey.of($0) })
    static let commaWord = WordKey.of(",")
    /// ``PlaceWords/wordsOfNames``, as word keys.
    static let wordsOfNames: Set<UInt64> = Set(PlaceWords.wordsOfNames.map { WordKey.of($0) })
    static let americanDistrictWords: Set<UInt64> = Set(["county", "parish", "township"].map { WordKey.of($0) })
    static let unitedStates = Gazetteer.country(UInt8(ascii: "U"), UInt8(ascii: "S"))

    mutating func resolve(_ entities: [EntityMention]) -> [PlaceMention] {
        var mentions: [Mention] = []
        var t = 0
        for entity in entities where entity.type != .person {
            while t < tokens.count && tokens.words.ends[t] <= entity.span.start { t += 1 }
            var end = t
            while end < tokens.count && tokens.words.starts[end] < entity.span.end { end += 1 }
            guard end > t else { continue }
            if entity.type == .organization {
                // "University of Michigan", "Kirkuk Police Department": a well-known place
                // named inside an organization's name is a toponym of its own.
                mentions += embeddedPlaces(t..<end)
                continue
            }
            var name = t..<end
            while name.count > 1 && tokens.surface[name.lowerBound] == PlaceResolver.theWord { name = (name.lowerBound + 1)..<name.upperBound }
            // "West Virginia" is a name; "northern Iraq" is Iraq.
            if lookup(name) == nil {
                while name.count > 1 && PlaceResolver.compass.contains(tokens.surface[name.lowerBound]) { name = (name.lowerBound + 1)..<name.upperBound }
            }
            // A compass word alone ("Eastern", "Southern") is a direction, not a place.
            if name.count == 1 && PlaceResolver.compass.contains(tokens.surface[name.lowerBound]) { continue }
            if entity.type == .miscellaneous {
                // Demonyms are country mentions; other MISC entities are not places.
                // "Russians", "Palestinians": a plural names its people's country too.
                let text = tokens.words.text(name)
                if name.count == 1, let continent = PlaceResolver.continentDemonyms[tokens.surface[name.lowerBound]] {
                    // "European ministers", "African Union troops": the continent.
                    let rows = (gazetteer.candidates([continent][...]) ?? []).filter { gazetteer.places[Int($0)].kind == .continent }
                    if !rows.isEmpty { mentions.append(Mention(range: t..<end, name: name, candidates: rows)) }
                    continue
                }
                guard name.count <= 3, let country = gazetteer.demonyms[Gazetteer.key(text)]
                        ?? (text.hasSuffix("s") ? gazetteer.demonyms[Gazetteer.key(text.dropLast())] : nil) else { continue }
                mentions.append(Mention(range: t..<end, name: name, candidates: gazetteer.countries[country].map { [$0] } ?? [], demonymCountry: country))
                continue
            }
            var candidates = lookup(name) ?? []
            var viaNamesake = false
            if candidates.isEmpty, name.count > 1, PlaceResolver.districtWords.contains(tokens.surface[name.upperBound - 1]) {
                candidates = districtNamesakes(name)
                viaNamesake = !candidates.isEmpty
            }
            if candidates.isEmpty, let afterHyphen = afterPrefixHyphen(name) {
                // "DFL-Minneapolis", "R-Elbow Lake": a party label joined to a place.
                candidates = gazetteer.candidates(afterHyphen[...]) ?? []
            }
            if candidates.isEmpty, name.count > 1 {
                // "Dallas Cowboys" read as a location: the places named inside it, as
                // for an organization.
                let inside = embeddedPlaces(name)
                if !inside.isEmpty { mentions += inside; continue }
            }
            if candidates.isEmpty, name.count > 1, PlaceResolver.facilityWords.contains(tokens.surface[name.upperBound - 1]) {
                // "Spartanburg International Airport", "St. Cloud Hospital": a town
                // at the front of a street's or building's name is a toponym of its
                // own, however small. Without one, the place is left for the
                // document's focus (below).
                if let leading = leadingPlace(name) { mentions.append(leading); continue }
                var mention = Mention(range: t..<end, name: name, candidates: [])
                mention.atFocus = true
                mentions.append(mention)
                continue
            }
            if actsAsCapital(name, candidates) { continue }
            var mention = Mention(range: t..<end, name: name, candidates: candidates)
            mention.approximate = viaNamesake
            mentions.append(mention)
        }
        mentions += datelinePlaces(besides: mentions)
        mentions += districts(besides: mentions)
        mentions += statesAfterPlaces(besides: mentions)
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard !mentions.isEmpty else { return [] }

        // First pass: prior and "X, Y" context.
        for i in mentions.indices {
            mentions[i].chosen = best(mentions[i], votes: [:], total: 0)
        }
        // Then context, twice: the other mentions vote for their countries, the
        // subdivisions named favour their towns, and towns near the other towns
        // gain. The second round reads the first round's choices ("Georgia" first
        // read as the country becomes the state beside "Albany", and then favours
        // Albany, Georgia).
        let keys = mentions.map { Gazetteer.key(tokens.words.text($0.name)) }
        for _ in 0..<PlaceResolver.contextRounds {
            var votes: [Gazetteer.Country: Int] = [:]
            var total = 0
            for m in mentions {
                guard let c = m.chosen else { continue }
                let place = gazetteer.places[Int(c)]
                votes[place.country, default: 0] += place.kind == .country ? 2 : 1
                total += place.kind == .country ? 2 : 1
            }
            // Subdivisions the document names ("Louisiana"): its towns are likelier there.
            var regions = Set<UInt64>()
            for m in mentions {
                guard let c = m.chosen, gazetteer.places[Int(c)].kind == .subdivision else { continue }
                regions.insert(gazetteer.places[Int(c)].nameKey)
            }
            // One sense per discourse: the mentions of one name are one place, so they
            // do not vote for each other; the other names' votes and towns decide.
            var ownVotes: [UInt64: [Gazetteer.Country: Int]] = [:]
            for (i, m) in mentions.enumerated() {
                guard let c = m.chosen else { continue }
                let place = gazetteer.places[Int(c)]
                ownVotes[keys[i], default: [:]][place.country, default: 0] += place.kind == .country ? 2 : 1
            }
            // Each town at most once and at most ``nearbyTowns`` of them: a long
            // page names the same towns again and again, and every candidate is
            // measured against each.
            let towns = namedTowns(mentions, keys: keys).prefix(PlaceResolver.nearbyTowns)
                .map { (key: $0.key, place: gazetteer.places[Int($0.place)]) }
            var sense: [UInt64: Int32] = [:]
            for i in mentions.indices {
                let key = keys[i]
                if let earlier = sense[key] { mentions[i].chosen = earlier; continue }
                let own = ownVotes[key] ?? [:]
                let others = votes.merging(own) { a, b in a - b }
                let nearby = towns.filter { $0.key != key }.map(\.place)
                mentions[i].chosen = best(mentions[i], votes: others, total: max(0, total - own.values.reduce(0, +)), regions: regions, towns: nearby)
                if let c = mentions[i].chosen { sense[key] = c }
            }
        }
        let focus = focus(of: mentions, keys: keys)
        mentions.removeAll { m in
            guard m.outsideEntities else { return false }
            guard let focus else { return true }
            return isFar(m.chosen, from: focus)
        }
        return mentions.map { m in
            let span = tokens.words.span(m.range)
            // A district placed by a namesake town far from the town the article is
            // about is more likely the article's own county ("Lamar County" in a Paris,
            // Texas, story is not around Lamar, Colorado).
            let focusInstead = m.approximate && focus.map { isFar(m.chosen, from: $0) } == true
            if m.atFocus || focusInstead, let focus {
                let place = gazetteer.places[Int(focus)]
                return PlaceMention(span: span, name: tokens.words.text(m.name), geonameID: nil, country: Gazetteer.string(place.country),
                                    latitude: place.latitude, longitude: place.longitude)
            }
            guard let c = m.chosen else { return PlaceMention(span: span, name: nil) }
            let place = gazetteer.places[Int(c)]
            if m.approximate {
                return PlaceMention(span: span, name: tokens.words.text(m.name), geonameID: nil, country: Gazetteer.string(place.country),
                                    latitude: place.latitude, longitude: place.longitude)
            }
            return PlaceMention(span: span, name: gazetteer.name(of: place), geonameID: place.geonameID > 0 ? Int(place.geonameID) : nil,
                                country: Gazetteer.string(place.country), latitude: place.latitude, longitude: place.longitude)
        }
    }

    /// Rounds of the context pass (votes, regions, nearness), each on the last one's choices.
    static let contextRounds = 2

    /// Most towns a candidate is measured against for nearness.
    static let nearbyTowns = 64

    /// Farthest a county's namesake town may lie from the document's focus town
    /// and still place the county, in kilometres (a large American county is
    /// about 100 km across).
    static let districtReach = 150.0

    /// Towns named like district `name` ("Boone County", "Rapides Parish"): the
    /// gazetteer has no counties; a town of the same name in the region is usually
    /// within the county or close by (the seat often shares the name), which is the
    /// best point available.
    private func districtNamesakes(_ name: Range<Int>) -> [Int32] {
        var candidates = (lookup(name.lowerBound..<(name.upperBound - 1)) ?? [])
            .filter { gazetteer.places[Int($0)].kind != .country && gazetteer.places[Int($0)].kind != .continent }
        // "Walton County", "Rapides Parish": the name before the word is the
        // American order ("County Cork" is the Irish one), so a namesake in the
        // United States is preferred when there is one.
        if PlaceResolver.americanDistrictWords.contains(tokens.surface[name.upperBound - 1]) {
            let american = candidates.filter { gazetteer.places[Int($0)].country == PlaceResolver.unitedStates }
            if !american.isEmpty { candidates = american }
        }
        return candidates
    }

    /// Counties and parishes no entity covers as a location: inside an
    /// organization's name ("Laurel County PRIDE", "the DeKalb County School
    /// District") or missed by the tagger. One or two capitalized words before
    /// "County" or "Parish" (American order) name a district, placed by its
    /// namesake town; it is kept only when that town lies near the town the
    /// document is about (the resolution's last step).
    private func districts(besides mentions: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for k in 1..<max(1, tokens.count) where PlaceResolver.americanDistrictWords.contains(tokens.surface[k]) && tokens.isCapitalized(k) {
            guard tokens.isCapitalized(k - 1), tokens.surface[k - 1] != PlaceResolver.theWord else { continue }
            var start = k - 1
            if start > 0, tokens.isCapitalized(start - 1), tokens.surface[start - 1] != PlaceResolver.theWord,
               !tokens.words.sentences.contains(where: { $0.lowerBound == start }) {
                // "Prince George's County", "St. Louis County": two words when the
                // gazetteer knows the pair.
                if lookup((start - 1)..<start + 1) != nil { start -= 1 }
            }
            let name = start..<(k + 1)
            guard !mentions.contains(where: { $0.range.overlaps(name) }) else { continue }
            var mention = Mention(range: name, name: name, candidates: districtNamesakes(name))
            guard !mention.candidates.isEmpty else { continue }
            mention.approximate = true
            mention.outsideEntities = true
            found.append(mention)
        }
        return found
    }

    /// The towns (not regions or countries) the mentions were resolved to, each
    /// once with the key of its first mention's name, the most named first (the
    /// first named of equals).
    private func namedTowns(_ mentions: [Mention], keys: [UInt64]) -> [(place: Int32, key: UInt64, count: Int)] {
        var towns: [(place: Int32, key: UInt64, count: Int)] = []
        var slot: [Int32: Int] = [:]
        for (i, m) in mentions.enumerated() {
            guard let c = m.chosen, !m.approximate else { continue }
            switch gazetteer.places[Int(c)].kind {
            case .populated, .capital, .adminSeat:
                if let k = slot[c] { towns[k].count += 1 } else { slot[c] = towns.count; towns.append((c, keys[i], 1)) }
            default: continue
            }
        }
        // Stable: equals keep the order they were first named in.
        return towns.enumerated().sorted { $0.element.count > $1.element.count || ($0.element.count == $1.element.count && $0.offset < $1.offset) }
            .map(\.element)
    }

    /// The document's focus: the town or city its mentions name most often (the
    /// first of equals), where a local article's streets and buildings lie. Nil
    /// when no mention is a town, or the most named one is named only once among
    /// several towns: a national or foreign story has no single place its
    /// unnamed streets can be put in.
    private func focus(of mentions: [Mention], keys: [UInt64]) -> Int32? {
        let towns = namedTowns(mentions, keys: keys)
        guard let top = towns.first, top.count > 1 || towns.count == 1 else { return nil }
        return top.place
    }

    /// Whether `chosen` (a county's namesake town) lies farther than
    /// ``districtReach`` from the document's focus `focus`; true without one.
    private func isFar(_ chosen: Int32?, from focus: Int32) -> Bool {
        guard let chosen else { return true }
        return PlaceResolver.kilometres(gazetteer.places[Int(chosen)], gazetteer.places[Int(focus)]) > PlaceResolver.districtReach
    }

    /// The place of each sentence's dateline ("MANSFIELD -- The mayor...", "NEW YORK
    /// (AP) -"), which the entity tagger, trained on ordinary capitalization, leaves
    /// out: the capitalized words before the first comma, parenthesis or dash, when the
    /// gazetteer has them and no mention covers them already.
    private func datelinePlaces(besides mentions: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for sentence in tokens.words.sentences where !sentence.isEmpty {
            let head = sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + Dateline.maximumTokens)
            // Most sentences fail on their first word, before any text is built.
            guard Dateline.isAllCapitals(tokens.words.text(head.lowerBound..<(head.lowerBound + 1))),
                  Dateline.length(of: head.map { tokens.words.text($0..<($0 + 1)) }) != nil else { continue }
            var end = sentence.lowerBound
            while end < head.upperBound, Dateline.isAllCapitals(tokens.words.text(end..<(end + 1))) { end += 1 }
            let name = sentence.lowerBound..<end
            guard !name.isEmpty, !mentions.contains(where: { $0.range.overlaps(name) }),
                  let candidates = lookup(name), !candidates.isEmpty else { continue }
            found.append(Mention(range: name, name: name, candidates: candidates))
        }
        return found
    }

    /// The state or country after a place and a comma ("London, Ky.", "Alexandria,
    /// Louisiana") when the entity tagger did not mark it.
    private func statesAfterPlaces(besides mentions: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for m in mentions {
            guard let (name, regions) = regionAfterComma(m.range),
                  !mentions.contains(where: { $0.range.overlaps(name) }), !found.contains(where: { $0.range.overlaps(name) }) else { continue }
            found.append(Mention(range: name, name: name, candidates: regions))
        }
        return found
    }

    /// The subdivision or country named right after `range` and a comma ("Ky." in
    /// "London, Ky.", "France" in "Paris, France, on Monday"): the longest name of up
    /// to three capitalized words that the gazetteer has as one, with those candidates.
    private func regionAfterComma(_ range: Range<Int>) -> (name: Range<Int>, regions: [Int32])? {
        let comma = range.upperBound
        guard comma + 1 < tokens.count, tokens.surface[comma] == PlaceResolver.commaWord, tokens.isCapitalized(comma + 1) else { return nil }
        for length in stride(from: min(3, tokens.count - comma - 1), through: 1, by: -1) {
            let name = (comma + 1)..<(comma + 1 + length)
            guard let list = lookup(name) else { continue }
            let regions = list.filter { gazetteer.places[Int($0)].kind == .subdivision || gazetteer.places[Int($0)].kind == .country }
            if !regions.isEmpty { return (name, regions) }
        }
        return nil
    }

    /// The word keys of `name` with its first token cut after its first hyphen
    /// ("DFL-Minneapolis" -> "Minneapolis"), or nil when that token has no hyphen
    /// inside it.
    private func afterPrefixHyphen(_ name: Range<Int>) -> [UInt64]? {
        let first = tokens.words.text(name.lowerBound..<(name.lowerBound + 1))
        guard let hyphen = first.firstIndex(of: "-"), hyphen != first.startIndex else { return nil }
        // A party label is a few capitals ("R", "DFL", "GOP"), unlike "Wal-Mart".
        let label = first[..<hyphen]
        guard label.count <= 4, label.allSatisfy({ $0.isUppercase }) else { return nil }
        let rest = first[first.index(after: hyphen)...]
        guard !rest.isEmpty, rest.first?.isUppercase == true else { return nil }
        return [WordKey.of(String(rest))] + tokens.surface[(name.lowerBound + 1)..<name.upperBound]
    }

    /// Places named inside `range` (an organization's name): countries, subdivisions,
    /// continents and places of 100,000 people or more, longest name first.
    private func embeddedPlaces(_ range: Range<Int>) -> [Mention] {
        var found: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var matched = 0
            if tokens.isCapitalized(i) {
                for length in stride(from: min(gazetteer.longestName, range.upperBound - i), through: 1, by: -1) {
                    if length == 1 && isWordOfNames(i) { continue }
                    guard var list = lookup(i..<(i + length)) else { continue }
                    if length == range.count {
                        // The whole name of an organization is a place only under a place's
                        // own name, not one of its alternate names ("Hamas" is not Hamm).
                        let key = Gazetteer.key(tokens.words.text(i..<(i + length)))
                        list = list.filter { gazetteer.places[Int($0)].nameKey == key }
                        if list.isEmpty { continue }
                    }
                    let notable = list.filter { c in
                        let p = gazetteer.places[Int(c)]
                        return p.kind == .country || p.kind == .subdivision || p.kind == .continent || p.population >= 100_000
                    }
                    // "The Washington County Board": the name of a county, which
                    // ``districts(besides:)`` reads, not the city.
                    let beforeDistrict = i + length < range.upperBound && PlaceResolver.districtWords.contains(tokens.surface[i + length])
                    if !notable.isEmpty && !beforeDistrict {
                        // A notable namesake makes the name a place; which one it is, the
                        // context decides among all of them ("London PRIDE" in Kentucky).
                        found.append(Mention(range: i..<(i + length), name: i..<(i + length), candidates: list))
                        matched = length
                        break
                    }
                }
            }
            i += max(matched, 1)
        }
        return found
    }

    /// The best candidate of `m`, by prior, "X, Y" context and the other mentions' countries.
    private func best(_ m: Mention, votes: [Gazetteer.Country: Int], total: Int, regions: Set<UInt64> = [],
                      towns: [Gazetteer.Place] = []) -> Int32? {
        guard !m.candidates.isEmpty else { return nil }
        let following = followingName(after: m.range)
        var bestIndex: Int32?
        var bestScore = -Double.infinity
        for c in m.candidates {
            let place = gazetteer.places[Int(c)]
            var score = log10(Double(max(place.population, 0)) + 10)
            switch place.kind {
            case .continent: score += 8
            case .country: score += 7
            // Subdivisions carry no population in the source: a fixed prior between a
            // large country and a large city - unless a city of a million people or the
            // capital of the same country has the name (Paris, Moscow, Tokyo are cities
            // first).
            case .subdivision:
                // So is a national capital ("Washington" is the city, not the state).
                let bigCity = m.candidates.contains { other in
                    let o = gazetteer.places[Int(other)]
                    return o.kind != .subdivision && o.kind != .country && o.country == place.country
                        && (o.population >= 1_000_000 || o.kind == .capital)
                }
                score = bigCity ? 6 : 11
            case .capital: score += 1.5
            case .adminSeat: score += 0.3
            case .populated: break
            }
            if let following {
                if following.admin1.contains(place.admin1) { score += 6 }
                if following.country == place.country { score += 4 }
            }
            if total > 0, let n = votes[place.country], n > 0 { score += 5 * Double(n) / Double(total) }
            if place.kind != .subdivision && regions.contains(place.admin1) { score += 3 }
            if place.kind != .country && place.kind != .continent && place.kind != .subdivision, !towns.isEmpty {
                score += PlaceResolver.proximityBonus(place, towns)
            }
            if score > bestScore { bestScore = score; bestIndex = c }
        }
        return bestIndex
    }

    /// Spatial minimality: a town close to the other towns the document names is
    /// likelier than a distant namesake ("Paris" beside "Urbana" is Paris,
    /// Illinois; "Lebanon" beside "Zionsville" is Lebanon, Indiana). The bonus
    /// is for the nearest of them: 5 within 50 km, 3 within 200 km, 1 within 500 km.
    static func proximityBonus(_ place: Gazetteer.Place, _ towns: [Gazetteer.Place]) -> Double {
        var nearest = Double.infinity
        for town in towns { nearest = min(nearest, kilometres(place, town)) }
        switch nearest {
        case ..<50: return 5
        case ..<200: return 3
        case ..<500: return 1
        default: return 0
        }
    }

    /// Great-circle distance between two places, in kilometres.
    static func kilometres(_ a: Gazetteer.Place, _ b: Gazetteer.Place) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }

    /// What "X, Y" says of X: the subdivisions named Y (by the key their towns carry
    /// as `admin1`) and the country named Y.
    private func followingName(after range: Range<Int>) -> (admin1: Set<UInt64>, country: Gazetteer.Country?)? {
        guard let (_, regions) = regionAfterComma(range) else { return nil }
        var admin1 = Set<UInt64>()
        var country: Gazetteer.Country?
        for c in regions {
            let place = gazetteer.places[Int(c)]
            if place.kind == .country { country = place.country } else { admin1.insert(place.nameKey) }
        }
        return (admin1, country)
    }

    /// Whether the mention is a capital used as an agent (metonymy: a government, not a place).
    private func actsAsCapital(_ name: Range<Int>, _ candidates: [Int32]) -> Bool {
        guard tokens.hasSyntax, name.count <= 2,
              candidates.contains(where: { gazetteer.places[Int($0)].kind == .capital }),
              !candidates.contains(where: { gazetteer.places[Int($0)].kind == .country }) else { return false }
        let head = tokens.phraseHead(name)
        switch tokens.deprel[head] {
        case "nsubj", "nsubj:pass", "obl:agent", "iobj":
            return true
        case "obl", "nmod":
            if let prep = tokens.caseWord(of: head) { return ActorCoder.agentiveCases.contains(prep) && prep != WordKey.of("on") }
            return false
        default:
            return false
        }
    }
}
