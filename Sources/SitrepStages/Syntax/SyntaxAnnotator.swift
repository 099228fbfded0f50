/// Tags, lemmatizes and parses sentences with one ``SyntaxModel``: the tagger (with
/// ``FiniteVerbRepair``), then the lemmatizer on the predicted tags, then the parser
/// on the predicted tags (with ``TemporalSubjectRepair``, ``ReportedSubjectRepair``,
/// ``ReducedRelativeRepair`` and ``NameListRepair``). A model with voters parses each sentence with each of its
/// parsers and keeps the tree they agree on (``SyntaxEnsemble``).
public struct SyntaxAnnotator: Sendable {
    public let model: SyntaxModel
    private let upos: [String]
    private let xpos: [String]
    private let lemmatizer: Lemmatizer
    private let compiled: SyntaxCompiledModel
    /// The model's voters, compiled, with their beam widths and directions.
    private let voters: [(parser: SyntaxCompiledParser, beam: Int, rightToLeft: Bool)]
    private let finiteVerbRepair: FiniteVerbRepair
    private let temporalSubjectRepair: TemporalSubjectRepair
    private let reportedSubjectRepair: ReportedSubjectRepair
    private let reducedRelativeRepair: ReducedRelativeRepair
    private let nameListRepair: NameListRepair
    /// Hypotheses kept by the parser's beam.
    public let beam: Int

    /// - Parameters:
    ///   - beam: the parser's beam width; by default the model's (``SyntaxModel/beam``).
    ///   - voters: whether the model's voters (``SyntaxModel/voters``) vote; without
    ///     them the model's own parser decides alone.
    public init(model: SyntaxModel, beam: Int? = nil, voters: Bool = true) {
        self.model = model
        self.beam = max(1, beam ?? model.beam)
        compiled = SyntaxCompiledModel(model)
        self.voters = !voters ? [] : model.voters.map { (SyntaxCompiledParser(actions: $0.actions, labeller: $0.labeller), $0.beam, $0.rightToLeft) }
        upos = model.uposOfClass
        xpos = model.xposOfClass
        lemmatizer = Lemmatizer(learned: model.lemmaExceptions)
        finiteVerbRepair = FiniteVerbRepair(upos: upos, xpos: xpos)
        temporalSubjectRepair = TemporalSubjectRepair(labels: model.labels, upos: upos)
        reportedSubjectRepair = ReportedSubjectRepair(labels: model.labels)
        reducedRelativeRepair = ReducedRelativeRepair(labels: model.labels, upos: upos, xpos: xpos)
        nameListRepair = NameListRepair(labels: model.labels, upos: upos)
        let uposOfClass = model.uposOfClass, xposOfClass = model.xposOfClass
        properNounClass = uposOfClass.indices.first { uposOfClass[$0] == "PROPN" && xposOfClass[$0] == "NNP" }
        verbClasses = Set(uposOfClass.indices.filter { uposOfClass[$0] == "VERB" || uposOfClass[$0] == "AUX" })
    }

    /// The tag class of a singular proper noun, and those of verbs: a capitalized word
    /// of a name the tagger read as a verb ("the United Nations", "the Fed") is
    /// retagged before parsing.
    private let properNounClass: Int?
    private let verbClasses: Set<Int>

    /// The annotation of one sentence of word forms.
    ///
    /// - Returns: parallel arrays of UPOS, XPOS, lemma, head (0-based, -1 root) and relation.
    ///
    /// - Parameter inName: for each form, whether it lies inside a named entity; a
    ///   capitalized form of a name is never a verb.
    public func annotate(forms: [String], inName: [Bool]? = nil) -> (upos: [String], xpos: [String], lemmas: [String], heads: [Int], deprels: [String]) {
        let words = SyntaxWord.words(forms)
        return annotate(forms: forms, words: words, inName: inName)
    }

    func annotate(forms: [String], words: [SyntaxWord], inName: [Bool]? = nil) -> (upos: [String], xpos: [String], lemmas: [String], heads: [Int], deprels: [String]) {
        guard !forms.isEmpty else { return ([], [], [], [], []) }
        let (classes, heads, labels) = tagAndParse(words, names: inName.map { names in
            forms.indices.map { names[$0] && forms[$0].utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } == true }
        })
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

    /// - Parameter names: capitalized words inside named entities, if known.
    private func tagAndParse(_ words: [SyntaxWord], names: [Bool]? = nil) -> (classes: [Int], heads: [Int], labels: [Int]) {
        let (ambiguity, clusters) = compiled.lexical(words)
        var classes = compiled.tag(words, ambiguity, clusters)
        if let names, let properNounClass {
            for i in classes.indices where names[i] && verbClasses.contains(classes[i]) { classes[i] = properNounClass }
        }
        finiteVerbRepair.repair(&classes, words: words)
        let lower = words.map(\.lower)
        var (heads, labels) = compiled.parser.parse(words: lower, clusters: clusters, tags: classes, width: beam)
        if !voters.isEmpty { (heads, labels) = vote(own: (heads, labels), lower: lower, clusters: clusters, classes: classes) }
        temporalSubjectRepair.repair(&heads, &labels, words: words, classes: classes)
        reportedSubjectRepair.repair(&heads, &labels)
        reducedRelativeRepair.repair(&heads, &labels, classes: classes)
        nameListRepair.repair(&heads, &labels, words: words, classes: classes, names: names)
        return (classes, heads, labels)
    }

    /// The tree the model's own parser (`own`) and its voters agree on
    /// (``SyntaxEnsemble``); a right-to-left voter parses the sentence reversed,
    /// and its tree is mirrored back.
    private func vote(own: (heads: [Int], labels: [Int]), lower: [UInt64], clusters: [UInt64], classes: [Int]) -> (heads: [Int], labels: [Int]) {
        var trees = [own]
        var weights = [SyntaxEnsemble.mainWeight]
        let n = lower.count
        for voter in voters {
            if voter.rightToLeft {
                let tree = voter.parser.parse(words: lower.reversed(), clusters: clusters.reversed(), tags: classes.reversed(), width: voter.beam)
                trees.append((tree.heads.reversed().map { $0 < 0 ? -1 : n - 1 - $0 }, tree.labels.reversed()))
            } else {
                trees.append(voter.parser.parse(words: lower, clusters: clusters, tags: classes, width: voter.beam))
            }
            weights.append(SyntaxEnsemble.voterWeight)
        }
        return SyntaxEnsemble.combine(trees, weights: weights)
    }

    /// Replaces the UPOS, XPOS, LEMMA, HEAD and DEPREL columns of `sent` with predictions;
    /// forms, comments, features and MISC are kept.
    public func annotate(_ sent: inout SyntaxSentence) {
        let result = annotate(forms: sent.forms)
        sent.upos = result.upos; sent.xpos = result.xpos; sent.lemmas = result.lemmas
        sent.heads = result.heads; sent.deprels = result.deprels
    }
}
