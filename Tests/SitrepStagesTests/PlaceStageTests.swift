import Testing
import SitrepCore
@testable import SitrepStages

/// One case per rule of ``PlaceStage``, through the full pipeline with the shipped
/// gazetteer: which spans are places, and where they were resolved.
@Suite struct PlaceStageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let text: String
        /// Expected places as "text => name, country" ("text => ?" for an unresolved one).
        let places: [String]
        var testDescription: String { rule }
    }

    static let pipeline = Result { try StandardPipeline.make(through: .places) }

    static let cases: [Case] = [
        Case(rule: "\"City, State\" beats a larger namesake", text: "A fire destroyed a warehouse in Alexandria, Louisiana, on Monday.",
             places: ["Alexandria => Alexandria, US", "Louisiana => Louisiana, US"]),
        Case(rule: "a city of a million is the city, not its province", text: "Protesters marched in Paris and in Lyon.",
             places: ["Paris => Paris, FR", "Lyon => Lyon, FR"]),
        Case(rule: "compass words are not part of the name", text: "Turkish jets struck militant positions in northern Iraq.",
             places: ["Turkish => Turkey, TR", "Iraq => Iraq, IQ"]),
        Case(rule: "a compass word inside a name stays", text: "The storm reached West Virginia on Sunday.",
             places: ["West Virginia => West Virginia, US"]),
        Case(rule: "a capital acting is a government, not a place", text: "Moscow said the talks had failed.", places: []),
        Case(rule: "a capital as a location is a place", text: "The talks were held in Moscow.", places: ["Moscow => Moscow, RU"]),
        Case(rule: "a place inside an organization's name", text: "Researchers at the University of Michigan published the study.",
             places: ["Michigan => Michigan, US"]),
        Case(rule: "a county takes its namesake town's point, without an id", text: "Deputies in Boone County, Kentucky, arrested two men.",
             places: ["Boone County => Boone County, US", "Kentucky => Kentucky, US"]),
        Case(rule: "country aliases", text: "Officials in the U.S. and the UK disagreed.",
             places: ["U.S. => United States, US", "UK => United Kingdom, GB"]),
        Case(rule: "territories news names that GeoNames files under another name", text: "Israeli settlers moved into the West Bank on Monday.",
             places: ["Israeli => Israel, IL", "West Bank => Palestinian Territory, PS"]),
        Case(rule: "Canadian province abbreviations", text: "The fire near Kamloops, B.C., spread overnight.",
             places: ["Kamloops => Kamloops, CA", "B.C. => British Columbia, CA"]),
        Case(rule: "a demonym shared by several countries names the most populous", text: "American and Chinese diplomats met.",
             places: ["American => United States, US", "Chinese => China, CN"]),
        Case(rule: "a demonym of several words is a country mention", text: "The Sri Lankan navy detained the fishermen.",
             places: ["Sri Lankan => Sri Lanka, LK"]),
        Case(rule: "a place inside a name is resolved by the document's context",
             text: "April is cleanup month in southern and eastern Kentucky. Laurel County PRIDE coordinator Jim Ed McDaniel and London PRIDE coordinator Steve Edge organized it.",
             places: ["Kentucky => Kentucky, US", "London => London, US"]),
        Case(rule: "a compass word alone is not a place", text: "The Eastern team beat the Southern team.", places: []),
        Case(rule: "a common word inside a name is not a place", text: "The fight broke out at Handley Middle School on Monday.", places: []),
        Case(rule: "a continent's demonym is a mention of the continent", text: "European ministers met African envoys in Brussels.",
             places: ["European => Europe, ?", "African => Africa, ?", "Brussels => Brussels, BE"]),
        Case(rule: "a plural demonym is a country mention", text: "Thousands of Russians and Americans watched the game.",
             places: ["Russians => Russia, RU", "Americans => United States, US"]),
        Case(rule: "the state after a place and a comma, even untagged, places the town", text: "LONDON, Ky. — A man was arrested on Friday.",
             places: ["LONDON => London, US", "Ky. => Kentucky, US"]),
        Case(rule: "an organization named like a place's alternate name, or a company with a hyphen, is not a place",
             text: "Israel and Hamas agreed to a truce, and shoppers went back to Wal-Mart.", places: ["Israel => Israel, IL", "Wal-Mart => ?"]),
        Case(rule: "a party label joined to a place", text: "The bill was written by Sen. Ann Reed, DFL-Minneapolis, and Rep. Tom Hale, R-Elbow Lake.",
             places: ["DFL-Minneapolis => Minneapolis, US", "R-Elbow Lake => Elbow Lake, US"]),
        Case(rule: "a location name that is not a place holds the places inside it",
             text: "The match will be played at the Dallas Cowboys stadium in Arlington, Texas.",
             places: ["Dallas => Dallas, US", "Arlington => Arlington, US", "Texas => Texas, US"]),
        Case(rule: "an abbreviation in a name is spelled out as the gazetteer has it", text: "The crash happened in St. Cloud, Minnesota, on Friday.",
             places: ["St. Cloud => Saint Cloud, US", "Minnesota => Minnesota, US"]),
        Case(rule: "a town at the front of a building's name is a toponym, however small",
             text: "The plane landed at Spartanburg Downtown Memorial Airport after the engine failed. Spartanburg police closed the runway.",
             places: ["Spartanburg => Spartanburg, US", "Spartanburg => Spartanburg, US"]),
        Case(rule: "a town near the other towns named beats a country of its name",
             text: "Lebanon residents can drop off old paint on Saturday. The county also opened a site in Zionsville, officials said.",
             places: ["Lebanon => Lebanon, US", "Zionsville => Zionsville, US"]),
        Case(rule: "a town near the other towns named beats a capital of its name, and its own mentions do not vote",
             text: "Police in Paris said the driver was headed to Dallas. Paris officials closed the road.",
             places: ["Paris => Paris, US", "Dallas => Dallas, US", "Paris => Paris, US"]),
        Case(rule: "a county inside an organization's name is a place when its namesake town is near the article's town",
             text: "The Madison County Commission met in Huntsville on Monday. Huntsville officials said the road would reopen.",
             places: ["Madison County => Madison County, US", "Huntsville => Huntsville, US", "Huntsville => Huntsville, US"]),
        Case(rule: "a county's name inside an organization is not the city of that name", text: "The Washington County Board met on Tuesday to discuss roads.",
             places: []),
    ]

    /// Context is read twice: "Georgia", first the country, becomes the state
    /// beside American towns, and then places "Albany" in Georgia (GeoNames
    /// 4179320), not New York. A county seat's small bonus does not outweigh a
    /// city three times its size: "Vancouver" is British Columbia's (6173331),
    /// not Washington's.
    @Test func contextIsReadTwiceAndSeatsDoNotOutweighSize() throws {
        let albany = try PlaceStageTests.pipeline.get().run(
            .cleanText("Albany police said the suspect was arrested at a motel. He had lived in Albany for years, officials in Georgia said."),
            id: "t", published: "2024-06-11")
        #expect(albany.places.filter { albany.text(of: $0.span) == "Albany" }.map(\.geonameID) == [4179320, 4179320], "\(albany.places)")
        let vancouver = try PlaceStageTests.pipeline.get().run(.cleanText("Officials in Vancouver approved the plan on Monday."), id: "t", published: "2024-06-11")
        #expect(vancouver.places.map(\.geonameID) == [6173331], "\(vancouver.places)")
    }

    /// A street or building the gazetteer lacks takes the point of the town the
    /// article is about, without a GeoNames id.
    @Test func streetTakesTheDocumentsTown() throws {
        let doc = try PlaceStageTests.pipeline.get().run(
            .cleanText("Crews repaired a water main on Third Street in Mansfield on Tuesday. Mansfield officials said Third Street would reopen Friday."),
            id: "t", published: "2024-06-11")
        let town = try #require(doc.places.first { doc.text(of: $0.span) == "Mansfield" }, "\(doc.places)")
        let streets = doc.places.filter { doc.text(of: $0.span) == "Third Street" }
        #expect(streets.count == 2)
        #expect(streets.allSatisfy { $0.geonameID == nil && $0.latitude == town.latitude && $0.longitude == town.longitude })
        // Without a town named, the street has no point.
        let alone = try PlaceStageTests.pipeline.get().run(.cleanText("Crews repaired a water main on Third Street on Tuesday."), id: "t", published: "2024-06-11")
        #expect(alone.places.allSatisfy { $0.latitude == nil })
    }

    @Test(arguments: cases)
    func resolves(_ c: Case) throws {
        let doc = try PlaceStageTests.pipeline.get().run(.cleanText(c.text), id: "t", published: "2024-06-11")
        let found = doc.places.map { place in
            "\(doc.text(of: place.span)) => " + (place.name.map { "\($0), \(place.country ?? "?")" } ?? "?")
        }
        #expect(found == c.places)
        #expect(doc.places.allSatisfy { ($0.latitude == nil) == ($0.longitude == nil) })
        #expect(doc.places.filter { doc.text(of: $0.span).hasSuffix("County") }.allSatisfy { $0.geonameID == nil })
    }

    /// GeoNames keeps Topeka's publicity stunt "Google" among its names; it is
    /// dropped (scripts/place-name-exclusions.tsv), so the company is never Kansas.
    @Test func stuntNamesAreNoPlaceNames() throws {
        let doc = try PlaceStageTests.pipeline.get().run(.cleanText("Shares in Google rose on Monday. Topeka is the capital of Kansas."), id: "t", published: "2024-06-11")
        #expect(!doc.places.contains { doc.text(of: $0.span) == "Google" && $0.name != nil }, "\(doc.places)")
        #expect(doc.places.contains { doc.text(of: $0.span) == "Topeka" && $0.name == "Topeka" })
    }

    /// A national capital is preferred to a subdivision of its name: "Washington"
    /// is the city (38.9° N), not the state (47.3° N).
    @Test func capitalBeforeStateOfItsName() throws {
        let doc = try PlaceStageTests.pipeline.get().run(.cleanText("The talks were held in Washington."), id: "t", published: "2024-06-11")
        let place = try #require(doc.places.first)
        #expect(place.geonameID == 4140963, "\(place)")
        #expect(abs((place.latitude ?? 0) - 38.9) < 0.2)
    }

    /// A dateline's place, in capitals the entity tagger leaves out, is a toponym.
    @Test func datelineIsAPlace() throws {
        let doc = try PlaceStageTests.pipeline.get().run(.cleanText("Budget talks resume.\n\nTORRINGTON — The mayor is scheduled to hold a meeting on Monday."),
                                                        id: "t", published: "2024-06-11")
        let place = try #require(doc.places.first { doc.text(of: $0.span) == "TORRINGTON" }, "\(doc.places)")
        #expect(place.name == "Torrington" && place.latitude != nil)
    }

    @Test func eventsTakeThePlaceOfTheirClause() throws {
        let doc = try StandardPipeline.make().run(.cleanText("Turkish jets struck militant positions in northern Iraq."), id: "t", published: "2024-06-11")
        let event = try #require(doc.events.first)
        #expect(event.place?.name == "Iraq")
        #expect(event.place?.geonameID == 99237)
    }
}
