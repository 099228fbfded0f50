import SitrepCore

/// The `quantities` stage: numbers in digits and words with what they count.
///
/// For each sentence, at each token, ``QuantityParser`` tries to read, in order:
///
/// 1. an approximator (`some`, `about`, `more than`, `at least`, ...: sets `approximate`);
/// 2. a currency symbol (`$`, `€`, `£`: sets `unit`);
/// 3. the number: digits with thousands commas and a decimal point (`12,000`, `3.5`),
///    a number word (`three`, `twenty-five`), `a`/`an` before a scale (`a dozen`), a
///    vague multiple (`dozens`, `hundreds`, `tens of thousands`: approximate);
/// 4. scale words (`2 billion`, `two dozen`);
/// 5. a unit or currency word (`40 percent`, `15 kilometres`, `500 million euros`).
///
/// The span covers steps 1-5. What is counted (`of`) is read after the span: the
/// noun after `of` (`tens of thousands of protesters`), after `in`/`for` or right
/// after a sum of money (`$2 billion in aid`, `a $1.2 billion loan`), a casualty
/// participle (`35 killed`), or the head noun within three words, with a casualty
/// participle that follows it (`12 protesters wounded`).
///
/// Not quantities (by convention, see `Evaluation/quotes/README.md`): years
/// (4-digit numbers from 1800 to 2100 without a comma, unless money), days of the month, clock times
/// and durations (`2 a.m.`, `48 hours`, which the `times` layer owns), numbers inside
/// names (`Resolution 2231`: a number after a capitalized word mid-sentence), and the
/// word `one` alone.
///
/// Then each quantity is tied to the event it describes, when the events layer has
/// one of a matching kind (``QuantityEventLinker``: a casualty count on an attack);
/// `of` keeps the participle ("killed", "protesters wounded") for it.
///
/// - Complexity: O(n) in the tokens of the document.
public struct QuantityStage: Stage {
    /// `"quantities"`.
    public let name = "quantities"
    /// Bump whenever the output can change.
    public let version = "rules.v2"
    /// Sentences and tokens.
    public let requires: Set<Layer> = [.sentences, .tokens]
    /// ``SitrepCore/Document/quantities``.
    public let provides: Set<Layer> = [.quantities]

    /// Creates the stage; its word lists are compiled once per process.
    public init() {}

    /// Replaces ``SitrepCore/Document/quantities`` with the quantities of `doc`, sorted by start.
    ///
    /// - Throws: nothing; a document without tokens gets no quantities.
    public func process(_ doc: inout Document) throws {
        guard !doc.tokens.isEmpty else {
            doc.quantities = []
            return
        }
        let words = TokenWords(doc, paragraphs: false)
        // Words of a time expression ("$20 billion last year") count nothing.
        let inTime = doc.times.isEmpty ? [] : doc.tokensCovered(by: doc.times.map(\.span))
        let parser = QuantityParser(words: words, lexicon: .shared, inTime: inTime)
        var result: [Quantity] = []
        for range in words.sentences where !range.isEmpty {
            var t = range.lowerBound
            while t < range.upperBound {
                if parser.mayStart(t), let (quantity, next) = parser.parse(at: t, sentence: range) {
                    result.append(quantity)
                    t = next
                } else {
                    t += 1
                }
            }
        }
        QuantityEventLinker.shared.link(&result, events: doc.events)
        doc.quantities = result
    }
}

