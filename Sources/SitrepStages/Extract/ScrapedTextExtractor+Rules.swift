import SitrepCore

extension ScrapedTextExtractor {
    /// The cascade of line rules (steps 2–11 of ``ScrapedTextExtractor``), run
    /// over one page's ``LineTable``. Each step is one method; each only looks
    /// at lines the earlier steps left `unclassified`.
    struct Rules {
        /// Metadata found along the way.
        struct Found: Sendable {
            var title: String?
            var byline: String?
            var published: String?
            var caption: String?
            var credit: String?
            var inlineTags: [String] = []
        }

        /// A date line or a byline's date.
        private struct DateCandidate {
            var index: Int
            var iso: String
            var isUpdate: Bool
        }

        var table: LineTable
        let settings: Settings
        var found = Found()
        var diagnostics: [Diagnostic] = []
        private var bylines: [Int: String] = [:]
        private var credits: [Int: String] = [:]
        private var dates: [DateCandidate] = []
        private var titleIndex: Int?
        /// Long lines with a consent phrase: page furniture outside the body.
        private var consentCandidates: Set<Int> = []
        private var junkLines = 0

        init(table: LineTable, settings: Settings) {
            self.table = table
            self.settings = settings
        }

        private var count: Int { table.lines.count }
        private func kind(_ i: Int) -> LineKind { table.lines[i].kind }
        private mutating func set(_ i: Int, _ kind: LineKind) { table.lines[i].kind = kind }

        mutating func run() {
            markNoise()
            markCues()
            markRepeats()
            markCaptions(requireSentence: true)
            markLabelledLists()
            let bodyStart = findBodyStart()
            titleIndex = findTitle(before: bodyStart ?? count)
            if titleIndex != nil { markCaptions(requireSentence: false) }
            dropTitleCopies()
            classifyZones(bodyStart: bodyStart)
            rescueIfEmpty()
            collectMetadata()
        }

        // MARK: - Line predicates

        /// A line that can open the body: sentence-like and long enough not to
        /// be a caption-sized promo, or simply long.
        private func isStrong(_ line: Line) -> Bool {
            (line.endsSentence && line.words >= settings.bodyStartMinWords) || line.byteCount >= settings.longLineBytes
        }

        /// A line that is a paragraph once inside the body: any sentence, a long
        /// line, a long unpunctuated line, a list intro ending in a colon, a
        /// bullet item. Short paragraphs ("Nobody was hurt.") are body.
        private func isBodyLike(_ line: Line) -> Bool {
            (line.endsSentence && line.letters > 0)
                || line.byteCount >= settings.longLineBytes
                || line.words >= settings.unpunctuatedBodyMinWords
                || (line.endsWithColon && line.words >= 3)
                || (line.startsWithBullet && line.words >= 3)
        }

        /// A short heading: no final period or colon, capitalized, a few words.
        private func isSubheadLike(_ line: Line) -> Bool {
            !line.endsWithPeriod && !line.endsWithColon && !line.startsLowercase && !line.startsWithBullet
                && line.letters > 0 && line.words >= settings.subheadMinWords && line.words <= settings.subheadMaxWords
        }

        /// A headline: enough words to not be a menu item, no final period or
        /// colon (headlines drop them; captions and paragraphs keep them).
        private func isTitleLike(_ line: Line) -> Bool {
            line.words >= settings.titleMinWords && line.byteCount <= settings.titleMaxBytes
                && !line.endsWithPeriod && !line.endsWithColon && !line.startsLowercase && !line.startsWithBullet
                && line.letters * 2 >= line.scalars
        }

        // MARK: - Step 2: noise

