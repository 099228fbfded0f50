/// Number words and approximators of the `quantities` stage (``QuantityStage``).
///
/// Format of the word lists as in `QuoteCues.swift`; the value tables are Swift
/// pairs. Conventions (see `Evaluation/quotes/README.md`): the word `one` alone is
/// never a quantity (it is mostly a determiner or pronoun: "one of", "no one", "one
/// woman"); `one` before a scale word is ("one million"). Vague plural multiples take
/// their smallest reading and are approximate: "dozens" 24, "hundreds" 200,
/// "tens of thousands" 20,000.
enum QuantityWordData {
    /// Cardinal number words and their values. Hyphenated compounds ("twenty-five")
    /// are read as the sum of their parts.
    static let numberWords: [(String, Double)] = [
        ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
        ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
        ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ]

    /// Words that multiply the number before them ("2 million", "two dozen"); after
    /// `a`/`an`/`one` they stand for one of them ("a dozen", "one million").
    static let scales: [(String, Double)] = [
        ("dozen", 12), ("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("mn", 1_000_000),
        ("billion", 1_000_000_000), ("bn", 1_000_000_000), ("trillion", 1_000_000_000_000),
    ]

    /// Vague plural multiples, approximate, at their smallest reading.
    static let vagueMultiples: [(String, Double)] = [
        ("dozens", 24), ("scores", 40), ("hundreds", 200), ("thousands", 2_000), ("millions", 2_000_000),
        ("billions", 2_000_000_000),
    ]

    /// "tens of thousands" (20,000), "hundreds of thousands" (200,000): the first word
    /// and its factor; the scale is the plural after `of`.
    static let vagueFactors: [(String, Double)] = [("tens", 20), ("hundreds", 200)]

    /// Plural scales after "tens of" / "hundreds of".
    static let pluralScales: [(String, Double)] = [("thousands", 1_000), ("millions", 1_000_000), ("billions", 1_000_000_000)]

    /// Phrases before a number that make it approximate (lower bounds, upper bounds
    /// and estimates alike).
    static let approximators = """
    some
    about
    around
    roughly
    approximately
    nearly
    almost
    over
    more than
    fewer than
    less than
    at least
    at most
    up to
    close to
    an estimated
    as many as
    upwards of
    just over
    just under
    well over
    estimated
    """
}
