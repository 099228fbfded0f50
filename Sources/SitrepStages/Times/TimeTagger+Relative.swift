import SitrepCore

/// Relative, anchored, quarter, duration, position, compound and set rules of ``TimeTagger``.
extension TimeTagger {

    // MARK: 4. Deictic expressions (against the document date)

    /// "last week", "this year", "next Friday", "last March", "this fall",
    /// "this morning", "last night", "the past two months", "this coming Sunday".
    func deictic(_ i: Int) -> TimeMatch? {
        var p = i
        let hasThe = hash(p) == k.the
        if hasThe { p += 1 }
        guard var shift = info(p)?.deictic else { return nil }
        let word = hash(p)
        // "the next day", "the previous year" count from the last date mentioned.
        if hasThe && (word == k.next || word == k.previous) { return nil }
        p += 1
        if word == k.this, let second = info(p)?.deictic, second != 0 { shift = second; p += 1 }
        // Durations: "the past two months", "the next few days", "last three years".
        if shift != 0, let c = count(p), hash(p) != k.a, hash(p) != k.an, let u = info(c.end)?.unit, info(c.end)!.unitIsPlural {
            return make(i, c.end + 1, .duration, durationValue(c.value, u))
        }
        // "the last few months" without a count word is also a duration.
        if shift != 0, hasThe || word == k.past, let u = info(p)?.unit, info(p)!.unitIsPlural, hash(p) != k.day {
            return make(i, p + 1, .duration, durationValue(nil, u))
        }
        var q = p
        if hash(q) == k.fiscal, info(q + 1)?.unit == .year { q += 1 }
        if let inf = info(q) {
            if let u = inf.unit, !inf.unitIsPlural {
                return deicticUnit(i, q + 1, shift, u)
            }
            if let w = inf.weekday, toks[q].isCapitalized {
                guard let dct else { return make(i, q + 1, .date, nil) }
                let today = dct.weekday
                var day: CalendarDay
                switch shift {
                case ..<0: let back = (today - w + 7) % 7; day = dct.adding(days: -(back == 0 ? 7 : back))
                case 1...: let ahead = (w - today + 7) % 7; day = dct.adding(days: ahead == 0 ? 7 : ahead)
                default: day = dct.adding(days: w - today)
                }
                var end = q + 1
                var part: String? = nil
                if let pp = info(end)?.daypart { part = pp; end += 1 }
                let ref = TimeRef(day: day, granularity: .day)
                if let part { return make(i, end, .time, day.value + "T" + part, ref: ref) }
                return make(i, end, .date, day.value, ref: ref)
            }
            if let mon = inf.month, toks[q].isCapitalized {
                // "last Oct. 23": the date rule reads "Oct. 23" by itself.
                if dayNumber(q + 1) != nil { return nil }
                guard let dct else { return make(i, q + 1, .date, nil) }
                var y = dct.year
                if shift < 0 { y = mon < dct.month ? dct.year : dct.year - 1 }
                if shift > 0 { y = mon > dct.month ? dct.year : dct.year + 1 }
                return make(i, q + 1, .date, "\(pad(y, 4))-\(pad(mon, 2))", ref: TimeRef(day: CalendarDay(year: y, month: mon, day: 1), granularity: .month))
            }
            if let season = inf.season {
                guard let dct else { return make(i, q + 1, .date, nil) }
                return make(i, q + 1, .date, seasonValue(season, shift: shift, dct: dct))
            }
            if let part = inf.daypart {
                // "this morning", "last night", "tomorrow night" (named days are their own rule).
                let offset = shift < 0 ? -1 : (shift > 0 ? 1 : 0)
                if shift != 0 && part != "NI" { return nil }
                return fromDCTWithPart(i, q + 1, offset, part)
            }
        }
        return nil
    }

    func deicticUnit(_ start: Int, _ end: Int, _ shift: Int, _ unit: TimeUnit) -> TimeMatch? {
        switch unit {
        case .week: return fromDCT(start, end) { TimeRef(day: $0.adding(days: 7 * shift), granularity: .week) }
        case .weekend:
            guard let dct else { return make(start, end, .date, nil) }
            return make(start, end, .date, dct.adding(days: 7 * shift).weekValue + "-WE")
        case .month: return fromDCT(start, end) { TimeRef(day: $0.adding(months: shift), granularity: .month) }
        case .quarter: return fromDCT(start, end) { TimeRef(day: $0.adding(months: 3 * shift), granularity: .quarter) }
        case .year: return fromDCT(start, end) { TimeRef(day: $0.adding(months: 12 * shift), granularity: .year) }
        case .decade:
            guard let dct else { return make(start, end, .date, nil) }
            return make(start, end, .date, pad(dct.year / 10 + shift, 3))
        case .century:
            guard let dct else { return make(start, end, .date, nil) }
            return make(start, end, .date, pad(dct.year / 100 + shift, 2))
        case .day, .hour, .minute, .second, .fortnight, .millennium:
            return nil
        }
    }

