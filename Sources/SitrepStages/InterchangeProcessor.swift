import SitrepCore

/// Turns one interchange input line into one output line: parse, run the
/// pipeline, encode. Every failure becomes an `error` object for that line,
/// so a batch never stops on a bad article.
///
/// It holds no mutable state: one processor serves all worker threads.
public struct InterchangeProcessor: Sendable {
    public let pipeline: Pipeline
    public var options: InterchangeEncoder.Options

    public init(pipeline: Pipeline, options: InterchangeEncoder.Options = .init()) {
        self.pipeline = pipeline
        self.options = options
    }

    /// The result of one line.
    public struct Output: Sendable {
        public var bytes: [UInt8]
        /// The stable code of the error, when the line failed.
        public var errorCode: String?
    }

    /// Processes one line (without its terminator); `lineNumber` is 1-based.
    public func process(line: [UInt8], lineNumber: Int) -> Output {
        switch request(line: line, lineNumber: lineNumber) {
        case let .failure(refused): refused.output
        case let .success(request): process(request, lineNumber: lineNumber)
        }
    }

    /// Processes consecutive lines as one batch (``Pipeline/process(_:)-([Document])``,
    /// stage by stage): the same outputs, in the same order, as ``process(line:lineNumber:)``
    /// on each line, faster because each stage stays in the caches through the batch.
    public func process(lines: [(line: [UInt8], number: Int)]) -> [Output] {
        var outputs = [Output?](repeating: nil, count: lines.count)
        var requests: [(request: InterchangeRequest, slot: Int)] = []
        var docs: [Document] = []
        for (slot, item) in lines.enumerated() {
            switch request(line: item.line, lineNumber: item.number) {
            case let .failure(refused):
                outputs[slot] = refused.output
            case let .success(request):
                requests.append((request, slot))
                docs.append(Document(id: request.idString, input: request.input, published: request.published, url: request.url))
            }
        }
        let failures = pipeline.process(&docs)
        for (k, item) in requests.enumerated() {
            outputs[item.slot] = output(docs[k], failure: failures[k], request: item.request, lineNumber: lines[item.slot].number)
        }
        return outputs.map { $0! }
    }

    /// The request on a line, or the output that refuses it.
    private func request(line: [UInt8], lineNumber: Int) -> Result<InterchangeRequest, RefusedLine> {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return .failure(RefusedLine(failure(id: nil, line: lineNumber, .emptyLine)))
        }
        let request: InterchangeRequest
        do {
            request = try InterchangeRequest.parse(line: line)
        } catch {
            // The reader validates UTF-8 inside strings as it copies them, so a
            // good line is scanned once; only a refused line is checked whole,
            // to report bad encoding (SR-IN-001) rather than bad JSON.
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                return .failure(RefusedLine(failure(id: nil, line: lineNumber, .invalidUTF8(at: bad))))
            }
            // Echo the id when the object could be read but was refused.
            let id = (try? JSONReader.read(line))?["id"]
            return .failure(RefusedLine(failure(id: id, line: lineNumber, error)))
        }
        return .success(request)
    }

    /// Processes a validated request.
    public func process(_ request: InterchangeRequest, lineNumber: Int) -> Output {
        var doc = Document(id: request.idString, input: request.input, published: request.published, url: request.url)
        var failure: PipelineError?
        do {
            try pipeline.process(&doc)
        } catch {
            failure = error as? PipelineError ?? .stageFailed(stage: "pipeline", document: doc.id, reason: "\(error)")
        }
        return output(doc, failure: failure, request: request, lineNumber: lineNumber)
    }

    /// The output line for a processed document, or for the error that stopped it.
    private func output(_ doc: Document, failure: PipelineError?, request: InterchangeRequest, lineNumber: Int) -> Output {
        if let failure {
            let code = "SR-PIPE-001"
            return Output(bytes: InterchangeEncoder.encodeError(id: request.id, line: lineNumber, code: code, message: "\(failure)"), errorCode: code)
        }
        var doc = doc
        if let note = request.dateNote { doc.report("SR-IN-009", .warning, note, stage: "input") }
        return Output(bytes: InterchangeEncoder.encode(doc, id: request.id, options: options), errorCode: nil)
    }

    /// A line refused before processing, with its error output.
    private struct RefusedLine: Error {
        let output: Output
        init(_ output: Output) { self.output = output }
    }

    /// The output for a line refused before processing.
    public func failure(id: JSONValue?, line: Int, _ error: InterchangeError) -> Output {
        Output(bytes: InterchangeEncoder.encodeError(id: id, line: line, code: error.code, message: error.message), errorCode: error.code)
    }
}