/// The compiled tables of `Resources/QuantityWords.swift` and `Resources/QuantityUnits.swift`,
/// built once per process.
final class QuantityLexicon: Sendable {
    let numberWords = WordMap(QuantityWordData.numberWords)
    let scales = WordMap(QuantityWordData.scales)
    let vagueMultiples = WordMap(QuantityWordData.vagueMultiples)
    let vagueFactors = WordMap(QuantityWordData.vagueFactors)
    let pluralScales = WordMap(QuantityWordData.pluralScales)
    let approximators = WordSet(QuantityWordData.approximators)
    let currencySymbols = WordMap(QuantityUnitData.currencySymbols)
    let units = WordMap(QuantityUnitData.units)
    let timeUnits = WordSet(QuantityUnitData.timeUnits)
    let months = WordSet(QuantityUnitData.months)
    let countedNouns = WordSet(QuantityUnitData.countedNouns)
    let casualtyParticiples = WordSet(QuantityUnitData.casualtyParticiples)
    let stopWords = WordSet(QuantityUnitData.stopWords)
    let ofDeterminers = WordSet(QuantityUnitData.ofDeterminers)
    let one = WordKey.of("one")
    let a = WordKey.of("a")
    let an = WordKey.of("an")
    let of = WordKey.of("of")
    let inWord = WordKey.of("in")
    let forWord = WordKey.of("for")
    let per = WordKey.of(QuantityUnitData.perCent.0)
    let cent = WordKey.of(QuantityUnitData.perCent.1)

    /// Every word that can start a quantity (approximators, number words, vague
    /// multiples, `a`/`an`/`one`, currency symbols): one look-up rejects most tokens.
    let starters: WordTable

    static let shared = QuantityLexicon()

    init() {
        var keys: [UInt64] = ["a", "an", "one"].map { WordKey.of($0) }
        keys += WordSet.entries(QuantityWordData.approximators).map { WordKey.of($0.split(separator: " ")[0]) }
        for list in [QuantityWordData.numberWords, QuantityWordData.vagueMultiples, QuantityWordData.vagueFactors] {
            keys += list.map { WordKey.of($0.0) }
        }
        keys += QuantityUnitData.currencySymbols.map { WordKey.of($0.0) }
        starters = WordTable(keys.map { ($0, 0) })
    }
}

/// Reads one quantity at a token (see ``QuantityStage``).
struct QuantityParser {
    let words: TokenWords
    let lexicon: QuantityLexicon
    /// Per token, whether a time expression covers it (empty without a times layer):
    /// such a word is never what a quantity counts.
    var inTime: [Bool] = []

    /// Whether a quantity can start at token `t`: a digit, or a word of ``QuantityLexicon/starters``.
    @inline(__always)
    func mayStart(_ t: Int) -> Bool {
        words.shapes[t].contains(.digit) || lexicon.starters.payload(words.keys[t]) >= 0 || isHyphenatedWord(t)
    }

    /// A lower- or capitalized word with a hyphen ("twenty-five"), checked only for number words.
    private func isHyphenatedWord(_ t: Int) -> Bool {
        let s = words.starts[t], e = words.ends[t]
        guard e - s >= 7 else { return false }
        // Only the tens (twenty ... ninety) start a hyphenated number word.
        switch words.bytes[s] | 0x20 {
        case 0x74, 0x66, 0x73, 0x65, 0x6E: break   // t f s e n
        default: return false
        }
        for i in s..<e where words.bytes[i] == 0x2D { return lexicon.numberWords[WordKey.of(words.bytes, s, i)] != nil }
        return false
    }

    /// The quantity starting at token `t` and the token after it, or nil.
    func parse(at t: Int, sentence: Range<Int>) -> (Quantity, Int)? {
        let end = sentence.upperBound
        var k = t
        var approximate = false
        let approximatorLength = lexicon.approximators.match(words.keys, at: k, limit: end)
        if approximatorLength > 0 { approximate = true; k += approximatorLength }
        var unit: String?
        if k < end, words.shapes[k].contains(.symbol), let code = lexicon.currencySymbols[words.keys[k]] { unit = code; k += 1 }
        guard k < end else { return nil }
        let numberStart = k
        guard var value = number(at: &k, end: end, approximate: &approximate) else { return nil }
        // Scales: "2 billion", "two dozen".
        while k < end, let scale = lexicon.scales[words.keys[k]] { value *= scale; k += 1 }
        let isDigits = words.shapes[numberStart].contains(.digit)
        if isExcluded(numberStart: numberStart, numberEnd: k, sentence: sentence, approximated: approximatorLength > 0, currency: unit != nil, isDigits: isDigits, value: value) {
            return nil
        }
        // Units after the number.
        if k < end, let code = lexicon.units[words.keys[k]] {
            unit = code; k += 1
        } else if k + 1 < end && words.keys[k] == lexicon.per && words.keys[k + 1] == lexicon.cent {
            unit = "percent"; k += 2
        }
        let span = TextSpan(start: words.starts[t], end: words.ends[k - 1])
        let of = counted(after: k, end: end, money: unit.map { $0.count == 3 && $0 == $0.uppercased() } ?? false, measured: unit != nil)
        return (Quantity(span: span, value: value, approximate: approximate, unit: unit, of: of), k)
    }