    /// "the summer", "the early summer", "the winter of 1994", "the winter of
    /// nineteen ninety-four", "spring 2020". Without a year the determiner is
    /// required and the season must end the phrase: a bare "fall" or "spring"
    /// is far more often a verb or a noun, and "the winter storm" is a storm.
    /// A season without a year goes the way of its clause's tense: "well into
    /// the summer" in October is this year's past summer.
    func season(_ i: Int) -> TimeMatch? {
        var p = i
        let hasThe = hash(p) == k.the
        if hasThe {
            p += 1
            if info(p)?.position != nil { p += 1 }
        }
        guard isLowercaseWord(p), let code = info(p)?.season else { return nil }
        var end = p + 1
        var explicit: Int? = nil
        if hash(end) == k.of, let y = year(end + 1) { explicit = y; end += 2 }
        else if hash(end) == k.of, let spoken = spokenYear(end + 1) { explicit = spoken.year; end = spoken.end }
        else if let y = year(end) { explicit = y; end += 1 }
        if let explicit { return make(i, end, .date, pad(explicit, 4) + "-" + code) }
        guard hasThe, !(isLowercaseWord(end) && !TimeTagger.seasonFollowers.contains(hash(end))) else { return nil }
        guard let dct else { return make(i, end, .date, nil) }
        let (now, target) = seasonIndex(code, dct: dct)
        let current = now % 4
        switch tense(around: i, end) {
        case .past: return make(i, end, .date, pad((now - (current - target + 4) % 4) / 4, 4) + "-" + code)
        case .future: return make(i, end, .date, pad((now + (target - current + 4) % 4) / 4, 4) + "-" + code)
        case .none: return make(i, end, .date, seasonValue(code, shift: 0, dct: dct))
        }
    }

    /// The document date's season as `year * 4 + season` (spring 0 ... winter 3,
    /// a winter counted in the year it starts), and the index of `code`.
    func seasonIndex(_ code: String, dct: CalendarDay) -> (now: Int, target: Int) {
        let order = ["SP": 0, "SU": 1, "FA": 2, "WI": 3]
        let current = dct.month >= 3 && dct.month <= 5 ? 0 : dct.month >= 6 && dct.month <= 8 ? 1 : dct.month >= 9 && dct.month <= 11 ? 2 : 3
        return ((dct.month <= 2 ? dct.year - 1 : dct.year) * 4 + current, order[code] ?? 0)
    }

    /// Lowercase words that may follow "the summer" when it names the season:
    /// prepositions, conjunctions, auxiliaries ("the summer when", "the
    /// winter and spring", "the summer was"), not a noun it modifies.
    static let seasonFollowers = TimeWordSet(["and", "or", "but", "when", "as", "to", "in", "on", "at", "for", "with", "before",
                                                 "after", "from", "through", "until", "while", "that", "is", "was", "were", "will",
                                                 "had", "has", "have", "season", "months", "holidays"].map { timeWordHash(Substring($0)) })

    /// TIMEX3 season value: "1998-FA". A winter belongs to the year it starts in.
    func seasonValue(_ code: String, shift: Int, dct: CalendarDay) -> String {
        let (now, target) = seasonIndex(code, dct: dct)
        let currentYear = now / 4
        var occurrence = currentYear * 4 + target
        if shift < 0 { while occurrence >= now { occurrence -= 4 } }
        else if shift > 0 { while occurrence <= now { occurrence += 4 } }
        else if code == "WI" { occurrence = currentYear * 4 + 3 }
        else { occurrence = dct.year * 4 + target }
        return pad(occurrence / 4, 4) + "-" + code
    }

    // MARK: 4b. Anchored expressions (against the last date mentioned)

