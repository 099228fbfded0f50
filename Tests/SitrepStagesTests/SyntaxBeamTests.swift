import Foundation
import Testing
@testable import SitrepStages

@Suite("Syntax parser beam search")
struct SyntaxBeamTests {
    /// A model of the fixture treebank trained with a beam of 3 (trained once per process).
    static let beamModel: SyntaxModel = {
        var settings = SyntaxFixtures.settings
        settings.beam = 3
        return SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings)
    }()

    static func inputs(_ forms: [String], _ model: SyntaxModel) -> (words: [UInt64], clusters: [UInt64], tags: [Int]) {
        let words = SyntaxWord.words(forms)
        return (words.map(\.lower), SyntaxClusters.of(words, model: model), SyntaxTagger(model: model).tag(forms: forms))
    }

    static func isTree(_ heads: [Int]) -> Bool {
        guard heads.filter({ $0 == -1 }).count == 1 else { return false }
        for (index, head) in heads.enumerated() {
            guard head != index, head >= -1, head < heads.count else { return false }
            var node = index, steps = 0
            while node != -1 && steps <= heads.count { node = heads[node]; steps += 1 }
            guard node == -1 else { return false }
        }
        return true
    }

    @Test("a beam of one is greedy search", arguments: ["greedy-trained", "beam-trained"])
    func widthOneIsGreedy(training: String) {
        let model = training == "greedy-trained" ? SyntaxFixtures.model : Self.beamModel
        let compiled = SyntaxCompiledModel(model)
        for gold in SyntaxFixtures.sentences {
            let (words, clusters, tags) = Self.inputs(gold.forms, model)
            let greedy = compiled.parser.parse(words: words, clusters: clusters, tags: tags)
            let beam = compiled.parser.beamParse(words: words, clusters: clusters, tags: tags, width: 1)
            #expect(beam.heads == greedy.heads)
            #expect(beam.labels == greedy.labels)
        }
    }

    @Test("beam search returns a tree with one root", arguments: [1, 2, 5, 17, 60], [2, 3, 8])
    func wellFormed(length: Int, width: Int) {
        let model = Self.beamModel
        let forms = (0..<length).map { ["the", "army", "struck", "Ruritania", ",", "and", "."][$0 % 7] }
        let (words, clusters, tags) = Self.inputs(forms, model)
        let result = SyntaxCompiledModel(model).parser.beamParse(words: words, clusters: clusters, tags: tags, width: width)
        #expect(result.heads.count == length)
        #expect(Self.isTree(result.heads))
        #expect(result.labels.allSatisfy { $0 >= 0 && $0 < model.labels.count })
        let float = SyntaxParser.parse(words: words, clusters: clusters, tags: tags, actions: model.actions, labeller: model.labeller, width: width)
        #expect(float.heads == result.heads)
        #expect(float.labels == result.labels)
    }

    @Test("sentences past the beam's word limit are parsed greedily, still as trees")
    func longSentence() {
        let model = Self.beamModel
        let forms = (0..<(SyntaxBeam.wordLimit + 1)).map { ["the", "army", "struck", "Ruritania", "."][$0 % 5] }
        let (words, clusters, tags) = Self.inputs(forms, model)
        let compiled = SyntaxCompiledModel(model)
        let result = compiled.parser.parse(words: words, clusters: clusters, tags: tags, width: model.beam)
        #expect(result.heads == compiled.parser.parse(words: words, clusters: clusters, tags: tags).heads)
        #expect(Self.isTree(result.heads))
    }

    @Test("the beam-trained model learns the tiny treebank, and keeps its width in the file")
    func trainsWithBeam() throws {
        let model = Self.beamModel
        #expect(model.beam == 3)
        let loaded = try SyntaxModel(data: model.data())
        #expect(loaded == model)
        #expect(loaded.beam == 3)
        var settings = SyntaxFixtures.settings
        settings.beam = 3
        #expect(SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings).data() == model.data())
        let annotator = SyntaxAnnotator(model: model)
        #expect(annotator.beam == 3)
        var correct = 0, total = 0
        for gold in SyntaxFixtures.sentences {
            let result = annotator.annotate(forms: gold.forms)
            correct += zip(result.heads, gold.heads).filter { $0 == $1 }.count
            total += gold.count
        }
        #expect(Double(correct) / Double(total) >= 0.9)
    }

    @Test("summed members train deterministically into one model of the same shape")
    func members() {
        var settings = SyntaxFixtures.settings
        settings.beam = 2
        settings.members = 2
        let model = SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings)
        #expect(model.actions.values.count == SyntaxFixtures.model.actions.values.count)
        #expect(SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings).data() == model.data())
    }

    @Test("summed taggers train deterministically into one table, which tags as well as one")
    func tagMembers() {
        var settings = SyntaxFixtures.settings
        settings.tagMembers = 2
        let model = SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings)
        #expect(model.tagger.values.count == SyntaxFixtures.model.tagger.values.count)
        #expect(model.tagger != SyntaxFixtures.model.tagger, "the second tagger's weights are added")
        #expect(SyntaxTrainer.train(SyntaxFixtures.sentences, clusters: SyntaxFixtures.clusters, settings: settings).data() == model.data())
        #expect(SyntaxFixtures.accuracy(SyntaxAnnotator(model: model)).tags >= 0.95)
    }

    @Test("a format-2 file (before the beam) still loads, as a greedy parser")
    func formatTwo() throws {
        var bytes = [UInt8](SyntaxFixtures.model.data())
        #expect(bytes[4] == 3)
        bytes[4] = 2
        bytes.removeSubrange(8..<12)
        let loaded = try SyntaxModel(data: Data(bytes))
        #expect(loaded.beam == 1)
        #expect(loaded.actions == SyntaxFixtures.model.actions)
    }
}