        /// Binary junk: lines where replacement and control characters are
        /// common. (Letterless lines such as "•", "|", "1/5" and bare
        /// timestamps such as "10:42 GMT", which live blogs and galleries
        /// leave between blocks, are noise too, but are checked at the end of
        /// ``markCues()`` so that a date line like "18/03/2025" is read first.)
        private mutating func markNoise() {
            for i in 0..<count {
                let line = table.lines[i]
                if line.scalars > 0 && Double(line.junk) >= settings.junkMinShare * Double(line.scalars) {
                    set(i, .junk)
                    junkLines += 1
                }
            }
        }

        /// `10:42`, `9.05am`, `14h05` at the start of the line.
        private func isTimestamp(_ bytes: ArraySlice<UInt8>) -> Bool {
            var i = bytes.startIndex
            var digits = 0
            while i < bytes.endIndex && bytes[i] >= 0x30 && bytes[i] <= 0x39 { digits += 1; i += 1 }
            guard (1...2).contains(digits), i < bytes.endIndex, [0x3A, 0x2E, 0x68].contains(bytes[i]) else { return false }
            i += 1
            var minutes = 0
            while i < bytes.endIndex && bytes[i] >= 0x30 && bytes[i] <= 0x39 { minutes += 1; i += 1 }
            return minutes == 2
        }

        // MARK: - Steps 3 and 4: cues and shapes

        /// Classifies lines by the data tables, then by shape. The order
        /// matters: a label is checked before boilerplate ("Related" is both a
        /// label and, as "Related: …", a slot), a byline and a date before the
        /// phrase cues that could otherwise eat them.
        private mutating func markCues() {
            for i in 0..<count where kind(i) == .unclassified {
                let line = table.lines[i]
                // Cues only ever look at the start of a line, or at lines
                // shorter than this window.
                let lowered = table.lowered(i, limit: 1024)
                let isWhole = line.byteCount <= 1024
                let key = isWhole && line.words <= settings.labelMaxWords ? CueText.stripDecoration(lowered) : []

                if !key.isEmpty {
                    if Tables.relatedLabels.contains(key) { set(i, .relatedLabel); continue }
                    if Tables.listLabels.contains(key) { set(i, .listLabel); continue }
                    if Tables.tagLabels.contains(key) { set(i, .tagLabel); continue }
                }
                if line.words <= settings.prefixCueMaxWords, let length = Tables.tagPrefixes.prefixLength(of: lowered) {
                    set(i, .tagList)
                    found.inlineTags += splitTags(dropping: length, from: i)
                    continue
                }
                if line.words <= settings.bylineMaxWords, !line.endsSentence, let byline = byline(i, lowered) {
                    set(i, .byline)
                    bylines[i] = byline
                    continue
                }
                if line.words <= settings.creditMaxWords, let length = Tables.creditPrefixes.prefixLength(of: lowered) {
                    set(i, .credit)
                    credits[i] = remainder(of: i, afterLowered: length, lowered: lowered)
                    continue
                }
                // Every date form read needs a four-digit year: a cheap filter.
                if line.byteCount <= settings.dateLineMaxBytes, line.digits >= 4, let date = ScrapedTextExtractor.findDate(in: lowered) {
                    let published = Tables.publishedCues.prefixLength(of: lowered) != nil
                    let updated = Tables.updatedCues.prefixLength(of: lowered) != nil
                    if published || updated || date.otherWords == 0 {
                        set(i, .date)
                        dates.append(DateCandidate(index: i, iso: date.iso, isUpdate: updated && !published))
                        continue
                    }
                }
                if !key.isEmpty {
                    if Tables.slotLines.contains(key) { set(i, .boilerplate(closing: false)); continue }
                    if Tables.pageLines.contains(key) { set(i, .boilerplate(closing: true)); continue }
                }
                if line.words <= settings.prefixCueMaxWords {
                    if Tables.slotPrefixes.prefixLength(of: lowered) != nil { set(i, .boilerplate(closing: false)); continue }
                    if Tables.pagePrefixes.prefixLength(of: lowered) != nil { set(i, .boilerplate(closing: true)); continue }
                }
                if line.words <= settings.suffixCueMaxWords && isWhole && Tables.slotSuffixes.isSuffix(of: CueText.stripDecoration(lowered)) {
                    set(i, .boilerplate(closing: false)); continue
                }
                if line.words <= settings.phraseCueMaxWords && Tables.pagePhrases.occurs(in: lowered) {
                    set(i, .boilerplate(closing: true)); continue
                }
                if line.words <= settings.consentCueMaxWords && Tables.consentPhrases.occurs(in: lowered) {
                    // A short consent line is furniture wherever it is. A long
                    // one is only a candidate: it is dropped outside the
                    // article but kept inside it, where it is a paragraph of a
                    // story about privacy rules ("… the site uses cookies to
                    // track readers without consent …").
                    if line.words <= settings.phraseCueMaxWords { set(i, .boilerplate(closing: true)); continue }
                    consentCandidates.insert(i)
                }
                if isLinkList(line, lowered) { set(i, .boilerplate(closing: true)); continue }
                if isCreditShape(line, i) {
                    set(i, .credit)
                    credits[i] = table.string(i)
                    continue
                }
                // Noise, after the date rule so that "18/03/2025 - 08:15" is a date line.
                if line.letters == 0 && line.byteCount <= settings.shapeMaxBytes {
                    set(i, .boilerplate(closing: false)); continue
                }
                // "10:42 GMT", "9.05am": a time and at most a zone or meridiem.
                if line.words <= 3 && line.byteCount <= 40 && isTimestamp(table.slice(i)) {
                    set(i, .boilerplate(closing: false)); continue
                }
            }
        }

