/// The tokens of one document as the entity tagger reads them: normalized UTF-8
/// bytes, token ranges into them and sentence boundaries as token indexes.
///
/// Built from a ``SitrepCore/Document`` by ``EntityStage`` (through the
/// ``NormalizedText`` view, so curly quotes and dashes look like the ASCII training
/// data) or from a CoNLL file by ``EntityTrainer``.
public struct EntityInput: Sendable {
    /// The text bytes the token ranges point into.
    public var bytes: [UInt8]
    /// `tokenStarts[i]..<tokenEnds[i]`: the bytes of token `i`.
    public var tokenStarts: [Int32]
    public var tokenEnds: [Int32]
    /// Sentence `s` covers tokens `sentenceBounds[s]..<sentenceBounds[s + 1]`; the
    /// array starts with 0 and ends with the token count.
    public var sentenceBounds: [Int32]

    public init(bytes: [UInt8], tokenStarts: [Int32], tokenEnds: [Int32], sentenceBounds: [Int32]) {
        precondition(tokenStarts.count == tokenEnds.count, "one end per token start")
        precondition(sentenceBounds.first == 0 && sentenceBounds.last == Int32(tokenStarts.count),
                     "sentence bounds run from 0 to the token count")
        self.bytes = bytes
        self.tokenStarts = tokenStarts
        self.tokenEnds = tokenEnds
        self.sentenceBounds = sentenceBounds
    }

    /// Sentences of pre-split tokens, joined by single spaces (the `tokens` input layout).
    public init(sentences: [[String]]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [], ends: [Int32] = [], bounds: [Int32] = [0]
        for sent in sentences {
            for token in sent {
                if !bytes.isEmpty { bytes.append(0x20) }
                starts.append(Int32(bytes.count))
                bytes.append(contentsOf: token.utf8)
                ends.append(Int32(bytes.count))
            }
            bounds.append(Int32(starts.count))
        }
        self.init(bytes: bytes, tokenStarts: starts, tokenEnds: ends, sentenceBounds: bounds)
    }

    public var tokenCount: Int { tokenStarts.count }
    public var sentenceCount: Int { sentenceBounds.count - 1 }

    /// Token index range of sentence `index`.
    public func sentence(_ index: Int) -> Range<Int> {
        Int(sentenceBounds[index])..<Int(sentenceBounds[index + 1])
    }
}

/// Letter case of a token, one of the tagger's strongest cues.
enum Casing: UInt8, Sendable {
    /// No ASCII letter ("1996", ",", "ü").
    case none = 0
    /// Starts with a lowercase letter ("said", "al-Sadr").
    case lower
    /// Only uppercase letters ("NATO", "A").
    case upper
    /// Uppercase first, lowercase later ("Ruritania", "McDonald").
    case title
    /// Anything else with letters ("1st", "eBay").
    case mixed
}

/// What the feature templates need to know about one token, computed once per token
/// from its bytes: hashes only, no strings.
struct TokenInfo: Sendable {
    var word: UInt64 = 0
    var lower: UInt64 = 0
    var shapeLong: UInt64 = 0
    var shapeShort: UInt64 = 0
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Packed cluster ids, or ``EntityLexicon/noCluster``.
    var clusters: UInt32 = EntityLexicon.noCluster
    /// Gazetteer categories of phrases that start at / continue through this token.
    var gazetteerBegin: UInt32 = 0
    var gazetteerInside: UInt32 = 0
    var casing: Casing = .none
    var sentenceInitial = false
    /// The token's sentence has no lowercase letter (a headline or table row).
    var capsSentence = false
}

/// Feature template ids. The raw values are part of model format 1: renumbering
/// them invalidates every trained model.
enum Template: UInt64 {
    case bias = 1, word, lower, lowerPrev1, lowerNext1, lowerPrev2, lowerNext2, bigramPrev, bigramNext
    case shapeLong, shapeShort, shapePrev, shapeNext, shapeTrigram
    case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
    case cluster64, cluster256, cluster1024, clusterPrev256, clusterNext256, clusterPrev1024, clusterNext1024
    case clusterPrev2of64, clusterNext2of64
    case gazetteerBegin, gazetteerInside, gazetteerPrev, gazetteerNext
    case initialShape, capsSentenceLower, documentCasing, prevWordShape
    // Second stage: what the first stage said about this document.
    case firstStageLabel = 64, firstStageTrigram, documentMajority, documentFirstMention, documentMajorityPrev, documentMajorityNext
}

