/// Word lists of the `places` stage.
///
/// ## Lists
/// - ``wordsOfNames``: words that are the name of some place in the gazetteer (a
///   region of Burkina Faso is "Centre", one of the Isle of Man "Middle") but, met
///   inside an organization's or a building's name ("Handley Middle School", "Georgia
///   Public Service Commission", "La Voix du Nord"), are words of that name. They are
///   not taken as places from inside another name; as a name of their own they still
///   count. One entry per line, matched without case.
enum PlaceWords {
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
