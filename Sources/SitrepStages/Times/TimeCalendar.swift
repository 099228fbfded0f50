/// Proleptic Gregorian calendar arithmetic for TIMEX3 values, on plain integers.

/// A calendar day.
struct CalendarDay: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `ordinal` days after 1970-01-01.
    init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO weekday, Monday = 1 ... Sunday = 7.
    var weekday: Int {
        let w = (ordinal + 3) % 7   // 1970-01-01 was a Thursday (4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = CalendarDay(ordinal: ordinal - weekday + 4)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    var quarter: Int { (month - 1) / 3 + 1 }

    func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// Adds calendar months, clamping the day to the target month's length.
    func adding(months: Int) -> CalendarDay {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.daysIn(month: m, year: y)))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM-DD`.
    var value: String { TimexDigits.day(year, month, day) ?? "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `YYYY-Www`.
    var weekValue: String { let w = isoWeek; return "\(pad(w.year, 4))-W\(pad(w.week, 2))" }

    /// Parses the `YYYY-MM-DD` start of a document date.
    static func parse(_ text: String?) -> CalendarDay? {
        guard var text else { return nil }
        // Read in place: the stage parses the document date once per article.
        return text.withUTF8 { b -> CalendarDay? in
            guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ from: Int, _ to: Int) -> Int? {
                var value = 0
                for i in from..<to {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    value = value * 10 + Int(b[i] - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10) else { return nil }
            guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
            return CalendarDay(year: year, month: month, day: day)
        }
    }
}

/// Zero-padded decimal.
@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    if n >= 0 && n < 10_000 && width <= 4 { return TimexDigits.padded(n, width) }
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// TIMEX3 values of zero-padded numbers, written byte by byte into one small
/// string: the same text as `pad` and string interpolation build, without
/// the integer-to-text conversions, padding strings and concatenations. Each
/// takes numbers of at most four digits (years 0-9999) and leaves any other
/// to the general code.
enum TimexDigits {
    /// `n` (0-9999) zero-padded to `width` (at most 4) digits.
    @inline(__always)
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = n >= 1000 ? 4 : n >= 100 ? 3 : n >= 10 ? 2 : 1
        let length = max(digits, width)
        return String(unsafeUninitializedCapacity: length) { buffer in
            write(n, length, buffer, 0)
            return length
        }
    }

    /// `YYYY-MM-DD`, or nil when a field does not fit its width.
    @inline(__always)
    static func day(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard year >= 0, year < 10_000, month >= 0, month < 100, day >= 0, day < 100 else { return nil }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            write(year, 4, buffer, 0); buffer[4] = 0x2D
            write(month, 2, buffer, 5); buffer[7] = 0x2D
            write(day, 2, buffer, 8)
            return 10
        }
    }

    /// `YYYY-MM`, or nil when a field does not fit its width.
    @inline(__always)
    static func month(_ year: Int, _ month: Int) -> String? {
        guard year >= 0, year < 10_000, month >= 0, month < 100 else { return nil }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            write(year, 4, buffer, 0); buffer[4] = 0x2D
            write(month, 2, buffer, 5)
            return 7
        }
    }

    /// A whole duration: `prefix` ("P" or "PT"), `n` (0-99,999,999) and the
    /// unit's `suffix` ("Y", "M", "DE"), as `"P\(n)Y"` writes it; nil when
    /// `n` is out of range or the value would not fit a small string.
    @inline(__always)
    static func duration(_ prefix: StaticString, _ n: Int, _ suffix: StaticString) -> String? {
        guard n >= 0, n < 100_000_000 else { return nil }
        var digits = 1, rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let length = prefix.utf8CodeUnitCount + digits + suffix.utf8CodeUnitCount
        guard length <= 15 else { return nil }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for k in 0..<prefix.utf8CodeUnitCount { buffer[at] = prefix.utf8Start[k]; at += 1 }
            write(n, digits, buffer, at); at += digits
            for k in 0..<suffix.utf8CodeUnitCount { buffer[at] = suffix.utf8Start[k]; at += 1 }
            return length
        }
    }

    /// The `width` last decimal digits of `n` at `buffer[at...]`.
    @inline(__always)
    private static func write(_ n: Int, _ width: Int, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        var v = n
        var i = at + width - 1
        while i >= at {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
    }
}

/// A resolved date at some granularity: what "the last date mentioned" is, for
/// "the day before" and "a year earlier".
struct TimeRef: Sendable, Equatable {
    enum Granularity: Int, Sendable, Comparable {
        case day, week, month, quarter, year
        static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rawValue < rhs.rawValue }
    }
    /// A representative day: the day itself, or the first day of the period.
    var day: CalendarDay
    var granularity: Granularity

    /// The TIMEX3 value at this granularity.
    var value: String {
        switch granularity {
        case .day: day.value
        case .week: day.weekValue
        case .month: TimexDigits.month(day.year, day.month) ?? "\(pad(day.year, 4))-\(pad(day.month, 2))"
        case .quarter: "\(pad(day.year, 4))-Q\(day.quarter)"
        case .year: pad(day.year, 4)
        }
    }

    /// Shifts by `count` units, keeping this granularity where it is finer
    /// than a year and the unit is coarse ("a year earlier" than the third
    /// quarter is the third quarter of the year before).
    func shifted(by count: Int, unit: TimeUnit) -> TimeRef? {
        switch unit {
        case .day: return TimeRef(day: day.adding(days: count), granularity: .day)
        case .week, .weekend: return TimeRef(day: day.adding(days: 7 * count), granularity: granularity == .day ? .day : .week)
        case .fortnight: return TimeRef(day: day.adding(days: 14 * count), granularity: .week)
        case .month: return TimeRef(day: day.adding(months: count), granularity: granularity == .day ? .day : .month)
        case .quarter: return TimeRef(day: day.adding(months: 3 * count), granularity: .quarter)
        case .year:
            let keep: Granularity = (granularity == .quarter || granularity == .month) ? granularity : .year
            return TimeRef(day: day.adding(months: 12 * count), granularity: keep)
        case .decade: return TimeRef(day: day.adding(months: 120 * count), granularity: .year)
        case .century: return TimeRef(day: day.adding(months: 1200 * count), granularity: .year)
        case .second, .minute, .hour, .millennium: return nil
        }
    }
}
