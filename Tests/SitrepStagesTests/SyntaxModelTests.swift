import Foundation
import SitrepCore
import Testing
@testable import SitrepStages

@Suite("Syntax model training, files and stage")
struct SyntaxModelTests {
    @Test("CoNLL-U reading and writing round-trip, range lines included")
    func conlluRoundTrip() throws {
        let sentences = try CoNLLU.read(SyntaxFixtures.treebank)
        #expect(sentences.count == 5)
        #expect(sentences[3].count == 7)
        #expect(sentences[3].rangeLines.count == 1)
        #expect(sentences[0].heads == [1, -1, 3, 1, 1])
        let written = CoNLLU.write(sentences)
        #expect(try CoNLLU.read(written) == sentences)
        #expect(written == SyntaxFixtures.treebank)
    }

    @Test("a malformed line names its line number")
    func badLine() {
        #expect(throws: CoNLLUError.self) { try CoNLLU.read("1\tword\n") }
        #expect(throws: CoNLLUError.self) { try CoNLLU.read("1\ta\ta\tX\tX\t_\tx\tdep\t_\t_\n") }
    }

    @Test("the trained model learns the tiny treebank")
    func trainsOnFixture() {
        let accuracy = SyntaxFixtures.accuracy(SyntaxAnnotator(model: SyntaxFixtures.model))
        #expect(accuracy.tags >= 0.95)
        #expect(accuracy.heads >= 0.9)
    }

