import SitrepCore

/// Step 10 of the ``HTMLExtractor`` cascade: the article's metadata, from the
/// sources a publisher fills most reliably first.
///
/// | field | sources, in order |
/// | --- | --- |
/// | title | `og:title`, JSON-LD `headline`, first `<h1>`, `<title>` without its " \| Site" part |
/// | byline | JSON-LD `author`, `author` / `article:author` meta (names, not URLs), `rel=author`, byline boxes, "By …" |
/// | published | `article:published_time` and kin, JSON-LD `datePublished`, `<time datetime>` |
/// | language | `<html lang>`, `og:locale`, JSON-LD `inLanguage` |
/// | url | `<link rel=canonical>`, `og:url`, the caller's URL |
/// | tags | `article:tag`, `keywords` / `news_keywords`, JSON-LD `keywords` |
/// | caption, credit | the first `<figure>`'s caption and credit |
/// | related | link texts inside related / most-read boxes |
struct HTMLMetadata {
    var article = Article()
    /// JSON-LD `articleBody`, for the rescue step.
    var jsonLDBody: String?

    static func read(_ page: HTMLPage, url: String?) -> HTMLMetadata {
        var result = HTMLMetadata()
        let ld = JSONLD(page.meta.jsonLD)
        let metas = page.meta.metas
        func metaValue(_ keys: [String]) -> String? {
            for key in keys {
                if let value = metas.first(where: { $0.key == key })?.value.htmlTrimmed, !value.isEmpty { return value }
            }
            return nil
        }
        var article = Article()
        article.title = metaValue(["og:title", "twitter:title"]).map(cleanTitle)
            ?? ld.headline
            ?? firstH1(page)
            ?? page.meta.titleTag.map(cleanTitle).flatMap { $0.isEmpty ? nil : $0 }
        let metaAuthor = metaValue(["author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator"])
            .flatMap { $0.contains("://") ? nil : $0 }
        article.byline = ld.author ?? metaAuthor ?? page.meta.relAuthor.first
            ?? page.meta.bylineTexts.lazy.map(stripBy).first(where: { !$0.isEmpty && $0.count <= 100 })
        let dates = [metaValue(["article:published_time", "og:published_time", "published_time", "datepublished",
                                "article.published", "date", "pubdate", "publishdate", "dc.date.issued", "dc.date",
                                "sailthru.date", "parsely-pub-date", "dcterms.created"]),
                     ld.datePublished] + page.meta.timeValues.prefix(3).map { Optional($0) }
        article.published = dates.lazy.compactMap { $0.flatMap(normalizeDate) }.first
        article.language = (page.meta.lang ?? metaValue(["og:locale", "content-language", "language"]) ?? ld.language).flatMap(normalizeLanguage)
        let canonical = page.meta.canonical?.htmlTrimmed ?? metaValue(["og:url"])
        article.url = canonical.flatMap { resolve($0, against: url) } ?? url
        var tags: [String] = page.meta.metas.filter { $0.key == "article:tag" }.map { $0.value.htmlTrimmed }
        if let keywords = metaValue(["news_keywords", "keywords"]) {
            tags += keywords.split(separator: ",").map { String($0).htmlTrimmed }
        }
        tags += ld.keywords
        var seen = Set<String>()
        article.tags = tags.filter { !$0.isEmpty && $0.count <= 80 && seen.insert($0.lowercased()).inserted }.prefix(30).map { $0 }
        article.caption = page.meta.captions.first
        article.credit = page.meta.credits.first
        var seenRelated = Set<String>()
        article.related = page.meta.related.filter { seenRelated.insert($0).inserted && $0 != article.title }
        result.article = article
        result.jsonLDBody = ld.articleBody
        return result
    }

    private static func firstH1(_ page: HTMLPage) -> String? {
        for block in page.blocks where block.role == .heading && block.level == 1 {
            let text = page.string(block)
            if text.count >= 10 { return text }
        }
        return nil
    }

    /// "Headline | Site" → "Headline": the part after the last separator is
    /// dropped when it is short (a site name) and the rest is a real headline.
    static func cleanTitle(_ title: String) -> String {
        let text = title.htmlTrimmed
        for separator in HTMLCues.titleSeparators {
            guard let range = text.ranges(of: separator).last else { continue }
            let head = String(text[..<range.lowerBound]).htmlTrimmed
            let tail = String(text[range.upperBound...]).htmlTrimmed
            if tail.split(separator: " ").count <= 4 && head.split(separator: " ").count >= 3 { return head }
        }
        return text
    }

    private static func stripBy(_ text: String) -> String {
        var line = text.htmlTrimmed
        let lower = line.lowercased()
        for prefix in HTMLCues.bylinePrefixes where lower.hasPrefix(prefix) {
            line = String(line.dropFirst(prefix.count)).htmlTrimmed
            break
        }
        return line
    }

