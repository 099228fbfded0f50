import SitrepCore

/// The rules of ``TimeTagger``, one function each. Each returns the match
/// starting at token `i`, or nil; ``TimeTagger/core(at:)`` keeps the longest.
extension TimeTagger {

    // MARK: 1. Phrases (vague references, sets)

    func phrase(_ i: Int) -> TimeMatch? {
        guard toks[i].marks.contains(.startsPhrase), toks[i].infoIndex >= 0 else { return nil }
        let index = Int(toks[i].infoIndex)
        // The word's phrases, longest first, as ``TimeLexicon/phraseWords`` writes them.
        var offset = Int(lexicon.phraseWordStart[index])
        let stop = Int(lexicon.phraseWordStart[index + 1])
        var number = -1
        while offset < stop {
            let count = Int(lexicon.phraseWords[offset])
            let first = offset + 1
            offset = first + count
            number += 1
            guard i + count <= sentenceEnd else { continue }
            // The first word is the token's own: the phrases are listed by it.
            var ok = true
            for k in 1..<count where toks[i + k].hash != lexicon.phraseWords[first + k] { ok = false; break }
            guard ok else { continue }
            let p = lexicon.phrasesByInfo[index][number]
            let type = p.type
            // "a year" is a rate only after an amount, at most one word back:
            // "$5 million a year", "twice a week", "5 million tonnes a year".
            if type == .set && (toks[i].hash == k.a || toks[i].hash == k.an) {
                guard isRate(before: i) else { continue }
            }
            // "now" in "now that", "current" before a unit belongs to other rules.
            if count == 1 && p.isPresentRef && toks[i].hash != k.now, info(i + 1)?.unit != nil { continue }
            return make(i, i + count, type, p.value)
        }
        return nil
    }

    /// An amount ends at most one word before token `i`.
    func isRate(before i: Int) -> Bool {
        for k in stride(from: i - 1, through: i - 2, by: -1) where k >= sentenceStart {
            let t = toks[k]
            if lexicon.rateCues.contains(t.hash) || t.digits > 0 || (t.number != nil && t.infoIndex < 0) { return true }
        }
        return false
    }

    // MARK: 2. Explicit dates