    /// The value of the number at `k` (advancing `k` past it).
    private func number(at k: inout Int, end: Int, approximate: inout Bool) -> Double? {
        let key = words.keys[k]
        let shape = words.shapes[k]
        if shape.contains(.digit) {
            guard var value = digits(k) else { return nil }
            // "000" alone is the tail of a group written with spaces, never a number.
            if words.ends[k] - words.starts[k] == 3 && words.bytes[words.starts[k]] == 0x30 { return nil }
            k += 1
            // "2 000", "12 500": thousands separated by a (thin or no-break) space.
            while k < end && value < 1000 && value == value.rounded() && isDigitGroup(k) && words.starts[k] - words.ends[k - 1] <= 3 {
                value = value * 1000 + (digits(k) ?? 0)
                k += 1
            }
            return value
        }
        if let value = lexicon.numberWords[key] { k += 1; return value }
        if let value = hyphenated(k) { k += 1; return value }
        if (key == lexicon.a || key == lexicon.an || key == lexicon.one) && k + 1 < end && lexicon.scales[words.keys[k + 1]] != nil {
            k += 1
            return 1
        }
        // "tens of thousands", "hundreds of millions".
        if let factor = lexicon.vagueFactors[key], k + 2 < end, words.keys[k + 1] == lexicon.of, let scale = lexicon.pluralScales[words.keys[k + 2]] {
            k += 3
            approximate = true
            return factor * scale
        }
        if let value = lexicon.vagueMultiples[key] {
            k += 1
            approximate = true
            return value
        }
        return nil
    }

    /// `12,000`, `3.5`, `1,200`: digits with thousands commas and one decimal point.
    private func digits(_ t: Int) -> Double? {
        var value = 0.0
        var fraction = 0.0
        var scale = 1.0
        var afterPoint = false
        for i in words.starts[t]..<words.ends[t] {
            let c = words.bytes[i]
            if c >= 0x30 && c <= 0x39 {
                if afterPoint { scale /= 10; fraction += Double(c - 0x30) * scale } else { value = value * 10 + Double(c - 0x30) }
            } else if c == 0x2C && !afterPoint {
                continue
            } else if c == 0x2E && !afterPoint {
                afterPoint = true
            } else {
                return nil
            }
        }
        return value + fraction
    }

    /// Exactly three ASCII digits.
    private func isDigitGroup(_ t: Int) -> Bool {
        guard words.ends[t] - words.starts[t] == 3 else { return false }
        return (words.starts[t]..<words.ends[t]).allSatisfy { words.bytes[$0] >= 0x30 && words.bytes[$0] <= 0x39 }
    }

    /// `twenty-five`: the sum of two number words.
    private func hyphenated(_ t: Int) -> Double? {
        let s = words.starts[t], e = words.ends[t]
        guard let dash = (s..<e).first(where: { words.bytes[$0] == 0x2D }) else { return nil }
        guard let tens = lexicon.numberWords[WordKey.of(words.bytes, s, dash)], tens >= 20,
              let ones = lexicon.numberWords[WordKey.of(words.bytes, dash + 1, e)], ones < 10 else { return nil }
        return tens + ones
    }

