import Foundation
import SitrepCore

/// The CAMEO dictionaries the actor and event coders read: actor names, agent
/// nouns, verb patterns, discard phrases and the event-code table.
///
/// They are compiled by `scripts/compile-cameo.py` from the open PETRARCH
/// dictionaries into the tab-separated files of `Models/cameo/` (format in that
/// script's header) and loaded once per process in one pass over each file. Words
/// are kept as ``WordKey`` hashes, so matching never builds a `String`.
///
/// A different set (the PETRARCH validation dictionaries, or a user's own) is
/// loaded with ``init(directory:)`` from a folder of the same four files.
public final class CameoDictionary: Sendable {
    /// The operational dictionaries shipped with Sitrep (Phoenix actors and agents,
    /// PETRARCH-2 `CAMEO.2.0` verbs), or the error that kept them from loading.
    public static let shared: Result<CameoDictionary, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "cameo", withExtension: nil, subdirectory: "Models") else {
            throw CameoDictionaryError.missing("Models/cameo is not in the SitrepStages bundle")
        }
        return try CameoDictionary(directory: url)
    }

    /// Named actors: countries, people, organizations, armed groups.
    let actors: PhraseIndex<ActorEntry>
    /// Common-noun agents ("troops" -> MIL, "foreign minister" -> GOV).
    let agents: PhraseIndex<String>
    let verbs: VerbDictionary
    /// Sentence discards (sports results, weather) and story discards.
    let discards: PhraseIndex<Bool>
    /// CAMEO code -> name ("190" -> "Use conventional military force").
    let eventNames: [String: String]
    /// Named actors of two to four words by their last word ("mugabe" -> the
    /// entry of "robert mugabe"): news names a person by title and surname
    /// ("President Mugabe"), the dictionaries by full name. Last words that
    /// are agent nouns ("party", "army") are left out.
    let surnames: [UInt64: [Int32]]
    /// Words that begin two or more of the dictionary's names of two to four
    /// words ("hassan" of "hassan rowhani", "hassan nasrallah", ...): given
    /// names, which a one-word entry ("hassan", Jordan's crown prince) shares
    /// with everyone else who bears them.
    let givenNames: Set<UInt64>

    /// Loads `actors.tsv`, `agents.tsv`, `verbs.tsv`, `discards.tsv` and, when
    /// present, `event-codes.tsv` from `directory`.
    ///
    /// - Throws: ``CameoDictionaryError`` when a file is missing or unreadable.
    public init(directory: URL) throws {
        func lines(_ name: String, required: Bool = true) throws -> [Substring] {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                if required { throw CameoDictionaryError.missing("\(url.path): cannot read") }
                return []
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CameoDictionaryError.malformed("\(url.path): not UTF-8")
            }
            return text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }
        }

        var actors = PhraseIndex<ActorEntry>()
        for line in try lines("actors.tsv") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            actors.insert(CameoDictionary.keys(fields[0]), ActorEntry(codes: fields[1], capital: fields.count > 2 && fields[2] == "capital"))
        }
        var agents = PhraseIndex<String>()
        for line in try lines("agents.tsv") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { continue }
            agents.insert(CameoDictionary.keys(fields[0]), String(fields[1]))
        }
        var discards = PhraseIndex<Bool>()
        for line in try lines("discards.tsv") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { continue }
            // A bare number (a year) as a discard would drop every sentence that dates
            // its event; background events are told apart by their dates instead.
            if fields[0].allSatisfy({ $0.isNumber }) { continue }
            // Likewise "weeks ago", "years later": a past event is kept and flagged
            // `background` by its date rather than thrown away.
            if let last = fields[0].split(separator: " ").last, ["ago", "later", "earlier"].contains(last) { continue }
            discards.insert(CameoDictionary.keys(fields[0]), fields[1] == "story")
        }
        var names: [String: String] = [:]
        for line in try lines("event-codes.tsv", required: false) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { names[String(fields[0])] = String(fields[1]) }
        }
        actors.seal()
        agents.seal()
        discards.seal()
        var surnames: [UInt64: [Int32]] = [:]
        for index in 0..<actors.count {
            let words = actors.phrases[index]
            guard words.count >= 2 && words.count <= 4, let last = words.last,
                  agents.longest(surface: [last], lemma: [last], at: 0, limit: 1) == nil else { continue }
            surnames[last, default: []].append(Int32(index))
        }
        self.surnames = surnames
        var firstWords: [UInt64: Int] = [:]
        for index in 0..<actors.count where (2...4).contains(actors.phrases[index].count) {
            firstWords[actors.phrases[index][0], default: 0] += 1
        }
        self.givenNames = Set(firstWords.filter { $0.value >= 2 }.keys)
        self.actors = actors
        self.agents = agents
        self.discards = discards
        self.eventNames = names
        self.verbs = try VerbDictionary(lines: try lines("verbs.tsv"))
    }

    /// The code on `day` of the person a title names by surname alone
    /// ("President Mugabe"), when every dictionary name ending in that word
    /// gives the same code that day; nil when none does or they disagree
    /// ("Bush" in 1990 is the president and his son the businessman).
    func surnameCode(_ key: UInt64, on day: Int32?) -> String? {
        guard let list = surnames[key] else { return nil }
        var found: String?
        for index in list {
            guard let code = actors.payloads[Int(index)].code(on: day) else { continue }
            if found == nil { found = code } else if found != code { return nil }
        }
        return found
    }

    /// Word keys of a space-separated phrase.
    static func keys(_ phrase: Substring) -> [UInt64] {
        phrase.split(separator: " ").map { WordKey.of($0) }
    }
}