        /// A byline: a byline cue, then a capitalized name that is not a weekday
        /// or month ("By Tuesday evening, …" is a sentence, not a byline). A date
        /// in the line ("By Tomas Varga | 3 March 2025") is cut off and kept as
        /// a date candidate.
        private mutating func byline(_ i: Int, _ lowered: [UInt8]) -> String? {
            guard let length = Tables.bylinePrefixes.prefixLength(of: lowered) else { return nil }
            let original = Array(table.slice(i))
            var start = originalOffset(lowered: length, in: original)
            while start < original.count && original[start] == 0x20 { start += 1 }
            guard start < original.count else { return nil }
            let first = original[start]
            let second: UInt8 = start + 1 < original.count ? original[start + 1] : 0
            let capitalized = (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97)
            guard capitalized else { return nil }
            var nameEnd = original.count
            var firstWordEnd = start
            while firstWordEnd < original.count && original[firstWordEnd] != 0x20 && original[firstWordEnd] != 0x2C { firstWordEnd += 1 }
            let firstWord = CueText.lowered(original[start..<firstWordEnd], limit: 64)
            if Tables.weekdays.contains(firstWord) || Tables.months[firstWord] != nil { return nil }
            if table.lines[i].digits >= 4, let date = ScrapedTextExtractor.findDate(in: lowered) {
                let dateStart = originalOffset(lowered: date.start, in: original)
                if dateStart > start {
                    nameEnd = dateStart
                    dates.append(DateCandidate(index: i, iso: date.iso, isUpdate: false))
                }
            }
            let name = trimTrailingDateWords(Array(original[start..<nameEnd]))
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }

        /// Drops separators and date-line words left at the end of a byline
        /// once its date is cut off ("Tomas Varga | Published" → "Tomas Varga").
        private func trimTrailingDateWords(_ bytes: [UInt8]) -> [UInt8] {
            var bytes = bytes
            while true {
                let before = bytes.count
                while let last = bytes.last, [0x20, 0x7C, 0x2C, 0x2D, 0x3A, 0x3B, 0x2F].contains(last) { bytes.removeLast() }
                let stripped = CueText.stripDecoration(bytes)
                if stripped.count < bytes.count, bytes.starts(with: stripped) { bytes = stripped }
                if let space = bytes.lastIndex(of: 0x20) {
                    let word = CueText.lowered(bytes[(space + 1)...], limit: 64)
                    if Tables.weekdays.contains(word) || Tables.dateLineWords.contains(word) { bytes.removeSubrange(space...) }
                }
                if bytes.count == before { return bytes }
            }
        }

