/// Word lists of the `places` stage.
///
/// ## Lists
/// - ``wordsOfNames``: words that are the name of some place in the gazetteer (a
///   region of Burkina Faso is "Centre", one of the Isle of Man "Middle") but, met
///   inside an organization's or a building's name ("Handley Middle School", "Georgia
///   Public Service Commission", "La Voix du Nord"), are words of that name. They are
///   not taken as places from inside another name; as a name of their own they still
///   count. One entry per line, matched without case.
/// - ``facilityWords``: the last words of names of streets, buildings, grounds,
///   rivers and counties ("Third Street", "Webb Center", "Catawba River", "Cooke
///   County"). Such a name the gazetteer lacks is still a place: the town at its
///   front when there is one ("Spartanburg International Airport"), else the
///   document's focus town, approximately, since a local story's streets and
///   buildings lie in the town it is about.
/// - ``continentDemonyms``: "European" and the like with their continent's name,
///   as the demonym table does for countries: a MISC entity "European" is a
///   mention of Europe. One "demonym continent" pair per line.
enum PlaceWords {
    static let continentDemonyms = NERWords.entries("""
    European Europe
    African Africa
    Asian Asia
    """)

    static let facilityWords = NERWords.entries("""
    Airport
    Arena
    Ave
    Avenue
    Blvd
    Boulevard
    Bridge
    Center
    Centre
    Church
    County
    Courthouse
    Creek
    Dr
    Drive
    Hall
    Highway
    Hospital
    Lake
    Lane
    Library
    Mall
    Museum
    Parish
    Park
    Plaza
    Rd
    River
    Road
    School
    Square
    Stadium
    Station
    St
    Street
    Township
    """)

    static let wordsOfNames = NERWords.entries("""
    Business
    Center
    Centre
    Central
    General
    La
    Le
    Middle
    National
    Public
    Royal
    Union
    United
    """)
}
