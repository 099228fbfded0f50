/// Steps 4–9 of the ``HTMLExtractor`` cascade: scores the page's blocks,
/// picks the article container and emits its paragraphs.
struct HTMLBodySelector {
    /// What the selector found.
    struct Selection {
        /// Body paragraphs (subheads included), in page order.
        var paragraphs: [String] = []
        /// The headings kept in the body.
        var subheads: [String] = []
        /// Whether step 9 (rescue) produced the body.
        var usedRescue = false
    }

    let page: HTMLPage
    let settings: HTMLExtractor.Settings
    let title: String?
    private let normalizedTitle: String

    /// Per element: whether a boilerplate cue sits on it or above it.
    private var underCue: [Bool] = []
    /// Per element: one past the last element of its subtree (elements are in pre-order).
    private var subtreeEnd: [Int32] = []

    init(page: HTMLPage, settings: HTMLExtractor.Settings, title: String?) {
        self.page = page
        self.settings = settings
        self.title = title
        normalizedTitle = title.map(Self.normalized) ?? ""
        let count = page.elements.count
        underCue = [Bool](repeating: false, count: count)
        subtreeEnd = (0..<count).map { Int32($0 + 1) }
        for (i, element) in page.elements.enumerated() {
            let cued = element.cue == .strong || element.cue == .weak
            underCue[i] = cued || (element.parent >= 0 && underCue[Int(element.parent)])
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            let parent = Int(page.elements[i].parent)
            if parent >= 0 && subtreeEnd[i] > subtreeEnd[parent] { subtreeEnd[parent] = subtreeEnd[i] }
        }
    }

    func select() -> Selection {
        guard !page.blocks.isEmpty else { return Selection() }
        let weights = page.blocks.map(goodWeight)
        // Step 4: good text per element, with cues and without.
        let withCues = accumulate(weights, honourCues: true)
        let withoutCues = accumulate(weights, honourCues: false)
        let totalWith = withCues.max() ?? 0
        let totalWithout = withoutCues.max() ?? 0
        // Step 7 decides which score table steps 5–6 use.
        let misfire = totalWith == 0 || Double(totalWith) < settings.cueMisfireShare * Double(totalWithout)
        let good = misfire ? withoutCues : withCues
        var selection = Selection()
        let chosen = containers(good, weights: weights, honourCues: !misfire)
        if !chosen.isEmpty {
            selection = emit(containers: chosen, weights: weights)
        }
        // Step 9: rescue.
        if selection.paragraphs.reduce(0, { $0 + $1.count }) < settings.minBodyChars {
            var rescue = Selection()
            rescue.usedRescue = true
            for (i, block) in page.blocks.enumerated() where weights[i] > 0 && !(block.owner >= 0 && underCue[Int(block.owner)]) {
                rescue.paragraphs.append(clean(page.string(block)))
            }
            if rescue.paragraphs.isEmpty {
                for (i, block) in page.blocks.enumerated() where weights[i] > 0 { rescue.paragraphs.append(clean(page.string(block))) }
            }
            if rescue.paragraphs.isEmpty {
                for block in page.blocks where !block.inFigure && block.role != .caption { rescue.paragraphs.append(clean(page.string(block))) }
            }
            let rescued = rescue.paragraphs.reduce(0, { $0 + $1.count })
            if rescued > selection.paragraphs.reduce(0, { $0 + $1.count }) { selection = rescue }
        }
        return selection
    }

    // MARK: Step 4

    /// The weight of a block as a good paragraph, or 0.
    private func goodWeight(_ block: HTMLPage.Block) -> Int {
        switch block.role {
        case .paragraph, .container, .quote, .preformatted, .listItem, .cell, .body, .html, .header, .footer, .aside, .form, .nav, .other:
            break
        default:
            return 0
        }
        if block.inFigure { return 0 }
        let bytes = Int(block.end - block.start)
        guard bytes > 0 else { return 0 }
        if Double(block.linkBytes) > settings.goodParagraphMaxLinkDensity * Double(bytes) { return 0 }
        // CJK and other scripts of 3-byte UTF-8 carry about twice the text per character.
        let wide = max(0, (bytes - Int(block.chars)) / 2)
        let weight = Int(block.chars) + wide
        return weight >= settings.goodParagraphMinChars ? weight : 0
    }