        /// The original byte offset that corresponds to `lowered` bytes of the
        /// lowered copy (lowering turns a 3-byte curly apostrophe into 1 byte).
        private func originalOffset(lowered: Int, in original: [UInt8]) -> Int {
            var i = 0, j = 0
            while i < original.count && j < lowered {
                let b = original[i]
                if b == 0xE2 && i + 2 < original.count && original[i + 1] == 0x80 && (original[i + 2] == 0x98 || original[i + 2] == 0x99) {
                    i += 3; j += 1
                } else {
                    i += 1; j += 1
                }
            }
            return i
        }

        /// The text of line `i` after a cue of `length` lowered bytes, trimmed.
        private func remainder(of i: Int, afterLowered length: Int, lowered: [UInt8]) -> String {
            let original = Array(table.slice(i))
            var start = originalOffset(lowered: length, in: original)
            while start < original.count && (original[start] == 0x20 || original[start] == 0x3A) { start += 1 }
            return String(decoding: original[start...], as: UTF8.self)
        }

        /// Tags of an inline tag list, split at `,` `;` `|` `·` `•`.
        private func splitTags(dropping length: Int, from i: Int) -> [String] {
            let original = Array(table.slice(i))
            let rest = Array(original[originalOffset(lowered: length, in: original)...])
            var tags: [String] = []
            var current: [UInt8] = []
            func flush() {
                let tag = current.trimmingSpaces()
                if !tag.isEmpty { tags.append(String(decoding: tag, as: UTF8.self)) }
                current = []
            }
            var k = 0
            while k < rest.count {
                let b = rest[k]
                if b == 0x2C || b == 0x3B || b == 0x7C { flush(); k += 1; continue }
                if b == 0xC2 && k + 1 < rest.count && rest[k + 1] == 0xB7 { flush(); k += 2; continue }
                if b == 0xE2 && k + 2 < rest.count && rest[k + 1] == 0x80 && rest[k + 2] == 0xA2 { flush(); k += 3; continue }
                current.append(b)
                k += 1
            }
            flush()
            return tags
        }

        /// A link list or breadcrumb: items separated by ` | `, ` • `, ` · `
        /// (at least two separators) or ` › `, ` » `, ` > ` (one is enough: a
        /// breadcrumb "World › Middle East"), with few words per item and no
        /// final period.
        private func isLinkList(_ line: Line, _ lowered: [UInt8]) -> Bool {
            guard line.byteCount <= settings.shapeMaxBytes, !line.endsWithPeriod else { return false }
            var pipes = 0, arrows = 0
            let n = lowered.count
            var k = 1
            while k < n - 1 {
                if lowered[k - 1] == 0x20 {
                    let b = lowered[k]
                    if (b == 0x7C) && lowered[k + 1] == 0x20 { pipes += 1 }
                    else if b == 0x3E && lowered[k + 1] == 0x20 { arrows += 1 }
                    else if b == 0xC2 && k + 2 < n && lowered[k + 2] == 0x20 && lowered[k + 1] == 0xB7 { pipes += 1 }
                    else if b == 0xC2 && k + 2 < n && lowered[k + 2] == 0x20 && lowered[k + 1] == 0xBB { arrows += 1 }
                    else if b == 0xE2 && k + 3 < n && lowered[k + 1] == 0x80 && lowered[k + 3] == 0x20 {
                        if lowered[k + 2] == 0xA2 { pipes += 1 } else if lowered[k + 2] == 0xBA { arrows += 1 }
                    }
                }
                k += 1
            }
            let separators = pipes + arrows
            guard pipes >= 2 || arrows >= 1 else { return false }
            let itemWords = Double(line.words - separators) / Double(separators + 1)
            return itemWords <= Double(settings.linkListMaxItemWords)
        }

