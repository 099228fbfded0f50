/// English lemmas from a form and its Penn Treebank tag: learned exceptions (from the
/// treebank, stored in the model), then the hand-written tables in ``LemmaExceptions``,
/// then suffix rules by tag, so that "struck", "strikes" and "striking" all give "strike".
///
/// Proper nouns keep their form (a plural one loses its plural ending); every other
/// lemma is lowercased, as in UD English.
public struct Lemmatizer: Sendable {
    /// Learned exceptions, keyed by ``key(lower:xpos:)``.
    public var learned: [UInt64: String]

    public init(learned: [UInt64: String] = [:]) { self.learned = learned }

    /// The key of a learned exception: the hash of the lowercased form and the tag.
    public static func key(lower: String, xpos: String) -> UInt64 {
        var bytes = Array(lower.utf8)
        bytes.append(0)
        bytes.append(contentsOf: xpos.utf8)
        return bytes.withUnsafeBufferPointer { SyntaxHash.bytes($0.baseAddress!, $0.count, seed: 77) }
    }

    /// The lemma of `form` tagged `xpos` (PTB) and `upos` (UD).
    public func lemma(_ form: String, upos: String, xpos: String) -> String {
        let lower = form.lowercased()
        if !learned.isEmpty, let lemma = learned[Self.key(lower: lower, xpos: xpos)] {
            return upos == "PROPN" && lemma.lowercased() == lower ? form : lemma
        }
        return Self.rule(form, lower: lower, upos: upos, xpos: xpos)
    }

    /// The rule-based lemma, without the learned exceptions.
    public static func rule(_ form: String, lower: String, upos: String, xpos: String) -> String {
        // A plural proper noun's lemma is its singular, capitals kept, as in UD
        // English ("Algerians" -> "Algerian"); the learned exceptions hold the
        // names that only look plural ("Philippines").
        if xpos == "NNPS" { return plural(form) }
        if upos == "PROPN" || xpos == "NNP" { return form }
        switch xpos {
        case "VBD", "VBN":
            if let lemma = LemmaExceptions.verbs[lower] { return lemma }
            return strip(lower, suffix: "ed", iesTo: "ied")
        case "VBZ":
            if let lemma = LemmaExceptions.verbs[lower] { return lemma }
            return plural(lower)
        case "VBG":
            if let lemma = LemmaExceptions.verbs[lower] { return lemma }
            return strip(lower, suffix: "ing", iesTo: nil)
        case "VBP", "VB", "MD":
            if let lemma = LemmaExceptions.verbs[lower], ["'s", "'m", "'re", "'ve", "'ll", "ca", "wo", "n't", "are", "am"].contains(lower) { return lemma }
            return lower
        case "NNS":
            if let lemma = LemmaExceptions.nouns[lower] { return lemma }
            return plural(lower)
        case "PRP", "PRP$":
            return LemmaExceptions.pronouns[lower] ?? lower
        case "JJR", "RBR":
            if let lemma = LemmaExceptions.degrees[lower] { return lemma }
            return strip(lower, suffix: "er", iesTo: "ier")
        case "JJS", "RBS":
            if let lemma = LemmaExceptions.degrees[lower] { return lemma }
            return strip(lower, suffix: "est", iesTo: "iest")
        case "RB" where lower == "n't": return "not"
        default:
            if upos == "PRON", let lemma = LemmaExceptions.pronouns[lower] { return lemma }
            return lower
        }
    }

    /// Singular or base form of an -s word: "ies" to "y", sibilant + "es" dropped, else "s" dropped.
    static func plural(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let n = bytes.count
        guard n > 3, bytes[n - 1] == UInt8(ascii: "s"), bytes[n - 2] != UInt8(ascii: "s") || n > 4 else { return word }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for sibilant in ["sses", "shes", "ches", "xes", "zzes", "oes"] where word.hasSuffix(sibilant) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }

    /// The base of a suffixed word, undoing consonant doubling and restoring a silent "e".
    static func strip(_ word: String, suffix: String, iesTo: String?) -> String {
        guard word.hasSuffix(suffix), word.utf8.count > suffix.utf8.count + 1 else { return word }
        if let iesTo, word.hasSuffix(iesTo), word.utf8.count > iesTo.utf8.count + 1 {
            return String(word.dropLast(iesTo.utf8.count)) + "y"
        }
        let stem = Array(word.utf8.dropLast(suffix.utf8.count))
        let n = stem.count
        func vowel(_ b: UInt8) -> Bool { "aeiou".utf8.contains(b) }
        // stopped -> stop, bigger -> big; not fill, pass, stuff, buzz; but expelled -> expel,
        // controlled -> control (two or more syllables ending in -el/-ol).
        var groups = 0, position = 0
        while position < n {
            if vowel(stem[position]) { groups += 1; while position < n && vowel(stem[position]) { position += 1 } } else { position += 1 }
        }
        if n >= 3, stem[n - 1] == stem[n - 2], !vowel(stem[n - 1]) {
            let l = UInt8(ascii: "l")
            let undoubleL = stem[n - 1] == l && groups >= 2 && (stem[n - 3] == UInt8(ascii: "e") || stem[n - 3] == UInt8(ascii: "o"))
            if !"lsfz".utf8.contains(stem[n - 1]) || undoubleL {
                return String(decoding: stem.dropLast(), as: UTF8.self)
            }
        }
        if n >= 2 && suffix != "ed" && vowel(stem[n - 1]) && !(suffix == "ing" && stem[n - 1] == UInt8(ascii: "e")) {
            return String(decoding: stem, as: UTF8.self)
        }
        let base = String(decoding: stem, as: UTF8.self)
        // freed -> free, agreed -> agree, guaranteed -> guarantee: an "-eed" past
        // whose stem ends in "e" lost the base's own final "e".
        if suffix == "ed", n >= 2, stem[n - 1] == UInt8(ascii: "e") { return base + "e" }
        if needsE(stem) { return base + "e" }
        return base
    }

    /// Whether a stem lost a silent "e": striking -> strik(e), created -> creat(e), moved -> mov(e).
    static func needsE(_ stem: [UInt8]) -> Bool {
        let n = stem.count
        guard n >= 2 else { return false }
        func vowel(_ b: UInt8) -> Bool { "aeiou".utf8.contains(b) }
        let last = stem[n - 1]
        if vowel(last) || last == UInt8(ascii: "y") || last == UInt8(ascii: "w") || last == UInt8(ascii: "x") { return false }
        if last == UInt8(ascii: "v") || last == UInt8(ascii: "z") || last == UInt8(ascii: "c") { return true }
        let text = String(decoding: stem, as: UTF8.self)
        // British -ise and -yse verbs (criticised, organising, analysed), and
        // telephoned, postponed: the stem after a consonant keeps its "e".
        if n >= 3, !vowel(stem[n - 3]), text.hasSuffix("is") || text.hasSuffix("ys") { return true }
        if text.hasSuffix("phon") || text.hasSuffix("pon") { return true }
        for ending in ["at", "ut", "ur", "ir", "ag", "ng", "dg", "rg", "bl", "pl", "tl", "dl", "gl", "kl", "fl", "zl", "aus", "ais", "ois", "ens", "ns", "rs", "ps", "ous", "uid", "ud"]
        where text.hasSuffix(ending) {
            if ending == "ng" { return ["chang", "arrang", "challeng", "plung", "rang", "lung"].contains { text.hasSuffix($0) } }
            // created -> create, but treated -> treat, defeated -> defeat; after
            // "i" or "u" the "e" comes back: retaliated, repatriated, fluctuated.
            if text.hasSuffix("creat") { return true }
            if ending == "at", n > 2, stem[n - 3] == UInt8(ascii: "i") || stem[n - 3] == UInt8(ascii: "u") { return true }
            if ending == "at" || ending == "ut" { return n > 2 && !vowel(stem[n - 3]) }
            if ending == "ud" { return text.hasSuffix("clud") || text.hasSuffix("lud") }
            return true
        }
        // One vowel group followed by one consonant: hop(e), strik(e), nam(e), us(e).
        var groups = 0, index = 0
        while index < n {
            if vowel(stem[index]) { groups += 1; while index < n && vowel(stem[index]) { index += 1 } } else { index += 1 }
        }
        guard groups == 1, vowel(stem[n - 2]) else { return false }
        return n < 3 || !vowel(stem[n - 3])
    }
}