    /// "June 12", "June 12, 2020", "12 June 2020", "the 12th of June",
    /// "June 2020", "June of 2020", "June", "2020-06-12", "6/12/2020", with an
    /// optional weekday in front ("Monday, Oct. 5").
    func explicitDate(_ i: Int) -> TimeMatch? {
        var p = i
        var weekday: Int? = nil
        if let inf = info(p), toks[p].isCapitalized, let w = inf.weekday ?? inf.weekdayAbbreviation {
            var q = p + 1
            if hash(q) == k.comma { q += 1 }
            if q < sentenceEnd, month(q) != nil || dayNumber(q) != nil && month(q + 1) != nil || hash(q) == k.the {
                weekday = w; p = q
            } else { return nil }
        }
        var mon: Int? = nil, day: Int? = nil, yr: Int? = nil
        var end = p
        if let m = month(p) {
            mon = m; end = p + 1
            if let d = dayNumber(end), year(end) == nil {
                day = d; end += 1
                var q = end
                if hash(q) == k.comma { q += 1 }
                if let y = year(q) { yr = y; end = q + 1 }
            } else if let y = year(end) {
                yr = y; end += 1
            } else if let spoken = spokenYear(end) {
                // "January nineteen ninety-seven"
                yr = spoken.year; end = spoken.end
            } else if hash(end) == k.of, let y = year(end + 1) {
                yr = y; end += 2
            } else if let d = info(end)?.deictic, info(end + 1)?.unit == .year, let dct {
                // "June last year", "January this year"
                yr = dct.year + d; end += 2
            }
        } else if let d = dayNumber(p), let m = month(p + 1) {
            day = d; mon = m; end = p + 2
            if let y = year(end) { yr = y; end += 1 }
            else if hash(end) == k.comma, let y = year(end + 1) { yr = y; end += 2 }
        } else if hash(p) == k.the, let d = dayNumber(p + 1) ?? info(p + 1)?.ordinal.flatMap({ $0 >= 1 ? $0 : nil }),
                  hash(p + 2) == k.of, let m = month(p + 3) {
            day = d; mon = m; end = p + 4
            if let y = year(end) { yr = y; end += 1 }
            else if hash(end) == k.comma, let y = year(end + 1) { yr = y; end += 2 }
        } else if weekday == nil, let numeric = numericDate(p) {
            (yr, mon, day) = (numeric.year, numeric.month, numeric.day); end = p + 1
        } else {
            return nil
        }
        guard let mon else { return nil }
        var flags: [String] = []
        // A year-less date takes the year of the sentence's explicit date, or
        // the document date's in the direction of the clause's tense.
        var resolvedYear = yr
        if resolvedYear == nil {
            if let dct {
                resolvedYear = directedYear(month: mon, day: day ?? (day == nil ? 15 : 1), dct: dct, tense: tense(around: i, end), monthOnly: day == nil)
                // "Monday, Oct. 5": prefer the neighbouring year where the weekday fits.
                if let w = weekday, let d = day, let y = resolvedYear, d <= CalendarDay.daysIn(month: mon, year: y),
                   CalendarDay(year: y, month: mon, day: d).weekday != w {
                    for other in [y - 1, y + 1] where d <= CalendarDay.daysIn(month: mon, year: other)
                        && CalendarDay(year: other, month: mon, day: d).weekday == w
                        && abs(CalendarDay(year: other, month: mon, day: d).ordinal - dct.ordinal) < 300 {
                        resolvedYear = other
                    }
                }
            }
        }
        guard let y = resolvedYear else {
            // No anchor: an underspecified value, never a guessed year.
            let v = day.map { "XXXX-\(pad(mon, 2))-\(pad($0, 2))" } ?? "XXXX-\(pad(mon, 2))"
            if let d = day, d > CalendarDay.daysIn(month: mon, year: 2000) {
                return make(i, end, .date, nil, flags: ["impossible-date"])
            }
            return make(i, end, .date, v, flags: ["no-document-date"])
        }
        if let d = day {
            guard d <= CalendarDay.daysIn(month: mon, year: y) else {
                return make(i, end, .date, nil, flags: ["impossible-date"])
            }
            let date = CalendarDay(year: y, month: mon, day: d)
            if let w = weekday, date.weekday != w { flags.append("weekday-mismatch") }
            if yr != nil, let dct, date > dct, tense(around: i, end) == .past { flags.append("after-document-date") }
            var m = make(i, end, .date, date.value, ref: TimeRef(day: date, granularity: .day), flags: flags)
            m.explicitYear = yr != nil
            return m
        }
        let first = CalendarDay(year: y, month: mon, day: 1)
        if yr != nil, let dct, (y, mon) > (dct.year, dct.month), tense(around: i, end) == .past { flags.append("after-document-date") }
        var m = make(i, end, .date, "\(pad(y, 4))-\(pad(mon, 2))", ref: TimeRef(day: first, granularity: .month), flags: flags)
        m.explicitYear = yr != nil
        return m
    }

    /// The year of a year-less month (and day) in the direction of the tense:
    /// past, the last such date up to the document date; future, the next one
    /// from it; no cue, the nearest of the two.
    ///
    /// The tense only decides within ``directionWindow`` days: a news story rarely says
    /// "Jan. 14" for a date almost a year back, whatever its verb.
    func directedYear(month: Int, day: Int, dct: CalendarDay, tense: TimeTense, monthOnly: Bool) -> Int {
        let this = (month, monthOnly ? 0 : day), now = (dct.month, monthOnly ? 0 : dct.day)
        let pastYear = this <= now ? dct.year : dct.year - 1
        let futureYear = this >= now ? dct.year : dct.year + 1
        if pastYear == futureYear { return pastYear }
        let d = min(day, 28)
        let back = dct.ordinal - CalendarDay(year: pastYear, month: month, day: d).ordinal
        let ahead = CalendarDay(year: futureYear, month: month, day: d).ordinal - dct.ordinal
        switch tense {
        case .past where back <= TimeTagger.directionWindow: return pastYear
        case .future where ahead <= TimeTagger.directionWindow: return futureYear
        default: return back <= ahead ? pastYear : futureYear
        }
    }