    /// Good text per element: each good block's weight added to its owner and
    /// every ancestor; with `honourCues`, blocks under a boilerplate cue count nothing.
    private func accumulate(_ weights: [Int], honourCues: Bool) -> [Int] {
        var good = [Int](repeating: 0, count: page.elements.count)
        for (i, block) in page.blocks.enumerated() where weights[i] > 0 && block.owner >= 0 {
            if honourCues && underCue[Int(block.owner)] { continue }
            var e = Int(block.owner)
            while e >= 0 {
                good[e] += weights[i]
                e = Int(page.elements[e].parent)
            }
        }
        return good
    }

    // MARK: Steps 5–6

    /// The element subtrees that hold the article, in page order.
    private func containers(_ good: [Int], weights: [Int], honourCues: Bool) -> [Int] {
        // Step 5a: readability's local score. A paragraph credits the box
        // that holds it in full and the box above half, so the box whose
        // *own* children are paragraphs wins, not a page wrapper, and not a
        // list of teaser cards whose texts each sit in their own card.
        var local = [Double](repeating: 0, count: good.count)
        for (i, block) in page.blocks.enumerated() where weights[i] > 0 && block.owner >= 0 {
            if honourCues && underCue[Int(block.owner)] { continue }
            var e = Int(block.owner)
            if block.role != .container && block.role != .body && block.role != .html {
                e = Int(page.elements[e].parent)
            }
            guard e >= 0 else { continue }
            local[e] += Double(weights[i])
            let up = Int(page.elements[e].parent)
            if up >= 0 { local[up] += Double(weights[i]) / 2 }
        }
        guard var top = local.indices.max(by: { local[$0] < local[$1] }), local[top] > 0 else { return [] }
        // Step 5b: climb while the box above adds little good text of its own
        // (the story's header and footer come along; a sidebar does not).
        while true {
            let parent = Int(page.elements[top].parent)
            guard parent >= 0, Double(good[top]) >= settings.descendShare * Double(good[parent]) else { break }
            top = parent
        }
        var chosen = withSplitParts(top, good)
        // Step 6: named article bodies holding enough of that text win.
        var named: Int?
        for i in good.indices where page.elements[i].cue == .content && good[i] > 0 {
            if named == nil || good[i] > good[named!] { named = i }
        }
        if let named {
            let parts = withSplitParts(named, good)
            let namedGood = parts.reduce(0) { $0 + good[$1] }
            let chosenGood = chosen.reduce(0) { $0 + good[$1] }
            if Double(namedGood) >= settings.namedContainerMinShare * Double(chosenGood) { chosen = parts }
        }
        return chosen
    }

    /// `element` plus its siblings of the same signature that hold good
    /// text: an article cut into parts by mid-article ad slots
    /// (`<div class="body">…</div><div class="ad"/><div class="body">…</div>`).
    /// The parts may be cousins (each part wrapped in its own grid row), so
    /// the element's ancestors up to ``HTMLExtractor/Settings/splitPartLevels``
    /// levels up are tried in turn.
    private func withSplitParts(_ element: Int, _ good: [Int]) -> [Int] {
        var candidate = element
        for _ in 0...settings.splitPartLevels {
            let parent = page.elements[candidate].parent
            guard parent >= 0 else { break }
            let signature = page.elements[candidate].signature
            var parts: [Int] = []
            var i = Int(parent) + 1
            let end = Int(subtreeEnd[Int(parent)])
            while i < end {
                if i == candidate || (page.elements[i].signature == signature && good[i] > 0) { parts.append(i) }
                i = Int(subtreeEnd[i])  // next child of `parent`
            }
            if parts.count > 1 { return parts }
            candidate = Int(parent)
        }
        return [element]
    }

