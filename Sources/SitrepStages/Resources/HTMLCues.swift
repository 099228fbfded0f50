/// The vocabularies of the HTML extractor (``HTMLExtractor``), kept as data.
///
/// A page's markup says what a box is far more often through its `class`,
/// `id` and `role` words than through its shape: `class="share-bar"`,
/// `id="comments"`, `class="newsletter-signup"`. These tables hold such words,
/// in the spirit of trafilatura's token lists (`xpaths.py`) and readability's
/// "unlikely candidates" pattern. A wrong call is fixed by editing a table and
/// adding a fixture test, never by adding a branch to the extractor.
///
/// ## Matching
///
/// An element's `class` and `id` values are lowercased and split into words at
/// every character that is not a letter or digit (`article__body--wide` gives
/// `article`, `body`, `wide`); its *squashed* form drops the separators
/// (`articlebody wide` → `articlebodywide`).
///
/// - ``strongBoilerplate`` and ``weakBoilerplate`` entries match a *word* or
///   the *start of a word* (`share` matches `share`, `sharebar`, `sharing`
///   does not). Entries ending in `*` only match whole words.
/// - ``contentWords`` are squashed substrings naming an article body.
/// - ``rescueWords`` are words that cancel a *weak* boilerplate cue on the
///   same element (readability's "okMaybeItsACandidate"): `main-sidebar`
///   stays out, `content-header` is doubtful, `sidebar-article-body` stays in.
///
/// The words are generic page furniture, not the names of any one site.
///
/// ## Topics
/// - Boxes: ``strongBoilerplate``, ``weakBoilerplate``, ``rescueWords``, ``embedWords``, ``contentWords``
/// - Metadata: ``captionWords``, ``creditWords``, ``bylineWords``, ``relatedWords``
public enum HTMLCues {
    /// Boxes that are never article text, whatever else their class says:
    /// comments, share bars, related and most-read lists, newsletter and app
    /// promos, cookie notices, ads, paywall prompts.
    public static let strongBoilerplate: [String] = [
        "comment", "disqus", "share", "sharing", "social", "sociable", "related", "relacionad",
        "recommend", "newsletter", "subscri", "signup", "sign-up", "cookie", "consent", "gdpr",
        "advert", "adslot", "adunit", "adwrap", "adcontainer", "ad*", "ads*", "dfp", "sponsor",
        "outbrain", "taboola", "popular", "mostread", "most*", "trending", "readmore", "read-more",
        "moreon", "morestories", "paywall", "breadcrumb", "pagination", "pager", "print*", "toolbar",
        "rating", "authorbio", "bio*", "tags*", "tagcloud", "taglist", "keywords", "login", "register",
        "skip", "sr-only", "screenreader", "visually-hidden", "visuallyhidden", "caption", "credit",
        "figcaption", "byline", "dateline", "timestamp", "published*", "date*", "author*",
        "app-promo", "download-app", "alert", "notification", "follow", "donate", "survey", "feedback",
    ]

    /// Boxes that are usually furniture but sometimes wrap the story
    /// (`<div id="main-header-and-content">`); a word of ``rescueWords`` on the
    /// same element cancels them.
    public static let weakBoilerplate: [String] = [
        "nav*", "navbar", "navigation", "menu", "footer", "sidebar", "aside", "rail", "header", "topbar",
        "widget", "banner", "teaser", "card*", "carousel", "slider", "meta*", "tools*", "icon",
        "headline*", "kicker", "masthead", "hidden*", "modal", "overlay", "popup", "promo",
    ]

    /// Words that cancel a weak boilerplate cue on the same element.
    public static let rescueWords: [String] = [
        "article", "body", "content", "main", "story", "post", "entry", "text", "column", "page", "wrapper", "container",
    ]

    /// Words of embedded posts and quotes that belong to the story (a tweet
    /// the story quotes, a pull quote): they cancel every boilerplate cue on
    /// the same element, so `<div class="social-media-embed">` stays in.
    public static let embedWords: [String] = ["embed", "tweet", "twitter-tweet", "instagram-media", "pullquote", "pull-quote"]

    /// Squashed class/id substrings that name the article body
    /// (`article-body`, `story__content`, `entry-content`, `post_text`).
    public static let contentWords: [String] = [
        "articlebody", "articlecontent", "articletext", "articlecopy", "articlemain", "storybody", "storycontent",
        "storytext", "postbody", "postcontent", "posttext", "entrycontent", "entrybody", "entrytext",
        "contentbody", "bodytext", "bodycopy", "maintext", "newsbody", "newstext", "newscontent",
        "textcontent", "richtext", "articlebox", "contenttext", "detailbody", "detailcontent", "articledetail",
    ]

    /// Words marking a caption inside a figure.
    public static let captionWords: [String] = ["caption", "figcaption", "legend", "description", "desc*"]
    /// Words marking an image credit inside a figure or caption.
    public static let creditWords: [String] = ["credit", "copyright", "source*", "photographer", "author*", "byline"]
    /// Words marking a byline box.
    public static let bylineWords: [String] = ["byline", "author*", "authors", "author-name", "writer", "contributor"]
    /// Words marking a box of related or most-read article links.
    public static let relatedWords: [String] = ["related", "relacionad", "recommend", "more*", "mostread", "popular", "readmore", "read-more", "morestories", "trending"]

    /// Line prefixes that introduce a byline ("By Jane Doe", "Por Juan").
    public static let bylinePrefixes: [String] = ["by ", "por ", "par ", "von ", "di ", "door ", "av ", "от ", "автор: "]
    /// Title separators: a `<title>` is "Headline | Site"; the part after the
    /// last separator is dropped when the headline part is long enough.
    public static let titleSeparators: [String] = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / "]
}
