/// Feed dates (RSS's RFC 822, Atom's RFC 3339, Dublin Core's W3C-DTF) as ISO 8601.
///
/// The output keeps the publisher's own UTC offset rather than converting to
/// UTC: the *local* date is the one "on Tuesday" in the article refers to,
/// and the time stage reads the `YYYY-MM-DD` prefix.
///
/// | Input | Output |
/// | --- | --- |
/// | `Tue, 03 Mar 2026 14:05:00 GMT` | `2026-03-03T14:05:00Z` |
/// | `Tue, 3 Mar 2026 14:05 +0200` | `2026-03-03T14:05:00+02:00` |
/// | `03 Mar 26 09:00:00 EST` | `2026-03-03T09:00:00-05:00` |
/// | `2026-03-03T14:05:00.123+02:00` | `2026-03-03T14:05:00+02:00` |
/// | `2026-03-03` | `2026-03-03` |
/// | `Tue, 03 Mar 2026 14:05:00 -0000` or an unknown zone name | `2026-03-03T14:05:00` (zone unknown) |
///
/// Anything else, including impossible dates (`31 Feb`), gives `nil`.
public enum FeedDate {
    /// The ISO 8601 form of an RFC 822/2822 or RFC 3339 date, or `nil`.
    public static func iso8601(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var lower = 0, upper = bytes.count
        while lower < upper && isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower && isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        let trimmed = Array(bytes[lower..<upper])
        guard let first = trimmed.first else { return nil }
        // RFC 3339 starts with a four-digit year; RFC 822 with a day name or a day number.
        if trimmed.count >= 10 && isDigit(first) && trimmed[4] == UInt8(ascii: "-") {
            return rfc3339(trimmed)
        }
        return rfc822(trimmed)
    }

    // MARK: RFC 3339 / W3C-DTF