    /// "the day before", "the following week", "the previous year", "that day",
    /// "the same month", "the year" / "the week" / "the weekend".
    func anchored(_ i: Int) -> TimeMatch? {
        let h = hash(i)
        if h == k.the {
            let w = hash(i + 1)
            // the previous/preceding/following/next + unit
            if w == k.previous || w == k.preceding || w == k.following || w == k.next, let u = info(i + 2)?.unit, info(i + 2)!.unitIsPlural == false {
                let shift = (w == k.previous || w == k.preceding) ? -1 : 1
                return anchorShift(i, i + 3, shift, u)
            }
            // "the previous Friday", "the following Monday": from the last date mentioned.
            if w == k.previous || w == k.preceding || w == k.following, let wd = info(i + 2)?.weekday, toks[i + 2].isCapitalized {
                guard let a = anchorRef else { return make(i, i + 3, .date, nil) }
                let from = a.day.weekday
                let day = w == k.following ? a.day.adding(days: (wd - from + 6) % 7 + 1) : a.day.adding(days: -((from - wd + 6) % 7 + 1))
                return make(i, i + 3, .date, day.value, ref: TimeRef(day: day, granularity: .day))
            }
            // the same + unit
            if w == k.same, let u = info(i + 2)?.unit, !info(i + 2)!.unitIsPlural { return anchorShift(i, i + 3, 0, u) }
            // the + unit + before/after/earlier/later ("the day before")
            if let u = info(i + 1)?.unit, !info(i + 1)!.unitIsPlural {
                let after = hash(i + 2)
                if after == k.before || after == k.earlier, clauseEnds(i + 3) { return anchorShift(i, i + 3, -1, u) }
                if after == k.after || after == k.later, clauseEnds(i + 3) { return anchorShift(i, i + 3, 1, u) }
                // "the year", "the week", "the month", "the weekend" on their own
                let before = i > sentenceStart ? toks[i - 1].hash : 0
                let spanning = before == k.for || before == k.during || before == k.over || before == k.throughout
                // "the week of March 6": that day's week.
                if u == .week, hash(i + 2) == k.of, i + 3 < sentenceEnd, let day = core(at: i + 3), let ref = day.ref, ref.granularity == .day {
                    return make(i, day.end, .date, ref.day.weekValue, ref: TimeRef(day: ref.day, granularity: .week))
                }
                switch u {
                case .year:
                    if spanning { return make(i, i + 2, .duration, "P1Y") }
                    return anchorShift(i, i + 2, 0, .year)
                case .week, .month:
                    if spanning { return make(i, i + 2, .duration, u == .week ? "P1W" : "P1M") }
                    return anchorShift(i, i + 2, 0, u)
                case .weekend:
                    guard let dct else { return make(i, i + 2, .date, nil) }
                    let t = tense(around: i, i + 2)
                    var day = dct
                    if t == .future { while day.weekday != 6 { day = day.adding(days: 1) } }
                    else if dct.weekday < 6 { day = dct.adding(days: -(dct.weekday + 1)) }
                    return make(i, i + 2, .date, day.weekValue + "-WE")
                default: return nil
                }
            }
            return nil
        }
        if h == k.that {
            var p = i + 1
            if hash(p) == k.same { p += 1 }
            if let u = info(p)?.unit, !info(p)!.unitIsPlural { return anchorShift(i, p + 1, 0, u) }
        }
        return nil
    }

    /// "before"/"after" close the expression only at the end of a clause
    /// ("the day before."); before a noun phrase they are prepositions.
    func clauseEnds(_ k: Int) -> Bool {
        guard k < sentenceEnd else { return true }
        let c = bytes[toks[k].start]
        return c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x29 || c == 0x22 || c == 0x27 && toks[k].end - toks[k].start <= 2
            || toks[k].hash == self.k.and || toks[k].hash == self.k.when
    }

    /// The anchor moved by `shift` units, at the unit's granularity.
    func anchorShift(_ start: Int, _ end: Int, _ shift: Int, _ unit: TimeUnit) -> TimeMatch? {
        guard let a = anchorRef else { return make(start, end, .date, nil) }
        let gran: TimeRef.Granularity
        switch unit {
        case .day: gran = .day
        case .week, .weekend, .fortnight: gran = .week
        case .month: gran = .month
        case .quarter: gran = .quarter
        case .year, .decade, .century, .millennium: gran = .year
        case .hour, .minute, .second: return nil
        }
        guard var r = a.shifted(by: shift, unit: unit) else { return nil }
        r.granularity = max(gran, min(r.granularity, gran))
        if gran == .day && a.granularity > .day {
            // "that same day" after "last October": a day of that month, unknown (TIMEX3 "1998-10-XX").
            if shift == 0 && a.granularity == .month { return make(start, end, .date, a.value + "-XX", flags: ["no-day-anchor"]) }
            if shift == 0 && a.granularity == .year { return make(start, end, .date, a.value + "-XX-XX", flags: ["no-day-anchor"]) }
            return make(start, end, .date, nil, flags: ["no-day-anchor"])
        }
        return make(start, end, .date, r.value, ref: r)
    }

