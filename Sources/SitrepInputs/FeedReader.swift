import CLibXML2

/// The body of a feed item, HTML or plain text.
public enum FeedContent: Sendable, Equatable {
    /// HTML: `content:encoded`, Atom `type="html"`/`"xhtml"` content, or an RSS
    /// description that contains markup. Escaping is already undone (this is
    /// the HTML itself, ready for the HTML extractor).
    case html(String)
    /// Plain text: Atom `type="text"`, or a description without markup.
    case text(String)
    /// The item has a title but no body.
    case empty
}

/// One item (RSS) or entry (Atom) of a feed.
public struct FeedItem: Sendable, Equatable {
    /// A stable identifier: RSS `guid`, Atom `id`, RSS 1.0 `rdf:about`, else
    /// the link, else `origin#` and a hash of title and content.
    public var id: String
    /// The article's URL: the item link (Atom: `rel="alternate"`), else a permalink guid.
    public var url: String?
    /// The title, entity-decoded (also double-escaped entities), tags removed
    /// for Atom HTML titles, whitespace collapsed.
    public var title: String?
    /// Publication date in ISO 8601 (see ``FeedDate``), or `nil` when absent or unparseable.
    public var published: String?
    /// Author names, comma-separated: `dc:creator`, Atom `author/name`, or the
    /// name in an RSS `author` ("jo@example.com (Jo Bloggs)" gives "Jo Bloggs").
    public var author: String?
    /// The fullest body the item has (see ``FeedReader``).
    public var content: FeedContent
    /// RSS `category`, Atom `category` label or term, `dc:subject`; in order, without repeats.
    public var categories: [String]

    /// An item; readers build these with ``FeedReader/read(_:origin:)``.
    public init(
        id: String, url: String? = nil, title: String? = nil, published: String? = nil, author: String? = nil,
        content: FeedContent = .empty, categories: [String] = []
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.published = published
        self.author = author
        self.content = content
        self.categories = categories
    }
}

/// A parsed feed: its own title and link, and its items in document order.
public struct Feed: Sendable, Equatable {
    /// The three feed syntaxes.
    public enum Format: String, Sendable, Equatable {
        /// RSS 0.9x and 2.0 (`<rss>`).
        case rss
        /// RSS 1.0 (`<rdf:RDF>`).
        case rdf
        /// Atom 1.0 (`<feed xmlns="http://www.w3.org/2005/Atom">`).
        case atom
    }

    /// Which syntax the feed used.
    public var format: Format
    /// The feed's own title (RSS `channel/title`, Atom `feed/title`), cleaned like item titles.
    public var title: String?
    /// The site's URL (RSS `channel/link`, Atom alternate link).
    public var link: String?
    /// The feed's language as declared (RSS `language`, `dc:language`, Atom `xml:lang`).
    public var language: String?
    /// The items that have a title or a body, in document order.
    public var items: [FeedItem]

    /// A feed; readers build these with ``FeedReader/read(_:origin:)``.
    public init(format: Format, title: String? = nil, link: String? = nil, language: String? = nil, items: [FeedItem] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.language = language
        self.items = items
    }
}

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds.
///
/// Parsing is done by libxml2 with external entities, DTD loading and the
/// network off, and documents that declare entities refused (see
/// ``InputFormatError/entityDeclaration(origin:line:name:)``); the encoding comes
/// from the BOM or the XML declaration (`ISO-8859-1`, `windows-1252`, …) and
/// every string comes out as UTF-8.
///
/// Each item's body is the fullest one present, in this order:
/// 1. `content:encoded` (HTML);
/// 2. Atom `content` (`html`/`xhtml` → ``FeedContent/html(_:)``, `text` → ``FeedContent/text(_:)``;
///    out-of-line `src` content is ignored);
/// 3. RSS `description` (HTML when it contains markup) or Atom `summary`;
/// 4. `media:description`.
///
/// Items with neither a title nor a body are dropped.
///
/// ## Topics
/// - ``read(_:origin:)``
/// - ``looksLikeFeed(_:)``
public enum FeedReader {
    /// Namespaces of the elements the reader understands.
    enum Namespace {
        static let atom: StaticString = "http://www.w3.org/2005/Atom"
        static let rss10: StaticString = "http://purl.org/rss/1.0/"
        static let rss090: StaticString = "http://my.netscape.com/rdf/simple/0.9/"
        static let rdf: StaticString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let content: StaticString = "http://purl.org/rss/1.0/modules/content/"
        static let dublinCore: StaticString = "http://purl.org/dc/elements/1.1/"
        static let media: StaticString = "http://search.yahoo.com/mrss/"
        static let xml: StaticString = "http://www.w3.org/XML/1998/namespace"
    }

