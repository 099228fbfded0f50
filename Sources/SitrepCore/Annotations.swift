/// Annotation types of the standoff layers. Every position is a ``TextSpan``
/// into ``Document/text`` (UTF-8 bytes); the interchange edge converts them.

/// One token of the text: its span, and nothing else.
///
/// A token's syntax is in ``Document/syntax``, at the same index. Kept apart,
/// a token is 16 bytes: the stages that read every token's span (the time
/// tagger's first pass, the sentence ranges, the entity features) read a
/// fifth of the memory they would read with the four tag strings beside it.
public struct Token: Sendable, Equatable {
    public var span: TextSpan

    public init(span: TextSpan) {
        self.span = span
    }
}

/// Syntax of one token, in Universal Dependencies terms.
public struct TokenSyntax: Sendable, Equatable {
    public var upos: String
    public var xpos: String
    public var lemma: String
    /// Index of the head token within the same sentence (0-based), or -1 for the root.
    public var head: Int
    public var deprel: String

    public init(upos: String, xpos: String, lemma: String, head: Int, deprel: String) {
        self.upos = upos
        self.xpos = xpos
        self.lemma = lemma
        self.head = head
        self.deprel = deprel
    }
}

/// The four CoNLL-2003 entity types.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"
}

/// A named-entity mention.
public struct EntityMention: Sendable, Equatable {
    public var span: TextSpan
    public var type: EntityType
    /// The document-wide canonical name ("Recep Tayyip Erdogan" for "Erdogan").
    public var canonical: String?
    /// CAMEO-style actor code, when the actor coder has one.
    public var actor: String?
    public var confidence: Double?

    public init(span: TextSpan, type: EntityType, canonical: String? = nil, actor: String? = nil, confidence: Double? = nil) {
        self.span = span
        self.type = type
        self.canonical = canonical
        self.actor = actor
        self.confidence = confidence
    }
}

/// A mention of a political actor with its CAMEO-style code ("TURMIL").
public struct ActorMention: Sendable, Equatable {
    public var span: TextSpan
    /// Country + role code; "---" when the actor cannot be coded.
    public var code: String
    public var canonical: String?
    public var confidence: Double?

    public init(span: TextSpan, code: String, canonical: String? = nil, confidence: Double? = nil) {
        self.span = span
        self.code = code
        self.canonical = canonical
        self.confidence = confidence
    }
}

/// A place resolved to the gazetteer.
public struct PlaceMention: Sendable, Equatable {
    public var span: TextSpan
    public var name: String?
    public var geonameID: Int?
    /// ISO 3166-1 alpha-2 or alpha-3 country code.
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(span: TextSpan, name: String? = nil, geonameID: Int? = nil, country: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.span = span
        self.name = name
        self.geonameID = geonameID
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// TIMEX3 types.
public enum TimeType: String, Sendable, Codable, CaseIterable {
    case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// A time expression normalized to a TIMEX3 value.
public struct TimeExpression: Sendable, Equatable {
    public var span: TextSpan
    public var type: TimeType
    /// TIMEX3 value ("2020-06-08", "P6M", "PAST_REF"), or nil when it cannot be normalized.
    public var value: String?
    /// Consistency flags ("weekday-mismatch", "impossible-date", ...).
    public var flags: [String]

    public init(span: TextSpan, type: TimeType, value: String?, flags: [String] = []) {
        self.span = span
        self.type = type
        self.value = value
        self.flags = flags
    }
}

/// One participant of an event.
public struct EventArgument: Sendable, Equatable {
    public var span: TextSpan?
    public var code: String

    public init(span: TextSpan?, code: String) {
        self.span = span
        self.code = code
    }
}

/// A CAMEO-coded event.
public struct Event: Sendable, Equatable {
    /// CAMEO code as a string ("0356", "190").
    public var code: String
    public var label: String?
    public var source: EventArgument?
    public var target: EventArgument?
    /// TIMEX3 date of the event.
    public var date: String?
    public var place: PlaceMention?
    /// The clause or sentence the event was coded from.
    public var span: TextSpan
    public var confidence: Double
    /// The words that triggered the code (the verb or noun pattern); the first is the trigger.
    public var evidence: [TextSpan]
    /// Event flags: `intent`, `imminent`, `refusal`, `background`, `date-from-context`, `date-from-document`, `no-source`.
    public var flags: [String]
    /// A short human-readable account of the rule that fired (verb, pattern, how
    /// each actor was found).
    public var rule: String?

    public init(code: String, label: String? = nil, source: EventArgument?, target: EventArgument?,
                date: String? = nil, place: PlaceMention? = nil, span: TextSpan, confidence: Double,
                evidence: [TextSpan] = [], flags: [String] = [], rule: String? = nil) {
        self.rule = rule
        self.code = code
        self.label = label
        self.source = source
        self.target = target
        self.date = date
        self.place = place
        self.span = span
        self.confidence = confidence
        self.evidence = evidence
        self.flags = flags
    }
}

extension Event {
    /// CAMEO's quad class of a code's root ("19", or the whole code "190"):
    /// 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal
    /// conflict (09–13), 4 material conflict (14–20); nil for anything else.
    public static func quadClass(root code: some StringProtocol) -> Int? {
        guard let n = Int(code.prefix(2)) else { return nil }
        switch n {
        case 1...5: return 1
        case 6...8: return 2
        case 9...13: return 3
        case 14...20: return 4
        default: return nil
        }
    }
}

/// A quotation and who said it.
public struct Quote: Sendable, Equatable {
    public var span: TextSpan
    public var speaker: Speaker?
    /// The attribution cue ("said", "told Reuters", "according to").
    public var cue: TextSpan?
    public var kind: QuoteKind

    public init(span: TextSpan, speaker: Speaker?, cue: TextSpan?, kind: QuoteKind = .direct) {
        self.span = span
        self.speaker = speaker
        self.cue = cue
        self.kind = kind
    }
}

/// How a quote reports speech.
public enum QuoteKind: String, Sendable, Equatable, CaseIterable {
    /// Whole sentences in quotation marks: "We will not negotiate," he said.
    case direct
    /// Quoted words inside the reporter's own sentence: he called the talks "a farce".
    case partial
    /// Reported speech without marks: he said that the talks had failed.
    case indirect
}

/// The speaker of a quote.
public struct Speaker: Sendable, Equatable {
    public var span: TextSpan
    public var canonical: String?
    public var actor: String?

    public init(span: TextSpan, canonical: String? = nil, actor: String? = nil) {
        self.span = span
        self.canonical = canonical
        self.actor = actor
    }
}

/// A counted quantity ("1,200 soldiers", "some 300 protesters").
public struct Quantity: Sendable, Equatable {
    public var span: TextSpan
    public var value: Double?
    public var approximate: Bool
    /// Unit of measure or currency ("USD", "km").
    public var unit: String?
    /// What is counted ("soldiers", "killed").
    public var of: String?
    /// The event the quantity describes, as an index into the document's
    /// events (a death toll on an attack, troops on a deployment), if any.
    public var event: Int?

    public init(span: TextSpan, value: Double?, approximate: Bool = false, unit: String? = nil, of: String? = nil, event: Int? = nil) {
        self.span = span
        self.value = value
        self.approximate = approximate
        self.unit = unit
        self.of = of
        self.event = event
    }
}