    // MARK: 5. Quarters and halves

    /// "the third quarter", "the fourth quarter of 2019", "Q3", "the first half",
    /// "the quarter", "the latest quarter", "the year-ago quarter".
    func quarter(_ i: Int) -> TimeMatch? {
        var p = i
        if hash(p) == k.the { p += 1 }
        if hash(p) == k.comparable { p += 1 }
        if hash(p) == k.fiscal { p += 1 }
        // year-ago / year-earlier quarter or period
        if hash(p) == k.yearAgo || hash(p) == k.yearEarlier {
            var q = p + 1
            if let o = info(q)?.ordinal, o >= 1, o <= 4 { q += 1 }
            if hash(q) == k.quarter || hash(q) == k.period {
                guard let a = anchorRef else { return make(i, q + 1, .date, nil) }
                let base = a.granularity == .quarter ? a : TimeRef(day: a.day, granularity: .quarter)
                let r = base.shifted(by: -1, unit: .year)!
                return make(i, q + 1, .date, r.value)
            }
            return nil
        }
        // "the full year" of results news: the year being reported, the document's.
        if p > i, hash(p) == k.full, hash(p + 1) == k.year {
            guard let dct else { return make(i, p + 2, .date, nil) }
            return make(i, p + 2, .date, pad(dct.year, 4), ref: TimeRef(day: dct, granularity: .year))
        }
        // "the 1988 quarter", "the 1989 period": the quarter last mentioned, in that year.
        if p > i, let y = year(p), hash(p + 1) == k.quarter || hash(p + 1) == k.period {
            let n = anchor.flatMap { $0.granularity == .quarter ? $0.day.quarter : nil } ?? dct?.quarter ?? 1
            let ref = TimeRef(day: CalendarDay(year: y, month: (n - 1) * 3 + 1, day: 1), granularity: .quarter)
            return make(i, p + 2, .date, ref.value)
        }
        var number: Int? = nil
        var half = false
        var q = p
        if let o = info(q)?.ordinal, o >= 1, o <= 4 {
            number = o; q += 1
            if hash(q) == k.fiscal { q += 1 }
            if hash(q) == k.half { half = true } else if hash(q) != k.quarter { return nil }
            if half && o > 2 { return nil }
            q += 1
        } else if let n = qToken(q) {
            number = n; q += 1
        } else if hash(q) == k.quarter && p > i {
            // "the quarter": the quarter last mentioned, else the last one reported.
            guard let dct else { return make(i, q + 1, .date, nil) }
            if let a = anchor, a.granularity == .quarter { return make(i, q + 1, .date, a.value, ref: a) }
            let t = tense(around: i, q + 1)
            let r = TimeRef(day: dct.adding(months: t == .past ? -3 : 0), granularity: .quarter)
            return make(i, q + 1, .date, r.value, ref: r)
        } else if hash(q) == k.latest && (hash(q + 1) == k.quarter || (hash(q + 1) == k.period && p > i)) {
            // "the latest quarter", and in results news "the latest period", which is one too.
            guard let dct else { return make(i, q + 2, .date, nil) }
            if let a = anchor, a.granularity == .quarter { return make(i, q + 2, .date, a.value, ref: a) }
            let r = TimeRef(day: dct.adding(months: -3), granularity: .quarter)
            return make(i, q + 2, .date, r.value, ref: r)
        } else {
            return nil
        }
        guard let n = number else { return nil }
        // The year: written after ("of 2019", "2019", "of this year", "of fiscal 1990"), else inferred.
        var y: Int? = nil
        var explicit = false
        if hash(q) == k.of {
            var r = q + 1
            if hash(r) == k.fiscal { r += 1 }
            if let yy = year(r) { y = yy; q = r + 1; explicit = true }
            else if let d = deictic(r), let ref = d.ref, ref.granularity == .year { y = ref.day.year; q = d.end }
            else if hash(r) == k.the && hash(r + 1) == k.year { y = anchorRef?.day.year; q = r + 2 }
        } else if let yy = year(q) { y = yy; q += 1; explicit = true }
        if y == nil && i > sentenceStart && hash(i - 1) == k.apostropheS && i - 2 >= sentenceStart {
            // "this year's third quarter", "1990's first half"
            y = year(i - 2) ?? (hash(i - 2) == k.year ? dct.map { $0.year } : nil)
        }
        if y == nil { y = sentenceYear }
        if y == nil, let dct {
            let t = tense(around: i, q)
            let current = half ? (dct.month <= 6 ? 1 : 2) : dct.quarter
            y = (n > current && t == .past) ? dct.year - 1 : dct.year
        }
        guard let year = y else { return make(i, q, .date, half ? "XXXX-H\(n)" : "XXXX-Q\(n)") }
        if half { return make(i, q, .date, "\(pad(year, 4))-H\(n)") }
        let ref = TimeRef(day: CalendarDay(year: year, month: (n - 1) * 3 + 1, day: 1), granularity: .quarter)
        var m = make(i, q, .date, ref.value, ref: ref)
        m.explicitYear = explicit
        return m
    }


