import CLibXML2

/// The page as the extractor sees it: a flat list of elements (tag, parent,
/// class/id cue) and the text blocks a browser would lay out, each a range of
/// one shared UTF-8 buffer, plus the raw metadata found on the way.
///
/// Built in one pass over libxml2's tree (``HTMLPage/read(_:encoding:settings:)``);
/// libxml2's document is freed before this returns, so the rest of the
/// extractor is plain Swift over arrays.
struct HTMLPage {
    /// What an element's `class`/`id`/`role` words say about it.
    enum Cue: UInt8 {
        case none
        /// Furniture unless the story lives inside (see ``HTMLCues/weakBoilerplate``).
        case weak
        /// Never article text (see ``HTMLCues/strongBoilerplate``).
        case strong
        /// Names an article body (see ``HTMLCues/contentWords``).
        case content
    }

    struct Element {
        var tag: HTMLTag
        /// Index of the nearest tracked ancestor, -1 for the root.
        var parent: Int32
        var cue: Cue
        /// Whether the class/id words name a related-articles box.
        var related: Bool
        /// A hash of the tag name and the class/id words: the parts of an
        /// article split by ad slots are siblings with the same signature.
        var signature: UInt64 = 0
        /// Text weight of the good paragraphs below (filled by the selector).
        var good: Int = 0
    }

    struct Block {
        /// The block element the text belongs to.
        var owner: Int32
        /// Byte range in ``HTMLPage/text``.
        var start: Int32
        var end: Int32
        /// Bytes of the range inside links.
        var linkBytes: Int32
        /// Characters (Unicode scalars) of the range.
        var chars: Int32
        var role: HTMLTag.Role
        var level: UInt8
        /// Inside a `<figure>`: caption or credit text, kept out of the body.
        var inFigure: Bool
    }

    /// Metadata as found, before choosing among sources.
    struct RawMetadata {
        var lang: String?
        var titleTag: String?
        /// `<meta name|property|itemprop=K content=V>` pairs, keys lowercased, in page order.
        var metas: [(key: String, value: String)] = []
        var canonical: String?
        var jsonLD: [String] = []
        var timeValues: [String] = []
        var relAuthor: [String] = []
        var bylineTexts: [String] = []
        var captions: [String] = []
        var credits: [String] = []
        var related: [String] = []
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    var text: [UInt8] = []
    var meta = RawMetadata()
    /// Whether libxml2 returned a document at all.
    var parsed = false

    func string(_ block: Block) -> String {
        String(decoding: text[Int(block.start)..<Int(block.end)], as: UTF8.self)
    }
}

// MARK: - Reading libxml2's tree

extension HTMLPage {
    /// Parses `bytes` with libxml2's HTML parser and reads its tree.
    ///
    /// - Parameters:
    ///   - bytes: the page (UTF-8 unless `encoding` names another charset).
    ///   - encoding: the charset name for libxml2.
    /// - Complexity: O(n) in the page's bytes and nodes; the tree depth that
    ///   the extractor tracks is capped by ``HTMLExtractor/Settings/maxTrackedDepth``
    ///   so that 100,000 nested `<div>`s cost no more than a flat page.
    static func read(_ bytes: [UInt8], encoding: String, settings: HTMLExtractor.Settings) -> HTMLPage {
        silenceLibXML2()
        var page = HTMLPage()
        // XML_PARSE_HUGE: without it libxml2 2.9 *halts* the parse at a
        // nesting depth of 256 and every later byte of the page is lost (a
        // page with a few hundred unclosed <font> or <div> tags came out
        // empty); with it, depth is unbounded and the walker's own cap applies.
        // HTML_PARSE_IGNORE_ENC: the bytes are already UTF-8 (or in the
        // charset named here), whatever a <meta> tag claims.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue)
        let size = Int32(clamping: bytes.count)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    encoding.withCString { htmlReadMemory(chars, size, nil, $0, options) }
                }
            }
        }
        guard let doc else { return page }
        defer { xmlFreeDoc(doc) }
        page.parsed = true
        guard let root = xmlDocGetRootElement(doc) else { return page }
        var walker = TreeWalker(settings: settings)
        walker.text.reserveCapacity(bytes.count / 4)
        walker.walk(from: root)
        page.elements = walker.elements
        page.blocks = walker.blocks
        page.text = walker.text
        page.meta = walker.meta
        return page
    }

    /// libxml2 reports through per-thread handlers; the parse options already
    /// ask for silence, and these no-op handlers make sure nothing reaches
    /// stderr on whatever thread the extractor runs.
    private static func silenceLibXML2() {
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        // `xmlGenericErrorFunc` is variadic, which Swift cannot declare; a
        // non-variadic C-convention function that ignores its arguments is
        // ABI-compatible on the System V and AArch64 conventions we build for.
        let noop: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
        xmlSetGenericErrorFunc(nil, unsafeBitCast(noop, to: xmlGenericErrorFunc.self))
    }
}

