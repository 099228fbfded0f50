import Foundation
import SitrepCore

/// The GeoNames gazetteer the places stage resolves toponyms against: continents,
/// countries, first-level subdivisions and populated places of 1,000 people or more,
/// each under its name, ASCII name and (for large places) common alternate names.
///
/// Compiled by `scripts/compile-gazetteer.py` into `Models/places/` and loaded once
/// per process. Loading reads the files as bytes and builds no `String` per place
/// (names are ranges into the file, made into strings only for output); names are
/// found by a 64-bit key of their lower-cased words (``Gazetteer/key(_:)``) in a
/// sorted key array, so matching a text span never builds a `String` either.
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

        init(feature: ArraySlice<UInt8>) {
            // Compared as bytes: a load reads 160,000 codes, and a String per code
            // was a tenth of the load.
            func `is`(_ code: StaticString) -> Bool {
                code.withUTF8Buffer { feature.elementsEqual($0) }
            }
            if `is`("PPL") || feature.isEmpty { self = .populated }
            else if `is`("CONT") { self = .continent }
            else if `is`("PCLI") || `is`("PCLD") || `is`("PCLS") || `is`("PCLF") || `is`("PCLIX") || `is`("PCL") || `is`("TERR") { self = .country }
            else if `is`("ADM1") { self = .subdivision }
            else if `is`("PPLC") { self = .capital }
            else if `is`("PPLA") || `is`("PPLA2") || `is`("PPLG") { self = .adminSeat }
            else { self = .populated }
        }
    }

    /// ISO 3166-1 alpha-2 code as two ASCII bytes.
    typealias Country = UInt16

    struct Place: Sendable {
        let geonameID: Int32
        let latitude: Double
        let longitude: Double
        let country: Country
        let kind: Kind
        let population: Int32
        /// Key of the first-level subdivision's name ("texas"), for "Austin, Texas".
        let admin1: UInt64
        /// Key of the place's own name.
        let nameKey: UInt64
        /// The primary name: `bytes[nameStart ..< nameStart + nameLength]` of its file.
        let file: UInt8
        let nameStart: Int32
        let nameLength: Int32
    }

    let places: [Place]
    /// The files' bytes, for names.
    private let files: [[UInt8]]
    /// (name key, place index), sorted by key.
    private let names: [(key: UInt64, place: Int32)]
    /// Country -> the country's own row.
    let countries: [Country: Int32]
    /// Demonym key ("malian") -> country.
    let demonyms: [UInt64: Country]
    /// Longest name in words, to bound phrase look-ups.
    let longestName: Int

    public init(directory: URL) throws {
        var places: [Place] = []
        var names: [(key: UInt64, place: Int32)] = []
        var countries: [Country: Int32] = [:]
        var files: [[UInt8]] = []
        var longest = 1
        // One field list and one name list, reused line after line: a load is
        // about 160,000 lines, and two fresh arrays per line were a good part of it.
        var fields: [Range<Int>] = []
        var nameRanges: [Range<Int>] = []
        places.reserveCapacity(170_000)
        names.reserveCapacity(700_000)
        for (fileIndex, file) in ["gazetteer.tsv", "admin1.tsv"].enumerated() {
            let path = directory.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CameoDictionaryError.missing("\(path): cannot read")
            }
            let bytes = [UInt8](data)
            files.append(bytes)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != 0x23 else { continue }  // '#'
                // Fields: geonameid, lat, lon, country, feature, population, admin1, names.
                fields.removeAll(keepingCapacity: true)
                var s = lineStart
                for i in lineStart..<lineEnd where bytes[i] == 0x09 {
                    fields.append(s..<i)
                    s = i + 1
                }
                fields.append(s..<lineEnd)
                guard fields.count >= 8, fields[3].count == 2 || fields[3].isEmpty,
                      let lat = Gazetteer.decimal(bytes[fields[1]]), let lon = Gazetteer.decimal(bytes[fields[2]]) else { continue }
                // Continents have no country: 0.
                let country = fields[3].isEmpty ? 0 : Gazetteer.country(bytes[fields[3].lowerBound], bytes[fields[3].lowerBound + 1])
                let kind = Kind(feature: bytes[fields[4]])
                let population = Int32(clamping: Gazetteer.integer(bytes[fields[5]]))
                let index = Int32(places.count)
                // Names, "|"-separated; the first is the primary one.
                nameRanges.removeAll(keepingCapacity: true)
                var n = fields[7].lowerBound
                for i in fields[7] where bytes[i] == 0x7C {
                    if i > n { nameRanges.append(n..<i) }
                    n = i + 1
                }
                if fields[7].upperBound > n { nameRanges.append(n..<fields[7].upperBound) }
                guard let primary = nameRanges.first else { continue }
                places.append(Place(geonameID: Int32(clamping: Gazetteer.integer(bytes[fields[0]])), latitude: lat, longitude: lon,
                                    country: country, kind: kind, population: population, admin1: Gazetteer.key(bytes[fields[6]]),
                                    nameKey: Gazetteer.key(bytes[primary]), file: UInt8(fileIndex),
                                    nameStart: Int32(primary.lowerBound), nameLength: Int32(primary.count)))
                if kind == .country, countries[country].map({ places[Int($0)].population < population }) ?? true {
                    // A country's own row: the most populous country row with its code
                    // (not an overseas territory filed under it).
                    countries[country] = index
                }
                var previous: UInt64?
                for range in nameRanges {
                    let key = Gazetteer.key(bytes[range])
                    if key == previous { continue }
                    previous = key
                    names.append((key, index))
                    var words = 1
                    for i in range where bytes[i] == 0x20 { words += 1 }
                    longest = max(longest, words)
                }
            }
        }
        names.sort { $0.key < $1.key || ($0.key == $1.key && $0.place < $1.place) }
        var demonyms: [UInt64: Country] = [:]
        func population(_ c: Country) -> Int64 { countries[c].map { Int64(places[Int($0)].population) } ?? -1 }
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent("demonyms.tsv").path),
           let text = String(data: data, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t")
                guard f.count >= 2, f[1].utf8.count == 2 else { continue }
                let code = Array(f[1].utf8)
                // A demonym shared by several countries ("American": US and the
                // Northern Mariana Islands; "Chinese": CN, HK, MO) names the most
                // populous of them.
                let key = Gazetteer.key(Array(f[0].utf8)[...])
                let country = Gazetteer.country(code[0], code[1])
                if let other = demonyms[key], population(other) >= population(country) { continue }
                demonyms[key] = country
            }
        }
        self.places = places
        self.files = files
        self.names = names
        self.countries = countries
        self.demonyms = demonyms
        self.longestName = min(longest, 6)
    }

    /// The primary name of a place.
    func name(of place: Place) -> String {
        let start = Int(place.nameStart)
        return String(decoding: files[Int(place.file)][start..<(start + Int(place.nameLength))], as: UTF8.self)
    }

    /// The ``Country`` of a two-letter ISO code ("US").
    static func country(_ first: UInt8, _ second: UInt8) -> Country {
        Country(first) << 8 | Country(second)
    }

    /// "US" for a ``Country``; nil for none (a continent).
    static func string(_ country: Country) -> String? {
        country == 0 ? nil : String(decoding: [UInt8(country >> 8), UInt8(country & 0xFF)], as: UTF8.self)
    }

    /// The key of a name: its space-separated words' ``WordKey``s combined, so "New
    /// York" written in the text as two tokens has the key of the gazetteer's "New York".
    static func key(_ name: ArraySlice<UInt8>) -> UInt64 {
        name.withUnsafeBufferPointer { buf in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            var start = 0
            for i in 0...buf.count where i == buf.count || buf[i] == 0x20 {
                if i > start { hash = combine(hash, WordKey.of(buf, start, i)) }
                start = i + 1
            }
            return hash
        }
    }

    static func key(_ name: some StringProtocol) -> UInt64 {
        key(Array(name.utf8)[...])
    }

    @inline(__always)
    static func combine(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        (hash ^ word) &* 0x0000_0100_0000_01B3 &+ 0x632B_E59B_D9B4_E019
    }

    /// Places named by the words whose keys are `keys`.
    func candidates(_ keys: ArraySlice<UInt64>) -> [Int32]? {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in keys { hash = Gazetteer.combine(hash, k) }
        var lo = 0, hi = names.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if names[mid].key < hash { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        while lo < names.count && names[lo].key == hash {
            if out.last != names[lo].place { out.append(names[lo].place) }
            lo += 1
        }
        return out.isEmpty ? nil : out
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in bytes where b >= 0x30 && b <= 0x39 { n = n &* 10 &+ Int(b - 0x30) }
        return n
    }

    /// A decimal such as "-92.4451".
    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Double? {
        var negative = false
        var whole = 0.0, fraction = 0.0, scale = 1.0
        var seenDot = false, digits = 0
        for b in bytes {
            switch b {
            case 0x2D where digits == 0 && !negative: negative = true
            case 0x2E where !seenDot: seenDot = true
            case 0x30...0x39:
                digits += 1
                if seenDot { scale /= 10; fraction += Double(b - 0x30) * scale } else { whole = whole * 10 + Double(b - 0x30) }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return negative ? -(whole + fraction) : whole + fraction
    }
}