    /// `YYYY-MM-DD`, or the ISO 8601 date-time as found (a space before the
    /// time becomes `T`); `YYYY/MM/DD` and `YYYYMMDD` are read too. Anything
    /// else is not a date this extractor vouches for: nil.
    static func normalizeDate(_ raw: String) -> String? {
        let s = Array(raw.htmlTrimmed.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= s.count && range.allSatisfy { s[$0] >= 0x30 && s[$0] <= 0x39 } }
        guard digits(0..<4) else { return nil }
        var date: [UInt8]
        var rest: Int
        if s.count >= 10, s[4] == s[7], s[4] == UInt8(ascii: "-") || s[4] == UInt8(ascii: "/") || s[4] == UInt8(ascii: "."), digits(5..<7), digits(8..<10) {
            date = Array(s[0..<4]) + [0x2D] + Array(s[5..<7]) + [0x2D] + Array(s[8..<10])
            rest = 10
        } else if digits(0..<8) {
            date = Array(s[0..<4]) + [0x2D] + Array(s[4..<6]) + [0x2D] + Array(s[6..<8])
            rest = 8
        } else {
            return nil
        }
        let month = Int(String(decoding: date[5..<7], as: UTF8.self)) ?? 0
        let day = Int(String(decoding: date[8..<10], as: UTF8.self)) ?? 0
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        // A time part: "T09:30", "T09:30:00Z", " 09:30:00+01:00", "T093000".
        if rest < s.count, s[rest] == UInt8(ascii: "T") || s[rest] == 0x20, digits(rest + 1..<rest + 3), rest + 3 < s.count, s[rest + 3] == UInt8(ascii: ":"), digits(rest + 4..<rest + 6) {
            var end = rest + 1
            let allowed = Set("0123456789:.+-Z".utf8)
            while end < s.count, allowed.contains(s[end]) { end += 1 }
            date += [UInt8(ascii: "T")] + Array(s[(rest + 1)..<end])
        }
        return String(decoding: date, as: UTF8.self)
    }

    /// `en_US` → `en-US`; nil for values that are not language tags.
    static func normalizeLanguage(_ raw: String) -> String? {
        let tag = raw.htmlTrimmed.replacingUnderscores
        guard !tag.isEmpty, tag.count <= 35,
              tag.unicodeScalars.allSatisfy({ ($0.properties.isAlphabetic && $0.isASCII) || $0 == "-" || ("0"..."9").contains($0) }) else { return nil }
        return tag
    }

    /// A canonical URL made absolute against the page URL when it is relative.
    static func resolve(_ link: String, against base: String?) -> String? {
        guard !link.isEmpty else { return nil }
        if link.contains("://") { return link }
        guard let base, let schemeEnd = base.firstRange(of: "://") else { return link.hasPrefix("//") ? "https:" + link : nil }
        if link.hasPrefix("//") { return String(base[..<schemeEnd.lowerBound]) + ":" + link }
        let afterScheme = base[schemeEnd.upperBound...]
        let host = afterScheme.firstIndex(of: "/").map { String(base[..<$0]) } ?? base
        if link.hasPrefix("/") { return host + link }
        return nil
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// The article facts of a page's JSON-LD blocks (schema.org `Article` and its
/// kin: `NewsArticle`, `BlogPosting`, `ReportageNewsArticle`…).
struct JSONLD {
    var headline: String?
    var author: String?
    var datePublished: String?
    var language: String?
    var keywords: [String] = []
    var articleBody: String?

    init(_ sources: [String]) {
        for source in sources {
            // Malformed JSON-LD is common (trailing commas, raw newlines in
            // strings); such a block is skipped, never fatal.
            guard let value = try? JSONReader.read(Array(source.utf8)) else { continue }
            visit(value, depth: 0)
        }
    }

    private mutating func visit(_ value: JSONValue, depth: Int) {
        guard depth < 6 else { return }
        switch value {
        case .array(let items):
            for item in items { visit(item, depth: depth + 1) }
        case .object:
            if let graph = value["@graph"] { visit(graph, depth: depth + 1) }
            guard Self.isArticle(value["@type"]) else { return }
            if headline == nil { headline = value["headline"]?.stringValue?.htmlTrimmed ?? value["name"]?.stringValue?.htmlTrimmed }
            if author == nil { author = Self.names(value["author"]) }
            if datePublished == nil { datePublished = value["datePublished"]?.stringValue ?? value["dateCreated"]?.stringValue }
            if language == nil { language = value["inLanguage"]?.stringValue }
            if keywords.isEmpty {
                switch value["keywords"] {
                case .string(let s)?: keywords = s.split(separator: ",").map { String($0).htmlTrimmed }
                case .array(let items)?: keywords = items.compactMap { $0.stringValue?.htmlTrimmed }
                default: break
                }
            }
            if articleBody == nil { articleBody = value["articleBody"]?.stringValue }
        default:
            break
        }
    }

    private static func isArticle(_ type: JSONValue?) -> Bool {
        switch type {
        case .string(let s)?: return s.hasSuffix("Article") || s == "BlogPosting" || s == "Report" || s.hasSuffix("NewsArticle") || s == "LiveBlogPosting"
        case .array(let items)?: return items.contains { isArticle($0) }
        default: return false
        }
    }

    /// "Jane Doe" from a string, a Person object or an array of them ("Jane Doe and John Roe").
    private static func names(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s.contains("://") || s.isEmpty ? nil : s.htmlTrimmed
        case .object?: return value?["name"]?.stringValue.map { $0.htmlTrimmed }.flatMap { $0.isEmpty ? nil : $0 }
        case .array(let items)?:
            let all = items.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: " and ")
        default: return nil
        }
    }
}
