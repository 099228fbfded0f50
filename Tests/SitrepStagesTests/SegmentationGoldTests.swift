import Foundation
import Testing
import SitrepCore
@testable import SitrepStages

/// Locates the team's shared data folder beside the repository (`../shared`).
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func file(_ relative: String) -> URL? {
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func has(_ relative: String) -> Bool { file(relative) != nil }
}

/// A floor on sentence-boundary F1 over the GUM news gold, computed the way
/// `shared/eval/segment_score.py` does (sentence starts after skipping
/// whitespace, first sentence of each document excluded). The scorer itself
/// gives the README figure; this keeps a regression from landing.
@Suite struct SegmentationGoldTests {
    /// Pinned below the measured figure by a small noise margin.
    static let newsFloor = 97.0

    @Test(.enabled(if: SharedData.has("data/segmentation/gum_news.jsonl")))
    func boundaryF1OnGUMNewsStaysAboveTheFloor() throws {
        let url = try #require(SharedData.file("data/segmentation/gum_news.jsonl"))
        let splitter = SentenceSplitter()
        var gold = 0, predicted = 0, correct = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let record = try JSONReader.read(Array(line.utf8))
            let text = try #require(record["text"]?.stringValue)
            let index = CodePointIndex(text)
            let bytes = Array(text.utf8)
            func start(_ byte: Int) -> Int {
                var i = byte
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
                return index.codePoint(atByte: i)
            }
            let goldStarts = Set((record["sentences"]?.arrayValue ?? []).dropFirst().compactMap { pair -> Int? in
                guard case let .number(s, _)? = pair.arrayValue?.first else { return nil }
                return Int(s)
            })
            let predictedStarts = Set(splitter.split(text).dropFirst().map { start($0.start) })
            gold += goldStarts.count
            predicted += predictedStarts.count
            correct += goldStarts.intersection(predictedStarts).count
        }
        let precision = Double(correct) / Double(max(predicted, 1)), recall = Double(correct) / Double(max(gold, 1))
        let f1 = 100 * 2 * precision * recall / max(precision + recall, 1e-9)
        #expect(f1 >= Self.newsFloor, "boundary F1 \(f1) on gum_news")
    }
}
