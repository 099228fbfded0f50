extension ScrapedTextExtractor {
    /// The compiled tables of ``BoilerplateCues`` and ``DateWords``, built once.
    enum Tables {
        static let slotLines = CueTable(BoilerplateCues.slotLines)
        static let slotPrefixes = CueTable(BoilerplateCues.slotPrefixes)
        static let slotSuffixes = CueTable(BoilerplateCues.slotSuffixes)
        static let pageLines = CueTable(BoilerplateCues.pageLines)
        static let pagePrefixes = CueTable(BoilerplateCues.pagePrefixes)
        static let pagePhrases = CueTable(BoilerplateCues.pagePhrases)
        static let consentPhrases = CueTable(BoilerplateCues.consentPhrases)
        static let relatedLabels = CueTable(BoilerplateCues.relatedLabels)
        static let listLabels = CueTable(BoilerplateCues.listLabels)
        static let tagLabels = CueTable(BoilerplateCues.tagLabels)
        static let tagPrefixes = CueTable(BoilerplateCues.tagPrefixes)
        static let bylinePrefixes = CueTable(BoilerplateCues.bylinePrefixes)
        static let creditPrefixes = CueTable(BoilerplateCues.creditPrefixes)
        static let publishedCues = CueTable(DateWords.publishedCues)
        static let updatedCues = CueTable(DateWords.updatedCues)

        /// Month word → month number.
        static let months: [[UInt8]: Int] = {
            var result: [[UInt8]: Int] = [:]
            for entry in CueTable(DateWords.months).entries {
                guard let space = entry.lastIndex(of: 0x20) else { continue }
                var number = 0
                for b in entry[(space + 1)...] where b >= 0x30 && b <= 0x39 { number = number * 10 + Int(b - 0x30) }
                if (1...12).contains(number) { result[Array(entry[..<space])] = number }
            }
            return result
        }()
        static let weekdays = Set(CueTable(DateWords.weekdays).entries)
        /// Words allowed in a date line besides the date: fillers and the words of the date cues.
        static let dateLineWords: Set<[UInt8]> = {
            var words = Set(CueTable(DateWords.fillers).entries)
            for entry in publishedCues.entries + updatedCues.entries {
                for word in entry.split(separator: 0x20) { words.insert(Array(word)) }
            }
            return words
        }()
    }

    /// A calendar date found in a line.
    struct FoundDate: Equatable, Sendable {
        var year: Int, month: Int, day: Int
        /// Byte offset of the date's first token in the lowered line.
        var start: Int
        /// Words of the line that are neither part of the date nor date-line
        /// words (weekdays, fillers, cue words). Zero for a pure date line.
        var otherWords: Int

        /// `YYYY-MM-DD`.
        var iso: String {
            func pad(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
    }

    private struct DateToken {
        enum Kind { case number, word, mark }
        var kind: Kind
        var start: Int
        var bytes: ArraySlice<UInt8>
        var value: Int { bytes.reduce(0) { $0 &* 10 &+ Int($1 &- 0x30) } }
    }

    /// Finds the first calendar date in a lowered line and normalizes it.
    ///
    /// Understood: `2024-06-11` (ISO, date-time too), `11/06/2024` and
    /// `11.06.2024` (day first unless the day cannot be one: `06/13/2024`;
    /// `06/11/2024` is ambiguous and refused), `June 11, 2024`, `Jun. 11th
    /// 2024`, `11 June 2024`, `11 juin 2024`, `11 de junio de 2024`,
    /// `11. Juni 2024`. A date without a year is not normalized (a dateline
    /// such as "ANKARA, June 11" gives no year).
    ///
    /// - Complexity: O(n) in the line; callers pass short lines only.
    static func findDate(in line: [UInt8]) -> FoundDate? {
        let tokens = dateTokens(line)
        func isMark(_ t: Int, _ byte: UInt8) -> Bool {
            t < tokens.count && tokens[t].kind == .mark && tokens[t].bytes.first == byte && tokens[t].bytes.count == 1
        }
        func number(_ t: Int, digits: ClosedRange<Int>) -> Int? {
            guard t < tokens.count, tokens[t].kind == .number, digits.contains(tokens[t].bytes.count) else { return nil }
            return tokens[t].value
        }
        func month(_ t: Int) -> Int? {
            guard t < tokens.count, tokens[t].kind == .word else { return nil }
            return Tables.months[Array(tokens[t].bytes)]
        }
        func isWord(_ t: Int, _ words: Set<String>) -> Bool {
            t < tokens.count && tokens[t].kind == .word && words.contains(String(decoding: tokens[t].bytes, as: UTF8.self))
        }
        let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "o", "º"]
        let linkers: Set<String> = ["de", "of", "the"]

        for t in tokens.indices {
            var date: (year: Int, month: Int, day: Int, end: Int)? = nil
            // 2024-06-11
            if let y = number(t, digits: 4...4), isMark(t + 1, 0x2D), let m = number(t + 2, digits: 1...2),
               isMark(t + 3, 0x2D), let d = number(t + 4, digits: 1...2) {
                date = (y, m, d, t + 5)
            }
            // 11/06/2024, 11.06.2024, 11-06-2024
            else if let a = number(t, digits: 1...2), t + 1 < tokens.count, tokens[t + 1].kind == .mark,
                    let sep = tokens[t + 1].bytes.first, [0x2F, 0x2E, 0x2D].contains(sep), tokens[t + 1].bytes.count == 1,
                    let b = number(t + 2, digits: 1...2), isMark(t + 3, sep), let y = number(t + 4, digits: 4...4) {
                if sep == 0x2E || a > 12 { date = (y, b, a, t + 5) }
                else if b > 12 { date = (y, a, b, t + 5) }
                // both <= 12 with a slash or hyphen: day-first and month-first pages disagree; refuse
            }
            // 11 June 2024, 11. Juni 2024, 11 de junio de 2024, 1er mars 2025
            else if let d = number(t, digits: 1...2) {
                var u = t + 1
                if isMark(u, 0x2E) { u += 1 }
                if isWord(u, ordinalSuffixes) { u += 1 }
                if isWord(u, linkers) { u += 1 }
                if let m = month(u) {
                    u += 1
                    if isMark(u, 0x2E) { u += 1 }
                    if isWord(u, linkers) { u += 1 }
                    if isMark(u, 0x2C) { u += 1 }
                    if let y = number(u, digits: 4...4) { date = (y, m, d, u + 1) }
                }
            }
            // June 11, 2024, Jun. 11th 2024
            else if let m = month(t) {
                var u = t + 1
                if isMark(u, 0x2E) { u += 1 }
                if let d = number(u, digits: 1...2) {
                    u += 1
                    if isWord(u, ordinalSuffixes) { u += 1 }
                    if isMark(u, 0x2C) { u += 1 }
                    if let y = number(u, digits: 4...4) { date = (y, m, d, u + 1) }
                }
            }
            guard let found = date, isValid(year: found.year, month: found.month, day: found.day) else { continue }
            var other = 0
            for (index, token) in tokens.enumerated() where token.kind == .word && (index < t || index >= found.end) {
                let word = Array(token.bytes)
                if Tables.months[word] == nil && !Tables.weekdays.contains(word) && !Tables.dateLineWords.contains(word) { other += 1 }
            }
            return FoundDate(year: found.year, month: found.month, day: found.day, start: tokens[t].start, otherWords: other)
        }
        return nil
    }

    /// Whether the date exists in the proleptic Gregorian calendar (years 1900–2199).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Numbers, words (letters of any script) and single punctuation marks;
    /// spaces separate tokens and are dropped.
    private static func dateTokens(_ line: [UInt8]) -> [DateToken] {
        var tokens: [DateToken] = []
        var i = 0
        let n = line.count
        while i < n {
            let b = line[i]
            if b == 0x20 { i += 1; continue }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if b >= 0x30 && b <= 0x39 {
                var j = i
                while j < n && line[j] >= 0x30 && line[j] <= 0x39 { j += 1 }
                tokens.append(DateToken(kind: .number, start: i, bytes: line[i..<j]))
                i = j
            } else if isDateLetter(line, i) {
                var j = i
                while j < n && isDateLetter(line, j) {
                    let w = line[j] >= 0xF0 ? 4 : line[j] >= 0xE0 ? 3 : line[j] >= 0xC0 ? 2 : 1
                    j = min(n, j + w)
                }
                tokens.append(DateToken(kind: .word, start: i, bytes: line[i..<j]))
                i = j
            } else {
                let j = min(n, i + width)
                tokens.append(DateToken(kind: .mark, start: i, bytes: line[i..<j]))
                i = j
            }
        }
        return tokens
    }

    /// Letters for date words: ASCII letters, `º`, and non-ASCII scalars other
    /// than Latin-1 and general punctuation (0xC2 and 0xE2 lead bytes).
    private static func isDateLetter(_ line: [UInt8], _ i: Int) -> Bool {
        let b = line[i]
        if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        if b == 0xC2 { return i + 1 < line.count && line[i + 1] == 0xBA }
        return b >= 0xC3 && b != 0xE2 && b & 0xC0 != 0x80
    }
}
