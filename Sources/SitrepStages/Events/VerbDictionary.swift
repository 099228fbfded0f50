import Foundation
import SitrepCore

/// The CAMEO verb dictionary: verb blocks with a default code, the inflected
/// forms that open them (some with particles: "ask for", "call off"), and the
/// patterns that refine the code by the words around the verb.
///
/// Pattern syntax (PETRARCH-2, compiled by `scripts/compile-cameo.py`): elements
/// before the verb and after it; a word, a synonym set (`&WEAPON`), `$` the
/// source, `+` the target, parentheses around a prepositional group. The
/// ``EventCoder`` matches them over the clause the dependency parse gives, in
/// order; the pattern with the most words wins.
struct VerbDictionary: Sendable {
    struct Block: Sendable {
        let name: String
        /// nil for "---": the verb alone is not an event.
        let defaultCode: String?
        var patterns: [Pattern] = []
        /// For a block without a default: the root its patterns mostly code to, as a
        /// 3-digit code ("120" for REFUSE), when more than half of them agree.
        var inferredCode: String?
    }

    struct Form: Sendable {
        let block: Int
        /// Words that must follow the verb in its clause ("for" in "ask for").
        let particles: [UInt64]
        /// A code of the form itself, overriding the block's default.
        let code: String?
        /// The form codes through the block's patterns only ("---" in its code
        /// field): a verb too common for the block's default ("take" in
        /// APPREHEND, whose default 171 would make "took place" a seizure).
        let patternsOnly: Bool
    }

    enum Element: Sendable, Equatable {
        case word(UInt64)
        case synset(Int)
        case source
        case target
        case open
        case close
    }

    struct Pattern: Sendable {
        let pre: [Element]
        let post: [Element]
        /// nil for "---": the words mark a non-event use ("fight corruption").
        let code: String?
        /// Words and synonym sets the pattern requires: its specificity.
        let weight: Int
        /// The pattern as written, for the evidence string.
        let text: String
        /// Its plain words: a pattern is tried only when its clause holds them all.
        let words: [UInt64]
        /// A pattern of prepositions and particles alone ("* on [190] # PRESS",
        /// "pressed on") is an idiom of the verb its note names and holds for that
        /// verb only, not for the block's other verbs ("demanded that ... end curbs
        /// on"). Other patterns hold for every verb of the block: the dictionary
        /// groups synonyms in one block, and "imposed" and "slapped sanctions" mean
        /// the same.
        let isIdiom: Bool
        /// The verb of the block that the pattern's note names, if any: of two
        /// patterns of equal weight, the one written for the verb at hand wins
        /// ("launched ... rocket fire against ... border": "* &WEAPON # LAUNCH").
        let noteVerb: UInt64?
    }

    /// The prepositions and particles of phrasal patterns.
    static let particles = Set(["on", "into", "to", "from", "at", "against", "in", "with", "for", "off", "out", "up", "down",
                                "over", "by", "about", "back", "away", "through", "across", "upon", "toward", "towards", "around",
                                "ahead", "forward", "along", "under", "after", "behind"].map { WordKey.of($0) })

    private(set) var blocks: [Block] = []
    private var forms: [UInt64: [Form]] = [:]
    /// Synonym sets: each a list of phrases (word-key sequences).
    private(set) var synsets: [[[UInt64]]] = []

    init(lines: [Substring]) throws {
        var synsetIndex: [String: Int] = [:]
        for line in lines where line.hasPrefix("SYNSET\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3 else { continue }
            synsetIndex[String(f[1])] = synsets.count
            synsets.append(f[2].split(separator: "|").map { CameoDictionary.keys($0) }.filter { !$0.isEmpty })
        }
        func code(_ s: Substring) -> String? {
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("-") ? nil : trimmed
        }
        func elements(_ s: Substring) -> [Element] {
            s.split(separator: " ").compactMap { token in
                switch token {
                case "$": return .source
                case "+": return .target
                case "(": return .open
                case ")": return .close
                default:
                    if token.hasPrefix("&") { return synsetIndex[String(token)].map { .synset($0) } ?? .word(WordKey.of(token)) }
                    return .word(WordKey.of(token))
                }
            }
        }
        // The words each block's forms are written with, for the patterns' notes.
        var blockForms: [Int: Set<UInt64>] = [:]
        for line in lines where line.hasPrefix("FORM\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 3, let block = Int(f[1]) { blockForms[block, default: []].insert(WordKey.of(f[2])) }
        }
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch f.first {
            case "VERB":
                guard f.count >= 4 else { continue }
                blocks.append(Block(name: String(f[3]), defaultCode: code(f[2])))
            case "FORM":
                guard f.count >= 5, let block = Int(f[1]), block < blocks.count else { continue }
                let form = Form(block: block, particles: CameoDictionary.keys(f[3]), code: code(f[4]),
                                patternsOnly: f[4].trimmingCharacters(in: .whitespaces) == "---")
                forms[WordKey.of(f[2]), default: []].append(form)
            case "PATTERN":
                guard f.count >= 5, let block = Int(f[1]), block < blocks.count else { continue }
                let pre = elements(f[2]), post = elements(f[3])
                let weight = (pre + post).reduce(0) { n, e in
                    switch e {
                    case .word, .synset: n + 1
                    default: n
                    }
                }
                let text = (f[2].isEmpty ? "" : f[2] + " ") + "*" + (f[3].isEmpty ? "" : " " + f[3])
                let words = (pre + post).compactMap { e -> UInt64? in
                    if case .word(let key) = e { return key }
                    return nil
                }
                // The note is the verb the pattern was written for ("PRESS"), or a
                // list or phrase ("step_up , stepped_up") that is kept for all.
                let note = f.count > 5 ? f[5].trimmingCharacters(in: .whitespaces).lowercased() : ""
                let noteKey = WordKey.of(note)
                let noteVerb = blockForms[block]?.contains(noteKey) == true ? noteKey : nil
                let onlyParticles = !words.isEmpty && words.count == weight && words.allSatisfy(VerbDictionary.particles.contains)
                blocks[block].patterns.append(Pattern(pre: pre, post: post, code: code(f[4]), weight: weight, text: String(text), words: words, isIdiom: onlyParticles && noteVerb != nil, noteVerb: noteVerb))
            default:
                continue
            }
        }
        // Most blocks of the PETRARCH-2 dictionary ("REFUSE", "LIFT", "SIGN") have no
        // default and code only through patterns; a sentence whose object no pattern
        // names ("rejected the Senegalese peace plan") would get nothing. The roots of
        // the block's own patterns say what the verb usually means, when more than
        // half of them agree: a tie (STAND: 139 twice, 051, 031) says nothing of
        // "stood guard" or "stand down".
        for b in blocks.indices where blocks[b].defaultCode == nil {
            var counts: [Substring: Int] = [:]
            var total = 0
            for pattern in blocks[b].patterns {
                guard let code = pattern.code else { continue }
                counts[code.prefix(2), default: 0] += 1
                total += 1
            }
            if let (root, n) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), total >= 3, n * 2 > total {
                blocks[b].inferredCode = root + "0"
            }
        }
    }

    /// The forms a token opens, by its surface and lemma keys.
    func forms(surface: UInt64, lemma: UInt64) -> [Form] {
        let a = forms[surface] ?? []
        if lemma == surface { return a }
        let b = forms[lemma] ?? []
        return a.isEmpty ? b : (b.isEmpty ? a : a + b)
    }
}
