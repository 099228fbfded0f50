import Foundation
import Testing

/// Hostile input through `sitrep ingest --strict` into a fresh store: each gets
/// a clear message, a bounded time and memory, a non-zero exit when something
/// was refused, nothing partial in the store (`sitrep check` passes), and the
/// good input beside it stored. The README's "Hostile input" table lists the
/// same cases and what Sitrep does with each.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    /// One hostile file and what must come of it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var bytes: @Sendable () throws -> [UInt8]
        /// Articles stored from it (the good ones around the bad).
        var stored: Int
        /// Text the error message must contain; nil when nothing is refused.
        var message: String?
        /// Wall-clock bound for the run, in a debug build on a loaded machine.
        var seconds: Double = 60
        var testDescription: String { name }
    }

    static let good = #"{"id":"good","text":"Police in Strelsau detained eleven fishermen on Monday, the interior ministry said.","clean":true}"#

    static func lines(_ lines: String...) -> @Sendable () -> [UInt8] {
        let text = lines.joined(separator: "\n") + "\n"
        return { Array(text.utf8) }
    }

    static func repeated(_ unit: String, _ count: Int) -> @Sendable () -> [UInt8] {
        { Array(String(repeating: unit, count: count).utf8) }
    }

    /// A gzip member that inflates to a 300 MB WARC record, made with gzip(1).
    static func gzipBomb() throws -> [UInt8] {
        let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nWARC-Target-URI: http://bomb.test/\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: 314572800\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "{ cat; head -c 314572700 /dev/zero; } | gzip -1"]
        let input = Pipe(), output = Pipe()
        gzip.standardInput = input
        gzip.standardOutput = output
        try gzip.run()
        input.fileHandleForWriting.write(Data(header.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        return Array(data)
    }

    static let cases: [Case] = [
        Case(name: "invalid UTF-8 text file", file: "latin1.txt", bytes: { Array("Caf".utf8) + [0xE9, 0x20, 0xFF, 0xFE] + Array(" police".utf8) },
             stored: 0, message: "not valid UTF-8"),
        Case(name: "UTF-16 text file", file: "utf16.txt", bytes: { [0xFF, 0xFE] + Array("Police".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } },
             stored: 0, message: "UTF-16"),
        Case(name: "binary data", file: "image.txt", bytes: { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) } },
             stored: 0, message: "binary"),
        Case(name: "NUL byte in a text file", file: "nul.txt", bytes: { Array("Police detained".utf8) + [0] + Array(" ten men.".utf8) },
             stored: 0, message: "a NUL byte at offset 15"),
        Case(name: "NUL character in a JSON string", file: "nul.jsonl",
             bytes: lines(#"{"id":"n","text":"Police detained\u0000 ten men in Zenda.","clean":true}"#), stored: 1, message: nil),
        Case(name: "invalid UTF-8 inside one JSON line", file: "mixed.jsonl",
             bytes: { Array("{\"id\":\"bad\",\"text\":\"caf".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8) + Array((good + "\n").utf8) },
             stored: 1, message: "SR-IN-001"),
        Case(name: "a 100 MB page", file: "huge.html", bytes: { Array("<html><body><p>".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20) },
             stored: 0, message: "larger than 67108864 bytes"),
        Case(name: "100,000-deep element nesting", file: "deep.html",
             bytes: { Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Police detained ten men in Zenda on Monday.</p>"
                             + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8) },
             stored: 1, message: nil),
        Case(name: "gzip bomb in a WARC file (300 MB from 1.4 MB)", file: "bomb.warc.gz", bytes: { try gzipBomb() },
             stored: 0, message: "over the 67108864-byte limit and was skipped"),
        Case(name: "feed with an external entity (XXE)", file: "xxe.rss",
             bytes: lines(#"<?xml version="1.0"?>"#, #"<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>"#,
                          #"<rss version="2.0"><channel><title>t</title><item><title>&secret;</title><description>x</description></item></channel></rss>"#),
             stored: 0, message: "entit"),
        Case(name: "feed with billion laughs", file: "laughs.rss",
             bytes: lines(#"<?xml version="1.0"?>"#, "<!DOCTYPE rss [<!ENTITY a \"ha\">"
                            + (1...9).map { "<!ENTITY \(Character(UnicodeScalar(UInt8(97 + $0)))) \"" + String(repeating: "&\(Character(UnicodeScalar(UInt8(96 + $0))));", count: 10) + "\">" }.joined() + "]>",
                          #"<rss version="2.0"><channel><title>t</title><item><title>&j;</title></item></channel></rss>"#),
             stored: 0, message: "entit"),
        Case(name: "JSON nested 100,000 arrays deep", file: "deep.jsonl",
             bytes: { Array(("{\"id\":\"d\",\"text\":\"x\",\"extra\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n" + good + "\n").utf8) },
             stored: 1, message: "nesting deeper than"),
        Case(name: "JSON with a 100,000-digit number and 1e999999", file: "numbers.jsonl",
             bytes: lines(#"{"id":"big","text":"Police detained ten men in Zenda.","clean":true,"n":"# + String(repeating: "9", count: 100_000) + "}",
                          #"{"id":"inf","text":"Police detained nine men in Zenda.","clean":true,"n":1e999999}"#),
             stored: 2, message: nil),
        Case(name: "truncated JSON line", file: "cut.jsonl", bytes: lines(#"{"id":"cut","text":"Police det"#, good), stored: 1, message: "SR-IN-002"),
        Case(name: "\"Mr. \" 100,000 times (one sentence of honorifics)", file: "mr.txt", bytes: repeated("Mr. ", 100_000), stored: 1, message: nil),
        Case(name: "\"Ankara said \" 20,000 times (20,000 actors in one sentence)", file: "said.txt", bytes: repeated("Ankara said ", 20_000), stored: 1, message: nil),
        Case(name: "200,000 quotation marks", file: "quotes.txt", bytes: repeated("\"", 200_000), stored: 1, message: nil),
        Case(name: "100,000 nested parentheses", file: "parens.txt",
             bytes: { Array((String(repeating: "(", count: 100_000) + "said" + String(repeating: ")", count: 100_000)).utf8) }, stored: 1, message: nil),
        Case(name: "1 MB without a space", file: "nospace.txt", bytes: repeated("a", 1 << 20), stored: 1, message: nil),
        Case(name: "200,000 numbers in a comma list", file: "commas.txt", bytes: repeated("1,", 200_000), stored: 1, message: nil),
    ]

    @Test(arguments: cases)
    func hostileInput(_ hostile: Case) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(hostile.file).path
        FileManager.default.createFile(atPath: path, contents: Data(try hostile.bytes()))
        let database = folder.appendingPathComponent("store.db").path

        let started = Date()
        let run = try await offThePool { try Self.measured(["ingest", "--strict", "--database", database, path]) }
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < TestBudget.scaled(hostile.seconds), "took \(seconds) s")
        if let peak = run.peakKilobytes {
            // The loaded models take about 450 MB; the input must not add much.
            #expect(Double(peak) < TestBudget.scaled(900_000), "peak memory \(peak) kB")
        }
        if let message = hostile.message {
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        } else {
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(!run.stderr.contains("Fatal error"))

        let check = try await SitrepRun.runAsync(["check", "--database", database])
        #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout)\(check.stderr)")
        let stats = try await SitrepRun.runAsync(["stats", "--database", database, "--format", "json"])
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [[String: Any]]).first
        #expect(counts?["articles"] as? Int == hostile.stored)
    }

    /// The run, with its peak resident memory when GNU time is installed.
    struct Measured: Sendable {
        var status: Int32
        var stderr: String
        var peakKilobytes: Int?
    }

    static func measured(_ arguments: [String]) throws -> Measured {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            let run = try SitrepRun.run(arguments)
            return Measured(status: run.status, stderr: run.stderr, peakKilobytes: nil)
        }
        let run = try SitrepRun.run(["-f", "peak-kb %M"] + [SitrepRun.binary] + arguments, executable: time)
        var lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        var peak: Int? = nil
        if let last = lines.last, last.hasPrefix("peak-kb ") {
            peak = Int(last.dropFirst(8))
            lines.removeLast()
        }
        return Measured(status: run.status, stderr: lines.joined(separator: "\n"), peakKilobytes: peak)
    }
}
