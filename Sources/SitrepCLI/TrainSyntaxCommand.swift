import ArgumentParser
import Foundation
import SitrepCore
import SitrepStages

/// `sitrep train syntax`: the tagger, parser and lemma exceptions (``SyntaxTrainer``).
///
/// Hook it into `sitrep train` by adding `TrainSyntaxCommand.self` to
/// `TrainCommand.configuration.subcommands`.
struct TrainSyntaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syntax",
        abstract: "Train the POS tagger, dependency parser and lemma exceptions from CoNLL-U files.",
        discussion: """
        Reads one or more CoNLL-U training files (plain or gzip-compressed) and writes a \
        model file. The same inputs and settings always give the same bytes. With --dev, \
        the dev file is tagged and parsed after training (never trained on) and written \
        to --dev-output for ud_score.py.

        Example (the shipped fast model, see Sources/SitrepStages/Models/README.md):
          sitrep train syntax --train ../shared/data/ud/en_ewt-ud-train.conllu.gz \\
            --train ../shared/data/ud/en_gum-ud-train.conllu.gz \\
            --clusters Sources/SitrepStages/Models/syntax-clusters.tsv \\
            --output Sources/SitrepStages/Models/syntax-ud.bin

        Voters (--voter WIDTHxMEMBERS[:rtl], repeatable) are further parsers trained \
        on the same tags and stored in the model; each word takes the head most of \
        the parsers give. More accurate, several times slower: the shipped accurate \
        model (syntax-ud-voters.bin) adds --beam 3 --members 2 --tag-members 4 \
        --voter 1x4 --voter 1x4:rtl.
        """
    )

    @Option(help: "Training data in CoNLL-U (repeatable; .gz accepted).")
    var train: [String]

    @Option(help: "Word-cluster table (TSV word, c64, c256, c1024) from scripts/word-clusters.py --lowercase; stored in the model.")
    var clusters: String?

    @Option(name: .shortAndLong, help: "Where to write the model.")
    var output: String

    @Option(help: "Development data in CoNLL-U, parsed after training (never trained on).")
    var dev: String?

    @Option(help: "Where to write the parsed --dev file.")
    var devOutput: String?

    @Option(help: "Tagger passes over the data.")
    var tagEpochs = SyntaxTrainer.Settings().tagEpochs

    @Option(help: "Parser passes over the data.")
    var parseEpochs = SyntaxTrainer.Settings().parseEpochs

    @Option(help: "Jack-knife folds for the parser's training tags (0: gold tags).")
    var folds = SyntaxTrainer.Settings().folds

    @Option(help: "log2 of the tagger's weight rows.")
    var tagBits = SyntaxTrainer.Settings().tagBits

    @Option(help: "log2 of the parser's transition weight rows.")
    var actionBits = SyntaxTrainer.Settings().actionBits

    @Option(help: "log2 of the labeller's weight rows.")
    var labelBits = SyntaxTrainer.Settings().labelBits

    @Option(help: "The parser's beam width: 1 trains a greedy parser (dynamic oracle), more a beam parser (global training); stored in the model.")
    var beam = SyntaxTrainer.Settings().beam

    @Option(help: "Parsers trained on their own shuffles and summed into one (an ensemble at the run-time cost of one).")
    var members = SyntaxTrainer.Settings().members

    @Option(help: "Taggers trained on their own shuffles and summed into one, for the model and each jack-knife fold.")
    var tagMembers = SyntaxTrainer.Settings().tagMembers

    @Option(help: ArgumentHelp("A further parser whose trees vote with the model's own, as WIDTHxMEMBERS, with `:rtl` to read sentences right to left (repeatable).", valueName: "1x4:rtl"))
    var voter: [String] = []

    @Option(help: "Seed of the shuffles and exploration.")
    var seed = SyntaxTrainer.Settings().seed

    func validate() throws {
        guard tagEpochs >= 1, parseEpochs >= 1 else { throw ValidationError("--tag-epochs and --parse-epochs must be at least 1") }
        for bits in [tagBits, actionBits, labelBits] where !(10...24).contains(bits) { throw ValidationError("table bits must be in 10...24, not \(bits)") }
        guard (1...64).contains(beam) else { throw ValidationError("--beam must be in 1...64, not \(beam)") }
        guard (1...8).contains(members) else { throw ValidationError("--members must be in 1...8, not \(members)") }
        guard (1...8).contains(tagMembers) else { throw ValidationError("--tag-members must be in 1...8, not \(tagMembers)") }
        guard folds == 0 || folds >= 2 else { throw ValidationError("--folds must be 0 or at least 2") }
        guard voter.count <= 8 else { throw ValidationError("at most 8 voters") }
        for spec in voter { _ = try Self.voterSettings(spec) }
    }

    /// A `--voter` value: `WIDTHxMEMBERS`, optionally followed by `:rtl`.
    static func voterSettings(_ spec: String) throws -> SyntaxTrainer.Voter {
        var text = Substring(spec)
        let rightToLeft = text.hasSuffix(":rtl")
        if rightToLeft { text = text.dropLast(4) }
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let members = Int(parts[1]),
              (1...64).contains(width), (1...8).contains(members) else {
            throw ValidationError("--voter must be WIDTHxMEMBERS[:rtl] with a width in 1...64 and 1...8 members, not \(spec)")
        }
        return SyntaxTrainer.Voter(beam: width, members: members, rightToLeft: rightToLeft)
    }

    func run() throws {
        let log: (String) -> Void = TrainingLog().callAsFunction
        var sentences: [SyntaxSentence] = []
        for path in train {
            let read = try CoNLLU.read(try readTrainingFile(path), file: path)
            log("read \(read.count) sentences from \(path)")
            sentences += read
        }
        var settings = SyntaxTrainer.Settings()
        settings.tagEpochs = tagEpochs
        settings.parseEpochs = parseEpochs
        settings.folds = folds
        settings.seed = seed
        settings.tagBits = tagBits
        settings.actionBits = actionBits
        settings.labelBits = labelBits
        settings.beam = beam
        settings.members = members
        settings.tagMembers = tagMembers
        settings.voters = try voter.map(Self.voterSettings)
        var clusterTable: [UInt64: UInt64] = [:]
        if let clusters {
            clusterTable = try SyntaxClusters.table(tsv: try readTrainingFile(clusters))
            log("read \(clusterTable.count) word clusters from \(clusters)")
        }
        let clusterName = clusters.map { ($0 as NSString).lastPathComponent } ?? "none"
        let info = "sitrep train syntax; train: \(train.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")); clusters: \(clusterName); tag epochs \(tagEpochs), parse epochs \(parseEpochs), folds \(folds), bits \(tagBits)/\(actionBits)/\(labelBits), seed \(seed), beam \(beam), members \(members)"
            // Settings added later are named only when used, so that a rebuild of a model
            // trained before them gives the same bytes.
            + (tagMembers > 1 ? ", tag members \(tagMembers)" : "")
            + (voter.isEmpty ? "" : ", voters \(voter.joined(separator: " "))")
        let model = SyntaxTrainer.train(sentences, clusters: clusterTable, settings: settings, info: info, log: log)
        try model.data().write(to: URL(fileURLWithPath: output))
        log("wrote \(output)")
        if let dev {
            var devSentences = try CoNLLU.read(try readTrainingFile(dev), file: dev)
            let annotator = SyntaxAnnotator(model: model)
            let clock = ContinuousClock()
            let parseStart = clock.now
            for index in devSentences.indices { annotator.annotate(&devSentences[index]) }
            let seconds = (clock.now - parseStart) / .seconds(1)
            let words = devSentences.reduce(0) { $0 + $1.count }
            log("annotated \(words) dev words in \(String(format: "%.3f", seconds)) s (\(Int(Double(words) / seconds)) words/s)")
            if let devOutput { try CoNLLU.write(devSentences).write(toFile: devOutput, atomically: true, encoding: .utf8) }
        }
    }
}
