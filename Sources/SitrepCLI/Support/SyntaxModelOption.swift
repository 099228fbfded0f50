import ArgumentParser
import Foundation
import SitrepStages

/// `--syntax-model fast|accurate|FILE`: the pipeline tags and parses with the shipped
/// accurate model, or a model of the user's, instead of the shipped fast one. Shared by
/// every command that runs the pipeline.
struct SyntaxModelOption: ParsableArguments {
    @Option(name: .customLong("syntax-model"),
            help: ArgumentHelp("The syntax model to tag and parse with: 'fast' (the default: the greedy parser the event rules were written for), 'accurate' (a beam parser with two voters: LAS 83 rather than 82, a third of the speed), or a model file from `sitrep train syntax` (see Sources/SitrepStages/Models/README.md).", valueName: "model"))
    var choice: String?

    /// The syntax stage with the model, which its version names; nil without the option
    /// or with `fast`.
    ///
    /// - Throws: the model's load error.
    func stage() throws -> SyntaxStage? {
        guard let choice, choice != SyntaxStage.ShippedModel.fast.rawValue else { return nil }
        let (annotator, name) = try SyntaxModelChoice.annotator(choice)
        return SyntaxStage(annotator: annotator, modelName: name)
    }

    /// ``stage()`` for commands that build the pipeline outside a `do` of their own:
    /// a model that cannot be read is reported and ends the command (status 70).
    func stageOrExit() throws -> SyntaxStage? {
        do {
            return try stage()
        } catch {
            printError("cannot build the pipeline: \(error)")
            throw ExitStatus.software.exitCode
        }
    }
}

/// A syntax model named on the command line: a shipped one (``SyntaxStage/ShippedModel``)
/// by its name, else a model file.
enum SyntaxModelChoice {
    /// The annotator of `choice` and the model's file name.
    ///
    /// - Throws: the model's load error.
    static func annotator(_ choice: String) throws -> (SyntaxAnnotator, String) {
        if let shipped = SyntaxStage.ShippedModel(rawValue: choice) {
            return (try SyntaxStage.shared(shipped), shipped.resource + "." + SyntaxStage.modelExtension)
        }
        let model = try SyntaxModel.load(contentsOf: URL(fileURLWithPath: choice), forAnnotation: true)
        return (SyntaxAnnotator(model: model), (choice as NSString).lastPathComponent)
    }
}