        /// `EMRE TASKIN / MERIDIAN PHOTO`, `AFP/GETTY IMAGES`: short, mostly
        /// capitals, with a slash, no final period. Photo credits are set in
        /// capitals on many sites and the slash joins photographer and agency.
        private func isCreditShape(_ line: Line, _ i: Int) -> Bool {
            guard line.byteCount <= settings.creditMaxBytes, !line.endsSentence, line.letters >= 4,
                  table.slice(i).contains(0x2F) else { return false }
            let cased = line.uppercase + line.lowercase
            return cased > 0 && Double(line.uppercase) >= settings.creditMinUppercaseShare * Double(cased)
        }

        // MARK: - Step 5: repeats

        /// Short non-sentence lines seen more than once are menus, share bars
        /// and footers that scrapers repeat; a sentence seen twice is kept
        /// (a live blog may say "He declined to comment." twice).
        private mutating func markRepeats() {
            var seen: [ArraySlice<UInt8>: Int] = [:]
            for i in 0..<count where kind(i) == .unclassified {
                let line = table.lines[i]
                guard line.byteCount <= settings.repeatMaxBytes, !line.endsSentence else { continue }
                seen[table.slice(i), default: 0] += 1
            }
            for i in 0..<count where kind(i) == .unclassified {
                let line = table.lines[i]
                guard line.byteCount <= settings.repeatMaxBytes, !line.endsSentence else { continue }
                if seen[table.slice(i), default: 0] > 1 { set(i, .repeated) }
            }
        }

        // MARK: - Step 6: captions

        /// The line just above a credit is the photo's caption. The first pass
        /// takes only sentence-like lines (before the title is known, a
        /// headline just above a credit must not be taken); the second, after
        /// the title is found, also takes unpunctuated captions.
        private mutating func markCaptions(requireSentence: Bool) {
            for i in 0..<count where kind(i) == .credit && i > 0 {
                let above = i - 1
                guard kind(above) == .unclassified, above != titleIndex else { continue }
                let line = table.lines[above]
                guard line.words >= settings.captionMinWords, line.byteCount <= settings.captionMaxBytes else { continue }
                if requireSentence && !line.endsSentence { continue }
                set(above, .caption)
            }
        }

        // MARK: - Step 7: labelled lists

        /// The titles under a related label become related articles, those
        /// under a most-read label are dropped, and the short lines under a tag
        /// label become tags. A run stops at the first line that does not fit,
        /// and before a heading whose next line is a strong paragraph or a
        /// byline (that heading belongs to an article, not to the list).
        private mutating func markLabelledLists() {
            for i in 0..<count {
                let label = kind(i)
                guard label == .relatedLabel || label == .listLabel || label == .tagLabel else { continue }
                var items = 0
                var j = i + 1
                let maxItems = label == .tagLabel ? settings.tagsMaxItems : settings.listMaxItems
                while j < count && items < maxItems {
                    let k = kind(j)
                    if k == .date || k == .junk || k == .boilerplate(closing: false) { j += 1; continue }
                    guard k == .unclassified || k == .repeated else { break }
                    let line = table.lines[j]
                    if label == .tagLabel {
                        guard line.words <= settings.tagMaxWords, !line.endsSentence else { break }
                        set(j, .tag)
                    } else {
                        guard line.words >= 2, line.words <= settings.listItemMaxWords,
                              !line.endsWithPeriod, !line.endsWithColon else { break }
                        if j + 1 < count {
                            let next = kind(j + 1)
                            if (next == .unclassified && isStrong(table.lines[j + 1])) || [.byline, .caption, .credit].contains(next) { break }
                        }
                        set(j, label == .relatedLabel ? .related : .listItem)
                    }
                    items += 1
                    j += 1
                }
            }
        }