    /// Years, days of the month, durations and clock times, numbers in names, `one`.
    private func isExcluded(numberStart: Int, numberEnd: Int, sentence: Range<Int>, approximated: Bool, currency: Bool, isDigits: Bool, value: Double) -> Bool {
        let next = numberEnd < sentence.upperBound ? words.keys[numberEnd] : nil
        if let next, lexicon.timeUnits.contains(next) { return true }
        if let next, lexicon.months.contains(next) && isDigits { return true }
        guard isDigits else { return false }
        if numberStart > sentence.lowerBound {
            let previous = numberStart - 1
            if lexicon.months.contains(words.keys[previous]) { return true }
            if !approximated && !currency && words.shapes[previous].contains(.capitalized) && previous > sentence.lowerBound { return true }
        }
        // A year, even after an approximator ("over 1985", "since about 1990"); money is not one.
        let length = words.ends[numberStart] - words.starts[numberStart]
        if !currency && length == 4 && value >= 1800 && value <= 2100 && value == value.rounded() { return true }
        return false
    }

    /// What the quantity counts, read after token `k`.
    private func counted(after k: Int, end: Int, money: Bool, measured: Bool) -> String? {
        guard k < end else { return nil }
        let key = words.keys[k]
        if key == lexicon.of {
            var j = k + 1
            while j < end && lexicon.ofDeterminers.contains(words.keys[j]) { j += 1 }
            return head(from: j, end: end, fallbackToFirst: true)
        }
        if money {
            if (key == lexicon.inWord || key == lexicon.forWord) && k + 1 < end && isLowerWord(k + 1) && !isTimeWord(k + 1) { return word(k + 1) }
            if isLowerWord(k) && !lexicon.stopWords.contains(key) && !isTimeWord(k) { return word(k) }
            return nil
        }
        if measured { return nil }
        if lexicon.casualtyParticiples.contains(key) { return word(k) }
        return head(from: k, end: end, fallbackToFirst: false)
    }

    /// The head noun within three words from `j`, with a casualty participle after it.
    private func head(from j: Int, end: Int, fallbackToFirst: Bool) -> String? {
        var t = j
        var first: Int?
        while t < end && t < j + 3 {
            guard isLowerWord(t), !lexicon.stopWords.contains(words.keys[t]) else { break }
            // A time word is passed over, never the head ("148 current members").
            if isTimeWord(t) { t += 1; continue }
            if first == nil { first = t }
            let length = words.ends[t] - words.starts[t]
            if lexicon.countedNouns.contains(words.keys[t]) || (length > 3 && words.bytes[words.ends[t] - 1] == 0x73) {
                // "food parcels": the last noun of a compound is the head.
                if t + 1 < end && isLowerWord(t + 1) && !isTimeWord(t + 1) && !lexicon.stopWords.contains(words.keys[t + 1])
                    && !lexicon.casualtyParticiples.contains(words.keys[t + 1]) && isPlural(t + 1) {
                    t += 1
                    continue
                }
                if t + 1 < end && lexicon.casualtyParticiples.contains(words.keys[t + 1]) {
                    return word(t) + " " + word(t + 1)
                }
                return word(t)
            }
            t += 1
        }
        return fallbackToFirst ? first.map(word) : nil
    }

    private func isLowerWord(_ t: Int) -> Bool { words.shapes[t].contains(.lowercase) }

    /// A word of a time expression ("last year", "per month", "current").
    private func isTimeWord(_ t: Int) -> Bool { t < inTime.count && inTime[t] }

    private func isPlural(_ t: Int) -> Bool {
        lexicon.countedNouns.contains(words.keys[t]) || (words.ends[t] - words.starts[t] > 3 && words.bytes[words.ends[t] - 1] == 0x73)
    }

    private func word(_ t: Int) -> String {
        String(decoding: words.bytes[words.starts[t]..<words.ends[t]], as: UTF8.self).lowercased()
    }
}
