import Foundation
import SitrepCore

/// One event as a row of the GDELT 2.0 event table (61 tab-separated columns,
/// in the codebook's order), so that scripts written for GDELT read Sitrep's
/// events. Counts map to NumMentions (mentions), NumArticles (distinct
/// articles) and NumSources (distinct stories). Columns Sitrep has no
/// knowledge for (actor names, countries and types, Goldstein scale, tone,
/// actor geography) stay empty rather than guessed.
public enum GDELTRow {
    public static let columns = [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
        "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ]

    /// CAMEO's quad class of a root code (``SitrepCore/Event/quadClass(root:)``), "" for none.
    public static func quadClass(root: String) -> String {
        Event.quadClass(root: root).map(String.init) ?? ""
    }

    public static func line(for stored: StoredEvent) -> String {
        let e = stored.event
        var fields = [String](repeating: "", count: columns.count)
        func set(_ name: String, _ value: String?) {
            guard let value, let index = columns.firstIndex(of: name) else { return }
            fields[index] = value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }.reduce(into: "") { $0.append($1) }
        }
        set("GLOBALEVENTID", e.id.map(String.init))
        if let (year, month, day) = DocumentDate.parse(e.eventDate) {
            set("SQLDATE", String(format: "%04d%02d%02d", year, month, day))
            set("MonthYear", String(format: "%04d%02d", year, month))
            set("Year", String(year))
            let daysBefore = (1..<month).reduce(0) { $0 + DocumentDate.daysIn(month: $1, year: year) }
            set("FractionDate", String(format: "%.4f", Double(year) + Double(daysBefore + day) / 365.0))
        }
        set("Actor1Code", e.source)
        set("Actor2Code", e.target)
        set("EventCode", e.code)
        set("EventBaseCode", String(e.code.prefix(3)))
        set("EventRootCode", e.rootCode)
        set("QuadClass", quadClass(root: e.rootCode))
        set("NumMentions", String(e.mentionCount))
        set("NumSources", String(e.sourceCount))
        set("NumArticles", String(e.articleCount))
        set("ActionGeo_FullName", e.placeName)
        set("ActionGeo_CountryCode", e.country)
        set("ActionGeo_Lat", e.latitude.map { String($0) })
        set("ActionGeo_Long", e.longitude.map { String($0) })
        if e.place.allSatisfy(\.isNumber) && !e.place.isEmpty { set("ActionGeo_FeatureID", e.place) }
        if let added = stored.firstIngestedAt {
            // 2026-03-03T10:04:05Z -> 20260303100405
            set("DATEADDED", String(added.filter(\.isNumber).prefix(14)))
        }
        set("SOURCEURL", stored.firstURL)
        return fields.joined(separator: "\t")
    }
}