    @Test("training is deterministic and the file round-trips")
    func saveLoad() throws {
        let data = SyntaxFixtures.model.data()
        let again = SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: SyntaxFixtures.settings).data()
        #expect(data == again)
        let loaded = try SyntaxModel(data: data)
        #expect(loaded == SyntaxFixtures.model)
        #expect(loaded.data() == data)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syntax-test-\(UUID().uuidString).bin")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SyntaxModel.load(contentsOf: url) == loaded)
    }

    @Test("a model loaded for annotation keeps its tables as stored, annotates as the full model does and writes the same bytes")
    func loadedForAnnotation() throws {
        let data = SyntaxFixtures.model.data()
        let lean = try SyntaxModel(data: data, forAnnotation: true)
        #expect(lean.tagger.values.isEmpty && lean.actions.values.isEmpty && lean.labeller.values.isEmpty)
        #expect(lean.tagger.compact != nil && lean.actions.compact != nil && lean.labeller.compact != nil)
        #expect(lean.data() == data)
        let full = SyntaxAnnotator(model: try SyntaxModel(data: data)), annotator = SyntaxAnnotator(model: lean)
        for gold in SyntaxFixtures.sentences {
            let expected = full.annotate(forms: gold.forms), got = annotator.annotate(forms: gold.forms)
            #expect(got.xpos == expected.xpos && got.heads == expected.heads && got.deprels == expected.deprels)
        }
        // A damaged table is refused as in a full load.
        #expect(throws: SyntaxModelError.self) { try SyntaxModel(data: Data(data.prefix(data.count - 3)), forAnnotation: true) }
    }

    @Test("damaged files are refused", arguments: [0, 4, 8, 40])
    func damaged(length: Int) {
        let data = SyntaxFixtures.model.data().prefix(length)
        #expect(throws: SyntaxModelError.self) { try SyntaxModel(data: Data(data)) }
    }

    @Test("cluster lookups ignore case and digits, and the table travels in the model file")
    func clusters() throws {
        let model = SyntaxFixtures.model
        let words = SyntaxWord.words(["RURITANIA", "Borduria", "struck", "2024", "Zenda"])
        let packed = SyntaxClusters.of(words, model: model)
        #expect(packed[0] == SyntaxClusters.pack(1, 10, 100))
        #expect(packed[0] == packed[1])
        #expect(SyntaxClusters.fine(packed[2]) == 201)
        #expect(SyntaxClusters.middle(packed[3]) == 41)
        #expect(packed[4] == 0)
        #expect(try SyntaxModel(data: model.data()).clusters == model.clusters)
        #expect(model.clusters.count == 7)
    }

    @Test("a malformed cluster line is refused with its number", arguments: ["x\t1\t2", "x\t1\t2\tz", "\t1\t2\t3", "x\t-1\t2\t3"])
    func badClusterLine(line: String) {
        #expect(throws: SyntaxClusterError.badLine(line: 2)) { try SyntaxClusters.table(tsv: "# header\n\(line)\n") }
    }

    @Test("the compiled run-time tables predict as the float tables do")
    func compiledMatchesFloat() {
        let model = SyntaxFixtures.model
        let compiled = SyntaxCompiledModel(model)
        for gold in SyntaxFixtures.sentences {
            let words = SyntaxWord.words(gold.forms)
            let amb = SyntaxTagger.ambiguity(words, model: model)
            let clusters = SyntaxClusters.of(words, model: model)
            #expect(compiled.lexical(words) == (amb, clusters))
            let tags = SyntaxTagger.tag(words, amb, clusters, model.tagger, roles: SyntaxTagger.classRoles(model))
            #expect(compiled.tag(words, amb, clusters) == tags)
            let float = SyntaxParser.parse(words: words.map(\.lower), clusters: clusters, tags: tags, actions: model.actions, labeller: model.labeller)
            let fast = compiled.parser.parse(words: words.map(\.lower), clusters: clusters, tags: tags)
            #expect(fast.heads == float.heads)
            #expect(fast.labels == float.labels)
        }
    }

    @Test("the stage fills every token of every sentence")
    func stage() throws {
        let text = "Ruritania expelled two diplomats. The army struck the border town on Tuesday."
        var doc = Document(id: "t", input: .cleanText(text))
        let pipeline = try Pipeline([ExtractStage(), SentenceStage(), TokenStage(), SyntaxStage(model: SyntaxFixtures.model)])
        try pipeline.process(&doc)
        #expect(doc.sentences.count == 2)
        #expect(doc.syntax.count == doc.tokens.count)
        for range in SyntaxStage.sentenceRanges(doc) {
            let heads = range.map { doc.syntax[$0].head }
            #expect(heads.filter { $0 == -1 }.count == 1)
            #expect(heads.allSatisfy { $0 >= -1 && $0 < range.count })
        }
        #expect(doc.producer(of: .syntax)?.stage == "syntax")
    }

    @Test("each shipped model tags and parses a plain sentence (sanity check)", arguments: SyntaxStage.ShippedModel.allCases)
    func committedModel(_ shipped: SyntaxStage.ShippedModel) throws {
        let annotator = try SyntaxStage.shared(shipped)
        switch shipped {
        case .fast: #expect(annotator.model.voters.isEmpty && annotator.beam == 1)
        case .accurate: #expect(annotator.model.voters.map(\.rightToLeft) == [false, true] && annotator.beam == 3)
        }
        let result = annotator.annotate(forms: ["Rebels", "struck", "the", "capital", "on", "Monday", "."])
        #expect(result.upos == ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"])
        #expect(result.heads[0] == 1 && result.heads[1] == -1 && result.heads[3] == 1)
        #expect(result.deprels[0] == "nsubj" && result.deprels[3] == "obj")
        #expect(result.lemmas[1] == "strike")
    }

    @Test("a news clause's -ed verb after its subject is a past tense; after be/have, a participle",
          arguments: [
              (["The", "army", "presented", "evidence", "against", "Russia", "."], 2, "VBD"),
              (["Rebels", "shelled", "the", "town", "."], 1, "VBD"),
              (["The", "town", "was", "shelled", "by", "rebels", "."], 3, "VBN"),
              (["Ruritania", "has", "expelled", "two", "diplomats", "."], 2, "VBN"),
          ])
    func pastTenseOrParticiple(forms: [String], index: Int, xpos: String) throws {
        let result = try SyntaxStage.sharedAnnotator.get().annotate(forms: forms)
        #expect(result.xpos[index] == xpos)
        if xpos == "VBD" { #expect(result.heads[index] == -1) }
    }
}
