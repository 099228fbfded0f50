import Testing
import SitrepCore
@testable import SitrepStages

@Suite struct InterchangeProcessorTests {
    /// A run of lines through the whole pipeline, stage by stage, gives every
    /// line the bytes it gets alone, refusals included and in place.
    @Test func aRunOfLinesGivesWhatEachLineGivesAlone() throws {
        let processor = InterchangeProcessor(pipeline: try StandardPipeline.make(), options: .init(includeTokens: true, includeSyntax: true))
        let lines: [[UInt8]] = [
            Array(#"{"id":"a","text":"Turkish jets struck militant positions in northern Iraq on Tuesday, the defence ministry said.","published":"2024-03-05","clean":true}"#.utf8),
            Array("   ".utf8),
            Array(#"{"id":"b","text":"Baghdad summoned the Turkish ambassador on Wednesday."#.utf8),
            [0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D],
            Array(#"{"id":3,"text":"Police in Ankara detained 35 protesters, a spokesman told Reuters.","clean":true}"#.utf8),
            Array(#"{"id":"d","text":"","clean":true}"#.utf8),
        ]
        let numbered = lines.enumerated().map { (line: $1, number: $0 + 1) }
        let batch = processor.process(lines: numbered)
        let alone = numbered.map { processor.process(line: $0.line, lineNumber: $0.number) }
        #expect(batch.count == lines.count)
        for (together, single) in zip(batch, alone) {
            #expect(together.bytes == single.bytes)
            #expect(together.errorCode == single.errorCode)
        }
        #expect(batch.map { $0.errorCode == nil } == [true, false, false, false, true, alone[5].errorCode == nil])
        let first = String(decoding: batch[0].bytes, as: UTF8.self)
        #expect(first.contains("\"events\"") && first.contains("\"upos\""))
    }
}
