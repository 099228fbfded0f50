/// What a counted noun says about the event it belongs to, for linking a
/// quantity to an event (``QuantityEventLinker``): each class of counted
/// things, the words that name it (in `of`, singular or plural), and the CAMEO
/// roots of the events such a count describes.
enum QuantityEventKindData {
    static let classes: [(name: String, words: [String], roots: [String])] = [
        // A death or injury toll belongs to violence: assault, fight, mass violence.
        ("casualties", ["killed", "dead", "death", "deaths", "died", "wounded", "injured", "casualties", "casualty", "bodies", "body", "victims", "victim"],
         ["18", "19", "20"]),
        // Troops and weapons: force posture, coercion, violence, and military aid (072).
        ("forces", ["troops", "troop", "soldiers", "soldier", "fighters", "militants", "militant", "police", "policemen", "officers", "forces",
                    "tanks", "tank", "jets", "jet", "aircraft", "warplanes", "drones", "drone", "missiles", "missile", "rockets", "rocket",
                    "shells", "warships", "warship", "bombs", "bomb", "airstrikes", "airstrike", "strikes", "rounds", "peacekeepers", "personnel"],
         ["07", "15", "17", "18", "19", "20"]),
        // People arrested or held: coercion (173 arrest), abduction (181), release (0841).
        ("detentions", ["arrested", "detained", "prisoners", "prisoner", "hostages", "hostage", "detainees", "detainee", "captives",
                        "abducted", "kidnapped", "suspects", "released"],
         ["08", "17", "18"]),
        // Crowds: protest.
        ("crowds", ["protesters", "protestors", "demonstrators", "marchers", "strikers", "rioters", "supporters"], ["14"]),
        // Money: aid and cooperation given, promised or cut.
        ("money", ["aid", "loan", "loans", "grant", "grants", "funding", "assistance", "package", "credit"], ["03", "06", "07", "16"]),
    ]

    /// Units that make a quantity money, whatever it counts.
    static let currencies: Set<String> = ["USD", "EUR", "GBP", "JPY", "CNY", "RUB"]
    /// The class of a currency amount.
    static let moneyClass = "money"
}
