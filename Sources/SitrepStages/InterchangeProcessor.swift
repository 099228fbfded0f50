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

    /// A line read and checked: a request to run, or the output of a line
    /// refused before processing.
    public enum Prepared: Sendable {
        case request(InterchangeRequest, lineNumber: Int)
        case refused(Output)
    }

    /// Processes one line (without its terminator); `lineNumber` is 1-based.
    public func process(line: [UInt8], lineNumber: Int) -> Output {
        switch prepare(line: line, lineNumber: lineNumber) {
        case let .request(request, lineNumber): process(request, lineNumber: lineNumber)
        case let .refused(output): output
        }
    }

    /// Reads and checks one line (without its terminator); `lineNumber` is 1-based.
    public func prepare(line: [UInt8], lineNumber: Int) -> Prepared {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return .refused(failure(id: nil, line: lineNumber, .emptyLine))
        }
        do {
            return .request(try InterchangeRequest.parse(line: line), lineNumber: lineNumber)
        } catch {
            // The reader validates UTF-8 inside strings as it copies them, so a
            // good line is scanned once; only a refused line is checked whole,
            // to report bad encoding (SR-IN-001) rather than bad JSON.
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                return .refused(failure(id: nil, line: lineNumber, .invalidUTF8(at: bad)))
            }
            // Echo the id when the object could be read but was refused.
            let id = (try? JSONReader.read(line))?["id"]
            return .refused(failure(id: id, line: lineNumber, error))
        }
    }

    /// Processes a validated request.
    public func process(_ request: InterchangeRequest, lineNumber: Int) -> Output {
        finish(Result { try pipeline.run(request.input, id: request.idString, published: request.published, url: request.url) },
               request, lineNumber: lineNumber)
    }

    /// Processes prepared lines together, stage by stage
    /// (``Pipeline/process(batch:)``): the outputs, in order, are those that
    /// ``process(line:lineNumber:)`` gives each line, in less time.
    public func process(_ lines: [Prepared]) -> [Output] {
        var docs: [Document] = []
        docs.reserveCapacity(lines.count)
        for case let .request(request, _) in lines {
            docs.append(Document(id: request.idString, input: request.input, published: request.published, url: request.url))
        }
        let failures = pipeline.process(batch: &docs)
        var outputs: [Output] = []
        outputs.reserveCapacity(lines.count)
        var next = 0
        for line in lines {
            switch line {
            case let .refused(output):
                outputs.append(output)
            case let .request(request, lineNumber):
                outputs.append(finish(failures[next].map { .failure($0) } ?? .success(docs[next]), request, lineNumber: lineNumber))
                next += 1
            }
        }
        return outputs
    }

    /// The output line of a request: the document encoded, or the stage failure.
    private func finish(_ result: Result<Document, any Error>, _ request: InterchangeRequest, lineNumber: Int) -> Output {
        switch result {
        case var .success(doc):
            if let note = request.dateNote { doc.report("SR-IN-009", .warning, note, stage: "input") }
            return Output(bytes: InterchangeEncoder.encode(doc, id: request.id, options: options), errorCode: nil)
        case let .failure(error):
            let code = "SR-PIPE-001"
            return Output(bytes: InterchangeEncoder.encodeError(id: request.id, line: lineNumber, code: code, message: "\(error)"), errorCode: code)
        }
    }

    /// The output for a line refused before processing.
    public func failure(id: JSONValue?, line: Int, _ error: InterchangeError) -> Output {
        Output(bytes: InterchangeEncoder.encodeError(id: id, line: line, code: error.code, message: error.message), errorCode: error.code)
    }
}
