/// Tags, lemmatizes and parses sentences with one ``SyntaxModel``: the tagger (with
/// ``FiniteVerbRepair``), then the lemmatizer on the predicted tags, then the parser
/// on the predicted tags.
public struct SyntaxAnnotator: Sendable {
    public let model: SyntaxModel
    private let upos: [String]
    private let xpos: [String]
    private let lemmatizer: Lemmatizer
    private let compiled: SyntaxCompiledModel
    private let finiteVerbRepair: FiniteVerbRepair
    /// Hypotheses kept by the parser's beam.
    public let beam: Int

    /// - Parameter beam: the parser's beam width; by default the model's (``SyntaxModel/beam``).
    public init(model: SyntaxModel, beam: Int? = nil) {
        self.model = model
        self.beam = max(1, beam ?? model.beam)
        compiled = SyntaxCompiledModel(model)
        upos = model.uposOfClass
        xpos = model.xposOfClass
        lemmatizer = Lemmatizer(learned: model.lemmaExceptions)
        finiteVerbRepair = FiniteVerbRepair(upos: upos, xpos: xpos)
    }

    /// The annotation of one sentence of word forms.
    ///
    /// - Returns: parallel arrays of UPOS, XPOS, lemma, head (0-based, -1 root) and relation.
    public func annotate(forms: [String]) -> (upos: [String], xpos: [String], lemmas: [String], heads: [Int], deprels: [String]) {
        let words = SyntaxWord.words(forms)
        return annotate(forms: forms, words: words)
    }

    func annotate(forms: [String], words: [SyntaxWord]) -> (upos: [String], xpos: [String], lemmas: [String], heads: [Int], deprels: [String]) {
        guard !forms.isEmpty else { return ([], [], [], [], []) }
        let (classes, heads, labels) = tagAndParse(words)
        let u = classes.map { upos[$0] }, x = classes.map { xpos[$0] }
        let lemmas = forms.indices.map { lemmatizer.lemma(forms[$0], upos: u[$0], xpos: x[$0]) }
        return (u, x, lemmas, heads, labels.map { model.labels[$0] })
    }

    /// Tag classes, heads and label indices only (no strings, no lemmas): the part that
    /// the speed target measures.
    public func tagAndParse(forms: [String]) -> (classes: [Int], heads: [Int], labels: [Int]) {
        let words = SyntaxWord.words(forms)
        guard !words.isEmpty else { return ([], [], []) }
        return tagAndParse(words)
    }

    private func tagAndParse(_ words: [SyntaxWord]) -> (classes: [Int], heads: [Int], labels: [Int]) {
        let (ambiguity, clusters) = compiled.lexical(words)
        var classes = compiled.tag(words, ambiguity, clusters)
        finiteVerbRepair.repair(&classes, words: words)
        let (heads, labels) = compiled.parse(words: words.map(\.lower), clusters: clusters, tags: classes, width: beam)
        return (classes, heads, labels)
    }

    /// Replaces the UPOS, XPOS, LEMMA, HEAD and DEPREL columns of `sent` with predictions;
    /// forms, comments, features and MISC are kept.
    public func annotate(_ sent: inout SyntaxSentence) {
        let result = annotate(forms: sent.forms)
        sent.upos = result.upos; sent.xpos = result.xpos; sent.lemmas = result.lemmas
        sent.heads = result.heads; sent.deprels = result.deprels
    }
}