/// One pass over libxml2's tree, without recursion (pages nest 100,000 deep).
private struct TreeWalker {
    let settings: HTMLExtractor.Settings
    var elements: [HTMLPage.Element] = []
    var blocks: [HTMLPage.Block] = []
    var text: [UInt8] = []
    var meta = HTMLPage.RawMetadata()

    init(settings: HTMLExtractor.Settings) { self.settings = settings }

    /// Per opened libxml2 element: the tracked element index, or -1 when it
    /// is inline or deeper than the tracked depth.
    private var openStack: [Int32] = []
    /// Tracked block elements, innermost last; the current block owner is the last.
    private var blockStack: [Int32] = [-1]
    /// Open `<a>` elements.
    private var linkDepth = 0
    /// Open elements that hide their text (`<head>`).
    private var hiddenDepth = 0
    private var figureDepth = 0
    private var preDepth = 0
    /// Open elements whose cue names a related-articles box.
    private var relatedDepth = 0
    /// Where the current link's text starts, when inside a related box.
    private var relatedLinkStart = -1

    // The current run of inline text: text[runStart...].
    private var runStart = 0
    private var runLinkBytes = 0
    private var pendingSpace = false

    private var tagCache = [(key: UnsafeRawPointer, tag: HTMLTag)?](repeating: nil, count: 128)