    // MARK: Step 8

    private func emit(containers: [Int], weights: [Int]) -> Selection {
        var chosen: [Int] = []
        for (i, block) in page.blocks.enumerated() {
            let owner = Int(block.owner)
            guard let container = containers.first(where: { owner >= $0 && owner < Int(subtreeEnd[$0]) }) else { continue }
            if block.inFigure || block.role == .caption { continue }
            if cuedBelow(container: container, owner: owner) { continue }
            let bytes = Double(block.end - block.start)
            let links = Double(block.linkBytes)
            if links > settings.maxLinkDensity * bytes { continue }
            // A tweet's attribution line ("— Name (@handle) March 5, 2024")
            // links its date; inside a quote that is not a link list.
            if block.role != .quote && Int(block.chars) < settings.shortBlockChars && links > settings.shortBlockMaxLinkDensity * bytes { continue }
            chosen.append(i)
        }
        // Trim the edges: before the first and after the last good paragraph
        // only sentence-like blocks stay.
        guard let firstGood = chosen.firstIndex(where: { weights[$0] > 0 }),
              let lastGood = chosen.lastIndex(where: { weights[$0] > 0 }) else {
            return collect(chosen)
        }
        var kept: [Int] = []
        for (position, i) in chosen.enumerated() {
            if position < firstGood || position > lastGood {
                let block = page.blocks[i]
                if block.role == .heading && position < firstGood && position + 1 == firstGood && !isTitle(page.string(block)) {
                    kept.append(i)
                    continue
                }
                guard isSentence(page.string(block)) else { continue }
            }
            kept.append(i)
        }
        return collect(kept)
    }

    /// Whether a boilerplate cue sits on `owner` or between it and `container`.
    private func cuedBelow(container: Int, owner: Int) -> Bool {
        var e = owner
        while e > container {
            let cue = page.elements[e].cue
            if cue == .strong || cue == .weak { return true }
            e = Int(page.elements[e].parent)
        }
        return false
    }

    private func collect(_ indices: [Int]) -> Selection {
        var selection = Selection()
        var seenTitle = false
        for i in indices {
            let block = page.blocks[i]
            let text = clean(page.string(block))
            guard !text.isEmpty else { continue }
            // The headline repeated as the first body line.
            if !seenTitle && selection.paragraphs.count < 3 && isTitle(text) { seenTitle = true; continue }
            if block.role == .heading { selection.subheads.append(text) }
            selection.paragraphs.append(text)
        }
        return selection
    }

    private func isTitle(_ text: String) -> Bool {
        guard !normalizedTitle.isEmpty, text.utf8.count < 4 * normalizedTitle.utf8.count + 64 else { return false }
        return Self.normalized(text) == normalizedTitle
    }

    /// Letters and digits, lowercased: "Ruritania: talks end" matches "RURITANIA — Talks end".
    static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    /// A block that reads as a sentence: long enough and ending in sentence
    /// punctuation (a closing quote or bracket may follow).
    private func isSentence(_ text: String) -> Bool {
        guard text.count >= settings.edgeSentenceMinChars else { return false }
        var scalars = text.unicodeScalars.reversed().makeIterator()
        while let s = scalars.next() {
            if "\"'”’»)]".unicodeScalars.contains(s) { continue }
            return ".!?。！？…:".unicodeScalars.contains(s)
        }
        return false
    }

    /// A paragraph with no blank line inside (the output separator is `"\n\n"`).
    private func clean(_ text: String) -> String {
        var previous: UInt8 = 0
        var blankLine = false
        for c in text.utf8 {
            if c == 0x0A && previous == 0x0A { blankLine = true; break }
            previous = c
        }
        guard blankLine else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }
}
