/// The word knowledge the entity tagger carries next to its weights: word clusters
/// learned from unlabelled news and a gazetteer of names compiled from the project's
/// geography data and word lists (``NERWords``).
///
/// Both are hash tables keyed by ``FeatureHash`` values of token bytes, so lookups on
/// the hot path allocate nothing. They are stored in the model file, so a model and
/// its lexicon never drift apart.
///
/// ## Topics
/// - Clusters: ``clusters(ofWord:)``
/// - Gazetteer: ``GazetteerCategory``, ``phraseKey(_:)``, ``maxPhraseTokens``
public struct EntityLexicon: Sendable, CustomStringConvertible {
    /// Packed cluster ids (`c1024 | c256 << 10 | c64 << 18`) by word hash (exact bytes).
    var clusters: HashTable64
    /// ``GazetteerCategory`` bit masks by ``phraseKey(_:)`` of the lowercased tokens.
    var gazetteer: HashTable64

    /// Longest gazetteer phrase, in tokens.
    static let maxPhraseTokens = 4
    /// The seed of phrase keys.
    static let phraseSeed: UInt64 = 0x5EED_0F_9A2E
    /// The packed value of a word the cluster table does not know.
    static let noCluster: UInt32 = .max

    init(clusters: HashTable64 = HashTable64(minimumCapacity: 16), gazetteer: HashTable64 = HashTable64(minimumCapacity: 16)) {
        self.clusters = clusters
        self.gazetteer = gazetteer
    }

    /// Key of a phrase from the lowercase hashes of its tokens.
    @inline(__always)
    static func phraseKey(_ previous: UInt64, _ lowerHash: UInt64) -> UInt64 {
        FeatureHash.combine(previous, lowerHash)
    }

    /// Key of a whole phrase given as lowercase token strings (table building).
    static func phraseKey(_ tokens: [Substring]) -> UInt64 {
        var key = phraseSeed
        for token in tokens { key = phraseKey(key, FeatureHash.bytes(token.lowercased().utf8)) }
        return key
    }

    /// Entry counts, for logs.
    public var description: String {
        "\(clusters.count) clustered words, \(gazetteer.count) gazetteer phrases"
    }

    /// Adds `category` to the entry of `name`, split on spaces (a trailing comma is
    /// its own token, as in CoNLL). Names longer than ``maxPhraseTokens`` are skipped.
    mutating func addName(_ name: String, _ category: GazetteerCategory) {
        var tokens: [Substring] = []
        for part in name.split(separator: " ", omittingEmptySubsequences: true) {
            if part.count > 1 && part.hasSuffix(",") {
                tokens.append(part.dropLast())
                tokens.append(",")
            } else {
                tokens.append(part)
            }
        }
        guard !tokens.isEmpty, tokens.count <= Self.maxPhraseTokens else { return }
        gazetteer.set(Self.phraseKey(tokens), category.mask) { $0 | $1 }
    }

    /// Adds a word's three cluster ids.
    mutating func addCluster(word: Substring, c64: Int, c256: Int, c1024: Int) {
        precondition(c64 < 64 && c256 < 256 && c1024 < 1024, "cluster ids out of range for \(word)")
        clusters.set(FeatureHash.bytes(word.utf8), UInt32(c1024 | c256 << 10 | c64 << 18))
    }
}

/// What a gazetteer entry says about a phrase; an entry can have several.
enum GazetteerCategory: Int, CaseIterable, Sendable {
    case country, bigCity, city, region, continent, demonym
    case organizationSuffix, personTitle, firstName, organizationWord, miscellaneousWord, locationWord

    var mask: UInt32 { 1 << UInt32(rawValue) }
}
