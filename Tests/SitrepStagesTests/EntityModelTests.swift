import Foundation
import Testing
import SitrepCore
@testable import SitrepStages

@Suite struct EntityModelTests {
    static let model = try! EntityFixtures.model()

    @Test func conllReaderKeepsDocumentsSentencesAndConvertsIOB1() throws {
        let docs = try EntityFixtures.documents()
        #expect(docs.count == 2)
        #expect(docs[0].input.sentenceCount == 3)
        #expect(docs[0].labels.count == docs[0].input.tokenCount)
        let iob1 = try LabeledDocument.readCoNLL("Marta X X I-PER\nKovacs X X I-PER\nof X X O\nZenda X X I-LOC\n")
        #expect(iob1[0].labels == [.beginPerson, .insidePerson, .outside, .beginLocation])
    }

    @Test func conllReaderRejectsUnknownTags() {
        #expect(throws: EntityTrainerError.badLine(file: "x", line: 2, reason: "expected `word ... TAG` with an IOB tag of PER, ORG, LOC or MISC")) {
            try LabeledDocument.readCoNLL("Zenda X X B-LOC\nTuesday X X B-DATE\n", file: "x")
        }
    }

    @Test func trainingFitsTheTinyCorpus() throws {
        let tagger = EntityTagger(model: Self.model)
        for doc in try EntityFixtures.documents() {
            #expect(tagger.tag(doc.input) == doc.labels)
        }
    }

    @Test func trainingIsDeterministic() throws {
        #expect(try EntityFixtures.model().encoded() == Self.model.encoded())
    }

    @Test func taggerGeneralizesToANewSentence() {
        let labels = EntityTagger(model: Self.model).tag(EntityInput(sentences: [["Officials", "in", "Zenda", "said", "Marta", "Kovacs", "left", "."]]))
        #expect(labels[2] == .beginLocation)
        #expect(labels[4] == .beginPerson && labels[5] == .insidePerson)
        #expect(labels[0] == .outside && labels[3] == .outside)
    }

    @Test func saveAndLoadRoundTrip() throws {
        let bytes = Self.model.encoded()
        let loaded = try EntityModel(decoding: bytes)
        #expect(loaded.weights == Self.model.weights)
        #expect(loaded.weights.storedRows > 0)
        #expect(loaded.metadata == Self.model.metadata)
        #expect(loaded.lexicon.clusters.sortedEntries().map(\.key) == Self.model.lexicon.clusters.sortedEntries().map(\.key))
        #expect(loaded.lexicon.gazetteer.sortedEntries().map(\.value) == Self.model.lexicon.gazetteer.sortedEntries().map(\.value))
        #expect(loaded.encoded() == bytes)
        let input = EntityInput(sentences: [["Pavel", "Hentzau", "left", "Ruritania", "."]])
        #expect(EntityTagger(model: loaded).tag(input) == EntityTagger(model: Self.model).tag(input))
    }

    @Test func loadThroughAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-ner-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.model.encoded()).write(to: url)
        #expect(try EntityModel.load(contentsOf: url).weights == Self.model.weights)
    }

    @Test func damagedFilesAreRejected() throws {
        var bytes = Self.model.encoded()
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: EntityModelError.self) { try EntityModel(decoding: bytes) }
        #expect(throws: EntityModelError.self) { try EntityModel(decoding: Array(Self.model.encoded().prefix(100))) }
        #expect(throws: EntityModelError.self) { try EntityModel(decoding: Array("not a model at all".utf8)) }
    }

    @Test func otherFormatVersionsAreRejected() throws {
        var bytes = Self.model.encoded()
        bytes[8] = 2
        let body = Array(bytes[0..<(bytes.count - 8)])
        var checksum = FeatureHash.fnv(body).littleEndian
        bytes.replaceSubrange((bytes.count - 8)..., with: withUnsafeBytes(of: &checksum) { Array($0) })
        #expect(throws: EntityModelError.unsupportedVersion(path: "<memory>", found: 2)) { try EntityModel(decoding: bytes) }
    }

    @Test func missingFileHasAClearError() {
        let url = URL(fileURLWithPath: "/nonexistent/ner.bin")
        #expect(throws: EntityModelError.missing(path: "/nonexistent/ner.bin")) { try EntityModel.load(contentsOf: url) }
        #expect(EntityModelError.missing(path: "x").description.contains("SR-NER-001"))
    }

    @Test func compactWeightsKeepEveryNonZeroRow() {
        var first = WeightTable(rows: 256), second = WeightTable(rows: 256)
        first.weights[3 * 9 + 1] = 7
        second.weights[3 * 9 + 8] = -2
        second.weights[200 * 9] = 5
        first.transitions[4] = 9
        let compact = CompactWeights(first: first, second: second)
        #expect(compact.storedRows == 2)
        #expect(compact.sparseStage(0).rows == [3])
        #expect(compact.sparseStage(1).rows == [3, 200])
        #expect(compact.firstTransitions[4] == 9)
        var a = [Int32](repeating: 0, count: 9), b = [Int32](repeating: 0, count: 9)
        let rows: [Int32] = [3, 4, 200, 3]
        rows.withUnsafeBufferPointer { rows in
            compact.score(rows, first: &a, second: &b)
        }
        #expect(a == [0, 14, 0, 0, 0, 0, 0, 0, 0])
        #expect(b == [5, 0, 0, 0, 0, 0, 0, 0, -4])
    }

    @Test func scoreCountsExactSpans() {
        var score = EntityScore()
        let gold: [EntityLabel] = [.beginPerson, .insidePerson, .outside, .beginLocation]
        let predicted: [EntityLabel] = [.beginPerson, .outside, .outside, .beginLocation]
        score.add(gold: gold[...], predicted: predicted[...])
        #expect(score.gold == 2 && score.predicted == 2 && score.correct == 1)
        #expect(abs(score.f1 - 50) < 1e-9)
    }
}

