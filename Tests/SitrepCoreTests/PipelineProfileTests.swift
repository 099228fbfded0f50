import Synchronization
import Testing
@testable import SitrepCore

/// A clock that moves only when a stage says so, so totals are exact.
private final class FakeClock: Sendable {
    let now = Atomic<UInt64>(0)
    func advance(_ nanoseconds: UInt64) { now.add(nanoseconds, ordering: .relaxed) }
}

/// A stage that takes a fixed amount of fake time, or fails.
private struct TimedStage: Stage {
    let name: String
    let version = "test.v1"
    let requires: Set<Layer>
    let provides: Set<Layer>
    let clock: FakeClock
    let cost: UInt64
    var fails = false
    func process(_ doc: inout Document) throws {
        clock.advance(cost)
        if fails { throw PipelineError.stageFailed(stage: name, document: doc.id, reason: "boom") }
        if name == "extract" { doc.setArticle(text: "Officials met.", article: Article(), paragraphs: []) }
    }
}

@Suite struct PipelineProfileTests {
    /// Two stages costing 7 and 1,000 fake nanoseconds a document, and a profile on the same clock.
    static func extractAndSentences() throws -> (Pipeline, PipelineProfile) {
        let clock = FakeClock()
        let pipeline = try Pipeline([
            TimedStage(name: "extract", requires: [], provides: [.article], clock: clock, cost: 7),
            TimedStage(name: "sentences", requires: [.article], provides: [.sentences], clock: clock, cost: 1_000),
        ])
        return (pipeline, PipelineProfile(stages: pipeline.stages.map(\.name), clock: { clock.now.load(ordering: .relaxed) }))
    }

    @Test func addsEachStagesTimeOverDocuments() throws {
        let (pipeline, profile) = try Self.extractAndSentences()
        let profiled = pipeline.profiled(by: profile)
        for number in 0..<3 { _ = try profiled.run(.cleanText("x"), id: "d\(number)") }
        #expect(profile.entries == [
            .init(stage: "extract", nanoseconds: 21, documents: 3),
            .init(stage: "sentences", nanoseconds: 3_000, documents: 3),
        ])
        // The pipeline it came from stays unprofiled.
        _ = try pipeline.run(.cleanText("x"), id: "d4")
        #expect(profile.entries.map(\.documents) == [3, 3])
    }

    /// A batch reads the clock once per stage and counts the documents the
    /// stage finished.
    @Test func aBatchAddsItsDocumentsAtOnce() throws {
        let (pipeline, profile) = try Self.extractAndSentences()
        var docs = (0..<4).map { Document(id: "d\($0)", input: .cleanText("x")) }
        #expect(pipeline.profiled(by: profile).process(batch: &docs).allSatisfy { $0 == nil })
        #expect(profile.entries == [
            .init(stage: "extract", nanoseconds: 28, documents: 4),
            .init(stage: "sentences", nanoseconds: 4_000, documents: 4),
        ])
    }

    @Test func aFailingStageIsNotCounted() throws {
        let clock = FakeClock()
        let pipeline = try Pipeline([
            TimedStage(name: "extract", requires: [], provides: [.article], clock: clock, cost: 5),
            TimedStage(name: "times", requires: [], provides: [.times], clock: clock, cost: 9, fails: true),
        ])
        let profile = PipelineProfile(stages: ["extract", "times"], clock: { clock.now.load(ordering: .relaxed) })
        #expect(throws: PipelineError.self) { try pipeline.profiled(by: profile).run(.cleanText("x"), id: "d1") }
        #expect(profile.entries.map(\.documents) == [1, 0])
        #expect(profile.entries.map(\.nanoseconds) == [5, 0])
    }
}
