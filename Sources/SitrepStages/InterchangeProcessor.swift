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
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return failure(id: nil, line: lineNumber, .emptyLine)
        }
        let request: InterchangeRequest
        do {
            request = try InterchangeRequest.parse(line: line)
        } catch {
            // The reader validates UTF-8 inside strings as it copies them, so a
            // good line is scanned once; only a refused line is checked whole,
            // to report bad encoding (SR-IN-001) rather than bad JSON.
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                return failure(id: nil, line: lineNumber, .invalidUTF8(at: bad))
            }
            // Echo the id when the object could be read but was refused.
            let id = (try? JSONReader.read(line))?["id"]
            return failure(id: id, line: lineNumber, error)
        }
        return process(request, lineNumber: lineNumber)
    }

    /// Processes a validated request.
    public func process(_ request: InterchangeRequest, lineNumber: Int) -> Output {
        do {
            var doc = try pipeline.run(request.input, id: request.idString, published: request.published, url: request.url)
            if let note = request.dateNote { doc.report("SR-IN-009", .warning, note, stage: "input") }
            return Output(bytes: InterchangeEncoder.encode(doc, id: request.id, options: options), errorCode: nil)
        } catch {
            let code = "SR-PIPE-001"
            return Output(bytes: InterchangeEncoder.encodeError(id: request.id, line: lineNumber, code: code, message: "\(error)"), errorCode: code)
        }
    }

    /// The output for a line refused before processing.
    public func failure(id: JSONValue?, line: Int, _ error: InterchangeError) -> Output {
        Output(bytes: InterchangeEncoder.encodeError(id: id, line: line, code: error.code, message: error.message), errorCode: error.code)
    }
}