    /// "Q3" as 3.
    func qToken(_ k: Int) -> Int? {
        guard k < sentenceEnd else { return nil }
        let t = toks[k]
        guard t.end - t.start == 2, bytes[t.start] == 0x51, bytes[t.start + 1] >= 0x31, bytes[t.start + 1] <= 0x34 else { return nil }
        return Int(bytes[t.start + 1] - 0x30)
    }

    // MARK: 6. Numbers with units

    /// "six months", "the first nine months", "a year ago", "two days later",
    /// "five years earlier", "three weeks from now", "for years".
    /// Token `k` is in the sentence and starts with a lowercase ASCII letter.
    func isLowercaseWord(_ k: Int) -> Bool {
        guard k < sentenceEnd else { return false }
        let c = bytes[toks[k].start]
        return c >= 0x61 && c <= 0x7A
    }

    func numberWithUnit(_ i: Int) -> TimeMatch? {
        var p = i
        if hash(p) == k.the {
            p += 1
            if let o = info(p)?.ordinal, o == 1 || o == -1 { p += 1 }      // the first / the last nine months
            else if hash(p) == k.final { p += 1 }
        }
        // Bare plural unit after "for", "in", "within", "over": "for years".
        if p == i, let u = info(i)?.unit, info(i)!.unitIsPlural, i > sentenceStart {
            let before = toks[i - 1].hash
            if before == k.for || before == k.within || before == k.over || before == k.in {
                if hash(i + 1) == k.ago || hash(i + 1) == k.later || hash(i + 1) == k.earlier { return nil }
                return make(i, i + 1, .duration, durationValue(nil, u))
            }
            return nil
        }
        guard let c = count(p) else { return nil }
        var end = c.end
        guard let inf = info(end), let unit = inf.unit else { return nil }
        // "a" and "one" take a singular unit, other counts a plural one (but "1.5 hours", "one day").
        if (toks[p].hash == k.a || toks[p].hash == k.an) && c.end == p + 1 && inf.unitIsPlural { return nil }
        // "the 1988 second quarter", "5 second": a count above one takes a
        // plural unit, except as a modifier written without its hyphen:
        // "a six year term", "a two day visit" (a lowercase word follows).
        if !inf.unitIsPlural, let v = c.value, v > 1 {
            guard unit != .second, unit != .quarter, toks[p].digits < 4, isLowercaseWord(end + 1) else { return nil }
            return make(i, end + 1, .duration, durationValue(v, unit))
        }
        end += 1
        var value = c.value
        if hash(end) == k.and && hash(end + 1) == k.a && hash(end + 2) == k.half, let v = value { value = v + 0.5; end += 3 }
        // Ages are not time expressions here: "50 years old"; nor is a fraction, "a quarter of".
        if hash(end) == k.old { return nil }
        if unit == .quarter && hash(end) == k.of { return nil }
        let after = hash(end)
        if after == k.ago {
            return ago(i, end + 1, value, unit)
        }
        if after == k.later || after == k.earlier || (after == k.after || after == k.before) && clauseEnds(end + 1) {
            let sign = (after == k.later || after == k.after) ? 1 : -1
            guard let v = value else { return make(i, end + 1, .date, sign > 0 ? "FUTURE_REF" : "PAST_REF") }
            // "a minute and a half later": the span of time is the expression.
            guard v == v.rounded() else { return make(i, end, .duration, durationValue(value, unit)) }
            guard let a = anchorRef else { return make(i, end + 1, .date, nil) }
            guard let r = a.shifted(by: sign * Int(v), unit: unit) else { return make(i, end, .duration, durationValue(value, unit)) }
            var ref = r
            if a.granularity == .day {
                ref.granularity = unit == .day ? .day : unit == .week ? .week : unit == .month ? .month : unit == .quarter ? .quarter : .year
            }
            var m = make(i, end + 1, .date, ref.value, ref: ref)
            m.movesAnchor = unit.isShorterThanYear
            return m
        }
        if after == k.from && hash(end + 1) == k.now || after == k.hence {
            let stop = after == k.hence ? end + 1 : end + 2
            guard let v = value, v == v.rounded() else { return make(i, stop, .date, "FUTURE_REF") }
            return fromDCT(i, stop) { TimeRef(day: $0, granularity: .day).shifted(by: Int(v), unit: unit).map { r in
                var r = r
                r.granularity = unit == .day ? .day : unit == .week ? .week : unit == .month ? .month : .year
                return r
            } }
        }
        // A lone "a year" that is a rate was taken by the phrase rule; "one" alone is a number.
        if value == 1 && (toks[p].hash == k.a || toks[p].hash == k.an) && p == i && end == c.end + 1 && isRate(before: i) { return nil }
        return make(i, end, .duration, durationValue(value, unit))
    }

