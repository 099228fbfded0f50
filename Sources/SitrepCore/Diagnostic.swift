/// A non-fatal finding about one document ("no title found", "text truncated").
///
/// Diagnostics carry a stable ``id`` so they can be searched for whatever
/// their wording (as spaCy's `W123` codes), the stage that raised them and,
/// where it applies, the span of text concerned.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case info, warning, error
    }

    /// Stable identifier such as `"SR-EXT-001"`.
    public var id: String
    public var severity: Severity
    public var message: String
    public var stage: String
    public var span: TextSpan?

    public init(id: String, severity: Severity, message: String, stage: String, span: TextSpan? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.stage = stage
        self.span = span
    }

    public var description: String { "\(severity.rawValue) \(id) [\(stage)]: \(message)" }
}
