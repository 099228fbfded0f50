import SitrepCore

/// The tokens of a document with their syntax, as the actor and event coders read
/// them: word keys of the surface form and of the lemma, UPOS, document-level head
/// indexes, relations and children. Built once per document in O(n).
///
/// Without a syntax layer every token is its own root with UPOS `X`: the coders
/// still find actors by their names, but no events.
struct ParsedTokens {
    let words: TokenWords
    let lemma: [UInt64]
    let upos: [String]
    let xpos: [String]
    let deprel: [String]
    /// Head token (document index), -1 for a sentence root.
    let head: [Int]
    let children: [[Int]]
    /// Whether the document had a syntax layer.
    let hasSyntax: Bool

    var count: Int { words.count }
    var surface: [UInt64] { words.keys }

    init(_ doc: Document) {
        words = TokenWords(doc, paragraphs: false)
        let n = doc.tokens.count
        var lemma = words.keys, upos = [String](repeating: "X", count: n), xpos = [String](repeating: "X", count: n), deprel = [String](repeating: "dep", count: n)
        var head = [Int](repeating: -1, count: n)
        var children = [[Int]](repeating: [], count: n)
        var hasSyntax = false
        for sentence in words.sentences {
            for t in sentence {
                guard let syntax = doc.syntax(of: t) else { continue }
                hasSyntax = true
                lemma[t] = WordKey.of(syntax.lemma)
                upos[t] = syntax.upos
                xpos[t] = syntax.xpos
                deprel[t] = syntax.deprel
                if syntax.head >= 0, sentence.lowerBound + syntax.head < sentence.upperBound {
                    head[t] = sentence.lowerBound + syntax.head
                    children[head[t]].append(t)
                }
            }
        }
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.deprel = deprel
        self.head = head
        self.children = children
        self.hasSyntax = hasSyntax
    }

    @inline(__always) func isCapitalized(_ t: Int) -> Bool { words.shapes[t].contains(.capitalized) }

    /// The token's relation without its subtype ("nsubj:pass" -> "nsubj").
    func baseRelation(_ t: Int) -> Substring {
        let rel = deprel[t]
        if let colon = rel.firstIndex(of: ":") { return rel[..<colon] }
        return rel[...]
    }

    /// The head of the phrase `range`: its first token whose head lies outside
    /// it (the first token when the parse gives none).
    func phraseHead(_ range: Range<Int>) -> Int {
        range.first { !range.contains(head[$0]) } ?? range.lowerBound
    }

    /// The `case` or `mark` word of a nominal (its preposition), as a key.
    func caseWord(of t: Int) -> UInt64? {
        for c in children[t] where deprel[c] == "case" && upos[c] == "ADP" { return surface[c] }
        return nil
    }

    /// The end of a ``Dateline`` opening `sentence` ("ANKARA/BAGHDAD, June 11
    /// (Meridian) –"): its place says where the story was filed, not who acted
    /// or where.
    func datelineEnd(_ sentence: Range<Int>) -> Int? {
        guard !sentence.isEmpty, Dateline.isAllCapitals(words.text(sentence.lowerBound..<(sentence.lowerBound + 1))) else { return nil }
        let head = (sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + Dateline.maximumTokens)).map { words.text($0..<($0 + 1)) }
        return Dateline.length(of: head).map { sentence.lowerBound + $0 }
    }

    /// The preposition of the phrase headed by `t`: its own `case` child, or one
    /// the parser hung on a modifier that opens the phrase ("in the Qandil, Gara
    /// and Hakurk regions" with "in" under "Qandil").
    func phrasePreposition(of t: Int) -> UInt64? {
        if let own = caseWord(of: t) { return own }
        // The first word of the phrase: the leftmost word under its left modifiers,
        // punctuation aside.
        var first = t
        var stack = children[t].filter { $0 < t }
        while let x = stack.popLast() {
            if upos[x] != "PUNCT" { first = min(first, x) }
            stack.append(contentsOf: children[x])
        }
        guard first < t, deprel[first] == "case", upos[first] == "ADP", head[first] != t, head[first] >= 0, head[head[first]] == t else { return nil }
        return surface[first]
    }

    /// Whether `t` has a child with relation `rel` whose lemma is one of `lemmas`.
    func hasChild(_ t: Int, relations: Set<String>, lemmas: Set<UInt64>) -> Bool {
        children[t].contains { relations.contains(deprel[$0]) && lemmas.contains(lemma[$0]) }
    }

    /// The children of `t` with base relation `rel`.
    func children(_ t: Int, _ rel: String) -> [Int] {
        children[t].filter { baseRelation($0) == rel }
    }

    /// `t` and the heads of its `conj` chain ("Canada and France").
    func withConjuncts(_ t: Int) -> [Int] {
        var out = [t]
        var i = 0
        while i < out.count {
            for c in children[out[i]] where (deprel[c] == "conj" || (deprel[c] == "appos" && upos[c] == "PROPN")) && !out.contains(c) { out.append(c) }
            i += 1
        }
        return out
    }

    /// All tokens of `t`'s subtree, `t` included, in index order, skipping children
    /// whose relation is in `stop`.
    func subtree(_ t: Int, stop: Set<String> = []) -> [Int] {
        var out: [Int] = []
        var stack = [t]
        while let x = stack.popLast() {
            out.append(x)
            for c in children[x] where !stop.contains(deprel[c]) { stack.append(c) }
        }
        return out.sorted()
    }
}
