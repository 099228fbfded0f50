import SitrepCore

/// The `quotes` stage: direct, partial and indirect quotes with their cue and speaker.
///
/// It reads tokens and sentences (and entity mentions when an entity stage ran
/// before it) and writes ``SitrepCore/Document/quotes``, sorted by start. It is a
/// cascade of word-order rules over tokens, each a function of its own:
///
/// 1. **Quote marks** (``QuoteFinder/directQuotes()``). Per paragraph, quotation-mark
///    tokens of every style (`"` “ ” „ « » ' ‘ ’ ‹ ›) are paired by a small state
///    machine: a mark opens when a space or the paragraph start is before it (or by its
///    glyph: “ « ‘ open, ” » close), closes when text is before it. Single marks pair
///    only outside double quotes and never on an apostrophe (`don't`, `the
///    farmers' union`); marks nested inside an open quote belong to it. A paragraph
///    whose first mark closes lost its opening mark in scraping: the quote runs from
///    the paragraph start. A quote still open at the paragraph end ends there (a
///    quote continued in the next paragraph). Quotes after `so-called`, `dubbed`...
///    are names, not speech, and are dropped.
/// 2. **Kind.** A quote at a sentence start or after `:` `,` or a cue verb is
///    direct; one inside a clause (`called the plan "a recipe for chaos"`) is partial.
/// 3. **Cue and speaker phrase of quotes** (``QuoteFinder/attribute(_:)``): after the closing
///    mark, `said Lena Marsh` or `Defence Minister Anton Keller said` in the same
///    sentence; else before the opening mark, `General Aziz Karimov told the council:`.
///    Partial quotes look back first, to the cue verb of their clause.
/// 4. **Indirect speech** (``QuoteFinder/indirectQuotes()``), outside quotes: `X said
///    (that) CLAUSE`, `according to X, CLAUSE`, `CLAUSE, according to X`, `CLAUSE, X
///    said.` and `..., adding that CLAUSE`. Only `say`/`tell`/`add` take a clause without
///    `that`; a clause holding a quote mark is left to its partial quote.
/// 5. **Canonical speaker** (``SpeakerResolver``), in text order: titles dropped
///    (`Mr.`, `Defence Minister`), surnames to the full name seen earlier (`Mr. Mbeki`
///    -> `Daniel Mbeki`), `he`/`she` to the latest person mentioned before them (gender
///    from `Mr.`/`Ms.` when known), `it`/`they` to the latest organization,
///    `the minister` to the latest person with that role, `the statement` to the
///    author of the latest statement. Entity mentions (PER/ORG), when present, give
///    the name span, canonical form and actor code.
/// 6. **Quotes without a cue** take the speaker of the nearest attributed quote in
///    the same paragraph or continued paragraph run; otherwise their speaker is null
///    (a speaker who is not in the text is never guessed).
///
/// Steps 3 and 4 are the word-order heuristics a dependency parse will replace: once
/// ``SitrepCore/Layer/syntax`` exists, the speaker is the `nsubj` of the cue verb and
/// the reported clause its `ccomp`, in ``QuoteFinder/speakerBefore(cue:limit:)``,
/// ``QuoteFinder/speakerAfter(_:limit:)`` and ``QuoteFinder/indirectQuotes()``.
///
/// Conventions (see `Evaluation/quotes/README.md`): a direct or partial quote's span
/// includes its marks; an indirect quote's span is the reported clause without final
/// punctuation.
///
/// - Complexity: O(n) in the tokens of the document, plus O(q·p) for q quotes and p
///   person mentions.
public struct QuoteStage: Stage {
    /// `"quotes"`.
    public let name = "quotes"
    /// Bump whenever the output can change.
    public let version = "rules.v1"
    /// Sentences and tokens; entity mentions are used when present, not required.
    public let requires: Set<Layer> = [.sentences, .tokens]
    /// ``SitrepCore/Document/quotes``.
    public let provides: Set<Layer> = [.quotes]

    /// Creates the stage; its word lists are compiled once per process.
    public init() {}

    /// Replaces ``SitrepCore/Document/quotes`` with the quotes of `doc`, sorted by start.
    ///
    /// - Throws: nothing; a document without tokens gets no quotes.
    public func process(_ doc: inout Document) throws {
        guard !doc.tokens.isEmpty else {
            doc.quotes = []
            return
        }
        let words = TokenWords(doc)
        var finder = QuoteFinder(words: words, lexicon: .shared)
        var candidates = finder.directQuotes()
        for index in candidates.indices { finder.attribute(&candidates[index]) }
        candidates += finder.indirectQuotes()
        guard !candidates.isEmpty else {
            doc.quotes = []
            return
        }
        candidates.sort { $0.span.start < $1.span.start }
        var resolver = SpeakerResolver(words: words, lexicon: .shared, entities: doc.entities, actors: doc.actors, insideQuote: finder.insideQuote)
        resolver.resolve(&candidates)
        doc.quotes = candidates.map { candidate in
            Quote(span: candidate.span, speaker: candidate.speaker, cue: candidate.cue.map { words.span($0) }, kind: candidate.kind)
        }
    }
}

/// A quote found by ``QuoteFinder``, before it becomes a ``SitrepCore/Quote``.
struct QuoteCandidate {
    /// How the speaker is found once the candidates are in text order.
    enum SpeakerRule: Equatable {
        /// The phrase `speakerTokens`.
        case phrase
        /// The speaker of an earlier quote in the same sentence ("... and said ...").
        case sameSentence
        /// Nearest attributed quote of the same paragraph run, else null.
        case none
    }

    var kind: QuoteKind
    var span: TextSpan
    /// First and last token of the quote (its marks included).
    var first: Int
    var last: Int
    var paragraph: Int
    /// A quote still open at the end of its paragraph.
    var openAtEnd = false
    var cue: Range<Int>?
    var speakerTokens: Range<Int>?
    var rule: SpeakerRule = .none
    var speaker: Speaker?
    /// Whether the resolved speaker is a person (for `he`/`she`).
    var speakerIsPerson = false
}
