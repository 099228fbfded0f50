import ArgumentParser
import Foundation
import SitrepCore
import SitrepStages

/// `sitrep parse`: POS tags, lemmas and dependency trees as CoNLL-U.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tag and parse text or CoNLL-U, writing CoNLL-U.",
        discussion: """
        With --conllu, keeps the sentences and words (FORM) of the input and replaces \
        UPOS, XPOS, LEMMA, HEAD and DEPREL with predictions (other columns are kept), \
        e.g. for ud_score.py. Otherwise FILE is raw text: it is split into sentences and \
        tokens by Sitrep's text stages first.

        Examples:
          sitrep parse --conllu ../shared/data/ud/en_ewt-ud-dev.conllu > pred.conllu
          sitrep parse article.txt
        """
    )

    @Argument(help: "Input file, or '-' for standard input.")
    var file: String

    @Flag(help: "The input is CoNLL-U with the tokenization to keep.")
    var conllu = false

    @Option(help: ArgumentHelp("The model: 'accurate' (the default: a beam parser with two voters), 'fast' (the greedy parser the pipeline uses by default, about four times faster), or a model file from `sitrep train syntax`.", valueName: "model"))
    var model = SyntaxStage.ShippedModel.accurate.rawValue

    @Option(help: "The parser's beam width (default: the model's own, the width it was trained with).")
    var beam: Int?

    @Flag(help: "Parse with the model's own parser alone, without its voters: faster, less accurate.")
    var noVoters = false

    @Flag(help: "Report words per second of tagging, lemmatizing and parsing (CoNLL-U input) on standard error.")
    var time = false

    func validate() throws {
        if let beam, !(1...64).contains(beam) { throw ValidationError("--beam must be in 1...64, not \(beam)") }
    }

    func run() throws {
        var annotator = try SyntaxModelChoice.annotator(model).0
        if beam != nil || noVoters { annotator = SyntaxAnnotator(model: annotator.model, beam: beam, voters: !noVoters) }
        let text = try InputReader.readText(path: file, maxBytes: 1 << 30)
        var out = OutputWriter()
        if conllu {
            var sentences = try CoNLLU.read(text, file: file)
            func cpuSeconds() -> Double { Double(threadCPUNanoseconds()) * 1e-9 }
            let start = cpuSeconds()
            for index in sentences.indices { annotator.annotate(&sentences[index]) }
            if time {
                let seconds = cpuSeconds() - start
                let words = sentences.reduce(0) { $0 + $1.count }
                printError("\(words) words in \(String(format: "%.3f", seconds)) CPU-s: \(Int(Double(words) / seconds)) words per CPU-second (tag + lemma + parse + strings, one thread)")
                let coreStart = cpuSeconds()
                var checksum = 0
                for sent in sentences { checksum &+= annotator.tagAndParse(forms: sent.forms).heads.count }
                let coreSeconds = cpuSeconds() - coreStart
                printError("\(checksum) words in \(String(format: "%.3f", coreSeconds)) CPU-s: \(Int(Double(checksum) / coreSeconds)) words per CPU-second (tag + parse only)")
            }
            try out.write(CoNLLU.write(sentences))
        } else {
            var doc = Document(id: file, input: .cleanText(text))
            let pipeline = try Pipeline([ExtractStage(), SentenceStage(), TokenStage(), SyntaxStage(annotator: annotator)])
            try pipeline.process(&doc)
            var sentences: [SyntaxSentence] = []
            var start = 0
            for (number, span) in doc.sentences.enumerated() {
                var end = start
                while end < doc.tokens.count && span.contains(doc.tokens[end].span) { end += 1 }
                guard end > start else { continue }
                var sent = SyntaxSentence(forms: (start..<end).map { String(doc.text(of: doc.tokens[$0].span)) })
                sent.comments = ["# sent_id = \(number + 1)", "# text = \(doc.text(of: span).replacingOccurrences(of: "\n", with: " "))"]
                for (offset, index) in (start..<end).enumerated() {
                    guard let syntax = doc.syntax(of: index) else { continue }
                    sent.upos[offset] = syntax.upos; sent.xpos[offset] = syntax.xpos; sent.lemmas[offset] = syntax.lemma
                    sent.heads[offset] = syntax.head; sent.deprels[offset] = syntax.deprel
                    if index + 1 < doc.tokens.count && doc.tokens[index + 1].span.start == doc.tokens[index].span.end { sent.misc[offset] = "SpaceAfter=No" }
                }
                sentences.append(sent)
                start = end
            }
            try out.write(CoNLLU.write(sentences))
        }
        try out.flush()
    }
}