    /// Parses a feed.
    ///
    /// - Parameters:
    ///   - bytes: the whole feed document.
    ///   - origin: names the feed in errors and in synthesized item ids (a path or URL).
    /// - Throws: ``InputFormatError/empty(origin:)``, ``InputFormatError/invalidXML(origin:line:reason:)``,
    ///   ``InputFormatError/entityDeclaration(origin:line:name:)`` or ``InputFormatError/notAFeed(origin:root:)``.
    /// - Complexity: O(n) in the document's size.
    public static func read(_ bytes: [UInt8], origin: String) throws(InputFormatError) -> Feed {
        let document = try SafeXMLDocument.parse(bytes, origin: origin)
        // The nodes below belong to `document`: keep it alive until they are read.
        defer { withExtendedLifetime(document) {} }
        guard let root = document.root else { throw .notAFeed(origin: origin, root: "") }
        let feed: Feed
        if isElement(root, "rss", in: nil) {
            feed = readRSS(root, origin: origin)
        } else if isElement(root, "RDF", in: Namespace.rdf) {
            feed = readRDF(root, origin: origin)
        } else if isElement(root, "feed", in: Namespace.atom) {
            feed = readAtom(root, origin: origin)
        } else {
            var name: [UInt8] = []
            FeedText.appendCString(root.pointee.name, to: &name)
            throw .notAFeed(origin: origin, root: String(decoding: name, as: UTF8.self))
        }
        return feed
    }

