import Foundation

/// Building the lexicon from the project's data files (training time only).
extension EntityLexicon {
    /// Where the lexicon comes from.
    public struct Sources: Sendable {
        /// The cluster table written by `scripts/word-clusters.py` (TSV: word, c64, c256, c1024).
        public var clusters: String
        /// GeoNames extract (`shared/data/geo/gazetteer.tsv`).
        public var gazetteer: String?
        /// First-level subdivisions (`shared/data/geo/admin1.tsv`).
        public var admin1: String?
        /// Demonyms (`shared/data/geo/demonyms.tsv`).
        public var demonyms: String?

        public init(clusters: String, gazetteer: String? = nil, admin1: String? = nil, demonyms: String? = nil) {
            self.clusters = clusters
            self.gazetteer = gazetteer
            self.admin1 = admin1
            self.demonyms = demonyms
        }
    }

    /// Places at least this populous are ``GazetteerCategory/bigCity``; smaller ones
    /// down to ``cityPopulation`` are ``GazetteerCategory/city``. Smaller places are left
    /// out: their names are too often ordinary words.
    static let bigCityPopulation = 100_000
    static let cityPopulation = 15_000
    /// Alternate names kept per big city (GeoNames lists dozens of spellings).
    static let alternatesPerCity = 12

    /// Compiles the lexicon from file contents.
    ///
    /// - Throws: ``EntityTrainerError/badLine(file:line:reason:)`` for a malformed cluster line.
    public static func compile(_ sources: Sources) throws -> EntityLexicon {
        var lexicon = EntityLexicon(clusters: HashTable64(minimumCapacity: 60_000), gazetteer: HashTable64(minimumCapacity: 200_000))
        for (number, line) in sources.clusters.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let a = Int(fields[1]), let b = Int(fields[2]), let c = Int(fields[3]),
                  a < 64, b < 256, c < 1024 else {
                throw EntityTrainerError.badLine(file: "clusters", line: number + 1, reason: "expected word<TAB>c64<TAB>c256<TAB>c1024")
            }
            lexicon.addCluster(word: fields[0], c64: a, c256: b, c1024: c)
        }
        if let text = sources.gazetteer { lexicon.addGeoNames(text) }
        if let text = sources.admin1 {
            for fields in Self.rows(text) where fields.count > 3 {
                lexicon.addName(String(fields[1]), .region)
                lexicon.addName(String(fields[2]), .region)
            }
        }
        if let text = sources.demonyms {
            for fields in Self.rows(text) where !fields.isEmpty {
                lexicon.addName(String(fields[0]), .demonym)
                lexicon.addName(String(fields[0]) + "s", .demonym)
            }
        }
        for (list, category) in [(NERWords.organizationSuffixes, GazetteerCategory.organizationSuffix),
                                 (NERWords.organizationWords, .organizationWord),
                                 (NERWords.personTitles, .personTitle),
                                 (NERWords.firstNames, .firstName),
                                 (NERWords.miscellaneousWords, .miscellaneousWord),
                                 (NERWords.locationWords, .locationWord)] {
            for entry in list { lexicon.addName(entry, category) }
        }
        return lexicon
    }

    /// Tab-separated rows after the header line.
    private static func rows(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    /// Continents, countries (with every alternate name: "Deutschland", "UK") and cities.
    private mutating func addGeoNames(_ text: String) {
        for fields in Self.rows(text) where fields.count >= 12 {
            let name = String(fields[1]), ascii = String(fields[2])
            let alternates = fields[3].split(separator: ",").map(String.init)
            let featureClass = fields[6], featureCode = fields[7]
            let population = Int(fields[11]) ?? 0
            if featureCode == "CONT" {
                for entry in [name, ascii] + alternates { addName(entry, .continent) }
            } else if featureClass == "A" {
                for entry in [name, ascii] + alternates { addName(entry, .country) }
            } else if featureClass == "P" && population >= Self.bigCityPopulation {
                // All-caps alternates of four letters or fewer are airport codes ("BGW").
                let kept = alternates.filter { !($0.count <= 4 && $0 == $0.uppercased()) }.prefix(Self.alternatesPerCity)
                for entry in [name, ascii] + kept { addName(entry, .bigCity) }
            } else if featureClass == "P" && population >= Self.cityPopulation {
                addName(name, .city)
                addName(ascii, .city)
            }
        }
    }
}
