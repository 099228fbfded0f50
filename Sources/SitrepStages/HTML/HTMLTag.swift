/// What the extractor needs to know about an HTML element name: how a browser
/// lays it out (block or inline) and whether it can hold article text at all.
struct HTMLTag: Sendable, Equatable {
    enum Layout: UInt8, Sendable {
        /// Text flows through it (`a`, `span`, `em`, unknown names).
        case inline
        /// Starts and ends a line box (`div`, `p`, `li`, `h2`…).
        case block
        /// Never rendered as text, subtree skipped (`script`, `nav`'s cousins
        /// `button`, `select`; `head`'s children are read for metadata only).
        case skipped
        /// `<br>`: a line break inside the current block.
        case lineBreak
    }
    /// What a block holds, for scoring and for the output's shape.
    enum Role: UInt8, Sendable {
        case container, paragraph, heading, listItem, quote, preformatted, cell, caption, figure,
             link, head, title, meta, linkTag, script, time, html, body, nav, aside, footer, header,
             form, image, other
    }
    var layout: Layout
    var role: Role
    /// Heading level 1–6 for `h1`–`h6`, else 0.
    var level: UInt8 = 0

    static let unknown = HTMLTag(layout: .inline, role: .other)

    /// Element names, lowercased as libxml2's HTML parser reports them.
    static let table: [String: HTMLTag] = {
        var t: [String: HTMLTag] = [:]
        for name in ["div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr",
                     "address", "center", "details", "summary", "fieldset", "hgroup", "dir", "menu", "hr",
                     "legend", "caption", "frameset", "picture"] {
            t[name] = HTMLTag(layout: .block, role: .container)
        }
        t["p"] = HTMLTag(layout: .block, role: .paragraph)
        for level in 1...6 { t["h\(level)"] = HTMLTag(layout: .block, role: .heading, level: UInt8(level)) }
        for name in ["li", "dt", "dd"] { t[name] = HTMLTag(layout: .block, role: .listItem) }
        t["blockquote"] = HTMLTag(layout: .block, role: .quote)
        t["pre"] = HTMLTag(layout: .block, role: .preformatted)
        t["td"] = HTMLTag(layout: .block, role: .cell)
        t["th"] = HTMLTag(layout: .block, role: .cell)
        t["figcaption"] = HTMLTag(layout: .block, role: .caption)
        t["figure"] = HTMLTag(layout: .block, role: .figure)
        t["nav"] = HTMLTag(layout: .block, role: .nav)
        t["aside"] = HTMLTag(layout: .block, role: .aside)
        t["footer"] = HTMLTag(layout: .block, role: .footer)
        t["header"] = HTMLTag(layout: .block, role: .header)
        t["form"] = HTMLTag(layout: .block, role: .form)
        t["body"] = HTMLTag(layout: .block, role: .body)
        t["html"] = HTMLTag(layout: .block, role: .html)
        t["head"] = HTMLTag(layout: .block, role: .head)
        t["a"] = HTMLTag(layout: .inline, role: .link)
        t["time"] = HTMLTag(layout: .inline, role: .time)
        t["img"] = HTMLTag(layout: .inline, role: .image)
        t["br"] = HTMLTag(layout: .lineBreak, role: .other)
        t["title"] = HTMLTag(layout: .skipped, role: .title)
        t["meta"] = HTMLTag(layout: .skipped, role: .meta)
        t["link"] = HTMLTag(layout: .skipped, role: .linkTag)
        t["script"] = HTMLTag(layout: .skipped, role: .script)
        for name in ["style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
                     "option", "button", "input", "textarea", "video", "audio", "map", "source", "track",
                     "param", "base", "frame", "applet", "datalist", "dialog", "output", "progress", "meter"] {
            t[name] = HTMLTag(layout: .skipped, role: .other)
        }
        return t
    }()
}
