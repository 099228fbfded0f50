import ArgumentParser
import Foundation
import SitrepStages

/// `--syntax-model FILE`: the pipeline tags and parses with a model of the user's
/// (one trained with voters, say) instead of the shipped one. Shared by every
/// command that runs the pipeline.
struct SyntaxModelOption: ParsableArguments {
    @Option(name: .customLong("syntax-model"),
            help: ArgumentHelp("A syntax model file from `sitrep train syntax` to tag and parse with, instead of the shipped one (a model with voters is more accurate and slower; see Sources/SitrepStages/Models/README.md).", valueName: "file"))
    var path: String?

    /// The syntax stage with the model, which its version names; nil without the option.
    ///
    /// - Throws: the model's load error.
    func stage() throws -> SyntaxStage? {
        guard let path else { return nil }
        let model = try SyntaxModel.load(contentsOf: URL(fileURLWithPath: path))
        return SyntaxStage(annotator: SyntaxAnnotator(model: model), modelName: (path as NSString).lastPathComponent)
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
