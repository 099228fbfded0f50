import Foundation
import SitrepCore

/// The GeoNames gazetteer the places stage resolves toponyms against: continents,
/// countries, first-level subdivisions and populated places of 1,000 people or more,
/// each under its name, ASCII name and (for large places) common alternate names.
///
/// Compiled by `scripts/compile-gazetteer.py` into `Models/places/` and loaded once
/// per process. Names are looked up by a 64-bit key of their lower-cased words
/// (``Gazetteer/key(_:)``), so matching a text span never builds a `String`.
public final class Gazetteer: Sendable {
    /// The shipped gazetteer, or the error that kept it from loading.
    public static let shared: Result<Gazetteer, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "places", withExtension: nil, subdirectory: "Models") else {
            throw CameoDictionaryError.missing("Models/places is not in the SitrepStages bundle")
        }
        return try Gazetteer(directory: url)
    }

    /// Kinds of place, in the order a bare name prefers them.
    enum Kind: UInt8, Sendable {
        case populated = 0, capital, adminSeat, subdivision, country, continent

        init(feature: Substring) {
            switch feature {
            case "CONT": self = .continent
            case "PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR": self = .country
            case "ADM1": self = .subdivision
            case "PPLC": self = .capital
            case "PPLA", "PPLA2", "PPLG": self = .adminSeat
            default: self = .populated
            }
        }
    }

    struct Place: Sendable {
        let geonameID: Int32
        let latitude: Double
        let longitude: Double
        /// ISO 3166-1 alpha-2.
        let country: String
        let kind: Kind
        let population: Int32
        /// Key of the first-level subdivision's name ("texas"), for "Austin, Texas".
        let admin1: UInt64
        let name: String
    }

    let places: [Place]
    /// Name key -> indexes into `places`.
    private let byName: [UInt64: [Int32]]
    /// Country (ISO-2) -> the country's own row.
    let countries: [String: Int32]
    /// Demonym key ("malian") -> country ISO-2.
    let demonyms: [UInt64: String]
    /// Longest name in words, to bound phrase look-ups.
    let longestName: Int

    public init(directory: URL) throws {
        var places: [Place] = []
        var byName: [UInt64: [Int32]] = [:]
        var countries: [String: Int32] = [:]
        var longest = 1
        for file in ["gazetteer.tsv", "admin1.tsv"] {
            let path = directory.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw CameoDictionaryError.missing("\(path): cannot read")
            }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 8, let lat = Double(f[1]), let lon = Double(f[2]) else { continue }
                let names = f[7].split(separator: "|")
                guard let first = names.first else { continue }
                let kind = Kind(feature: f[4])
                let index = Int32(places.count)
                places.append(Place(geonameID: Int32(f[0]) ?? 0, latitude: lat, longitude: lon, country: String(f[3]), kind: kind,
                                    population: Int32(f[5]) ?? 0, admin1: Gazetteer.key(f[6]), name: String(first)))
                // A country's own row: the most populous country row with its code (not
                // an overseas territory filed under it).
                if kind == .country, countries[String(f[3])].map({ places[Int($0)].population < (Int32(f[5]) ?? 0) }) ?? true {
                    countries[String(f[3])] = index
                }
                var seen: Set<UInt64> = []
                for name in names {
                    let key = Gazetteer.key(name)
                    guard seen.insert(key).inserted else { continue }
                    byName[key, default: []].append(index)
                    longest = max(longest, name.split(separator: " ").count)
                }
            }
        }
        var demonyms: [UInt64: String] = [:]
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent("demonyms.tsv").path),
           let text = String(data: data, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t")
                // The first country listed for a demonym is its main one ("Chinese" -> CN).
                if f.count >= 2, demonyms[Gazetteer.key(f[0])] == nil { demonyms[Gazetteer.key(f[0])] = String(f[1]) }
            }
        }
        self.places = places
        self.byName = byName
        self.countries = countries
        self.demonyms = demonyms
        self.longestName = min(longest, 6)
    }

    /// The key of a name: its words' ``WordKey``s combined, so "New York" written in
    /// the text as two tokens has the key of the gazetteer's "New York".
    static func key(_ name: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in name.split(whereSeparator: { $0 == " " }) {
            hash = combine(hash, WordKey.of(word))
        }
        return hash
    }

    @inline(__always)
    static func combine(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        (hash ^ word) &* 0x0000_0100_0000_01B3 &+ 0x632B_E59B_D9B4_E019
    }

    /// Places named by the words whose keys are `keys`.
    func candidates(_ keys: ArraySlice<UInt64>) -> [Int32]? {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in keys { hash = Gazetteer.combine(hash, k) }
        return byName[hash]
    }
}