    /// Days within which the tense picks the direction of a year-less date:
    /// ten months, so "will vote in October" in March goes forward while a
    /// past-tense "Jan. 14" in early January stays near.
    static let directionWindow = 300

    /// "2020-06-12" or "6/12/2020" (US order) in one token.
    func numericDate(_ k: Int) -> (year: Int, month: Int, day: Int)? {
        let t = toks[k]
        let n = t.end - t.start
        guard n >= 8 && n <= 10 else { return nil }
        var fields: [Int] = [], widths: [Int] = []
        var v = 0, w = 0
        var sep: UInt8 = 0
        for i in t.start..<t.end {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 { v = v * 10 + Int(c - 0x30); w += 1 }
            else if (c == 0x2D || c == 0x2F) && (sep == 0 || sep == c) && w > 0 { sep = c; fields.append(v); widths.append(w); v = 0; w = 0 }
            else { return nil }
        }
        fields.append(v); widths.append(w)
        guard fields.count == 3 else { return nil }
        if sep == 0x2D && widths == [4, 2, 2] { return valid(fields[0], fields[1], fields[2]) }
        if sep == 0x2F && widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2 { return valid(fields[2], fields[0], fields[1]) }
        return nil
    }

    private func valid(_ y: Int, _ m: Int, _ d: Int) -> (year: Int, month: Int, day: Int)? {
        (1...12).contains(m) && d >= 1 && d <= 31 ? (y, m, d) : nil
    }

    /// Years, fiscal years, decades and centuries: "2008", "fiscal 1989",
    /// "the year 2000", "the 1990s", "'90s", "the nineties", "the 19th century".
    func yearish(_ i: Int) -> TimeMatch? {
        var p = i
        let hasThe = hash(p) == k.the
        if hasThe { p += 1 }
        if hash(p) == k.fiscal {
            if hash(p + 1) == k.year, let y = year(p + 2) { return yearMatch(i, p + 3, y) }
            if let y = year(p + 1) { return yearMatch(i, p + 2, y) }
            return nil
        }
        if hash(p) == k.year, hasThe, let y = year(p + 1) { return yearMatch(i, p + 2, y) }
        // "the year two thousand", "the year two thousand and one"
        if hash(p) == k.year, hasThe, info(p + 1)?.number == 2, hash(p + 2) == k.thousand {
            var end = p + 3, y = 2000
            var q = end
            if hash(q) == k.and { q += 1 }
            if q < sentenceEnd, toks[q].digits == 0, let n = info(q)?.number, n >= 1, n < 100, n == n.rounded() {
                y += Int(n); end = q + 1
            }
            return yearMatch(i, end, y)
        }
        if let y = year(p) {
            // "the 1992 election": the determiner belongs to the noun, not the year.
            guard !hasThe, plausibleYear(p, y) else { return nil }
            return yearMatch(i, p + 1, y)
        }
        if !hasThe, let spoken = spokenYear(p) {
            return yearMatch(i, spoken.end, spoken.year)
        }
        if let decade = decade(p) {
            return make(i, p + 1, .date, decade)
        }
        // "the 19th century", "the twentieth century", "in 20th century Europe"
        if hash(p + 1) == k.century {
            if let n = info(p)?.ordinal ?? dayNumber(p), n > 0 { return make(i, p + 2, .date, pad(n - 1, 2)) }
        }
        return nil
    }