    mutating func walk(from start: xmlNodePtr) {
        var current: xmlNodePtr? = start
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                descend = open(node)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if hiddenDepth == 0, let content = node.pointee.content { appendText(content) }
            default:
                break
            }
            if descend {
                if let child = node.pointee.children { current = child; continue }
                close(node)
            }
            // Climb to the next sibling, closing the elements we leave.
            var n = node
            current = nil
            while n != start {
                if let next = n.pointee.next { current = next; break }
                guard let parent = n.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                n = parent
                close(n)
            }
        }
        flush()
    }

    // MARK: Elements

    /// Opens an element; returns whether to walk its children.
    private mutating func open(_ node: xmlNodePtr) -> Bool {
        let tag = tagOf(node)
        switch tag.layout {
        case .skipped:
            readSkipped(node, tag)
            return false
        case .lineBreak:
            lineBreak()
            return false
        case .inline, .block:
            break
        }
        let attrs = Attributes(node)
        if attrs.hidden && tag.role != .html && tag.role != .body { return false }
        switch tag.role {
        case .html:
            if let lang = attrs.value("lang") ?? attrs.value("xml:lang") { meta.lang = lang }
        case .time:
            if let value = attrs.value("datetime") { meta.timeValues.append(value) }
        case .link:
            if attrs.has("rel", containing: "author") {
                let name = HTMLPage.collectText(node)
                if !name.isEmpty { meta.relAuthor.append(name) }
            }
        case .figure:
            readFigure(node)
        default:
            break
        }
        var (cue, related) = (HTMLPage.Cue.none, false)
        let cueWords = attrs.cueWords
        if tag.role != .html && tag.role != .body, let words = cueWords {
            (cue, related) = HTMLCueMatcher.shared.classify(words)
        }
        // Tag-level furniture: a `<nav>` or `<aside>` is a weak cue by itself.
        if cue == .none {
            switch tag.role {
            case .nav, .aside, .footer, .form: cue = .weak
            default: break
            }
        }
        if cue == .strong || cue == .weak, bylineLike(cueWords) {
            let line = HTMLPage.collectText(node)
            if !line.isEmpty, line.utf8.count < 200 { meta.bylineTexts.append(line) }
        }

        let tracked = tag.layout == .block || cue != .none || tag.role == .link
        let depthAllowed = blockStack.count < settings.maxTrackedDepth
        var index: Int32 = -1
        if tracked && depthAllowed {
            if tag.layout == .block { flush() }
            index = Int32(elements.count)
            let parent = openStack.last(where: { $0 >= 0 }) ?? -1
            var signature: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag.role.rawValue)
            for byte in attrs.classBytes ?? [] { signature = (signature ^ UInt64(byte)) &* 0x100_0000_01b3 }
            elements.append(HTMLPage.Element(tag: tag, parent: parent, cue: cue, related: related, signature: signature))
            if tag.layout == .block { blockStack.append(index) }
        }
        openStack.append(index)
        if tag.role == .head { hiddenDepth += 1 }
        if tag.role == .figure { figureDepth += 1 }
        if tag.role == .preformatted { preDepth += 1 }
        if related { relatedDepth += 1 }
        if tag.role == .link {
            linkDepth += 1
            if relatedDepth > 0 && linkDepth == 1 { relatedLinkStart = text.count }
        }
        return true
    }

    private mutating func close(_ node: xmlNodePtr) {
        guard let index = openStack.popLast() else { return }
        let tag = tagOf(node)
        if tag.role == .link {
            linkDepth -= 1
            if linkDepth == 0, relatedLinkStart >= 0 {
                if text.count > relatedLinkStart {
                    let title = String(decoding: text[relatedLinkStart...], as: UTF8.self).htmlTrimmed
                    if title.utf8.count >= 20, meta.related.count < 30 { meta.related.append(title) }
                }
                relatedLinkStart = -1
            }
        }
        if tag.role == .head { hiddenDepth -= 1 }
        if tag.role == .figure { figureDepth -= 1 }
        if tag.role == .preformatted { preDepth -= 1 }
        if index >= 0 {
            let element = elements[Int(index)]
            if element.related { relatedDepth -= 1 }
            if element.tag.layout == .block {
                flush()
                blockStack.removeLast()
            }
        } else if tag.layout == .block {
            // An untracked block still breaks the line.
            flush()
        }
    }

    /// The element's tag. libxml2 interns element names in the document's
    /// dictionary, so a name is one pointer per document: a small
    /// direct-mapped cache on that pointer saves building a `String` and
    /// hashing it for every element.
    private mutating func tagOf(_ node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .unknown }
        let key = UnsafeRawPointer(name)
        let slot = (Int(bitPattern: key) &>> 3) & 127
        if let entry = tagCache[slot], entry.key == key { return entry.tag }
        let tag = HTMLTag.table[String(cString: name)] ?? .unknown
        tagCache[slot] = (key, tag)
        return tag
    }

    private func bylineLike(_ words: [UInt8]?) -> Bool {
        guard let words else { return false }
        return HTMLCueMatcher.shared.matches(words, HTMLCueMatcher.shared.byline)
    }

    /// Elements never laid out as text: read their metadata.
    private mutating func readSkipped(_ node: xmlNodePtr, _ tag: HTMLTag) {
        switch tag.role {
        case .title:
            if meta.titleTag == nil { meta.titleTag = HTMLPage.collectText(node, includeRaw: true) }
        case .meta:
            let attrs = Attributes(node)
            guard let content = attrs.value("content") else { return }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let k = attrs.value(key) { meta.metas.append((k.lowercased(), content)); break }
            }
        case .linkTag:
            let attrs = Attributes(node)
            if let rel = attrs.value("rel")?.lowercased(), rel.split(separator: " ").contains("canonical"), meta.canonical == nil {
                meta.canonical = attrs.value("href")
            }
        case .script:
            let attrs = Attributes(node)
            if attrs.has("type", containing: "ld+json"), meta.jsonLD.count < 8 {
                let json = HTMLPage.collectText(node, includeRaw: true)
                if !json.isEmpty { meta.jsonLD.append(json) }
            }
        default:
            break
        }
    }

    /// Reads a figure's caption and credit for the metadata; the walk goes on
    /// into the figure, and its blocks are marked ``HTMLPage/Block/inFigure``.
    private mutating func readFigure(_ node: xmlNodePtr) {
        guard meta.captions.count < 4 else { return }
        var captionNode: xmlNodePtr?
        var creditNode: xmlNodePtr?
        HTMLPage.forEachElement(below: node, limit: 200) { child in
            let tag = self.tagOf(child)
            let words = Attributes(child).cueWords
            if captionNode == nil && (tag.role == .caption || (words.map { HTMLCueMatcher.shared.matches($0, HTMLCueMatcher.shared.caption) } ?? false)) {
                captionNode = child
            }
            if creditNode == nil, let words, HTMLCueMatcher.shared.matches(words, HTMLCueMatcher.shared.credit) {
                creditNode = child
            }
        }
        var credit = creditNode.map { HTMLPage.collectText($0) } ?? ""
        if var caption = captionNode.map({ HTMLPage.collectText($0) }), !caption.isEmpty {
            if !credit.isEmpty, caption.hasSuffix(credit) {
                caption = String(caption.dropLast(credit.count)).htmlTrimmed
            } else if !credit.isEmpty, caption.hasPrefix(credit) {
                caption = String(caption.dropFirst(credit.count)).htmlTrimmed
            } else if credit.isEmpty, let split = HTMLPage.splitCredit(caption) {
                caption = split.caption
                credit = split.credit
            }
            if !caption.isEmpty { meta.captions.append(caption) }
        }
        if !credit.isEmpty { meta.credits.append(credit) }
    }

    // MARK: Text layout

    /// Appends a text node's bytes with the browser's white-space collapsing:
    /// runs of ASCII white space become one space, none at a line start.
    private mutating func appendText(_ content: UnsafeMutablePointer<xmlChar>) {
        let before = text.count
        var p = content
        if preDepth > 0 {
            while p.pointee != 0 { text.append(p.pointee == 0x0D ? 0x0A : p.pointee); p += 1 }
        } else {
            while true {
                let c = p.pointee
                if c == 0 { break }
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                    pendingSpace = true
                } else if c == 0xC2 && p[1] == 0xA0 {
                    // No-break space: laid out as a space; written as one so
                    // that tokenizers downstream see an ordinary separator.
                    pendingSpace = true
                    p += 1
                } else {
                    if pendingSpace {
                        if text.count > runStart, text[text.count - 1] != 0x0A { text.append(0x20) }
                        pendingSpace = false
                    }
                    text.append(c)
                }
                p += 1
            }
        }
        if linkDepth > 0 { runLinkBytes += text.count - before }
    }

    /// `<br>`: a new line in the block; two in a row end the paragraph, as
    /// pages that lay out paragraphs with `<br><br>` mean.
    private mutating func lineBreak() {
        guard hiddenDepth == 0 else { return }
        pendingSpace = false
        while text.count > runStart, text[text.count - 1] == 0x20 { text.removeLast() }
        if text.count > runStart, text[text.count - 1] == 0x0A {
            flush()
        } else if text.count > runStart {
            text.append(0x0A)
        }
    }

    /// Ends the current run of inline text as a block of the current block owner.
    private mutating func flush() {
        pendingSpace = false
        while text.count > runStart, text[text.count - 1] == 0x20 || text[text.count - 1] == 0x0A { text.removeLast() }
        if text.count > runStart {
            let owner = blockStack.last ?? -1
            let ownerTag = owner >= 0 ? elements[Int(owner)].tag : HTMLTag(layout: .block, role: .container)
            var chars: Int32 = 0
            for i in runStart..<text.count where text[i] & 0xC0 != 0x80 { chars += 1 }
            blocks.append(HTMLPage.Block(owner: owner, start: Int32(runStart), end: Int32(text.count),
                                         linkBytes: Int32(min(runLinkBytes, text.count - runStart)), chars: chars,
                                         role: ownerTag.role, level: ownerTag.level, inFigure: figureDepth > 0))
        }
        runStart = text.count
        runLinkBytes = 0
    }
}