    private static func rfc3339(_ b: [UInt8]) -> String? {
        var cursor = Cursor(bytes: b)
        guard let year = cursor.digits(4), cursor.take(UInt8(ascii: "-")),
              let month = cursor.digits(2), cursor.take(UInt8(ascii: "-")),
              let day = cursor.digits(2), isValidDate(year: year, month: month, day: day)
        else { return nil }
        if cursor.atEnd { return date(year, month, day) }
        guard cursor.takeAny([UInt8(ascii: "T"), UInt8(ascii: "t"), 0x20]),
              let hour = cursor.digits(2), cursor.take(UInt8(ascii: ":")), let minute = cursor.digits(2)
        else { return nil }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.digits(2) else { return nil }
            second = value
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                // Fractions are dropped: seconds are precision enough for news.
                guard cursor.skipDigits() > 0 else { return nil }
            }
        }
        guard isValidTime(hour: hour, minute: minute, second: second) else { return nil }
        let zone: String?
        if cursor.atEnd {
            zone = nil
        } else if cursor.takeAny([UInt8(ascii: "Z"), UInt8(ascii: "z")]) {
            zone = "Z"
        } else if let sign = cursor.takeSign() {
            guard let hours = cursor.digits(2) else { return nil }
            _ = cursor.take(UInt8(ascii: ":"))
            guard let minutes = cursor.digits(2) else { return nil }
            zone = offset(sign: sign, hours: hours, minutes: minutes)
            if zone == nil { return nil }
        } else {
            return nil
        }
        guard cursor.atEnd else { return nil }
        return dateTime(year, month, day, hour, minute, second, zone: zone)
    }

    // MARK: RFC 822 / 2822

    /// `[Day,] DD Mon YYYY HH:MM[:SS] [zone] [(comment)]`, leniently: full
    /// month and day names, one-digit days, two-digit years, missing commas
    /// and seconds are all seen in real feeds.
    private static func rfc822(_ b: [UInt8]) -> String? {
        var words = tokens(b)
        // Drop a trailing comment: `+0200 (CEST)`.
        if let last = words.last, last.first == UInt8(ascii: "(") { words.removeLast() }
        guard !words.isEmpty else { return nil }
        if let first = words.first, isASCIILetter(first[0]) { words.removeFirst() }  // the day name
        guard words.count >= 4,
              let day = number(words[0]), words[0].count <= 2,
              let month = monthNumber(words[1]),
              var year = number(words[2]), words[2].count == 2 || words[2].count == 4 || words[2].count == 3
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }  // RFC 2822 section 4.3
        if words[2].count == 3 { year += 1900 }
        guard isValidDate(year: year, month: month, day: day) else { return nil }

        // Time: HH:MM or HH:MM:SS.
        let timeParts = words[3].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard timeParts.count == 2 || timeParts.count == 3,
              timeParts.allSatisfy({ $0.count == 2 || $0.count == 1 }),
              let hour = number(Array(timeParts[0])), let minute = number(Array(timeParts[1]))
        else { return nil }
        let second = timeParts.count == 3 ? number(Array(timeParts[2])) : 0
        guard let second, isValidTime(hour: hour, minute: minute, second: second) else { return nil }

        var zone: String?
        if words.count >= 5 {
            let word = words[4]
            if let sign = word.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                let digits = Array(word.dropFirst().filter { $0 != UInt8(ascii: ":") })
                guard digits.count == 4, let hours = number(Array(digits[0..<2])), let minutes = number(Array(digits[2..<4])) else { return nil }
                // RFC 2822: -0000 means the local time is known but its zone is not.
                if !(sign == UInt8(ascii: "-") && hours == 0 && minutes == 0) {
                    zone = offset(sign: sign == UInt8(ascii: "+") ? 1 : -1, hours: hours, minutes: minutes)
                    if zone == nil { return nil }
                }
            } else {
                zone = namedZones[String(decoding: word.map(asciiUpper), as: UTF8.self)]
            }
        }
        return dateTime(year, month, day, hour, minute, second, zone: zone)
    }

    /// Zone names as feeds use them. RFC 822's own (UT, GMT, the US zones) plus
    /// unambiguous common ones. Ambiguous names (IST: India, Ireland or Israel)
    /// and RFC 822's military letters (whose signs RFC 2822 says are unreliable)
    /// are left out and give a time without an offset.
    private static let namedZones: [String: String] = [
        "UT": "Z", "UTC": "Z", "GMT": "Z", "Z": "Z",
        "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
        "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
        "WET": "+00:00", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
        "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
        "HKT": "+08:00", "SGT": "+08:00", "JST": "+09:00", "KST": "+09:00",
        "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00",
    ]

    private static let monthNames: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    /// `Mar`, `MAR`, `March`, `Sept` → 3 or 9: the first three letters decide.
    private static func monthNumber(_ word: [UInt8]) -> Int? {
        guard word.count >= 3, word.allSatisfy(isASCIILetter) else { return nil }
        let prefix = word.prefix(3).map(asciiLower)
        return monthNames.firstIndex(where: { $0.elementsEqual(prefix) }).map { $0 + 1 }
    }

    /// Words split at spaces, tabs and commas; a parenthesized comment stays one word.
    private static func tokens(_ b: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < b.count {
            let byte = b[index]
            if byte == UInt8(ascii: "(") {
                if !current.isEmpty { words.append(current) }
                words.append(Array(b[index...]))
                return words
            }
            if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") {
                if !current.isEmpty { words.append(current) }
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    // MARK: Pieces

    private static func number(_ word: [UInt8]) -> Int? {
        guard !word.isEmpty, word.count <= 4, word.allSatisfy(isDigit) else { return nil }
        return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1000, (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Second 60 is allowed: a leap second.
    private static func isValidTime(hour: Int, minute: Int, second: Int) -> Bool {
        hour < 24 && minute < 60 && second <= 60
    }

    /// `+02:00`, or `nil` for offsets no zone has (over 14 hours).
    private static func offset(sign: Int, hours: Int, minutes: Int) -> String? {
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign < 0 ? "-" : "+") + pad(hours) + ":" + pad(minutes)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        pad(year, 4) + "-" + pad(month) + "-" + pad(day)
    }

    private static func dateTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, zone: String?) -> String {
        date(year, month, day) + "T" + pad(hour) + ":" + pad(minute) + ":" + pad(second) + (zone ?? "")
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A read position in ASCII bytes.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeAny(_ choices: [UInt8]) -> Bool {
            guard index < bytes.count, choices.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// `+1` or `-1` for a sign at the cursor.
        mutating func takeSign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }

        /// Exactly `count` digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for k in index..<(index + count) {
                guard isDigit(bytes[k]) else { return nil }
                value = value * 10 + Int(bytes[k] - 0x30)
            }
            index += count
            return value
        }

        mutating func skipDigits() -> Int {
            let start = index
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            return index - start
        }
    }
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}

@inline(__always)
private func asciiUpper(_ byte: UInt8) -> UInt8 {
    byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte
}
