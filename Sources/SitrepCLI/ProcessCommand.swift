import ArgumentParser
import Dispatch
import Foundation
import SitrepCore
import SitrepStages
import Synchronization

/// `sitrep process`: the JSON-lines filter of the interchange contract.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Filter JSON lines: one document in per line, one result out per line, in order.",
        discussion: """
        Reads JSON lines ({"id", "text"|"html"|"tokens", "clean", "url", "published"}) \
        from FILE or standard input and writes one `sitrep.document/1` object per input \
        line to standard output, in input order, as described in the interchange \
        contract. A line that cannot be read gets an object with the same id (or its \
        line number) and an "error" field; processing goes on with the next line.

        Memory stays flat whatever the input size: lines are read in chunks and at most \
        a small batch is in flight. This is the unit to run under Spark's RDD.pipe or \
        Hadoop streaming.

        Examples:
          sitrep process < articles.jsonl > results.jsonl
          sitrep process --jobs 2 articles.jsonl | jq -c '.events[]'

        \(ExitStatus.helpText)
        """
    )

    @Argument(help: "A JSON-lines file; '-' or nothing reads standard input.")
    var file: String = "-"

    @Option(name: .shortAndLong, help: "Lines processed in parallel; output order is kept. 0 means one per core.")
    var jobs: Int = 1

    @Option(help: "Longest accepted input line, in bytes; longer lines get an SR-IN-008 error.")
    var maxLineBytes: Int = 64 << 20

    @Flag(help: "Include token spans ([[start, end], ...]) in the output.")
    var tokens = false

    @Flag(help: "Include the tokens with their syntax ({start, end, text, upos, xpos, lemma, head, deprel}) in the output, in place of --tokens' spans.")
    var syntax = false

    @Option(help: ArgumentHelp("A folder of compiled CAMEO dictionaries (scripts/compile-cameo.py --out DIR) to code actors and events with, instead of the shipped ones.", valueName: "dir"))
    var cameoDictionaries: String?

    @OptionGroup var syntaxModel: SyntaxModelOption

    @Option(help: ArgumentHelp("Stop after this stage slot (\(StageSlot.allCases.map(\.rawValue).joined(separator: ", "))); later layers stay empty.", valueName: "slot"))
    var through: String?

    @Flag(help: "Exit with status 1 when any line got an error object.")
    var strict = false

    @Flag(help: "Print no summary to standard error.")
    var quiet = false

    @Flag(help: "Print on standard error where the CPU time went: each stage, input and output, and start-up.")
    var profile = false

    @Option(help: ArgumentHelp("Documents run through the pipeline together, stage by stage, which keeps each stage's code and tables in the processor's caches; 1 runs each document through every stage before the next. The output is the same.", valueName: "n"))
    var batch: Int = 32

    func validate() throws {
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more") }
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more") }
        if let through, StageSlot(rawValue: through) == nil {
            throw ValidationError("--through must be one of \(StageSlot.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let launched = processCPUSeconds()
        var pipeline: Pipeline
        do {
            let cameo = try cameoDictionaries.map { try CameoDictionary(directory: URL(fileURLWithPath: $0, isDirectory: true)) }
            let syntax = try syntaxModel.stage()
            pipeline = try StandardPipeline.make(through: through.flatMap(StageSlot.init(rawValue:)), cameo: cameo, syntax: syntax)
        } catch {
            printError("cannot build the pipeline: \(error)")
            throw ExitStatus.software.exitCode
        }
        var profiler: ProcessProfiler?
        if profile { (profiler, pipeline) = ProcessProfiler.start(pipeline, launched: launched) }
        let processor = InterchangeProcessor(pipeline: pipeline, options: .init(includeTokens: tokens, includeSyntax: syntax))
        let fd: Int32
        if file == "-" {
            fd = 0
        } else {
            guard FileManager.default.fileExists(atPath: file) else {
                printError(InputError.notFound(file).description)
                throw ExitStatus.noInput.exitCode
            }
            fd = open(file, O_RDONLY)
            guard fd >= 0 else {
                printError(InputError.unreadable(file, String(cString: strerror(errno))).description)
                throw ExitStatus.noInput.exitCode
            }
        }
        defer { if fd != 0 { close(fd) } }

        let workers = jobs == 0 ? ProcessInfo.processInfo.activeProcessorCount : jobs
        var filter = StreamingFilter(processor: processor, workers: workers, maxLineBytes: maxLineBytes, documentsPerRun: batch)
        var reader = LineReader(fd: fd, maxLineBytes: maxLineBytes)
        var output = OutputWriter()
        let started = DispatchTime.now()
        do {
            try filter.run(reader: &reader, output: &output)
            try output.flush()
        } catch is BrokenPipe {
            return
        } catch let error as InputError {
            printError(error.description)
            throw error.status.exitCode
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if !quiet {
            let rate = seconds > 0 ? Double(filter.lines) / seconds : 0
            printError(String(format: "%d lines, %d errors, %.1f s (%.0f lines/s)", filter.lines, filter.errors, seconds, rate))
        }
        if let profiler {
            FileHandle.standardError.write(Data(profiler.report(lines: filter.lines, bytes: filter.bytes, wallSeconds: seconds).utf8))
        }
        if strict && filter.errors > 0 { throw ExitStatus.someLinesFailed.exitCode }
    }
}

/// Runs an ``InterchangeProcessor`` over a line stream with N workers, keeping
/// output order and bounding memory by processing fixed-size batches.
///
/// Each worker runs a few documents at a time through the pipeline stage by
/// stage (``InterchangeProcessor/process(_:)``), which keeps each stage's
/// code and tables in the processor's caches. A batch never waits for input
/// while it holds lines, and the output is flushed whenever the input pauses:
/// a client that writes one line and waits for its answer gets it.
struct StreamingFilter {
    let processor: InterchangeProcessor
    let workers: Int
    let maxLineBytes: Int
    /// Documents a worker runs through the pipeline together.
    var documentsPerRun: Int
    /// Runs per batch for each worker: enough to hide stragglers (a worker
    /// that finishes early takes another run), few enough that memory does
    /// not grow with the input.
    var runsPerWorker = 4
    /// Lines per worker in a parallel batch at the least, however short its runs.
    var minimumLinesPerWorker = 32
    /// A batch is closed early once it holds this many input bytes.
    var maxBatchBytes = 32 << 20
    private(set) var lines = 0
    /// Input bytes read, line terminators not counted.
    private(set) var bytes = 0
    private(set) var errors = 0

    init(processor: InterchangeProcessor, workers: Int, maxLineBytes: Int, documentsPerRun: Int = 32) {
        precondition(workers >= 1 && documentsPerRun >= 1)
        self.processor = processor
        self.workers = workers
        self.maxLineBytes = maxLineBytes
        self.documentsPerRun = documentsPerRun
    }

    mutating func run(reader: inout LineReader, output: inout OutputWriter) throws {
        var batch: [(LineReader.Line, Int)] = []
        var batchBytes = 0
        // One worker takes one run of documents at a time.
        let batchLines = workers == 1 ? documentsPerRun : workers * max(minimumLinesPerWorker, runsPerWorker * documentsPerRun)
        var done = false
        while !done {
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            var inputPaused = false
            while batch.count < batchLines && batchBytes < maxBatchBytes {
                // Never wait for more input while holding lines: a writer that
                // pauses (a client over a pipe) gets its answers first.
                if !batch.isEmpty && !reader.hasBufferedLine() { inputPaused = true; break }
                guard let line = try reader.readLine() else { done = true; break }
                lines += 1
                if case let .text(text) = line { batchBytes += text.count; bytes += text.count }
                batch.append((line, lines))
            }
            if batch.isEmpty { break }
            let results = workers == 1
                ? Self.process(batch[...], processor: processor, maxLineBytes: maxLineBytes)
                : processConcurrently(batch)
            for result in results {
                if result.errorCode != nil { errors += 1 }
                try output.writeLine(result.bytes)
            }
            // The writer may be waiting for these answers before it sends more.
            if inputPaused || !reader.hasBufferedLine() { try output.flush() }
        }
    }

    /// The outputs of `lines`, run through the pipeline together.
    private static func process(_ lines: ArraySlice<(LineReader.Line, Int)>, processor: InterchangeProcessor, maxLineBytes: Int) -> [InterchangeProcessor.Output] {
        processor.process(lines.map { line, number in
            switch line {
            case let .text(bytes):
                return processor.prepare(line: bytes, lineNumber: number)
            case let .oversized(count):
                return .refused(processor.failure(id: nil, line: number, .lineTooLong(bytes: count, limit: maxLineBytes)))
            }
        })
    }

    /// Workers take the next unprocessed run of lines from a shared counter,
    /// so one long article does not hold up the lines dealt to the same worker.
    private func processConcurrently(_ batch: [(LineReader.Line, Int)]) -> [InterchangeProcessor.Output] {
        let slots = ResultSlots(count: batch.count)
        let next = Atomic<Int>(0)
        let processor = self.processor
        let limit = maxLineBytes
        // Runs no longer than an even share, so that every worker gets one.
        let run = max(1, min(documentsPerRun, batch.count / workers))
        DispatchQueue.concurrentPerform(iterations: min(workers, batch.count)) { _ in
            while true {
                let start = next.add(run, ordering: .relaxed).oldValue
                guard start < batch.count else { break }
                let end = min(start + run, batch.count)
                for (offset, output) in Self.process(batch[start..<end], processor: processor, maxLineBytes: limit).enumerated() {
                    slots.store(output, at: start + offset)
                }
            }
        }
        return slots.results()
    }
}

/// Fixed slots that worker threads fill by index; each index is written by
/// exactly one worker, and all are read only after `concurrentPerform` returns.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<InterchangeProcessor.Output?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    func store(_ output: InterchangeProcessor.Output, at index: Int) { storage[index] = output }
    func results() -> [InterchangeProcessor.Output] { storage.map { $0! } }
}
