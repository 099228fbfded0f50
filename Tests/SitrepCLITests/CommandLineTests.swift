import Foundation
import Testing
import SitrepCore

/// Runs the built `sitrep` executable, as a user would.
struct SitrepRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The `sitrep` binary next to the test executable (both in `.build/<config>`).
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sitrep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return "sitrep"
    }()

    /// Runs `sitrep` (or `executable`, such as a wrapper that runs it) with the arguments.
    static func run(_ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:], executable: String? = nil) throws -> SitrepRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Feed and drain concurrently so a large input or output cannot deadlock.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return SitrepRun(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }
}

/// Runs blocking work (a child process, a wait) on a thread of its own and
/// awaits it. Swift concurrency runs every test and every in-process server on
/// a pool of one thread per core: on a two-core machine two tests blocked in
/// `waitUntilExit` would leave an in-process server (the API and browser tests)
/// no thread to answer on. Assertions stay in the caller, on the test's task.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Time and memory budgets of the process-spawning tests, scaled for
/// instrumented builds: `scripts/sanitize.sh` sets `SITREP_TEST_BUDGET_SCALE`
/// (AddressSanitizer runs code several times slower and adds shadow memory;
/// ThreadSanitizer more), so that a sanitizer run reports the sanitizer's
/// findings rather than the budgets of an uninstrumented build.
enum TestBudget {
    static let scale: Double = ProcessInfo.processInfo.environment["SITREP_TEST_BUDGET_SCALE"].flatMap(Double.init).map { max($0, 1) } ?? 1

    /// A budget in seconds or kilobytes, scaled.
    static func scaled(_ budget: Double) -> Double { budget * scale }

    /// A test's time limit of `minutes`, scaled.
    static func minutes(_ minutes: Int) -> TimeLimitTrait.Duration { .minutes(Int((Double(minutes) * scale).rounded(.up))) }
}

extension SitrepRun {
    /// ``run(_:stdin:environment:executable:)`` off the concurrency pool.
    static func runAsync(_ arguments: [String], stdin: [UInt8] = [], executable: String? = nil) async throws -> SitrepRun {
        try await offThePool { try run(arguments, stdin: stdin, executable: executable) }
    }
}

/// Reads a pipe to its end on a background thread.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// The folder of this test process's scratch files, removed when the process
/// exits, so that the files and databases the tests write do not pile up in the
/// temporary directory.
let testScratch: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-tests-\(getpid())")) }
    return folder
}()

/// A new unique path in ``testScratch`` (nothing is created).
func scratchPath(_ prefix: String = "sitrep-", suffix: String = "") -> String {
    testScratch.appendingPathComponent("\(prefix)\(UUID().uuidString)\(suffix)").path
}

