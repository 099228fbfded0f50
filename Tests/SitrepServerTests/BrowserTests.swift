import Foundation
import Testing

/// The web UI driven by headless Chromium, as a person would use it
/// (scripts/browser-test.py): the dashboard's charts and list, a click from an
/// event to its article, the highlighted annotations at their offsets, a
/// hostile title rendered as text, no console errors, screenshots of each view.
///
/// Runs where Chromium, chromedriver and selenium are installed (`.ci/run`
/// installs them); elsewhere it is skipped.
@Suite("Web UI in a browser", .serialized)
struct BrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/browser-test.py").path

    /// Whether the browser and its driver are installed.
    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        return (try? run(["python3", "-c", "import selenium"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("dashboard, event, article and a hostile title, clicked through in Chromium", .enabled(if: BrowserTests.available))
    func clickThrough() async throws {
        let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-browser-screenshots").path
        try await APITests.withServer { base in
            // On a thread of its own: blocking one of the concurrency pool's few
            // threads while the in-process server needs them starves it.
            let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(status: Int32, output: String), any Error>) in
                Thread { continuation.resume(with: Result { try Self.run(["python3", Self.script, "--url", base.absoluteString, "--screenshots", screenshots]) }) }.start()
            }
            #expect(result.status == 0, "browser test failed:\n\(result.output)")
            #expect(result.output.contains("\"ok\": true"), "\(result.output.suffix(2000))")
        }
        let shots = try FileManager.default.contentsOfDirectory(atPath: screenshots).filter { $0.hasSuffix(".png") }
        #expect(shots.count >= 3, "screenshots: \(shots)")
    }
}
