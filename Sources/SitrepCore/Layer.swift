/// The standoff layers a ``Document`` can carry.
///
/// Every ``Stage`` declares the layers it `requires` and `provides`;
/// ``Pipeline`` checks the chain when it is built. The raw values are stable:
/// they appear in provenance records and error messages.
public enum Layer: String, CaseIterable, Sendable, Codable, Comparable {
    /// `Document.text` and `Document.article` (title, byline, ...), set by extraction.
    case article
    /// Paragraph spans (blocks of the extracted article).
    case paragraphs
    case sentences
    case tokens
    /// Part-of-speech tags, lemmas and dependency parses on tokens.
    case syntax
    case entities
    case actors
    case events
    case times
    case places
    case quotes
    case quantities

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
