/// Article-level metadata recovered by extraction. Its body is ``Document/text``.
///
/// Missing knowledge stays `nil` or empty: a field is never filled with a guess.
public struct Article: Sendable, Equatable {
    public var title: String?
    public var byline: String?
    /// Publication date as given or found: `YYYY-MM-DD` or an ISO 8601 date-time.
    public var published: String?
    /// Caption of the lead image.
    public var caption: String?
    /// Credit of the lead image ("PHOTOGRAPHER / AGENCY").
    public var credit: String?
    public var subheads: [String] = []
    public var tags: [String] = []
    /// Titles of related articles listed with the story.
    public var related: [String] = []
    /// BCP 47 language tag, when known.
    public var language: String?
    public var url: String?

    public init(
        title: String? = nil, byline: String? = nil, published: String? = nil,
        caption: String? = nil, credit: String? = nil, subheads: [String] = [],
        tags: [String] = [], related: [String] = [], language: String? = nil, url: String? = nil
    ) {
        self.title = title
        self.byline = byline
        self.published = published
        self.caption = caption
        self.credit = credit
        self.subheads = subheads
        self.tags = tags
        self.related = related
        self.language = language
        self.url = url
    }
}