    /// A year read out as broadcast transcripts write it: "nineteen
    /// ninety-six", "nineteen seventy-nine", "nineteen fifty" (two number
    /// words, the first eleven to nineteen, the second 10 to 99). Returns the
    /// year and the index after it.
    ///
    /// "Nineteen hundred" is left alone: it is as often a count as a year.
    func spokenYear(_ k: Int) -> (year: Int, end: Int)? {
        guard k + 1 < sentenceEnd, toks[k].digits == 0, !toks[k].hasHyphen,
              let century = info(k)?.number, century >= 11, century <= 19 else { return nil }
        let next = toks[k + 1]
        let rest: Double
        if next.hasHyphen, let n = hyphenNumber(k + 1) {
            rest = n
        } else if next.digits == 0, let n = info(k + 1)?.number, n >= 10, n < 100, n == n.rounded(),
                  Int(n) % 10 == 0 || n < 20 {
            rest = n
        } else {
            return nil
        }
        return (Int(century) * 100 + Int(rest), k + 2)
    }

    static let spelledDecades: [UInt64: Int] = [timeWordHash("nineties"): 9, timeWordHash("eighties"): 8, timeWordHash("seventies"): 7, timeWordHash("sixties"): 6]

    func yearMatch(_ start: Int, _ end: Int, _ y: Int) -> TimeMatch {
        var flags: [String] = []
        if let dct, y > dct.year, tense(around: start, end) == .past { flags.append("after-document-date") }
        var m = make(start, end, .date, pad(y, 4), ref: TimeRef(day: CalendarDay(year: y, month: 1, day: 1), granularity: .year), flags: flags)
        m.explicitYear = true
        return m
    }

    /// A bare four-digit number is a year unless it reads as an amount:
    /// after a currency sign or before "%", "percent" or a unit of time.
    func plausibleYear(_ p: Int, _ y: Int) -> Bool {
        if p > sentenceStart {
            let c = bytes[toks[p - 1].start]
            if c == 0x24 || c == 0xC2 || c == 0xE2 || c == 0x23 { return false }    // $ £ € #
            if toks[p - 1].number != nil && infoOf(toks[p - 1]) == nil { return false }
        }
        if p + 1 < sentenceEnd {
            let next = toks[p + 1]
            if next.hash == k.percent || bytes[next.start] == 0x25 || infoOf(next)?.unit != nil { return false }
        }
        if y < 1900 || y > 2099 {
            // Old or far years need a preposition: "in 1776", "since 1066".
            guard p > sentenceStart, toks[p - 1].marks.contains(.monthPreposition) || toks[p - 1].hash == k.in else { return false }
        }
        return true
    }

    /// "1990s", "'90s", "90s", "the nineties" as a TIMEX3 decade ("199").
    func decade(_ k: Int) -> String? {
        guard k < sentenceEnd else { return nil }
        let t = toks[k]
        let n = t.end - t.start
        // spelled decades
        if let inf = infoOf(t), inf.season == nil, k > sentenceStart, let d = inf.spelledDecade, toks[k - 1].hash == self.k.the {
            return centuryFor(d) + String(d)
        }
        guard n >= 3, bytes[t.end - 1] == 0x73 || bytes[t.end - 1] == 0x53 else { return nil }
        var s = t.start
        if bytes[s] == 0x27 { s += 1 } else if bytes[s] == 0xE2 && n >= 5 { s += 3 }
        let digits = t.end - 1 - s
        for i in s..<(t.end - 1) where bytes[i] < 0x30 || bytes[i] > 0x39 { return nil }
        if digits == 4 {
            var v = 0
            for i in s..<(t.end - 1) { v = v * 10 + Int(bytes[i] - 0x30) }
            guard v % 10 == 0, v >= 1000, v < 3000 else { return nil }
            if v % 100 == 0 { return pad(v / 100, 2) }       // "the 1800s": the century
            return pad(v / 10, 3)
        }
        if digits == 2 {
            let v = Int(bytes[s] - 0x30) * 10 + Int(bytes[s + 1] - 0x30)
            guard v % 10 == 0 else { return nil }
            return centuryFor(v / 10) + String(v / 10)
        }
        return nil
    }

    /// The two-digit century of a decade written without it ("the '90s"):
    /// the latest one not after the document date; the 1900s without a date.
    func centuryFor(_ decadeDigit: Int) -> String {
        guard let dct else { return "19" }
        let c = dct.year / 100
        return (dct.year % 100) / 10 >= decadeDigit ? String(c) : String(c - 1)
    }

