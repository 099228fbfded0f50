/// Sitrep's own invariants over a store, beyond what the database enforces:
/// what must hold after any sequence of ingests, crashes included, because
/// each article is written in one transaction with its events' counts.
///
/// Each is a query that returns the offending rows (at most a few, as
/// examples) and their total; ``Store/check()`` turns them into messages.
public struct StoreInvariant: Sendable {
    /// What must hold, as a sentence.
    public let rule: String
    /// Counts the rows that break it.
    let countSQL: String

    /// The invariants, in the order `sitrep check` reports them.
    public static let all: [StoreInvariant] = [
        StoreInvariant(
            rule: "every event has at least one mention",
            countSQL: "SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)"),
        StoreInvariant(
            rule: "every event's mention_count and article_count equal its mentions",
            countSQL: """
                SELECT COUNT(*) AS n FROM events e
                WHERE e.mention_count <> (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = e.id)
                   OR e.article_count <> (SELECT COUNT(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = e.id)
                """),
        StoreInvariant(
            rule: "every story's article_count equals its articles",
            countSQL: "SELECT COUNT(*) AS n FROM stories s WHERE s.article_count <> (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)"),
        StoreInvariant(
            rule: "every story has at least one article",
            countSQL: "SELECT COUNT(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)"),
        StoreInvariant(
            rule: "no raw input is stored as two articles",
            countSQL: "SELECT COUNT(*) AS n FROM (SELECT input_hash FROM articles GROUP BY input_hash HAVING COUNT(*) > 1) d"),
    ]
}

extension SQLBackend {
    /// Runs ``StoreInvariant/all``; one message per broken invariant.
    func checkInvariants() async throws -> [String] {
        var problems: [String] = []
        for invariant in StoreInvariant.all {
            let rows = try await fetch(SQLStatement(invariant.countSQL))
            let count = rows.first?["n"].int64 ?? 0
            if count > 0 { problems.append("\(invariant.rule): \(count) rows break it") }
        }
        return problems
    }
}
