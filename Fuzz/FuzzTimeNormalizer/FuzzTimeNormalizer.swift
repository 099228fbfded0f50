import FuzzSupport
import SitrepCore
import SitrepStages

/// Fuzzes the time normalizer: the input's first line is the document date
/// (any string: `CalendarDay.parse` must cope) and the rest is clean article
/// text, run through sentences, tokens and `TimeStage` — the TIMEX3 rules,
/// relative-date arithmetic, tense, weekday checks and durations. Checks that
/// time spans are sorted, in bounds and on scalar boundaries, and that every
/// full `YYYY-MM-DD` value names a day that exists.

private let pipeline: Pipeline = {
    do {
        return try Pipeline([ExtractStage(), SentenceStage(), TokenStage(), TimeStage()])
    } catch {
        preconditionFailure("the fuzz pipeline does not chain: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 32 << 10) else { return -1 }
    let (head, rest) = FuzzInput.splitFirstLine(bytes)
    let published = head.isEmpty ? nil : String(decoding: head, as: UTF8.self)
    let text = String(decoding: rest, as: UTF8.self)
    let doc: Document
    do {
        doc = try pipeline.run(.cleanText(text), id: "fuzz", published: published)
    } catch {
        preconditionFailure("the times pipeline threw: \(error)")
    }
    FuzzCheck.spans(doc.times.map(\.span), in: doc.text, ordered: true, "times")
    for time in doc.times {
        if let value = time.value { checkDay(value) }
    }
    return 0
}

/// Traps when `value` is exactly `YYYY-MM-DD` with a month or day that does not exist.
private func checkDay(_ value: String) {
    let b = Array(value.utf8)
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return }
    func number(_ range: Range<Int>) -> Int? {
        var n = 0
        for k in range {
            guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
            n = n * 10 + Int(b[k] - 0x30)
        }
        return n
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return }
    precondition((1...12).contains(month), "time value \(value) has month \(month)")
    precondition(day >= 1 && day <= DocumentDate.daysIn(month: month, year: year), "time value \(value) names a day that does not exist")
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzTimeNormalizer {
    static func main() {
        FuzzDriver.run(fuzzTimeNormalizer)
    }
}
