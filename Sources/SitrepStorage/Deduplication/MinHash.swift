/// Settings of near-duplicate detection, with the reason for each default.
///
/// An article is compared with earlier ones through MinHash signatures over
/// word shingles (Broder 1997) and found through LSH banding: the signature is
/// cut into ``bands`` bands of ``rowsPerBand`` values; two articles that agree
/// on every value of at least one band are candidates, and a candidate is
/// accepted when the estimated Jaccard similarity of their shingle sets is at
/// least ``threshold``.
public struct DeduplicationSettings: Sendable, Equatable {
    /// Words per shingle. Four words are specific enough that unrelated news
    /// shares few shingles, yet one edited word changes only four of them.
    public var shingleWords = 4
    /// Signature length: the number of hash functions (``bands`` × ``rowsPerBand``).
    public var hashCount: Int { bands * rowsPerBand }
    /// 32 bands of 4 rows put the LSH S-curve's midpoint near
    /// (1/32)^(1/4) ≈ 0.42, below ``threshold``: pairs at J = 0.6 become
    /// candidates with probability 1 − (1 − 0.6⁴)³² ≈ 0.99, pairs at J = 0.2
    /// with about 0.05.
    public var bands = 32
    public var rowsPerBand = 4
    /// Estimated Jaccard similarity at or above which two articles are one
    /// story. A copy with one added trailing paragraph of five scores about
    /// 0.8; a changed headline leaves the body at 1.0; separate reports of the
    /// same event written independently share far fewer four-word shingles
    /// (typically under 0.2). 0.6 leaves room for both small edits and noise
    /// of the estimate (standard error ≈ 0.04 at J = 0.6 with 128 hashes).
    public var threshold = 0.6
    /// Texts with fewer shingles than this are not compared (a one-line brief
    /// would match any other brief with the same boilerplate).
    public var minimumShingles = 8

    public init() {}

    /// The defaults above.
    public static let standard = DeduplicationSettings()
}

/// MinHash signatures and LSH band keys of article texts.
///
/// Hashes are computed with a fixed-seed 64-bit mixer (not Swift's `Hasher`,
/// which is seeded per process), so signatures stored by one run compare with
/// those of the next.
public struct MinHash: Sendable {
    public let settings: DeduplicationSettings
    private let seeds: [UInt64]

    public init(settings: DeduplicationSettings = .standard) {
        precondition(settings.bands > 0 && settings.rowsPerBand > 0 && settings.shingleWords > 0, "deduplication settings must be positive")
        self.settings = settings
        var state: UInt64 = 0x5171_2e9a_dd0c_0de5
        seeds = (0..<settings.hashCount).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            return Self.mix(state)
        }
    }

    /// SplitMix64's finalizer: a fast, well-distributed 64-bit mixer.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Lowercased runs of letters and digits; everything else separates words.
    static func words(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a offset basis
        var inWord = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    hash = (hash ^ UInt64(lower.value)) &* 0x100_0000_01b3
                }
                inWord = true
            } else if inWord {
                result.append(hash)
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { result.append(hash) }
        return result
    }

    /// The distinct shingle hashes of `text`.
    func shingles(_ text: String) -> Set<UInt64> {
        let words = Self.words(text)
        let n = settings.shingleWords
        guard words.count >= n else { return [] }
        var result = Set<UInt64>(minimumCapacity: words.count)
        for start in 0...(words.count - n) {
            var hash: UInt64 = 0
            for word in words[start..<(start + n)] { hash = Self.mix(hash ^ word) }
            result.insert(hash)
        }
        return result
    }

    /// The signature of `text`, or nil when it has fewer than
    /// ``DeduplicationSettings/minimumShingles`` shingles.
    ///
    /// - Complexity: O(shingles × ``DeduplicationSettings/hashCount``).
    public func signature(of text: String) -> [UInt32]? {
        let shingles = shingles(text)
        guard shingles.count >= settings.minimumShingles else { return nil }
        var minimums = [UInt32](repeating: .max, count: seeds.count)
        for shingle in shingles {
            for (i, seed) in seeds.enumerated() {
                let value = UInt32(truncatingIfNeeded: Self.mix(shingle ^ seed) >> 32)
                if value < minimums[i] { minimums[i] = value }
            }
        }
        return minimums
    }

    /// The LSH key of each band: the band's values hashed with the band number.
    public func bandKeys(of signature: [UInt32]) -> [(band: Int, hash: Int64)] {
        precondition(signature.count == settings.hashCount, "signature has \(signature.count) values, expected \(settings.hashCount)")
        return (0..<settings.bands).map { band in
            var hash = Self.mix(UInt64(band) &+ 0x1234_5678)
            for value in signature[(band * settings.rowsPerBand)..<((band + 1) * settings.rowsPerBand)] {
                hash = Self.mix(hash ^ UInt64(value))
            }
            return (band, Int64(bitPattern: hash))
        }
    }

    /// The estimated Jaccard similarity: the fraction of equal signature values.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for i in a.indices where a[i] == b[i] { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    /// Signature as stored: little-endian `UInt32`s.
    public static func encode(_ signature: [UInt32]) -> [UInt8] {
        signature.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(8 * $0)) } }
    }

    public static func decode(_ bytes: [UInt8]) -> [UInt32] {
        stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
    }
}

/// A stored article that may be a near-duplicate of a new one.
public struct NearDuplicateCandidate: Sendable, Equatable {
    public var articleID: Int64
    public var storyID: Int64
    public var signature: [UInt32]
}

/// Picks the story a new article joins.
public enum NearDuplicateDetector {
    /// The candidate with the highest estimated similarity at or above the
    /// threshold (ties: the oldest article), or nil.
    public static func bestMatch(for signature: [UInt32], among candidates: [NearDuplicateCandidate], settings: DeduplicationSettings) -> (candidate: NearDuplicateCandidate, similarity: Double)? {
        var best: (candidate: NearDuplicateCandidate, similarity: Double)? = nil
        for candidate in candidates {
            let similarity = MinHash.similarity(signature, candidate.signature)
            guard similarity >= settings.threshold else { continue }
            if let current = best, current.similarity > similarity || (current.similarity == similarity && current.candidate.articleID < candidate.articleID) {
                continue
            }
            best = (candidate, similarity)
        }
        return best
    }
}