/// A new empty folder in ``testScratch``.
func temporaryFolder() throws -> URL {
    let folder = URL(fileURLWithPath: scratchPath())
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

func temporaryFile(_ bytes: [UInt8], suffix: String = ".txt") -> String {
    let path = scratchPath(suffix: suffix)
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

@Suite(.serialized) struct CommandLineTests {
    @Test func analyzeRunsOnTheBuiltInSample() throws {
        let run = try SitrepRun.run(["analyze"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("SITREP"))
        #expect(run.stdout.contains("TEXT"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when piped")
        let colored = try SitrepRun.run(["analyze", "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}["))
    }

    @Test func analyzeJSONFollowsTheInterchangeShape() throws {
        let run = try SitrepRun.run(["analyze", "--format", "json"])
        #expect(run.status == 0)
        let value = try JSONReader.read(Array(run.stdout.utf8))
        #expect(value["schema"] == .string("sitrep.document/1"))
        let text = value["article"]?["text"]?.stringValue ?? ""
        #expect(!text.isEmpty)
        let sentences = value["sentences"]?.arrayValue ?? []
        #expect(sentences.count > 5)
        // Offsets are code points into article.text.
        let scalars = Array(text.unicodeScalars)
        for sentence in sentences {
            guard case let .number(start, _)? = sentence["start"], case let .number(end, _)? = sentence["end"] else {
                Issue.record("sentence without offsets"); continue
            }
            #expect(start < end && Int(end) <= scalars.count)
            #expect(!scalars[Int(start)].properties.isWhitespace)
        }
        // The syntax extension: every token with its tags, lemma and a head inside
        // the array; one root per sentence.
        let tokens = value["tokens"]?.arrayValue ?? []
        #expect(tokens.count > 100)
        var roots = 0
        for token in tokens {
            #expect(token["upos"]?.stringValue?.isEmpty == false)
            #expect(token["xpos"]?.stringValue?.isEmpty == false)
            #expect(token["lemma"]?.stringValue?.isEmpty == false)
            switch token["head"] {
            case .null?: roots += 1; #expect(token["deprel"] == .string("root"))
            case let .number(head, _)?: #expect(head >= 0 && Int(head) < tokens.count)
            default: Issue.record("token without a head field")
            }
        }
        #expect(roots == sentences.count)
        #expect(tokens.contains { $0["lemma"] == .string("strike") || $0["lemma"] == .string("say") })
    }

    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0xFE, 0x20], "not valid UTF-8"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00], "binary"),
        ([], "empty"),
        ([0x20, 0x0A, 0x0A], "empty"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip"),
        ([0xFF, 0xFE, 0x41, 0x00], "UTF-16"),
    ] as [([UInt8], String)])
    func unusableInputGetsAClearErrorAndStatus65(bytes: [UInt8], message: String) throws {
        let path = temporaryFile(bytes)
        defer { unlink(path) }
        let run = try SitrepRun.run(["analyze", path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("sitrep: "))
        #expect(run.stderr.contains(message))
        #expect(run.stdout.isEmpty)
    }

    @Test func parseKeepsTheGivenWordsAndTakesAnotherModel() throws {
        let conllu = "# text = Ruritania expelled two diplomats.\n1\tRuritania\t_\t_\t_\t_\t_\t_\t_\t_\n2\texpelled\t_\t_\t_\t_\t_\t_\t_\t_\n3\ttwo\t_\t_\t_\t_\t_\t_\t_\t_\n4\tdiplomats\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let path = temporaryFile(Array(conllu.utf8), suffix: ".conllu")
        defer { unlink(path) }
        // The accurate shipped model by default, the fast one by name.
        for model in [[], ["--model", "fast"]] {
            let run = try SitrepRun.run(["parse", "--conllu", path] + model)
            #expect(run.status == 0, "\(run.stderr)")
            let rows = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            #expect(rows.map { String($0[1]) } == ["Ruritania", "expelled", "two", "diplomats", "."])
            #expect(rows.filter { $0[6] == "0" }.map { String($0[1]) } == ["expelled"])
            #expect(rows[1][2] == "expel" && rows[1][3] == "VERB" && rows[3][7] == "obj")
            #expect(rows[3][9] == "SpaceAfter=No")
        }

        let damaged = temporaryFile(Array("SXM1 not a model".utf8), suffix: ".bin")
        defer { unlink(damaged) }
        let refused = try SitrepRun.run(["parse", "--conllu", path, "--model", damaged])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("syntax model \(damaged) cannot be read"))
        #expect(refused.stdout.isEmpty)
    }

    @Test func trainsAModelWithVotersAndParsesWithIt() throws {
        let conllu = "1\tRebels\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tseized\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n4\ttown\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        let data = temporaryFile(Array(String(repeating: conllu, count: 3).utf8), suffix: ".conllu")
        defer { unlink(data) }
        let model = NSTemporaryDirectory() + "voters-\(UUID().uuidString).bin"
        defer { unlink(model) }
        let small = ["--folds", "0", "--tag-epochs", "2", "--parse-epochs", "2", "--tag-bits", "12", "--action-bits", "12", "--label-bits", "12"]
        let trained = try SitrepRun.run(["train", "syntax", "--train", data, "--output", model, "--voter", "1x1:rtl", "--voter", "2x1"] + small)
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stderr.contains("voter 2/2: beam 2"))
        for extra in [[], ["--no-voters"]] {
            let run = try SitrepRun.run(["parse", "--conllu", data, "--model", model] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let rows = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
            #expect(rows.count == 15)
            #expect(rows.filter { $0[6] == "0" }.count == 3, "one root a sentence")
        }
    }

    @Test func processTakesAnotherSyntaxModel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = root.appendingPathComponent("Sources/SitrepStages/Models/syntax-ud.bin").path
        let line = Array("{\"id\":\"a\",\"text\":\"Ruritania expelled two diplomats.\",\"clean\":true}\n".utf8)
        let run = try SitrepRun.run(["process", "--quiet", "--syntax", "--syntax-model", model], stdin: line)
        #expect(run.status == 0)
        #expect(run.stdout.contains("perceptron-archybrid.v13+syntax-ud.bin"), "the model file is named in the stage's version")
        #expect(run.stdout.contains("\"deprel\":\"obj\""))

        // The shipped models by name: the accurate one is named in the version, the fast
        // one is the pipeline's own.
        let accurate = try SitrepRun.run(["process", "--quiet", "--syntax", "--syntax-model", "accurate"], stdin: line)
        #expect(accurate.status == 0, "\(accurate.stderr)")
        #expect(accurate.stdout.contains("perceptron-archybrid.v13+syntax-ud-voters.bin"))
        #expect(accurate.stdout.contains("\"deprel\":\"obj\""))
        let fast = try SitrepRun.run(["process", "--quiet", "--syntax", "--syntax-model", "fast"], stdin: line)
        #expect(fast.status == 0, "\(fast.stderr)")
        #expect(fast.stdout.contains("perceptron-archybrid.v13\""))

        let damaged = temporaryFile(Array("SXM1 not a model".utf8), suffix: ".bin")
        defer { unlink(damaged) }
        let refused = try SitrepRun.run(["process", "--quiet", "--syntax-model", damaged], stdin: line)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("syntax model \(damaged) cannot be read"))
        #expect(refused.stdout.isEmpty)

        // `analyze` takes the same option.
        let analyzed = try SitrepRun.run(["analyze", "--format", "json", "--syntax-model", model])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(analyzed.stdout.contains("perceptron-archybrid.v13+syntax-ud.bin"))
        let analyzeRefused = try SitrepRun.run(["analyze", "--syntax-model", damaged])
        #expect(analyzeRefused.status != 0)
        #expect(analyzeRefused.stderr.contains("syntax model \(damaged) cannot be read"))

        // So do the commands that store: a model that cannot be read stops them
        // before anything is stored or served.
        let input = temporaryFile(line, suffix: ".jsonl")
        defer { unlink(input) }
        let database = NSTemporaryDirectory() + "syntax-model-\(UUID().uuidString).db"
        defer { unlink(database) }
        let ingested = try SitrepRun.run(["ingest", "--database", database, "--syntax-model", model, input])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(ingested.stderr.contains("stored 1"), "\(ingested.stderr)")
        for command in [["ingest", "--database", database, input], ["serve", "--database", database, "--port", "0"]] {
            let refusedStore = try SitrepRun.run(command + ["--syntax-model", damaged])
            #expect(refusedStore.status != 0, "\(command[0])")
            #expect(refusedStore.stderr.contains("syntax model \(damaged) cannot be read"), "\(command[0]): \(refusedStore.stderr)")
        }
    }

    @Test func missingFileIsStatus66() throws {
        let run = try SitrepRun.run(["analyze", "/nonexistent/story.txt"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no such file"))
    }

    @Test func inputOverTheSizeLimitIsRefused() throws {
        let path = temporaryFile(Array(String(repeating: "word ", count: 3000).utf8))
        defer { unlink(path) }
        let run = try SitrepRun.run(["analyze", path, "--max-bytes", "10000"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("larger than 10000 bytes"))
    }

    /// The acceptance case of the foundation issue: a 100 MB page on one line.
    @Test func aHundredMegabyteSingleLineIsRefusedClearly() throws {
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
        for i in stride(from: 7, to: line.count, by: 8) { line[i] = 0x20 }
        let path = temporaryFile(line)
        defer { unlink(path) }
        let run = try SitrepRun.run(["analyze", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("larger than \(64 << 20) bytes"))
        #expect(run.stderr.contains("--max-bytes"))
        // Through the filter, the same line is one per-line error and the run goes on.
        var jsonl = Array(#"{"id":"huge","clean":true,"text":""#.utf8)
        jsonl.append(contentsOf: line)
        jsonl.append(contentsOf: Array("\"}\n{\"id\":\"next\",\"text\":\"Fine.\",\"clean\":true}\n".utf8))
        let filtered = try SitrepRun.run(["process", "--quiet"], stdin: jsonl)
        #expect(filtered.status == 0)
        let lines = filtered.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("SR-IN-008") == true)
        #expect(lines.last?.contains("\"id\":\"next\"") == true)
    }

    /// libxml2 reports parse errors through handlers that print to stderr by
    /// default; the extractor silences them. Checked in a child process,
    /// because the test runner itself writes to this process's stderr.
    @Test(arguments: [
        "<p>a</b></i><table><tr><td>&bogus; &#xFFFFFFF; <x:y z=>",
        "<html><body>" + String(repeating: "<div>", count: 5000) + "<p>Deep text here.</p>",
        "<!DOCTYPE html><html><head><meta charset=\"klingon\"></head><body><p>Ruritania said so.</p><p>Unclosed <b>bold <i>italic",
    ])
    func malformedHTMLWritesNothingToStderr(page: String) throws {
        let path = temporaryFile(Array(page.utf8), suffix: ".html")
        defer { unlink(path) }
        let run = try SitrepRun.run(["extract", "--input", "html", path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "stderr got: \(run.stderr)")
    }

    /// Pages saved in a legacy charset are decoded as a browser would, by
    /// their declaration or byte order mark; scraped text must still be UTF-8.
    @Test(arguments: [
        ("windows-1252 meta", Array("<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Caf".utf8) + [0xE9]
            + Array("</title></head><body><article><p>The caf".utf8) + [0xE9] + Array(" in Strelsau reopened on Monday, its owner said, and the ".utf8)
            + [0x93] + Array("old regulars".utf8) + [0x94] + Array(" came back.</p></article></body></html>".utf8), "café in Strelsau", "“old regulars”"),
        ("ISO-8859-1 http-equiv", Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Se".utf8) + [0xF1]
            + Array("ora Garc".utf8) + [0xED] + Array("a spoke to reporters in Zenda on Tuesday about the harvest and the new road.</p></body></html>".utf8), "Señora García", nil),
        ("UTF-16LE with BOM", [0xFF, 0xFE] + Array("<html><body><p>Police in Zenda detained eleven fishermen on Monday, officials said.</p></body></html>".utf16)
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "detained eleven fishermen", nil),
    ] as [(String, [UInt8], String, String?)])
    func legacyCharsetPagesAreDecoded(name: String, page: [UInt8], expected: String, alsoExpected: String?) throws {
        let path = temporaryFile(page, suffix: ".html")
        defer { unlink(path) }
        let run = try SitrepRun.run(["extract", path])
        #expect(run.status == 0, "\(name): \(run.stderr)")
        #expect(run.stdout.contains(expected), "\(name): \(run.stdout)")
        if let alsoExpected { #expect(run.stdout.contains(alsoExpected), "\(name): \(run.stdout)") }
        // The same bytes as scraped text are refused: text has no charset declaration.
        #expect(try SitrepRun.run(["extract", "--input", "text", path]).status == 65)
    }

    /// The report shows each quote's kind and ties a death toll to its event.
    @Test func reportShowsQuoteKindsAndQuantityEvents() throws {
        let text = "Turkish jets struck militant positions in northern Iraq on Tuesday, killing 35 fighters, the defence ministry said. "
            + "\"We will respond,\" Foreign Minister Hakan Fidan told reporters.\n"
        let path = temporaryFile(Array(text.utf8))
        defer { unlink(path) }
        let run = try SitrepRun.run(["analyze", path, "--published", "2026-03-03", "--color", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("direct   Hakan Fidan"), "\(run.stdout)")
        #expect(run.stdout.contains("\"35\" of fighters  → event 19"), "\(run.stdout)")
    }

    /// A write token under 16 characters is refused before the server starts.
    @Test func shortServeTokensAreUsageErrors() throws {
        let file = temporaryFile(Array("abc\n".utf8))
        defer { unlink(file) }
        let fromFile = try SitrepRun.run(["serve", "--port", "0", "--token-file", file])
        #expect(fromFile.status == 64)
        #expect(fromFile.stderr.contains("the token in \(file) is shorter than 16 characters"))
        let fromEnvironment = try SitrepRun.run(["serve", "--port", "0"], environment: ["SITREP_TOKEN": "short"])
        #expect(fromEnvironment.status == 64)
        #expect(fromEnvironment.stderr.contains("SITREP_TOKEN is shorter than 16 characters"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try SitrepRun.run(["analyze", "--published", "yesterday"]).status == 64)
        #expect(try SitrepRun.run(["process", "--jobs", "-1"]).status == 64)
        #expect(try SitrepRun.run(["process", "--batch", "0"]).status == 64)
        for voter in ["4", "0x1", "1x9", "2x2:ltr", "x4:rtl"] {
            let run = try SitrepRun.run(["train", "syntax", "--train", "none.conllu", "--output", "none.bin", "--voter", voter])
            #expect(run.status == 64, "--voter \(voter)")
            #expect(run.stderr.contains("WIDTHxMEMBERS"))
        }
    }

    @Test func helpDocumentsExitStatuses() throws {
        for command in ["analyze", "process", "extract"] {
            let run = try SitrepRun.run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Exit status:"))
            #expect(run.stdout.contains("65  unusable input"))
        }
    }

    @Test func processWritesOneLinePerInputLineAndKeepsGoing() throws {
        let input = """
        {"id":"a","text":"Ruritania expelled two diplomats on Tuesday. The embassy said nothing.","clean":true}
        not json
        {"id":"b","html":"<p>x</p>","text":"y"}

        {"id":42,"tokens":[["Ruritania","expelled","diplomats","."]]}
        {"id":"c","text":"Officials met in Geneva.","clean":true}
        """
        var bytes = Array(input.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: [0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x0A])  // {"id":"\xFF"}
        let run = try SitrepRun.run(["process"], stdin: bytes)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        let values = try lines.map { try JSONReader.read(Array($0.utf8)) }
        #expect(values.map { $0["id"] } == [.string("a"), .number(2, text: "2"), .string("b"), .number(4, text: "4"), .number(42, text: "42"), .string("c"), .number(7, text: "7")])
        #expect(values.map { $0["error"]?["code"]?.stringValue } == [nil, "SR-IN-002", "SR-IN-007", "SR-IN-010", nil, nil, "SR-IN-001"])
        #expect(values[0]["sentences"]?.arrayValue?.count == 2)
        #expect(values[4]["article"]?["text"] == .string("Ruritania expelled diplomats ."))
        #expect(run.stderr.contains("7 lines, 4 errors"))
        let strict = try SitrepRun.run(["process", "--strict", "--quiet"], stdin: bytes)
        #expect(strict.status == 1)
        #expect(strict.stderr.isEmpty)
    }

    @Test func processInParallelKeepsInputOrder() throws {
        var input = ""
        for i in 0..<300 {
            let sentences = (0...(i % 7)).map { "Sentence \($0) of story \(i) names Ruritania." }.joined(separator: " ")
            input += "{\"id\":\"s\(i)\",\"text\":\"\(sentences)\",\"clean\":true}\n"
            if i % 50 == 0 { input += "{broken\n" }
        }
        let one = try SitrepRun.run(["process", "--jobs", "1", "--quiet"], stdin: Array(input.utf8))
        let three = try SitrepRun.run(["process", "--jobs", "3", "--quiet"], stdin: Array(input.utf8))
        #expect(one.status == 0 && three.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 306)
        #expect(one.stdout == three.stdout)
        // Documents run one at a time, or in runs of seven over three workers
        // (runs that straddle the broken lines), give the same lines.
        let single = try SitrepRun.run(["process", "--batch", "1", "--quiet"], stdin: Array(input.utf8))
        let sevens = try SitrepRun.run(["process", "--jobs", "3", "--batch", "7", "--quiet"], stdin: Array(input.utf8))
        #expect(single.stdout == one.stdout)
        #expect(sevens.stdout == one.stdout)
    }

    /// A writer that waits for each answer before it sends the next line (a
    /// client driving `sitrep process` over a pipe) gets it: a batch never
    /// waits for input that has not come, and the output is flushed when the
    /// input pauses.
    @Test(.timeLimit(TestBudget.minutes(2)), arguments: ["1", "2"])
    func answersEachLineBeforeTheNextArrives(jobs: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SitrepRun.binary)
        process.arguments = ["process", "--jobs", jobs, "--quiet"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var pending: [UInt8] = []
        for i in 0..<3 {
            input.fileHandleForWriting.write(Data("{\"id\":\"q\(i)\",\"text\":\"Police in Ruritania detained \(i + 2) fishermen.\",\"clean\":true}\n".utf8))
            while !pending.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending.append(contentsOf: chunk)
            }
            guard let newline = pending.firstIndex(of: 0x0A) else { Issue.record("no answer to line \(i)"); break }
            let line = try JSONReader.read(Array(pending[..<newline]))
            #expect(line["id"] == .string("q\(i)"))
            pending.removeSubrange(...newline)
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func profileReportsEveryStageAndLeavesTheOutputAlone() throws {
        var input = ""
        for i in 0..<40 {
            input += "{\"id\":\"p\(i)\",\"text\":\"Officials in Ruritania said on Tuesday that police detained \(i + 2) fishermen in Strelsau.\",\"clean\":true}\n"
        }
        let plain = try SitrepRun.run(["process", "--quiet"], stdin: Array(input.utf8))
        let profiled = try SitrepRun.run(["process", "--quiet", "--profile", "--jobs", "2"], stdin: Array(input.utf8))
        #expect(profiled.status == 0)
        #expect(profiled.stdout == plain.stdout)
        #expect(profiled.stderr.contains("profile: 40 lines, "), "\(profiled.stderr)")
        let rows = profiled.stderr.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let named = Set(rows.compactMap { $0.first.map(String.init) })
        for stage in StageSlot.allCases.map(\.rawValue) + ["input/output", "total"] {
            #expect(named.contains(stage), "no row for \(stage) in \(profiled.stderr)")
        }
        #expect(profiled.stderr.contains("start-up (models, dictionaries, gazetteer; not in the total)"))
        #expect(profiled.stderr.contains("start-up by stage (the first article, loading included): extract "))
        let through = try SitrepRun.run(["process", "--quiet", "--profile", "--through", "tokens"], stdin: Array(input.utf8))
        let throughNamed = Set(through.stderr.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(throughNamed.contains("tokens") && !throughNamed.contains("syntax"))
    }

    @Test func oversizedLinesGetAPerLineError() throws {
        let big = "{\"id\":\"big\",\"text\":\"" + String(repeating: "a ", count: 5000) + "\"}\n{\"id\":\"ok\",\"text\":\"Fine.\",\"clean\":true}\n"
        let run = try SitrepRun.run(["process", "--max-line-bytes", "1000", "--quiet"], stdin: Array(big.utf8))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("SR-IN-008"))
        #expect(lines[1].contains("\"error\":null"))
    }
}