/// Turns tokens into rows of a hashed weight table.
///
/// Every feature is a (template, value) pair hashed to one of `2^bits` rows; a row
/// holds one weight per ``EntityLabel``. Feature extraction walks each token's
/// bytes once (``describe(_:lexicon:)``) and then combines 64-bit hashes, so the hot
/// path allocates nothing per feature.
struct EntityFeatures: Sendable {
    let bits: Int
    private let shift: UInt64

    init(bits: Int) {
        precondition((10...26).contains(bits), "weight table bits must be in 10...26, got \(bits)")
        self.bits = bits
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    func row(_ template: Template, _ value: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: FeatureHash.mix(value ^ (template.rawValue &* 0x9E37_79B9_7F4A_7C15)) >> shift)
    }

    static let boundary: UInt64 = 0xB0B0_B0B0
    static let none: UInt64 = 0x0000_0000_DEAD_BEEF

    // MARK: Token descriptions

    /// Describes every token of `input`: hashes, casing, clusters, gazetteer matches and
    /// sentence flags.
    ///
    /// - Complexity: O(n) in the bytes of the tokens, plus ``EntityLexicon/maxPhraseTokens``
    ///   gazetteer lookups per token.
    static func describe(_ input: EntityInput, lexicon: EntityLexicon) -> [TokenInfo] {
        var infos = [TokenInfo](repeating: TokenInfo(), count: input.tokenCount)
        input.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<input.tokenCount {
                describeToken(bytes, Int(input.tokenStarts[index]), Int(input.tokenEnds[index]), lexicon, &infos[index])
            }
        }
        for sent in 0..<input.sentenceCount {
            let range = input.sentence(sent)
            guard !range.isEmpty else { continue }
            infos[range.lowerBound].sentenceInitial = true
            var anyLower = false, upperWords = 0
            for index in range {
                switch infos[index].casing {
                case .lower, .title, .mixed: anyLower = true
                case .upper: upperWords += 1
                case .none: break
                }
            }
            if !anyLower && upperWords >= 2 {
                for index in range { infos[index].capsSentence = true }
            }
            markGazetteer(range, lexicon: lexicon, &infos)
        }
        return infos
    }

    private static func describeToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lexicon: EntityLexicon, _ info: inout TokenInfo) {
        var word = FeatureHash.offsetBasis, lower = word, title = word, long = word, short = word
        var lastShape: UInt8 = 0, shapeLength = 0
        var anyLower = false, firstUpper = false, firstLower = false, seenLetter = false
        var index = start
        while index < end {
            let byte = bytes[index]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            word = FeatureHash.step(word, byte)
            lower = FeatureHash.step(lower, lowered)
            title = FeatureHash.step(title, index == start ? byte : lowered)
            let shape: UInt8
            switch byte {
            case 0x41...0x5A:
                shape = 0x58   // X
                if !seenLetter { firstUpper = true }
                seenLetter = true
            case 0x61...0x7A:
                shape = 0x78   // x
                anyLower = true
                if !seenLetter { firstLower = true }
                seenLetter = true
            case 0x30...0x39: shape = 0x64   // d
            case 0x80...0xBF: shape = 0   // continuation byte: the lead byte stood for the scalar
            case 0xC0...: shape = 0x75   // u: a non-ASCII scalar
            default: shape = byte
            }
            if shape != 0 {
                if shapeLength < 16 { long = FeatureHash.step(long, shape); shapeLength += 1 }
                if shape != lastShape { short = FeatureHash.step(short, shape) }
                lastShape = shape
            }
            let count = index - start + 1
            if count <= 4 {
                let prefix = FeatureHash.finish(word)
                switch count {
                case 1: info.prefixes.0 = prefix
                case 2: info.prefixes.1 = prefix
                case 3: info.prefixes.2 = prefix
                default: info.prefixes.3 = prefix
                }
            }
            index += 1
        }
        let length = end - start
        if length < 4 {
            // Short words: the longer prefixes are the word itself, marked as such.
            if length < 2 { info.prefixes.1 = EntityFeatures.none }
            if length < 3 { info.prefixes.2 = EntityFeatures.none }
            info.prefixes.3 = EntityFeatures.none
        }
        info.suffixes.0 = suffix(bytes, end, length, 1)
        info.suffixes.1 = suffix(bytes, end, length, 2)
        info.suffixes.2 = suffix(bytes, end, length, 3)
        info.suffixes.3 = suffix(bytes, end, length, 4)
        info.word = FeatureHash.finish(word)
        info.lower = FeatureHash.finish(lower)
        info.shapeLong = FeatureHash.finish(long)
        info.shapeShort = FeatureHash.finish(short)
        info.casing = !seenLetter ? .none : firstLower ? .lower : (firstUpper && !anyLower) ? .upper : (firstUpper ? .title : .mixed)
        // Clusters were learned case-sensitively; a headline's "GERMANY" or a sentence's
        // first "The" falls back to the title-case and lowercase forms.
        if let packed = lexicon.clusters.get(info.word) {
            info.clusters = packed
        } else if let packed = lexicon.clusters.get(FeatureHash.finish(title)) {
            info.clusters = packed
        } else if let packed = lexicon.clusters.get(info.lower) {
            info.clusters = packed
        }
    }

    @inline(__always)
    private static func suffix(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, _ length: Int, _ count: Int) -> UInt64 {
        guard length > count else { return EntityFeatures.none &+ UInt64(count) }
        var hash = FeatureHash.offsetBasis
        for index in (end - count)..<end { hash = FeatureHash.step(hash, bytes[index]) }
        return FeatureHash.finish(hash ^ 0x5F)
    }

    /// Marks gazetteer phrases inside one sentence. A phrase may start only at a token
    /// that does not begin with a lowercase letter, so "us" never matches "US".
    private static func markGazetteer(_ range: Range<Int>, lexicon: EntityLexicon, _ infos: inout [TokenInfo]) {
        for start in range where infos[start].casing != .lower {
            var key = EntityLexicon.phraseSeed
            let last = min(range.upperBound, start + EntityLexicon.maxPhraseTokens)
            for end in start..<last {
                key = EntityLexicon.phraseKey(key, infos[end].lower)
                guard let mask = lexicon.gazetteer.get(key) else { continue }
                infos[start].gazetteerBegin |= mask
                var inner = start + 1
                while inner <= end {
                    infos[inner].gazetteerInside |= mask
                    inner += 1
                }
            }
        }
    }

    // MARK: Document casing

    /// Bits per lowercased word: how it is written elsewhere in the document.
    static func documentCasing(_ infos: [TokenInfo]) -> [UInt64: UInt8] {
        var casing: [UInt64: UInt8] = [:]
        casing.reserveCapacity(infos.count / 2)
        for info in infos where info.casing != .none {
            var bit: UInt8 = 0
            switch info.casing {
            case .lower: bit = 1
            case .title: bit = info.capsSentence ? 0 : (info.sentenceInitial ? 8 : 2)
            case .upper: bit = info.capsSentence ? 16 : 4
            case .mixed, .none: bit = 0
            }
            casing[info.lower, default: 0] |= bit
        }
        return casing
    }

    // MARK: First-stage features

    /// Appends the rows of the first-stage features of token `index` (in sentence
    /// `range`) to `rows`.
    @inline(__always)
    func baseRows(_ infos: UnsafeBufferPointer<TokenInfo>, _ index: Int, _ range: Range<Int>,
                  _ documentCasing: [UInt64: UInt8], into rows: inout [Int32]) {
        let info = infos[index]
        let hasPrev1 = index - 1 >= range.lowerBound, hasPrev2 = index - 2 >= range.lowerBound
        let hasNext1 = index + 1 < range.upperBound, hasNext2 = index + 2 < range.upperBound
        let lowerPrev1 = hasPrev1 ? infos[index - 1].lower : Self.boundary
        let lowerNext1 = hasNext1 ? infos[index + 1].lower : Self.boundary
        let shapePrev = hasPrev1 ? infos[index - 1].shapeShort : Self.boundary
        let shapeNext = hasNext1 ? infos[index + 1].shapeShort : Self.boundary
        rows.append(row(.bias, 0))
        rows.append(row(.word, info.word))
        rows.append(row(.lower, info.lower))
        rows.append(row(.lowerPrev1, lowerPrev1))
        rows.append(row(.lowerNext1, lowerNext1))
        rows.append(row(.lowerPrev2, hasPrev2 ? infos[index - 2].lower : Self.boundary))
        rows.append(row(.lowerNext2, hasNext2 ? infos[index + 2].lower : Self.boundary))
        rows.append(row(.bigramPrev, FeatureHash.combine(lowerPrev1, info.lower)))
        rows.append(row(.bigramNext, FeatureHash.combine(info.lower, lowerNext1)))
        rows.append(row(.shapeLong, info.shapeLong))
        rows.append(row(.shapeShort, info.shapeShort))
        rows.append(row(.shapePrev, shapePrev))
        rows.append(row(.shapeNext, shapeNext))
        rows.append(row(.shapeTrigram, FeatureHash.combine(FeatureHash.combine(shapePrev, info.shapeShort), shapeNext)))
        rows.append(row(.prevWordShape, FeatureHash.combine(lowerPrev1, info.shapeShort)))
        rows.append(row(.prefix1, info.prefixes.0))
        rows.append(row(.prefix2, info.prefixes.1))
        rows.append(row(.prefix3, info.prefixes.2))
        rows.append(row(.prefix4, info.prefixes.3))
        rows.append(row(.suffix1, info.suffixes.0))
        rows.append(row(.suffix2, info.suffixes.1))
        rows.append(row(.suffix3, info.suffixes.2))
        rows.append(row(.suffix4, info.suffixes.3))
        rows.append(row(.cluster64, Self.cluster64(info.clusters)))
        rows.append(row(.cluster256, Self.cluster256(info.clusters)))
        rows.append(row(.cluster1024, Self.cluster1024(info.clusters)))
        rows.append(row(.clusterPrev256, hasPrev1 ? Self.cluster256(infos[index - 1].clusters) : Self.boundary))
        rows.append(row(.clusterNext256, hasNext1 ? Self.cluster256(infos[index + 1].clusters) : Self.boundary))
        rows.append(row(.clusterPrev1024, hasPrev1 ? Self.cluster1024(infos[index - 1].clusters) : Self.boundary))
        rows.append(row(.clusterNext1024, hasNext1 ? Self.cluster1024(infos[index + 1].clusters) : Self.boundary))
        rows.append(row(.clusterPrev2of64, hasPrev2 ? Self.cluster64(infos[index - 2].clusters) : Self.boundary))
        rows.append(row(.clusterNext2of64, hasNext2 ? Self.cluster64(infos[index + 2].clusters) : Self.boundary))
        appendBits(.gazetteerBegin, info.gazetteerBegin, &rows)
        appendBits(.gazetteerInside, info.gazetteerInside, &rows)
        if hasPrev1 { appendBits(.gazetteerPrev, infos[index - 1].gazetteerBegin | infos[index - 1].gazetteerInside, &rows) }
        if hasNext1 { appendBits(.gazetteerNext, infos[index + 1].gazetteerBegin | infos[index + 1].gazetteerInside, &rows) }
        if info.sentenceInitial { rows.append(row(.initialShape, info.shapeShort)) }
        if info.capsSentence { rows.append(row(.capsSentenceLower, info.lower)) }
        if info.casing == .upper || info.casing == .title || info.casing == .mixed {
            let seen = UInt64(documentCasing[info.lower] ?? 0)
            let position: UInt64 = info.capsSentence ? 2 : (info.sentenceInitial ? 1 : 0)
            rows.append(row(.documentCasing, seen | UInt64(info.casing.rawValue) << 8 | position << 12))
        }
    }

    // Cluster ids of a packed value; a word without clusters gets an id of its own.
    @inline(__always) static func cluster64(_ packed: UInt32) -> UInt64 {
        packed == EntityLexicon.noCluster ? 0x1000 : UInt64(packed >> 18)
    }
    @inline(__always) static func cluster256(_ packed: UInt32) -> UInt64 {
        packed == EntityLexicon.noCluster ? 0x1000 : UInt64((packed >> 10) & 0xFF)
    }
    @inline(__always) static func cluster1024(_ packed: UInt32) -> UInt64 {
        packed == EntityLexicon.noCluster ? 0x1000 : UInt64(packed & 0x3FF)
    }

    @inline(__always)
    private func appendBits(_ template: Template, _ mask: UInt32, _ rows: inout [Int32]) {
        var remaining = mask
        while remaining != 0 {
            let bit = UInt64(remaining.trailingZeroBitCount)
            rows.append(row(template, bit))
            remaining &= remaining - 1
        }
    }

    // MARK: Second-stage features

    /// What the first stage said about each lowercased word of the document.
    struct DocumentLabels {
        /// Per word: counts of first-stage labels by type (PER, ORG, LOC, MISC, and
        /// capitalized-but-outside) and the type of its first occurrence.
        var counts: [UInt64: (SIMD8<Int32>, Int8)] = [:]

        init(_ infos: [TokenInfo], _ labels: [EntityLabel]) {
            counts.reserveCapacity(infos.count / 2)
            for (index, info) in infos.enumerated() {
                guard let slot = Self.slot(info, labels[index]) else { continue }
                var entry = counts[info.lower] ?? (SIMD8(repeating: 0), Int8(slot))
                entry.0[slot] += 1
                counts[info.lower] = entry
            }
        }

        /// 0-3: the entity type of the label; 4: a capitalized word outside entities.
        static func slot(_ info: TokenInfo, _ label: EntityLabel) -> Int? {
            if let type = label.type { return Int(EntityLabel(type: type, inside: false).rawValue - 1) / 2 }
            return info.casing == .title || info.casing == .upper || info.casing == .mixed ? 4 : nil
        }

        /// The most frequent slot of the word among its *other* occurrences, with a
        /// flag for unanimity; `nil` when it has none.
        func majority(_ info: TokenInfo, _ label: EntityLabel) -> UInt64? {
            guard var entry = counts[info.lower]?.0 else { return nil }
            if let own = Self.slot(info, label) { entry[own] -= 1 }
            var best = -1, bestCount: Int32 = 0, total: Int32 = 0
            for slot in 0..<5 {
                total += entry[slot]
                if entry[slot] > bestCount { best = slot; bestCount = entry[slot] }
            }
            guard best >= 0 else { return nil }
            return UInt64(best) | (bestCount == total ? 8 : 0)
        }
    }

    /// Appends the second-stage rows of token `index`: the first-stage labels around it
    /// and the labels given to the same word elsewhere in the document.
    func secondStageRows(_ infos: [TokenInfo], _ labels: [EntityLabel], _ document: DocumentLabels,
                         _ index: Int, _ range: Range<Int>, into rows: inout [Int32]) {
        let info = infos[index]
        let label = labels[index]
        let prev: UInt64 = index - 1 >= range.lowerBound ? UInt64(labels[index - 1].rawValue) : 15
        let next: UInt64 = index + 1 < range.upperBound ? UInt64(labels[index + 1].rawValue) : 15
        rows.append(row(.firstStageLabel, UInt64(label.rawValue)))
        rows.append(row(.firstStageTrigram, prev | UInt64(label.rawValue) << 4 | next << 8))
        guard info.casing != .none else { return }
        let capitalized: UInt64 = info.casing == .lower ? 0 : 16
        if let majority = document.majority(info, label) {
            rows.append(row(.documentMajority, majority | capitalized))
        }
        if let first = document.counts[info.lower]?.1 {
            rows.append(row(.documentFirstMention, UInt64(first) | capitalized))
        }
        if index - 1 >= range.lowerBound, let majority = document.majority(infos[index - 1], labels[index - 1]) {
            rows.append(row(.documentMajorityPrev, majority | capitalized))
        }
        if index + 1 < range.upperBound, let majority = document.majority(infos[index + 1], labels[index + 1]) {
            rows.append(row(.documentMajorityNext, majority | capitalized))
        }
    }
}
