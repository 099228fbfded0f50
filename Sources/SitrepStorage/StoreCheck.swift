/// Sitrep's own invariants over a store, beyond what the database enforces:
/// what must hold after any sequence of ingests, crashes included, because
/// each article is written in one transaction with its events' counts.
///
/// Each is a query counting the rows that break it (SQL backends) and the
/// same rule over the arrays of ``MemoryStore``; ``Store/check()`` turns the
/// counts into messages with ``problem(_:)``.
public struct StoreInvariant: Sendable {
    /// What must hold, as a sentence.
    public let rule: String
    /// Counts the rows that break it.
    let countSQL: String

    public static let eventHasMention = StoreInvariant(
        rule: "every event has at least one mention",
        countSQL: "SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)")
    public static let eventCountsMatch = StoreInvariant(
        rule: "every event's mention_count and article_count equal its mentions",
        countSQL: """
            SELECT COUNT(*) AS n FROM events e
            WHERE e.mention_count <> (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = e.id)
               OR e.article_count <> (SELECT COUNT(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = e.id)
            """)
    public static let storyCountMatches = StoreInvariant(
        rule: "every story's article_count equals its articles",
        countSQL: "SELECT COUNT(*) AS n FROM stories s WHERE s.article_count <> (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)")
    public static let storyHasArticle = StoreInvariant(
        rule: "every story has at least one article",
        countSQL: "SELECT COUNT(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)")
    public static let inputStoredOnce = StoreInvariant(
        rule: "no raw input is stored as two articles",
        countSQL: "SELECT COUNT(*) AS n FROM (SELECT input_hash FROM articles GROUP BY input_hash HAVING COUNT(*) > 1) d")

    public static let quantityEventExists = StoreInvariant(
        rule: "every quantity's event is an event mention of its own article",
        countSQL: """
            SELECT COUNT(*) AS n FROM quantities q
            WHERE q.event_ordinal IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.article_id = q.article_id AND m.ordinal = q.event_ordinal)
            """)

    /// The invariants, in the order `sitrep check` reports them.
    public static let all: [StoreInvariant] = [eventHasMention, eventCountsMatch, storyCountMatches, storyHasArticle, inputStoredOnce,
                                               quantityEventExists]

    /// The message for `count` rows breaking the invariant; nil when none do.
    func problem(_ count: Int) -> String? {
        count > 0 ? "\(rule): \(count) rows break it" : nil
    }
}

extension SQLBackend {
    /// Runs ``StoreInvariant/all``; one message per broken invariant.
    func checkInvariants() async throws -> [String] {
        var problems: [String] = []
        for invariant in StoreInvariant.all {
            let rows = try await fetch(SQLStatement(invariant.countSQL))
            if let problem = invariant.problem(Int(rows.first?["n"].int64 ?? 0)) { problems.append(problem) }
        }
        return problems
    }
}