    /// "three days ago": the document date moved back, at the unit's granularity.
    func ago(_ start: Int, _ end: Int, _ value: Double?, _ unit: TimeUnit) -> TimeMatch {
        guard let v = value, v == v.rounded() else { return make(start, end, .date, "PAST_REF") }
        let n = Int(v)
        guard let dct else { return make(start, end, .date, nil) }
        let today = TimeRef(day: dct, granularity: .day)
        switch unit {
        case .hour, .minute, .second:
            return make(start, end, .time, dct.value)
        case .year:
            // In a report about a quarter, "a year ago" is that quarter a year before.
            if let a = anchor, a.granularity == .quarter, n == 1 {
                let r = a.shifted(by: -1, unit: .year)!
                var m = make(start, end, .date, r.value, ref: r)
                m.movesAnchor = false
                return m
            }
            var r = today.shifted(by: -n, unit: .year)!; r.granularity = .year
            var m = make(start, end, .date, r.value, ref: r)
            m.movesAnchor = false
            return m
        default:
            guard var r = today.shifted(by: -n, unit: unit) else { return make(start, end, .date, nil) }
            r.granularity = unit == .day ? .day : unit == .week || unit == .weekend || unit == .fortnight ? .week
                : unit == .month ? .month : unit == .quarter ? .quarter : .year
            return make(start, end, .date, r.value, ref: r)
        }
    }

    /// The TIMEX3 duration of `value` units; nil value is `X` ("PXY").
    /// A fraction is written with the next smaller unit, as ISO 8601 and
    /// TimeBank do: "two and a half years" is `P2Y6M` (the same length as
    /// `P30M` or `P2.5Y`), "5 1/2 hours" `PT5H30M`, "a minute and a half"
    /// `PT1M30S`. A fraction with no whole smaller unit stays decimal (`P1.5M`).
    func durationValue(_ value: Double?, _ unit: TimeUnit) -> String {
        if let value, let whole = wholeDuration(value, unit) { return whole }
        return formattedDuration(value, unit)
    }

    /// ``durationValue(_:_:)`` by the general code, for any count.
    func formattedDuration(_ value: Double?, _ unit: TimeUnit) -> String {
        func format(_ v: Double, _ u: TimeUnit) -> String? {
            let whole = v == v.rounded()
            let n = whole ? String(Int(v)) : String(v)
            // whole part and the rest in the smaller unit
            func mixed(_ big: String, _ factor: Double, _ small: String, time: Bool) -> String {
                let w = v.rounded(.down), rest = (v - w) * factor
                let restText = rest == rest.rounded() ? String(Int(rest)) : String(rest)
                let head = time ? "PT" : "P"
                if w == 0 { return head + restText + small }
                return head + String(Int(w)) + big + restText + small
            }
            switch u {
            case .second: return "PT\(n)S"
            case .minute: return whole ? "PT\(n)M" : mixed("M", 60, "S", time: true)
            case .hour: return whole ? "PT\(n)H" : mixed("H", 60, "M", time: true)
            case .day: return whole ? "P\(n)D" : "P" + (v >= 1 ? String(Int(v)) + "D" : "") + "T" + String(Int((v - v.rounded(.down)) * 24)) + "H"
            case .week: return whole ? "P\(n)W" : format(v * 7, .day)
            case .weekend: return format(v * 2, .day)
            case .fortnight: return format(v * 2, .week)
            case .month: return "P\(n)M"
            case .quarter: return format(v * 3, .month)
            case .year: return whole ? "P\(n)Y" : mixed("Y", 12, "M", time: false)
            case .decade: return format(v * 10, .year)
            case .century: return format(v * 100, .year)
            case .millennium: return format(v * 1000, .year)
            }
        }
        guard let value else {
            switch unit {
            case .second: return "PTXS"
            case .minute: return "PTXM"
            case .hour: return "PTXH"
            case .day, .weekend: return "PXD"
            case .week, .fortnight: return "PXW"
            case .month: return "PXM"
            case .quarter: return "PXQ"
            case .year: return "PXY"
            case .decade: return "PXDE"
            case .century: return "PXCE"
            case .millennium: return "PXML"
            }
        }
        return format(value, unit) ?? "PX"
    }

