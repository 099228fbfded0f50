import ArgumentParser
import Foundation
import SitrepCore
import SitrepStages

/// `sitrep train`: builds the models that Sitrep's stages load.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the models of Sitrep's stages from annotated data.",
        subcommands: [NER.self, NERSpeed.self, TrainSyntaxCommand.self]
    )
}

extension TrainCommand {
    /// `sitrep train ner`: the entity tagger.
    struct NER: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Train the PER/ORG/LOC/MISC tagger (two-stage averaged perceptron) from CoNLL files.",
            discussion: """
            Reads CoNLL-2003 style training data (`word ... TAG`, IOB1 or IOB2, -DOCSTART- \
            between documents; only the first and last columns are used), the word clusters \
            written by scripts/word-clusters.py and the geography tables, and writes a model \
            file. The same inputs and settings always give the same bytes.

            Example (the committed model, see Sources/SitrepStages/Models/README.md):
              sitrep train ner --train ../shared/data/ner/train.conll \\
                --clusters Sources/SitrepStages/Models/ner-clusters.tsv \\
                --geo ../shared/data/geo --dev ../shared/data/ner/dev.conll \\
                --output Sources/SitrepStages/Models/ner-conll2003.bin
            """
        )

        @Option(help: "Training data in CoNLL format.")
        var train: String

        @Option(help: "Word-cluster table (TSV word, c64, c256, c1024) from scripts/word-clusters.py.")
        var clusters: String

        @Option(help: "Folder with gazetteer.tsv, admin1.tsv and demonyms.tsv (shared/data/geo); files that are absent are skipped.")
        var geo: String?

        @Option(help: "Development data in CoNLL format, scored after training (never trained on).")
        var dev: String?

        @Option(name: .shortAndLong, help: "Where to write the model.")
        var output: String

        @Option(help: "Passes over the training data per stage.")
        var epochs = EntityTrainer.Settings().epochs

        @Option(help: "log2 of the weight-table rows.")
        var bits = EntityTrainer.Settings().bits

        @Option(help: "Jackknife folds for the second stage.")
        var folds = EntityTrainer.Settings().folds

        @Option(help: "Seed of the document shuffle.")
        var seed = EntityTrainer.Settings().seed

        func validate() throws {
            guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
            guard (10...26).contains(bits) else { throw ValidationError("--bits must be in 10...26") }
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        }

        func run() throws {
            let log: (String) -> Void = TrainingLog().callAsFunction
            let documents = try LabeledDocument.readCoNLL(try read(train), file: train)
            guard !documents.isEmpty else { throw EntityTrainerError.noTrainingData(file: train) }
            func optional(_ name: String) throws -> String? {
                guard let geo else { return nil }
                let path = (geo as NSString).appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: path) ? try read(path) : nil
            }
            let sources = EntityLexicon.Sources(clusters: try read(clusters), gazetteer: try optional("gazetteer.tsv"),
                                                admin1: try optional("admin1.tsv"), demonyms: try optional("demonyms.tsv"))
            let lexicon = try EntityLexicon.compile(sources)
            log("read \(documents.count) documents; lexicon \(lexicon.description)")
            var settings = EntityTrainer.Settings()
            settings.epochs = epochs
            settings.bits = bits
            settings.folds = folds
            settings.seed = seed
            let model = EntityTrainer(settings: settings).train(documents, lexicon: lexicon, log: log)
            let bytes = model.encoded()
            try Data(bytes).write(to: URL(fileURLWithPath: output))
            log("wrote \(output) (\(bytes.count) bytes)")
            if let dev {
                let devDocuments = try LabeledDocument.readCoNLL(try read(dev), file: dev)
                let scores = EntityTrainer.evaluate(model, documents: devDocuments)
                print("first stage on \(dev):\n\(scores.first)")
                print("both stages on \(dev):\n\(scores.second)")
            }
        }

        private func read(_ path: String) throws -> String {
            try readTrainingFile(path)
        }
    }

    /// `sitrep train ner-speed`: times the entity stage on plain text (a benchmark).
    struct NERSpeed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner-speed",
            abstract: "Time sentence splitting, tokenization and entity tagging on the texts of a JSON-lines file.",
            shouldDisplay: false
        )

        @Argument(help: "JSON lines with a \"text\" (and optional \"title\") field, e.g. shared/data/corpus/news.jsonl.")
        var file: String

        @Option(help: "Documents to read (0: all).")
        var limit = 0

        @Option(help: "Passes over the documents.")
        var repeats = 1

        func run() throws {
            let clock = ContinuousClock()
            let loadStart = clock.now
            let model = try EntityStage.sharedModel.get()
            let loadTime = clock.now - loadStart
            var texts: [String] = []
            var skipped = 0
            let content = try String(contentsOfFile: file, encoding: .utf8)
            for line in content.split(separator: "\n") where limit == 0 || texts.count < limit {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard let text = object?["text"] as? String else { skipped += 1; continue }
                texts.append(text)
            }
            if skipped > 0 { print("skipped \(skipped) lines without a \"text\" string") }
            let sentences = SentenceStage(), tokens = TokenStage(), entities = EntityStage(model: model)
            var tokenCount = 0, mentionCount = 0
            // CPU time of this thread, so other processes on a busy machine do not count.
            var textTime = 0.0, tagTime = 0.0
            for _ in 0..<repeats {
                for (index, text) in texts.enumerated() {
                    var doc = Document(id: "\(index)", input: .cleanText(text))
                    doc.setArticle(text: text, article: Article(), paragraphs: [])
                    let t0 = threadCPUTime()
                    try sentences.process(&doc)
                    try tokens.process(&doc)
                    let t1 = threadCPUTime()
                    try entities.process(&doc)
                    let t2 = threadCPUTime()
                    textTime += t1 - t0
                    tagTime += t2 - t1
                    tokenCount += doc.tokens.count
                    mentionCount += doc.entities.count
                }
            }
            let total = textTime + tagTime
            print("model load: \(String(format: "%.3f", loadTime.seconds)) s")
            print("documents: \(texts.count) x \(repeats), tokens: \(tokenCount), mentions: \(mentionCount)")
            print("CPU time, sentences+tokens: \(String(format: "%.3f", textTime)) s; entities: \(String(format: "%.3f", tagTime)) s")
            print("tokens per CPU-second including sentence splitting and tokenization: \(Int(Double(tokenCount) / total))")
            print("tokens per CPU-second, tagger alone: \(Int(Double(tokenCount) / tagTime))")
        }
    }
}

/// CPU seconds used by the calling thread.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