        // MARK: - Steps 8 and 9: body start and title

        /// The first strong line, skipping consent banners (which are long
        /// sentences, and usually sit above the article).
        private func findBodyStart() -> Int? {
            (0..<count).first { kind($0) == .unclassified && isStrong(table.lines[$0]) && !consentCandidates.contains($0) }
        }

        /// The first title-like line above the body that does not head a menu.
        /// The first, not the last: a standfirst between headline and body may
        /// lack its period too, and menus rarely hold four-word items.
        private mutating func findTitle(before end: Int) -> Int? {
            for i in 0..<end where (kind(i) == .unclassified || kind(i) == .repeated) && isTitleLike(table.lines[i]) && !headsMenu(i) {
                set(i, .title)
                found.title = table.string(i)
                return i
            }
            diagnostics.append(Diagnostic(id: "SR-EXT-001", severity: .warning,
                                          message: "no title found: no line of \(settings.titleMinWords)+ words without a final period precedes the first body paragraph",
                                          stage: ExtractStage.stageName))
            return nil
        }

        /// Whether the two lines after `i` are menu items (short, no sentence
        /// end, unclaimed or page furniture): then `i` is a site name above its
        /// sections ("Le Courrier du Lac" / "Accueil" / "International"), not a
        /// headline, which is followed by a standfirst, caption, byline or body.
        /// Share buttons are slot furniture and do not count, so a headline
        /// followed by "Share" / "Facebook" is still a headline.
        private func headsMenu(_ i: Int) -> Bool {
            guard i + 2 < count else { return false }
            for j in (i + 1)...(i + 2) {
                let k = kind(j), line = table.lines[j]
                guard k == .unclassified || k == .repeated || k == .boilerplate(closing: true),
                      line.words <= 3, !line.endsSentence else { return false }
            }
            return true
        }

        /// Later copies of the headline are dropped: pages often repeat the
        /// headline as the first line of the body (an `h1` above the story and
        /// the same text in the article block).
        private mutating func dropTitleCopies() {
            guard let title = titleIndex else { return }
            let key = table.lowered(title, limit: Int.max)
            var reported = false
            for i in 0..<count where i != title && (kind(i) == .unclassified || kind(i) == .repeated) {
                guard table.lines[i].byteCount == table.lines[title].byteCount, table.lowered(i, limit: Int.max) == key else { continue }
                set(i, .boilerplate(closing: false))
                if !reported && i > title {
                    reported = true
                    diagnostics.append(Diagnostic(id: "SR-EXT-006", severity: .info,
                                                  message: "the page repeats its headline below it; the copy was dropped from the body",
                                                  stage: ExtractStage.stageName))
                }
            }
        }

        // MARK: - Step 10: zones