    /// ``durationValue(_:_:)`` of a whole count, written byte by byte
    /// (``TimexDigits/duration(_:_:_:)``): the text its `format` gives, as
    /// `"P\(n)Y"` with the count scaled to the unit it is written in (a
    /// weekend in days, a decade in years). Nil for a fraction, a negative or
    /// huge count, which the general code writes.
    func wholeDuration(_ value: Double, _ unit: TimeUnit) -> String? {
        guard value == value.rounded(), value >= 0, value < 10_000 else { return nil }
        let n = Int(value)
        switch unit {
        case .second: return TimexDigits.duration("PT", n, "S")
        case .minute: return TimexDigits.duration("PT", n, "M")
        case .hour: return TimexDigits.duration("PT", n, "H")
        case .day: return TimexDigits.duration("P", n, "D")
        case .week: return TimexDigits.duration("P", n, "W")
        case .weekend: return TimexDigits.duration("P", 2 * n, "D")
        case .fortnight: return TimexDigits.duration("P", 2 * n, "W")
        case .month: return TimexDigits.duration("P", n, "M")
        case .quarter: return TimexDigits.duration("P", 3 * n, "M")
        case .year: return TimexDigits.duration("P", n, "Y")
        case .decade: return TimexDigits.duration("P", 10 * n, "Y")
        case .century: return TimexDigits.duration("P", 100 * n, "Y")
        case .millennium: return TimexDigits.duration("P", 1000 * n, "Y")
        }
    }

    // MARK: 7. Position modifiers

    /// "early next year", "late November", "mid 2019", "earlier this month",
    /// "later that day", "the end of 1990", "the beginning of the year".
    func position(_ i: Int) -> TimeMatch? {
        var p = i
        if hash(p) == k.the {
            p += 1
            guard info(p)?.position != nil, !toks[p].hasHyphen else { return nil }
            // "the end of ...", "the early 1980s"
            if hash(p + 1) == k.of { p += 2 } else { p += 1 }
        } else {
            guard info(p)?.position != nil, !toks[p].hasHyphen else { return nil }
            p += hash(p + 1) == k.of ? 2 : 1
        }
        guard p < sentenceEnd, var target = core(at: p), target.type == .date || target.type == .time,
              target.value != "PAST_REF", target.value != "FUTURE_REF", target.value != "PRESENT_REF" else { return nil }
        target.start = i
        return target
    }

    // MARK: 8. Hyphenated compounds