    /// Whether `bytes` look like a feed: the first element, after a BOM, the
    /// XML declaration, comments, processing instructions and a DOCTYPE, is
    /// `rss`, `rdf:RDF` or `feed` (with any prefix). A cheap sniff on the first
    /// 64 KiB for routing input files; ``read(_:origin:)`` decides for real.
    public static func looksLikeFeed(_ bytes: [UInt8]) -> Bool {
        let end = min(bytes.count, 64 << 10)
        var index = 0
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        while index < end {
            if isASCIIWhitespace(bytes[index]) {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < end else { return false }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                guard let close = find([UInt8(ascii: "?"), UInt8(ascii: ">")], in: bytes, from: index + 2, end: end) else { return false }
                index = close + 2
            case UInt8(ascii: "!"):
                if hasPrefixIgnoringCase(bytes, at: index, end: end, "<!--") {
                    guard let close = find(Array("-->".utf8), in: bytes, from: index + 4, end: end) else { return false }
                    index = close + 3
                } else {
                    // <!DOCTYPE …> with an optional [internal subset].
                    var cursor = index + 2
                    var inSubset = false
                    while cursor < end && (inSubset || bytes[cursor] != UInt8(ascii: ">")) {
                        if bytes[cursor] == UInt8(ascii: "[") { inSubset = true }
                        if bytes[cursor] == UInt8(ascii: "]") { inSubset = false }
                        cursor += 1
                    }
                    guard cursor < end else { return false }
                    index = cursor + 1
                }
            default:
                var nameEnd = index + 1
                while nameEnd < end && !isASCIIWhitespace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: ">") && bytes[nameEnd] != UInt8(ascii: "/") {
                    nameEnd += 1
                }
                var name = bytes[(index + 1)..<nameEnd]
                if let colon = name.lastIndex(of: UInt8(ascii: ":")) { name = name[(colon + 1)...] }  // drop a prefix
                return name.elementsEqual("rss".utf8) || name.elementsEqual("RDF".utf8) || name.elementsEqual("feed".utf8)
            }
        }
        return false
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, end: Int) -> Int? {
        guard end - needle.count >= start else { return nil }
        var index = start
        while index <= end - needle.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: - RSS 2.0

    private static func readRSS(_ root: xmlNodePtr, origin: String) -> Feed {
        var feed = Feed(format: .rss, items: [])
        var builders: [ItemBuilder] = []
        for child in elementChildren(of: root) where isRSSElement(child, "channel") {
            readChannelMetadata(child, into: &feed)
            for item in elementChildren(of: child) where isRSSElement(item, "item") {
                builders.append(ItemBuilder(reading: item))
            }
        }
        // Some feeds put their items beside the channel instead of inside it.
        for item in elementChildren(of: root) where isRSSElement(item, "item") {
            builders.append(ItemBuilder(reading: item))
        }
        feed.items = finish(builders, origin: origin, feedAuthors: [], feedLink: feed.link)
        return feed
    }

    // MARK: - RSS 1.0

    private static func readRDF(_ root: xmlNodePtr, origin: String) -> Feed {
        var feed = Feed(format: .rdf, items: [])
        var builders: [ItemBuilder] = []
        for child in elementChildren(of: root) {
            if isRSSElement(child, "channel") {
                readChannelMetadata(child, into: &feed)
            } else if isRSSElement(child, "item") {
                builders.append(ItemBuilder(reading: child))
            }
        }
        feed.items = finish(builders, origin: origin, feedAuthors: [], feedLink: feed.link)
        return feed
    }

    private static func readChannelMetadata(_ channel: xmlNodePtr, into feed: inout Feed) {
        for child in elementChildren(of: channel) {
            if isRSSElement(child, "title") && feed.title == nil {
                feed.title = nonEmpty(cleanTitle(FeedText.text(of: child), isHTML: false))
            } else if isRSSElement(child, "link") && feed.link == nil {
                feed.link = nonEmpty(FeedText.trimmed(FeedText.text(of: child)))
            } else if feed.language == nil && (isRSSElement(child, "language") || isElement(child, "language", in: Namespace.dublinCore)) {
                feed.language = nonEmpty(FeedText.trimmed(FeedText.text(of: child)))
            }
        }
    }

    // MARK: - Atom

    private static func readAtom(_ root: xmlNodePtr, origin: String) -> Feed {
        var feed = Feed(format: .atom, items: [])
        feed.language = FeedText.attribute(root, "lang", namespace: Namespace.xml).flatMap { nonEmpty(Array($0.utf8)) }
        var feedAuthors: [String] = []
        var builders: [ItemBuilder] = []
        for child in elementChildren(of: root) where isAtomElement(child) {
            if isElement(child, "title", in: Namespace.atom) {
                feed.title = atomTitle(child)
            } else if isElement(child, "link", in: Namespace.atom), isAlternateLink(child), feed.link == nil {
                feed.link = FeedText.attribute(child, "href").flatMap { nonEmpty(Array($0.utf8)) }
            } else if isElement(child, "author", in: Namespace.atom), let name = atomPersonName(child) {
                feedAuthors.append(name)
            } else if isElement(child, "entry", in: Namespace.atom) {
                builders.append(ItemBuilder(reading: child))
            }
        }
        feed.items = finish(builders, origin: origin, feedAuthors: feedAuthors, feedLink: feed.link)
        return feed
    }

    // MARK: - Items

    /// What an item's elements said, before choosing among them.
    struct ItemBuilder {
        var title: String?
        var link: String?
        var guid: String?
        var guidIsPermaLink = true
        var atomID: String?
        var about: String?
        var dates: [(priority: Int, text: String)] = []
        var authors: [String] = []
        var rssAuthor: String?
        var categories: [String] = []
        /// Candidate bodies with their rank (lower is fuller).
        var bodies: [(rank: Int, content: FeedContent)] = []

        init(reading item: xmlNodePtr) {
            about = FeedText.attribute(item, "about", namespace: Namespace.rdf)
            for child in elementChildren(of: item) { read(child) }
        }

        private mutating func read(_ element: xmlNodePtr) {
            let namespace = element.pointee.ns?.pointee.href
            if namespace == nil || FeedText.cStringEquals(namespace, Namespace.rss10) || FeedText.cStringEquals(namespace, Namespace.rss090) {
                readRSSElement(element)
            } else if FeedText.cStringEquals(namespace, Namespace.atom) {
                readAtomElement(element)
            } else if FeedText.cStringEquals(namespace, Namespace.content) {
                if FeedText.cStringEquals(element.pointee.name, "encoded") {
                    addBody(rank: 0, html: FeedText.text(of: element))
                }
            } else if FeedText.cStringEquals(namespace, Namespace.dublinCore) {
                switch localName(element) {
                case "creator": authors.append(contentsOf: nonEmpty(cleanTitle(FeedText.text(of: element), isHTML: false)).map { [$0] } ?? [])
                case "date": dates.append((1, String(decoding: FeedText.text(of: element), as: UTF8.self)))
                case "subject": addCategory(FeedText.text(of: element))
                default: break
                }
            } else if FeedText.cStringEquals(namespace, Namespace.media) {
                readMediaElement(element)
            }
        }

        private mutating func readRSSElement(_ element: xmlNodePtr) {
            switch localName(element) {
            case "title":
                title = nonEmpty(cleanTitle(FeedText.text(of: element), isHTML: false))
            case "link":
                link = link ?? nonEmpty(FeedText.trimmed(FeedText.text(of: element)))
            case "guid":
                guid = nonEmpty(FeedText.trimmed(FeedText.text(of: element)))
                guidIsPermaLink = FeedText.attribute(element, "isPermaLink")?.lowercased() != "false"
            case "description":
                addDescription(element, rank: 2)
            case "pubDate":
                dates.append((0, String(decoding: FeedText.text(of: element), as: UTF8.self)))
            case "author":
                rssAuthor = nonEmpty(FeedText.collapsingWhitespace(FeedText.text(of: element)))
            case "category":
                addCategory(FeedText.text(of: element))
            default:
                break
            }
        }

        private mutating func readAtomElement(_ element: xmlNodePtr) {
            switch localName(element) {
            case "title":
                title = atomTitle(element)
            case "id":
                atomID = nonEmpty(FeedText.trimmed(FeedText.text(of: element)))
            case "link":
                if link == nil, isAlternateLink(element) {
                    link = FeedText.attribute(element, "href").flatMap { nonEmpty(Array($0.utf8)) }
                }
            case "published":
                dates.append((2, String(decoding: FeedText.text(of: element), as: UTF8.self)))
            case "updated":
                dates.append((3, String(decoding: FeedText.text(of: element), as: UTF8.self)))
            case "author":
                if let name = atomPersonName(element) { authors.append(name) }
            case "category":
                let label = FeedText.attribute(element, "label") ?? FeedText.attribute(element, "term")
                if let label { addCategory(Array(label.utf8)) }
            case "content":
                // Out-of-line content (`src="…"`) is a link, not a body.
                if FeedText.attribute(element, "src") == nil { addAtomText(element, rank: 1) }
            case "summary":
                addAtomText(element, rank: 3)
            default:
                break
            }
        }

        private mutating func readMediaElement(_ element: xmlNodePtr) {
            switch localName(element) {
            case "description":
                if FeedText.attribute(element, "type") == "html" {
                    addBody(rank: 4, html: FeedText.text(of: element))
                } else {
                    addBody(rank: 4, text: FeedText.text(of: element))
                }
            case "group", "content":
                // media:description usually sits inside media:group or media:content.
                for child in elementChildren(of: element) { read(child) }
            default:
                break
            }
        }

        /// An RSS description: escaped HTML, plain text, or (rarely) raw XHTML elements.
        private mutating func addDescription(_ element: xmlNodePtr, rank: Int) {
            if FeedText.hasElementChildren(element) {
                addBody(rank: rank, html: FeedText.innerHTML(of: element))
                return
            }
            let text = FeedText.text(of: element)
            if FeedText.looksLikeMarkup(text) {
                addBody(rank: rank, html: text)
            } else {
                addBody(rank: rank, text: text)
            }
        }

        /// An Atom text construct (`content`, `summary`) by its `type`.
        private mutating func addAtomText(_ element: xmlNodePtr, rank: Int) {
            let type = FeedText.attribute(element, "type")?.lowercased() ?? "text"
            switch type {
            case "html", "text/html":
                addBody(rank: rank, html: FeedText.text(of: element))
            case "xhtml", "application/xhtml+xml":
                // The content is one XHTML <div>, which is a wrapper and not part of the content.
                let wrapper = elementChildren(of: element).first(where: { localName($0) == "div" })
                addBody(rank: rank, html: FeedText.innerHTML(of: wrapper ?? element))
            case "text", "text/plain":
                addBody(rank: rank, text: FeedText.text(of: element))
            default:
                // Other media types are base64 or XML payloads, not article text.
                if type.hasPrefix("text/") { addBody(rank: rank, text: FeedText.text(of: element)) }
            }
        }

        private mutating func addBody(rank: Int, html: [UInt8]) {
            let trimmed = FeedText.trimmed(html)
            if !trimmed.isEmpty { bodies.append((rank, .html(String(decoding: trimmed, as: UTF8.self)))) }
        }

        private mutating func addBody(rank: Int, text: [UInt8]) {
            let trimmed = FeedText.trimmed(text)
            if !trimmed.isEmpty { bodies.append((rank, .text(String(decoding: trimmed, as: UTF8.self)))) }
        }

        private mutating func addCategory(_ bytes: [UInt8]) {
            if let category = nonEmpty(cleanTitle(bytes, isHTML: false)), !categories.contains(category) {
                categories.append(category)
            }
        }

        /// The finished item, or `nil` when it has neither a title nor a body.
        func item(origin: String, feedAuthors: [String], feedLink: String?) -> FeedItem? {
            let content = bodies.min(by: { $0.rank < $1.rank })?.content ?? .empty
            guard title != nil || content != .empty else { return nil }
            let permalink = guidIsPermaLink ? guid.flatMap { Self.isHTTPURL($0) ? $0 : nil } : nil
            let url = (link ?? permalink ?? about.flatMap { Self.isHTTPURL($0) ? $0 : nil }).map { Self.resolve($0, against: feedLink) }
            let published = dates.sorted(by: { $0.priority < $1.priority }).lazy.compactMap { FeedDate.iso8601($0.text) }.first
            var names = authors
            if names.isEmpty, let rssAuthor { names = [Self.nameInRSSAuthor(rssAuthor)] }
            if names.isEmpty { names = feedAuthors }  // Atom: entries inherit the feed's author
            let id = guid ?? atomID ?? about ?? url ?? Self.syntheticID(origin: origin, title: title, content: content)
            return FeedItem(
                id: id, url: url, title: title, published: published,
                author: names.isEmpty ? nil : names.joined(separator: ", "),
                content: content, categories: categories
            )
        }

        /// "jo@example.com (Jo Bloggs)" → "Jo Bloggs"; anything else as it is.
        static func nameInRSSAuthor(_ author: String) -> String {
            let bytes = Array(author.utf8)
            guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")), close > open + 1 else {
                return author
            }
            let name = FeedText.trimmed(Array(bytes[(open + 1)..<close]))
            return name.isEmpty ? author : String(decoding: name, as: UTF8.self)
        }

        static func isHTTPURL(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return hasPrefixIgnoringCase(bytes, at: 0, end: bytes.count, "http://") || hasPrefixIgnoringCase(bytes, at: 0, end: bytes.count, "https://")
        }

        /// A root-relative link (`/2026/03/story`) joined to the scheme and host of the feed's own link.
        static func resolve(_ link: String, against base: String?) -> String {
            guard link.hasPrefix("/"), !link.hasPrefix("//"), let base, isHTTPURL(base) else { return link }
            let bytes = Array(base.utf8)
            guard let schemeEnd = bytes.firstIndex(of: UInt8(ascii: ":")) else { return link }
            let hostStart = schemeEnd + 3
            let hostEnd = bytes[hostStart...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
            return String(decoding: bytes[..<hostEnd], as: UTF8.self) + link
        }

        /// `origin#` and a 64-bit FNV-1a hash of title and body: stable across
        /// fetches of the same feed, so deduplication still works for items
        /// with no guid, id or link.
        static func syntheticID(origin: String, title: String?, content: FeedContent) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ text: String) {
                for byte in text.utf8 {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
                hash ^= 0xFF
                hash &*= 0x0000_0100_0000_01B3
            }
            mix(title ?? "")
            switch content {
            case let .html(text), let .text(text): mix(text)
            case .empty: break
            }
            let hex = String(hash, radix: 16)
            return origin + "#" + String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    private static func finish(_ builders: [ItemBuilder], origin: String, feedAuthors: [String], feedLink: String?) -> [FeedItem] {
        builders.compactMap { $0.item(origin: origin, feedAuthors: feedAuthors, feedLink: feedLink) }
    }

    // MARK: - Shared pieces

    /// An Atom text construct used as a title: HTML titles lose their tags.
    static func atomTitle(_ element: xmlNodePtr) -> String? {
        let type = FeedText.attribute(element, "type")?.lowercased() ?? "text"
        return nonEmpty(cleanTitle(FeedText.text(of: element), isHTML: type == "html" || type == "text/html"))
    }

    /// The `name` of an Atom person construct (`<author><name>…</name></author>`).
    static func atomPersonName(_ element: xmlNodePtr) -> String? {
        elementChildren(of: element).first(where: { isElement($0, "name", in: Namespace.atom) })
            .flatMap { nonEmpty(cleanTitle(FeedText.text(of: $0), isHTML: false)) }
    }

    /// Atom links without `rel` are alternates (RFC 4287 section 4.2.7.2).
    static func isAlternateLink(_ element: xmlNodePtr) -> Bool {
        let rel = FeedText.attribute(element, "rel") ?? "alternate"
        return rel == "alternate"
    }

    /// A title's text: tags removed when it is HTML, character references
    /// decoded (feeds often escape twice: `&amp;#8217;` arrives as `&#8217;`),
    /// whitespace collapsed.
    static func cleanTitle(_ bytes: [UInt8], isHTML: Bool) -> [UInt8] {
        let text = isHTML ? FeedText.strippingTags(bytes) : bytes
        return FeedText.collapsingWhitespace(FeedText.decodingCharacterReferences(text))
    }

    static func nonEmpty(_ bytes: [UInt8]) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    static func elementChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
            child = current.pointee.next
        }
        return children
    }

    static func localName(_ element: xmlNodePtr) -> String {
        var name: [UInt8] = []
        FeedText.appendCString(element.pointee.name, to: &name)
        return String(decoding: name, as: UTF8.self)
    }

    /// Whether `element` is `name` in `namespace` (`nil`: no namespace).
    static func isElement(_ element: xmlNodePtr, _ name: StaticString, in namespace: StaticString?) -> Bool {
        guard FeedText.cStringEquals(element.pointee.name, name) else { return false }
        guard let namespace else { return element.pointee.ns == nil }
        return FeedText.cStringEquals(element.pointee.ns?.pointee.href, namespace)
    }

    /// RSS elements have no namespace in RSS 0.9x/2.0 and the RSS 1.0 (or 0.90) namespace in RDF feeds.
    static func isRSSElement(_ element: xmlNodePtr, _ name: StaticString) -> Bool {
        isElement(element, name, in: nil) || isElement(element, name, in: Namespace.rss10) || isElement(element, name, in: Namespace.rss090)
    }

    static func isAtomElement(_ element: xmlNodePtr) -> Bool {
        FeedText.cStringEquals(element.pointee.ns?.pointee.href, Namespace.atom)
    }
}