/// Fictional texts and tiny training data for the entity tests (no real news text).
enum EntityFixtures {
    /// A small CoNLL-style corpus about fictional places, people and bodies. Two
    /// documents, IOB2 tags, POS and chunk columns filled with placeholders.
    static let corpus = """
        -DOCSTART- -X- -X- O

        RURITANIA X X B-LOC
        EXPELS X X O
        ENVOYS X X O

        Officials X X O
        in X X O
        Ruritania X X B-LOC
        said X X O
        on X X O
        Tuesday X X O
        that X X O
        Marta X X B-PER
        Kovacs X X I-PER
        of X X O
        the X X O
        Strelsau X X B-ORG
        Trading X X I-ORG
        Bank X X I-ORG
        had X X O
        left X X O
        Zenda X X B-LOC
        . X X O

        Kovacs X X B-PER
        told X X O
        the X X O
        Ruritanian X X B-MISC
        press X X O
        she X X O
        would X X O
        return X X O
        to X X O
        Ruritania X X B-LOC
        . X X O

        -DOCSTART- -X- -X- O

        Pavel X X B-PER
        Hentzau X X I-PER
        of X X O
        Zenda X X B-LOC
        joined X X O
        the X X O
        Strelsau X X B-ORG
        Trading X X I-ORG
        Bank X X I-ORG
        in X X O
        Ruritania X X B-LOC
        . X X O

        The X X O
        bank X X O
        said X X O
        Hentzau X X B-PER
        would X X O
        lead X X O
        its X X O
        office X X O
        in X X O
        Zenda X X B-LOC
        . X X O

        """

    /// Cluster table for the fictional words.
    static let clusters = """
        # test clusters
        Kovacs\t1\t10\t100
        Hentzau\t1\t10\t100
        Marta\t2\t20\t200
        Pavel\t2\t20\t200
        Ruritania\t3\t30\t300
        Zenda\t3\t30\t301
        Strelsau\t4\t40\t400
        said\t5\t50\t500
        """

    static func documents() throws -> [LabeledDocument] {
        try LabeledDocument.readCoNLL(corpus, file: "fixture")
    }

    static func lexicon() throws -> EntityLexicon {
        var lexicon = try EntityLexicon.compile(EntityLexicon.Sources(clusters: clusters))
        lexicon.addName("Zenda", .bigCity)
        lexicon.addName("New Ruritania", .country)
        return lexicon
    }

    /// A model trained on ``corpus`` with a small table (fast enough for debug builds).
    static func model() throws -> EntityModel {
        var settings = EntityTrainer.Settings()
        settings.bits = 14
        settings.epochs = 8
        settings.folds = 2
        return EntityTrainer(settings: settings).train(try documents(), lexicon: try lexicon())
    }

    /// A document built from pre-split sentences, as the `tokens` input builds it:
    /// tokens joined by single spaces, sentences by newlines.
    static func tokensDocument(_ sentences: [[String]]) -> Document {
        var doc = Document(id: "fixture", input: .tokens(sentences))
        var text = ""
        var sentSpans: [TextSpan] = [], tokens: [Token] = []
        for (index, sent) in sentences.enumerated() {
            if index > 0 { text += "\n" }
            let sentStart = text.utf8.count
            for (position, token) in sent.enumerated() {
                if position > 0 { text += " " }
                let start = text.utf8.count
                text += token
                tokens.append(Token(span: TextSpan(start: start, end: text.utf8.count)))
            }
            sentSpans.append(TextSpan(start: sentStart, end: text.utf8.count))
        }
        doc.setArticle(text: text, article: Article(), paragraphs: [])
        doc.sentences = sentSpans
        doc.tokens = tokens
        return doc
    }
}