    // MARK: 3. Named days, weekdays, holidays, clock times

    /// "yesterday", "today", "tomorrow", "tonight", with a part of the day
    /// ("yesterday morning"), and "last night".
    func namedDay(_ i: Int) -> TimeMatch? {
        guard let inf = info(i) else { return nil }
        if inf.tonight {
            return fromDCTWithPart(i, i + 1, 0, "NI")
        }
        guard let offset = inf.dayword else { return nil }
        if let part = info(i + 1)?.daypart, info(i + 1)?.unit == nil {
            return fromDCTWithPart(i, i + 2, offset, part)
        }
        return fromDCT(i, i + 1) { TimeRef(day: $0.adding(days: offset), granularity: .day) }
    }

    func fromDCTWithPart(_ start: Int, _ end: Int, _ offset: Int, _ part: String) -> TimeMatch {
        guard let dct else { return make(start, end, .time, nil) }
        let day = dct.adding(days: offset)
        return make(start, end, .time, day.value + "T" + part, ref: TimeRef(day: day, granularity: .day))
    }

    /// "Friday", "Friday night", "Mondays" (a set), "Tuesday nights".
    /// `clauseStart` is where the whole expression begins when the weekday
    /// ends a longer one ("until 9 a.m. Tuesday"), for its tense.
    func weekdayExpression(_ i: Int, clauseStart: Int? = nil) -> TimeMatch? {
        guard let inf = info(i), toks[i].isCapitalized else { return nil }
        if let w = inf.weekdayPlural {
            if let part = info(i + 1)?.daypart { return make(i, i + 2, .set, "XXXX-WXX-\(w)T" + part) }
            return make(i, i + 1, .set, "XXXX-WXX-\(w)")
        }
        guard let w = inf.weekday else { return nil }
        var end = i + 1
        if info(end)?.daypart != nil { end += 1 }
        guard let dct else {
            return make(i, end, .date, "XXXX-WXX-\(w)", flags: ["no-document-date"])
        }
        let day = resolveWeekday(w, dct: dct, tense: tense(around: clauseStart ?? i, end))
        // "Friday night" keeps its part of the day in the span but not in the
        // value: TimeBank-style annotation mostly values it as the day (on
        // TempEval-3's training corpus, the TimeML-style 1998-08-07TNI loses
        // as many values as it wins: annotators split about evenly).
        return make(i, end, .date, day.value, ref: TimeRef(day: day, granularity: .day))
    }

    /// A bare weekday: the document date itself when it falls on that day;
    /// otherwise the next one in a future clause and the last one before.
    func resolveWeekday(_ w: Int, dct: CalendarDay, tense: TimeTense) -> CalendarDay {
        let today = dct.weekday
        if w == today { return dct }
        let ahead = (w - today + 7) % 7, back = (today - w + 7) % 7
        switch tense {
        case .future: return dct.adding(days: ahead)
        case .past: return dct.adding(days: -back)
        case .none: return ahead < back ? dct.adding(days: ahead) : dct.adding(days: -back)
        }
    }

    /// "10:35 a.m.", "10 p.m. EST", "noon", "midnight", with an optional day after ("9 a.m. Tuesday").
    func clockTime(_ i: Int) -> TimeMatch? {
        var hour = 0, minute = 0
        var end = i
        let t = toks[i]
        if let c = info(i)?.clock {
            (hour, minute) = c; end = i + 1
        } else if let hm = hourMinute(i) {
            (hour, minute) = hm; end = i + 1
            var meridiem = false
            if let ap = info(end)?.ampm { meridiem = true; end += 1; hour = adjust(hour, ap) }
            let zone = info(end)?.zone == true
            if zone { end += 1 }
            guard meridiem || zone || (i > sentenceStart && toks[i - 1].hash == k.at) else { return nil }
        } else if t.digits > 0 && t.digits <= 2, let n = t.number, n >= 1, n <= 12, let ap = info(i + 1)?.ampm {
            hour = adjust(Int(n), ap); end = i + 2
            if info(end)?.zone == true { end += 1 }
        } else if let (h, ap) = gluedHour(i) {
            hour = adjust(h, ap); end = i + 1
            if info(end)?.zone == true { end += 1 }
        } else {
            return nil
        }
        guard hour <= 24, minute < 60 else { return nil }
        // A day named right after joins the expression.
        if let day = namedDay(end) ?? weekdayExpression(end, clauseStart: i), day.type == .date, let ref = day.ref {
            return make(i, day.end, .time, ref.day.value + "T" + pad(hour, 2) + ":" + pad(minute, 2), ref: ref)
        }
        guard let dct else { return make(i, end, .time, nil) }
        var m = make(i, end, .time, dct.value + "T" + pad(hour, 2) + ":" + pad(minute, 2))
        m.clock = (hour, minute)
        return m
    }

