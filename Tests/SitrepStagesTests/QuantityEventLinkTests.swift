import SitrepCore
import Testing
@testable import SitrepStages

/// Quantities tied to the events they describe, over hand-built events (so
/// the rules are tested apart from the event coder's accuracy), and once
/// through the whole pipeline.
@Suite("Quantity → event links")
struct QuantityEventLinkTests {
    static let text = "Jets struck the camp on Tuesday, killing 35 fighters, the ministry said, and police arrested 12 protesters. The index rose 40 percent."

    static func span(_ needle: String, after: Int = 0) -> TextSpan {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        for start in after...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
            return TextSpan(start: start, end: start + pattern.count)
        }
        preconditionFailure("'\(needle)' is not in the text")
    }

    static let firstSentence = TextSpan(start: 0, end: span("protesters.").end)

    static func event(_ code: String, trigger: String, target: String? = nil) -> Event {
        Event(code: code, source: nil, target: target.map { EventArgument(span: span($0), code: "---CVL") },
              span: firstSentence, confidence: 0.8, evidence: [span(trigger)])
    }

    static func quantity(_ text: String, of: String?, unit: String? = nil) -> Quantity {
        Quantity(span: span(text), value: 1, unit: unit, of: of)
    }

    @Test("a casualty count goes to the violent event of its clause, never to the statement that reports it")
    func casualties() {
        let linker = QuantityEventLinker()
        var quantities = [Self.quantity("35", of: "fighters killed")]
        linker.link(&quantities, events: [Self.event("010", trigger: "said"), Self.event("190", trigger: "struck")])
        #expect(quantities[0].event == 1)
        quantities[0].event = nil
        linker.link(&quantities, events: [Self.event("010", trigger: "said")])
        #expect(quantities[0].event == nil)
    }

    @Test("a quantity inside an event's target belongs to that event, whatever it counts")
    func insideAnArgument() {
        var quantities = [Self.quantity("12 protesters", of: "protesters")]
        QuantityEventLinker().link(&quantities, events: [Self.event("190", trigger: "struck"), Self.event("173", trigger: "arrested", target: "12 protesters")])
        #expect(quantities[0].event == 1)
    }

    @Test("among matching events the nearest trigger wins; unclassed quantities and events elsewhere are left alone")
    func nearestAndUnclassed() {
        let linker = QuantityEventLinker()
        var quantities = [Self.quantity("35", of: "fighters"), Self.quantity("40 percent", of: nil, unit: "percent")]
        let outside = Event(code: "190", source: nil, target: nil, span: Self.span("The index rose 40 percent."), confidence: 0.5, evidence: [Self.span("rose")])
        linker.link(&quantities, events: [Self.event("190", trigger: "struck"), Self.event("183", trigger: "killing"), outside])
        #expect(quantities[0].event == 1)
        #expect(quantities[1].event == nil)
        #expect(linker.countedClass(Quantity(span: Self.span("35"), value: 2e9, unit: "USD")) != nil)
        #expect(linker.countedClass(Quantity(span: Self.span("35"), value: 5, of: "points")) == nil)
    }

    @Test("through the pipeline, the death toll is linked to the attack and written as an index into events")
    func pipeline() throws {
        let pipeline = try StandardPipeline.make()
        let doc = try pipeline.run(.cleanText("Turkish jets struck militant positions in northern Iraq on Tuesday, killing 35 fighters, the defence ministry said. The index rose 40 percent."),
                                   id: "q", published: "2026-03-03")
        let toll = try #require(doc.quantities.first { $0.of?.contains("fighters") == true })
        let index = try #require(toll.event)
        #expect(doc.events[index].code.hasPrefix("19") || doc.events[index].code.hasPrefix("18"))
        #expect(doc.quantities.first { $0.unit == "percent" }?.event == nil)
        let json = String(decoding: InterchangeEncoder.encode(doc, id: .string("q")), as: UTF8.self)
        #expect(json.contains("\"event\":\(index)"))
    }
}