    /// "two-year", "16-hour", "decades-long", "mid-1990s", "mid-November",
    /// "third-quarter", "year-earlier", "year-ago", "year-end".
    func compound(_ i: Int) -> TimeMatch? {
        let t = toks[i]
        guard t.hasHyphen else { return nil }
        if t.hash == k.yearEarlier || t.hash == k.yearAgo {
            // followed by "quarter"/"period": the quarter rule has it.
            // "Year-earlier results" compare with the period being reported:
            // the last date mentioned when it lies in the document's year
            // (a quarter stays a quarter), else the document's year itself.
            guard var a = anchorRef else { return make(i, i + 1, .date, nil) }
            if let dct, a.day.year != dct.year { a = TimeRef(day: dct, granularity: .year) }
            let r = a.shifted(by: -1, unit: .year)!
            return make(i, i + 1, .date, r.value)
        }
        if t.hash == k.yearEnd {
            // The last day of the year (TimeML values "year-end" as that day).
            guard let y = dct?.year else { return make(i, i + 1, .date, nil) }
            return make(i, i + 1, .date, pad(y, 4) + "-12-31")
        }
        let parts = hyphenParts(i)
        guard parts.count >= 2 else { return nil }
        let last = parts[parts.count - 1]
        if last.hash == k.old { return nil }                       // "50-year-old"
        if hash(i + 1) == k.old { return nil }
        // count-unit(-long): "two-year", "16-hour", "year-long", "decades-long"
        if parts.count == 2 || (parts.count == 3 && parts[2].hash == k.long) {
            let a = parts[0], b = parts[1]
            if let u = infoOf(b)?.unit, !infoOf(b)!.unitIsPlural, let n = a.number, infoOf(a)?.unit == nil {
                if n <= 0 || n > 10000 { return nil }
                return make(i, i + 1, .duration, durationValue(n, u))
            }
            if parts.count == 2, let u = infoOf(a)?.unit, b.hash == k.long {
                return make(i, i + 1, .duration, infoOf(a)!.unitIsPlural ? durationValue(nil, u) : durationValue(1, u))
            }
            // "twenty-five-year" is rare; ignored.
            // position-target: "mid-November", "mid-1990s", "late-2019", "mid-afternoon"
            if infoOf(a)?.position != nil {
                if let mon = infoOf(b)?.month, b.isCapitalized {
                    guard let dct else { return make(i, i + 1, .date, "XXXX-\(pad(mon, 2))") }
                    let y = directedYear(month: mon, day: 15, dct: dct, tense: tense(around: i, i + 1), monthOnly: true)
                    let ref = TimeRef(day: CalendarDay(year: y, month: mon, day: 1), granularity: .month)
                    return make(i, i + 1, .date, ref.value, ref: ref)
                }
                if b.digits == 4, let n = b.number, n >= 1000, n < 3000 {
                    let y = Int(n)
                    return make(i, i + 1, .date, pad(y, 4), ref: TimeRef(day: CalendarDay(year: y, month: 1, day: 1), granularity: .year))
                }
                if let part = infoOf(b)?.daypart {
                    // "mid-afternoon yesterday": the part of the named day.
                    if let offset = info(i + 1)?.dayword { return fromDCTWithPart(i, i + 2, offset, part) }
                    return fromDCTWithPart(i, i + 1, 0, part)
                }
                if let d = decadeOfPart(b) { return make(i, i + 1, .date, d) }
                return nil
            }
            // ordinal-quarter: "third-quarter", "first-half"
            if let o = infoOf(a)?.ordinal, o >= 1, o <= 4, b.hash == k.quarter || b.hash == k.half {
                let isHalf = b.hash == k.half
                guard let dct else { return make(i, i + 1, .date, isHalf ? "XXXX-H\(o)" : "XXXX-Q\(o)") }
                let current = isHalf ? (dct.month <= 6 ? 1 : 2) : dct.quarter
                let y = sentenceYear ?? ((o > current && tense(around: i, i + 1) == .past) ? dct.year - 1 : dct.year)
                if isHalf { return make(i, i + 1, .date, "\(pad(y, 4))-H\(o)") }
                let ref = TimeRef(day: CalendarDay(year: y, month: (o - 1) * 3 + 1, day: 1), granularity: .quarter)
                return make(i, i + 1, .date, ref.value, ref: ref)
            }
        }
        return nil
    }

    /// A decade written inside a compound ("1990s" of "mid-1990s").
    func decadeOfPart(_ t: TimeToken) -> String? {
        let n = t.end - t.start
        guard n == 5, bytes[t.end - 1] == 0x73 else { return nil }
        var v = 0
        for k in t.start..<(t.end - 1) { guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { return nil }; v = v * 10 + Int(bytes[k] - 0x30) }
        guard v % 10 == 0 else { return nil }
        return pad(v / 10, 3)
    }

    // MARK: 9. Sets

    /// "daily", "annually", "every Monday", "each Friday", "every two weeks".
    func frequency(_ i: Int) -> TimeMatch? {
        if let s = info(i)?.set {
            if s == "TNI" { return make(i, i + 1, .set, "XXXX-XX-XXTNI") }
            return make(i, i + 1, .set, s)
        }
        let h = hash(i)
        guard h == k.every || h == k.each else { return nil }
        if let w = info(i + 1)?.weekday, toks[i + 1].isCapitalized {
            return make(i, i + 2, .set, "XXXX-WXX-\(w)")
        }
        if let c = count(i + 1), let v = c.value, v > 1, let u = info(c.end)?.unit, info(c.end)!.unitIsPlural {
            return make(i, c.end + 1, .set, durationValue(v, u))
        }
        return nil
    }
}