extension Result where Failure == any Error {
    /// The loaded table of a stage, or nil after reporting on `doc` why it is missing
    /// (the stage then leaves its layer empty rather than failing the document).
    func loaded(reporting id: String, stage: String, into doc: inout Document) -> Success? {
        switch self {
        case .success(let table): return table
        case .failure(let error):
            doc.report(id, .warning, "\(error)", stage: stage)
            return nil
        }
    }
}

/// Why the CAMEO dictionaries could not be loaded.
public enum CameoDictionaryError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .missing(let what): "CAMEO dictionaries missing: \(what)"
        case .malformed(let what): "CAMEO dictionaries malformed: \(what)"
        }
    }
}

/// A named actor: its codes, some valid only between two dates.
///
/// The compiled code list ("TURGOV@2002-11-18..2003-03-14;TURGOV@2003-03-14..;TURELI")
/// is kept as written and read on look-up: most of the 34,000 entries are never
/// matched in a run, so parsing them all at start-up would be wasted.
struct ActorEntry: Sendable {
    let codes: Substring
    /// A country's capital: the metonymy convention makes it the government when it acts.
    let isCapital: Bool

    init(codes: Substring, capital: Bool) {
        self.codes = codes
        self.isCapital = capital
    }

    /// "2003-03-14" -> 20030314.
    static func day(_ text: some StringProtocol) -> Int32? {
        var value: Int32 = 0
        var digits = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 {
            value = value * 10 + Int32(byte - 0x30)
            digits += 1
        }
        return digits == 8 ? value : nil
    }

    /// The code valid on `date` (yyyymmdd); when no dated code covers it, the
    /// undated code ("at other times"), else the open-ended dated one. Without a
    /// date, the open-ended dated code first: a document with no date is most
    /// likely current, and the office its actor holds now is the better guess.
    func code(on date: Int32?) -> String? {
        var undated: Substring?
        var openEnded: Substring?
        for part in codes.split(separator: ";") {
            guard let at = part.firstIndex(of: "@") else {
                if undated == nil { undated = part }
                continue
            }
            let code = part[..<at]
            let range = part[part.index(after: at)...]
            let dots = range.firstRange(of: "..")
            let fromText = dots.map { range[..<$0.lowerBound] } ?? range
            let toText = dots.map { range[$0.upperBound...] } ?? ""
            let to = ActorEntry.day(toText) ?? Int32.max
            if to == Int32.max { openEnded = code }
            if let date {
                let from = ActorEntry.day(fromText) ?? 0
                if from <= date && date < to { return String(code) }
            }
        }
        if date == nil { return (openEnded ?? undated).map(String.init) }
        return (undated ?? openEnded).map(String.init)
    }
}

/// Phrases of one or more words, found by their first word's key; the longest
/// phrase at a position wins.
struct PhraseIndex<Payload: Sendable>: Sendable {
    private var building: [UInt64: [Int32]] = [:]
    /// First-word key -> index into `lists` (a ``WordTable``: one multiply per look-up).
    private var table = WordTable([])
    private var lists: [[Int32]] = []
    private(set) var phrases: [[UInt64]] = []
    private(set) var payloads: [Payload] = []

    var count: Int { phrases.count }

    /// Adds a phrase; a repeated phrase keeps its first payload.
    mutating func insert(_ words: [UInt64], _ payload: Payload) {
        guard let first = words.first else { return }
        let index = Int32(phrases.count)
        phrases.append(words)
        payloads.append(payload)
        building[first, default: []].append(index)
    }

    /// Freezes the index for look-ups; call once after the last ``insert(_:_:)``.
    mutating func seal() {
        lists = []
        var pairs: [(UInt64, Int32)] = []
        for (key, list) in building {
            pairs.append((key, Int32(lists.count)))
            lists.append(list)
        }
        table = WordTable(pairs)
        building = [:]
    }

    @inline(__always)
    private func candidates(_ key: UInt64) -> [Int32]? {
        let slot = table.payload(key)
        return slot < 0 ? nil : lists[Int(slot)]
    }

    /// The longest phrase starting at token `start` and ending by `limit`, matching a
    /// word by its surface key or, for the last word, its lemma key (so "soldiers"
    /// finds "soldier"); returns its length and payload index.
    func longest(surface: [UInt64], lemma: [UInt64], at start: Int, limit: Int) -> (length: Int, index: Int)? {
        guard start < limit else { return nil }
        var best: (Int, Int)?
        for first in [surface[start], lemma[start]] {
            guard let candidates = candidates(first) else { continue }
            for index in candidates {
                let words = phrases[Int(index)]
                let n = words.count
                guard start + n <= limit, n > (best?.0 ?? 0) else { continue }
                var ok = true
                for k in 0..<n {
                    let t = start + k
                    if surface[t] != words[k] && !(lemma[t] == words[k] && (k == n - 1 || k == 0)) { ok = false; break }
                }
                if ok { best = (n, Int(index)) }
            }
            if surface[start] == lemma[start] { break }
        }
        return best.map { (length: $0.0, index: $0.1) }
    }

    /// Whether any phrase occurs in `keys[range]` (surface words only).
    func occurs(in keys: [UInt64], _ range: Range<Int>) -> Int? {
        for start in range {
            guard let candidates = candidates(keys[start]) else { continue }
            for index in candidates {
                let words = phrases[Int(index)]
                guard start + words.count <= range.upperBound else { continue }
                var ok = true
                for k in 1..<max(words.count, 1) where keys[start + k] != words[k] { ok = false; break }
                if ok { return Int(index) }
            }
        }
        return nil
    }
}