// MARK: - Attributes and subtree helpers

/// The attributes of one element that the extractor reads.
struct Attributes {
    private let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The value of attribute `name` (lowercase), if present.
    func value(_ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, HTMLPage.equals(n, name) {
                guard let child = a.pointee.children, let content = child.pointee.content else { return "" }
                return String(cString: content)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Whether attribute `name` is set and its value contains `needle`
    /// (ASCII, matched case-insensitively), without building a `String`.
    func has(_ name: String, containing needle: String) -> Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, HTMLPage.equals(n, name) {
                guard let child = a.pointee.children, var p = child.pointee.content else { return false }
                var lowered: [UInt8] = []
                while p.pointee != 0 { lowered.append(p.pointee >= 0x41 && p.pointee <= 0x5A ? p.pointee | 0x20 : p.pointee); p += 1 }
                return lowered.withUnsafeBufferPointer { HTMLCueMatcher.contains($0, Array(needle.utf8)) }
            }
            attr = a.pointee.next
        }
        return false
    }

    /// The bytes of the `class` attribute, if set.
    var classBytes: [UInt8]? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, HTMLPage.equals(n, "class"), let child = a.pointee.children, var p = child.pointee.content {
                var out: [UInt8] = []
                while p.pointee != 0 { out.append(p.pointee); p += 1 }
                return out
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// The bytes of `class`, `id`, `role` and `itemprop` joined by spaces,
    /// or nil when none is set.
    var cueWords: [UInt8]? {
        var out: [UInt8]?
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, HTMLPage.equals(n, "class") || HTMLPage.equals(n, "id") || HTMLPage.equals(n, "role")
                || HTMLPage.equals(n, "itemprop") {
                if let child = a.pointee.children, var p = child.pointee.content {
                    if out == nil { out = [] } else { out!.append(0x20) }
                    while p.pointee != 0 { out!.append(p.pointee); p += 1 }
                }
            }
            attr = a.pointee.next
        }
        return out
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display:none` /
    /// `visibility:hidden` style: a browser shows none of its text.
    var hidden: Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name {
                if HTMLPage.equals(n, "hidden") { return true }
                if HTMLPage.equals(n, "style") || HTMLPage.equals(n, "aria-hidden"),
                   let child = a.pointee.children, let content = child.pointee.content, Self.hides(content) {
                    return true
                }
            }
            attr = a.pointee.next
        }
        return false
    }

    /// Whether a `style` or `aria-hidden` value hides the element: `true`,
    /// `display:none` or `visibility:hidden` (any case, any spacing).
    private static func hides(_ content: UnsafeMutablePointer<xmlChar>) -> Bool {
        var squeezed: [UInt8] = []
        var p = content
        while p.pointee != 0, squeezed.count < 4096 {
            let c = p.pointee
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { squeezed.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
            p += 1
        }
        if squeezed == Array("true".utf8) { return true }
        return squeezed.withUnsafeBufferPointer { buffer in
            HTMLCueMatcher.contains(buffer, Self.displayNone) || HTMLCueMatcher.contains(buffer, Self.visibilityHidden)
        }
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)
}

extension HTMLPage {
    static func equals(_ cString: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var p = cString
        for c in name.utf8 {
            if p.pointee != c { return false }
            p += 1
        }
        return p.pointee == 0
    }

    /// Calls `body` on every element below `node` (not `node` itself), in
    /// document order, at most `limit` times; no recursion.
    static func forEachElement(below node: xmlNodePtr, limit: Int, _ body: (xmlNodePtr) -> Void) {
        var count = 0
        var current = node.pointee.children
        while let n = current, count < limit {
            if n.pointee.type == XML_ELEMENT_NODE {
                body(n)
                count += 1
                if let child = n.pointee.children { current = child; continue }
            }
            var m = n
            current = nil
            while m != node {
                if let next = m.pointee.next { current = next; break }
                guard let parent = m.pointee.parent else { break }
                m = parent
            }
        }
    }

    /// The whitespace-collapsed text below `node` (script and style excluded
    /// unless `includeRaw`), capped at 64 KB; no recursion.
    static func collectText(_ node: xmlNodePtr, includeRaw: Bool = false) -> String {
        var bytes: [UInt8] = []
        var space = false
        var current = node.pointee.children
        while let n = current, bytes.count < 65_536 {
            var descend = false
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, var p = n.pointee.content {
                if includeRaw {
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                } else {
                    while p.pointee != 0 {
                        let c = p.pointee
                        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C { space = true } else {
                            if space && !bytes.isEmpty { bytes.append(0x20) }
                            space = false
                            bytes.append(c)
                        }
                        p += 1
                    }
                }
            } else if n.pointee.type == XML_ELEMENT_NODE, let name = n.pointee.name {
                descend = includeRaw || !(equals(name, "script") || equals(name, "style") || equals(name, "noscript"))
                if equals(name, "br") { space = true }
            }
            if descend, let child = n.pointee.children { current = child; continue }
            var m = n
            current = nil
            while m != node {
                if let next = m.pointee.next { current = next; break }
                guard let parent = m.pointee.parent else { break }
                m = parent
            }
        }
        return String(decoding: bytes, as: UTF8.self).htmlTrimmed
    }

    /// Splits "Caption text. Photo: NAME / AGENCY" into caption and credit.
    static func splitCredit(_ caption: String) -> (caption: String, credit: String)? {
        let lower = caption.lowercased()
        for marker in ["photo:", "photograph:", "image:", "credit:", "foto:", "picture:", "©", "(c)", "photo by", "image by", "getty images", "reuters", "afp", "ap photo"] {
            if let range = lower.ranges(of: marker).last {
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                let cut = caption.index(caption.startIndex, offsetBy: offset)
                let head = String(caption[..<cut]).htmlTrimmed
                var tail = String(caption[cut...]).htmlTrimmed
                if tail.count > 80 { continue }
                if marker.hasSuffix(":") { tail = String(tail.dropFirst(marker.count)).htmlTrimmed }
                guard !tail.isEmpty else { continue }
                return (head.htmlTrimming(" ()|/-–—"), tail.htmlTrimming(" ()|"))
            }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing ASCII white space and no-break spaces.
    var htmlTrimmed: String { htmlTrimming(" \t\n\r\u{0C}\u{A0}") }

    /// The string without leading and trailing scalars of `set`.
    func htmlTrimming(_ set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let first = view.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.last, scalars.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