        /// Position rules for the lines no cue claimed.
        ///
        /// - Header (title to body start): sentence-like lines and long
        ///   unpunctuated ones are a standfirst and kept; short fragments
        ///   (kickers, "5 min read") are dropped. Above the title, all is page.
        /// - Body (body start to the first page cue after the last strong
        ///   line): paragraphs of any length, subheads before paragraphs. Ending
        ///   at a *page* cue, not a slot cue, keeps a short last paragraph that
        ///   follows an ad slot.
        /// - Tail: the rest.
        private mutating func classifyZones(bodyStart: Int?) {
            let zoneStart = bodyStart ?? titleIndex.map { $0 + 1 }
            guard let zoneStart else {
                for i in consentCandidates { set(i, .boilerplate(closing: true)) }
                for i in 0..<count where kind(i) == .unclassified || kind(i) == .repeated { set(i, .dropped) }
                return
            }
            var lastStrong = zoneStart - 1
            for i in zoneStart..<count where kind(i) == .unclassified && isStrong(table.lines[i]) && !consentCandidates.contains(i) {
                lastStrong = i
            }
            var zoneEnd = count
            for i in (lastStrong + 1)..<max(count, lastStrong + 1) where kind(i).endsArticle { zoneEnd = i; break }
            // Consent banners outside the body (above it, or after the page
            // furniture that ends it) are page furniture; inside, keep them.
            for i in consentCandidates where kind(i) == .unclassified && (i < zoneStart || i >= zoneEnd) {
                set(i, .boilerplate(closing: true))
            }

            // A heading directly above a paragraph. Repeated lines qualify: a
            // live blog lists its entry headlines under "Key events" and again
            // above each entry.
            func headsParagraph(_ i: Int, _ line: Line) -> Bool {
                isSubheadLike(line) && i + 1 < zoneEnd && kind(i + 1) == .unclassified && isBodyLike(table.lines[i + 1])
            }
            for i in 0..<count where kind(i) == .unclassified || kind(i) == .repeated {
                let line = table.lines[i]
                let inHeader = titleIndex.map { i > $0 } ?? false
                if i < zoneStart {
                    let standfirst = kind(i) == .unclassified
                        && ((line.endsSentence && line.letters > 0) || line.words >= settings.unpunctuatedBodyMinWords)
                    // The line right above the first paragraph may be its
                    // heading (a live blog's first entry).
                    if inHeader && i == zoneStart - 1 && bodyStart != nil && headsParagraph(i, line) {
                        set(i, .subhead)
                    } else {
                        set(i, inHeader && standfirst ? .body : .dropped)
                    }
                } else if i < zoneEnd {
                    if kind(i) == .unclassified && isBodyLike(line) {
                        set(i, .body)
                    } else if headsParagraph(i, line) {
                        set(i, .subhead)
                    } else {
                        set(i, .dropped)
                    }
                } else {
                    set(i, .dropped)
                }
            }
        }

        // MARK: - Step 11: rescue

        /// When the rules kept no paragraph (a page of short sentences without
        /// a headline, say), keep every line the position rules dropped that is
        /// sentence-like or long: losing the article is worse than keeping a
        /// stray line.
        private mutating func rescueIfEmpty() {
            guard !table.lines.contains(where: { $0.kind == .body }) else { return }
            var kept = 0
            for i in 0..<count where kind(i) == .dropped {
                let line = table.lines[i]
                if (line.endsSentence && line.words >= 2) || line.byteCount >= settings.longLineBytes || line.words >= settings.unpunctuatedBodyMinWords {
                    set(i, .body)
                    kept += 1
                }
            }
            if kept > 0 {
                diagnostics.append(Diagnostic(id: "SR-EXT-003", severity: .warning,
                                              message: "no body paragraph found by the main rules; the baseline rescue kept \(kept) sentence-like line(s)",
                                              stage: ExtractStage.stageName))
            }
        }

        // MARK: - Metadata

        private mutating func collectMetadata() {
            found.byline = bylines.keys.min().flatMap { bylines[$0] }
            found.caption = (0..<count).first { kind($0) == .caption }.map { table.string($0) }
            found.credit = credits.keys.min().flatMap { credits[$0] }
            // A publication date beats an update date; otherwise the first date.
            let ordered = dates.sorted { $0.index < $1.index }
            found.published = (ordered.first { !$0.isUpdate } ?? ordered.first)?.iso
            if found.published == nil {
                diagnostics.append(Diagnostic(id: "SR-EXT-002", severity: .info,
                                              message: "no publication date found in the page (looked for date lines such as 'Published 11 June 2024')",
                                              stage: ExtractStage.stageName))
            }
            if junkLines > 0 {
                diagnostics.append(Diagnostic(id: "SR-EXT-005", severity: .info,
                                              message: "dropped \(junkLines) line(s) that look like binary junk (replacement or control characters)",
                                              stage: ExtractStage.stageName))
            }
        }
    }
}
