import SitrepCore

/// The nine IOB2 labels of the entity tagger: `O` and `B-`/`I-` for each of the
/// four CoNLL-2003 types.
///
/// Raw values are the label ids used in weight tables and model files; they never change
/// within model format 1.
public enum EntityLabel: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case outside = 0
    case beginPerson, insidePerson
    case beginOrganization, insideOrganization
    case beginLocation, insideLocation
    case beginMiscellaneous, insideMiscellaneous

    /// Number of labels (the width of a weight row).
    public static let count = 9

    /// The label for `tag` in IOB2 (or IOB1) notation, `nil` if it is not one of the nine.
    public init?(tag: String) {
        guard let label = Self.allCases.first(where: { $0.description == tag }) else { return nil }
        self = label
    }

    /// The label that begins (`inside == false`) or continues an entity of `type`.
    public init(type: EntityType, inside: Bool) {
        let base: UInt8 = switch type {
        case .person: 1
        case .organization: 3
        case .location: 5
        case .miscellaneous: 7
        }
        self.init(rawValue: base + (inside ? 1 : 0))!
    }

    /// The entity type, `nil` for ``outside``.
    public var type: EntityType? {
        switch self {
        case .outside: nil
        case .beginPerson, .insidePerson: .person
        case .beginOrganization, .insideOrganization: .organization
        case .beginLocation, .insideLocation: .location
        case .beginMiscellaneous, .insideMiscellaneous: .miscellaneous
        }
    }

    /// Whether the label continues an entity (`I-`).
    public var isInside: Bool { rawValue != 0 && rawValue % 2 == 0 }

    /// Whether `self` may follow `previous` in IOB2: `I-X` only after `B-X` or `I-X`.
    /// Pass `nil` for the start of a sentence.
    public func canFollow(_ previous: EntityLabel?) -> Bool {
        guard isInside else { return true }
        guard let previous, previous != .outside else { return false }
        return previous.type == type
    }

    /// The IOB2 tag: `O`, `B-PER`, `I-LOC`, ...
    public var description: String {
        guard let type else { return "O" }
        return (isInside ? "I-" : "B-") + type.rawValue
    }

    /// Entity spans of one tagged sentence, as half-open token index ranges with types.
    /// An `I-` tag that does not continue an entity of its type starts a new one (as
    /// conlleval reads it).
    public static func chunks(_ labels: [EntityLabel]) -> [(range: Range<Int>, type: EntityType)] {
        var result: [(range: Range<Int>, type: EntityType)] = []
        var start = -1
        var current: EntityType?
        for (index, label) in labels.enumerated() {
            let continues = label.isInside && label.type == current
            if !continues, let type = current {
                result.append((start..<index, type))
                current = nil
            }
            if !continues, let type = label.type {
                start = index
                current = type
            }
        }
        if let type = current { result.append((start..<labels.count, type)) }
        return result
    }
}
