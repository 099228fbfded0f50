import ArgumentParser
import Foundation

/// Progress lines of the `train` commands on standard error, each stamped
/// with the seconds since training started: `[  12.3s] read 946 documents`.
struct TrainingLog {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init() { start = clock.now }

    func callAsFunction(_ line: String) {
        let stamp = String(format: "%6.1f", (clock.now - start).seconds)
        FileHandle.standardError.write(Data("[\(stamp)s] \(line)\n".utf8))
    }
}

/// Reads a training or development file as UTF-8 text; gzip-compressed files
/// (the UD training sets ship as `.conllu.gz`) are decompressed with `gzip -dc`.
///
/// - Throws: `ValidationError` naming the file when it cannot be read.
func readTrainingFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
    guard data.starts(with: [0x1F, 0x8B]) else { return String(decoding: data, as: UTF8.self) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ValidationError("gzip -dc \(path) failed with status \(process.terminationStatus)") }
    return String(decoding: output, as: UTF8.self)
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
