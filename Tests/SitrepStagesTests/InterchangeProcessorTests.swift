import Testing
import SitrepCore
@testable import SitrepStages

/// A stage that fails on the document with id "bad" and marks the others.
private struct PickyStage: Stage {
    let name = "picky"
    let version = "test.v1"
    let requires: Set<Layer> = [.article]
    let provides: Set<Layer> = [.times]
    func process(_ doc: inout Document) throws {
        if doc.id == "bad" { throw PipelineError.stageFailed(stage: name, document: doc.id, reason: "refused") }
        doc.times = [TimeExpression(span: TextSpan(start: 0, end: 4), type: .date, value: "2020")]
    }
}

@Suite struct InterchangeProcessorTests {
    /// Lines run together, stage by stage, give the bytes that each line
    /// gives alone: refused lines, a stage failure and good documents alike.
    @Test func aBatchGivesEachLinesOwnOutput() throws {
        let processor = InterchangeProcessor(pipeline: try Pipeline([ExtractStage(), PickyStage()]))
        let lines = [
            #"{"id":"a","text":"2020 was a year.","clean":true}"#,
            "not json",
            #"{"id":"bad","text":"Nothing here.","clean":true}"#,
            "",
            #"{"id":"c","text":"2020 again.","clean":true,"published":"2021-02-03"}"#,
        ].map { Array($0.utf8) }
        let alone = lines.enumerated().map { processor.process(line: $1, lineNumber: $0 + 1) }
        let together = processor.process(lines.enumerated().map { processor.prepare(line: $1, lineNumber: $0 + 1) })
        #expect(together.map(\.bytes) == alone.map(\.bytes))
        #expect(together.map(\.errorCode) == [nil, "SR-IN-002", "SR-PIPE-001", "SR-IN-010", nil])
        let last = try JSONReader.read(together[4].bytes)
        #expect(last["times"]?.arrayValue?.count == 1)
        let failed = try JSONReader.read(together[2].bytes)
        #expect(failed["error"]?["message"]?.stringValue?.contains("refused") == true)
    }
}