    func adjust(_ hour: Int, _ ap: String) -> Int {
        if ap == "PM" { return hour < 12 ? hour + 12 : hour }
        return hour == 12 ? 0 : hour
    }

    /// "10:35" as (10, 35).
    func hourMinute(_ k: Int) -> (Int, Int)? {
        let t = toks[k]
        let n = t.end - t.start
        guard n == 4 || n == 5 else { return nil }
        let colon = t.end - 3
        guard bytes[colon] == 0x3A else { return nil }
        var h = 0
        for i in t.start..<colon { guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }; h = h * 10 + Int(bytes[i] - 0x30) }
        var m = 0
        for i in (colon + 1)..<t.end { guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }; m = m * 10 + Int(bytes[i] - 0x30) }
        return h < 24 ? (h, m) : nil
    }

    /// "10pm", "7am".
    func gluedHour(_ k: Int) -> (Int, String)? {
        let t = toks[k]
        let n = t.end - t.start
        guard n == 3 || n == 4 else { return nil }
        let a = bytes[t.end - 2] | 0x20, m = bytes[t.end - 1] | 0x20
        guard (a == 0x61 || a == 0x70) && m == 0x6D else { return nil }
        var h = 0
        for i in t.start..<(t.end - 2) { guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }; h = h * 10 + Int(bytes[i] - 0x30) }
        guard h >= 1 && h <= 12 else { return nil }
        return (h, a == 0x61 ? "AM" : "PM")
    }

    /// "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving".
    func holiday(_ i: Int) -> TimeMatch? {
        guard toks[i].isCapitalized, toks[i].marks.contains(.tableWord) else { return nil }
        var mon = 0, day = 0, end = i
        if toks[i].marks.contains(.startsHoliday), let list = lexicon.holidays[toks[i].hash] {
            for h in list where i + h.words.count <= sentenceEnd {
                var ok = true
                for (k, w) in h.words.enumerated() where toks[i + k].hash != w { ok = false; break }
                if ok { (mon, day, end) = (h.month, h.day, i + h.words.count); break }
            }
        }
        if end == i, let h = info(i)?.holiday { (mon, day, end) = (h.month, h.day, i + 1) }
        if end == i && toks[i].hash == TimeTagger.thanksgiving {
            end = hash(i + 1) == k.day ? i + 2 : i + 1
            mon = 11; day = -4
        }
        guard end > i else { return nil }
        var explicit: Int? = nil
        if let y = year(end) { explicit = y; end += 1 }
        guard let dct else { return make(i, end, .date, day > 0 ? "XXXX-\(pad(mon, 2))-\(pad(day, 2))" : nil, flags: ["no-document-date"]) }
        let y = explicit ?? directedYear(month: mon, day: max(day, 22), dct: dct, tense: tense(around: i, end), monthOnly: false)
        var d = day
        if d < 0 {
            // US Thanksgiving: fourth Thursday of November.
            let first = CalendarDay(year: y, month: 11, day: 1).weekday
            d = 1 + (4 - first + 7) % 7 + 21
        }
        let date = CalendarDay(year: y, month: mon, day: d)
        return make(i, end, .date, date.value, ref: TimeRef(day: date, granularity: .day))
    }

    static let thanksgiving = timeWordHash("thanksgiving")
}
