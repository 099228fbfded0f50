import SitrepCore

/// The human-readable report of `sitrep analyze`: the article header, then
/// each layer the pipeline produced, then warnings and provenance.
///
/// Layers whose stage this build lacks are named as missing, never filled.
struct SituationReport {
    let doc: Document
    let missing: [StageSlot]
    let color: Bool
    /// Column at which long lines wrap.
    var width = 100

    func render() -> String {
        var out = ""
        header(&out)
        body(&out)
        for slot in [StageSlot.entities, .actors, .events, .times, .places, .quotes, .quantities] {
            layer(slot, &out)
        }
        footer(&out)
        return out
    }

    // MARK: styling

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    private func bold(_ text: String) -> String { style(text, "1") }
    private func dim(_ text: String) -> String { style(text, "2") }
    private func heading(_ text: String) -> String { style(text, "1;36") }
    private func label(_ text: String) -> String { style(text.padding(toLength: 11, withPad: " ", startingAt: 0), "33") }

    /// Wraps `text` at word boundaries, indenting continuation lines.
    private func wrap(_ text: String, indent: Int) -> String {
        // Short single lines keep their spacing (aligned columns).
        if text.count <= width - indent && !text.contains("\n") { return text }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var lines: [String] = []
        var current = ""
        for word in words {
            if !current.isEmpty && current.count + 1 + word.count > width - indent {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    // MARK: sections

    private func header(_ out: inout String) {
        let article = doc.article
        out += bold("SITREP") + "  " + dim(doc.id) + "\n"
        out += String(repeating: "=", count: min(width, 60)) + "\n"
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out += label(name) + wrap(value, indent: 11) + "\n"
        }
        field("Title", article.title.map(bold))
        field("Byline", article.byline)
        field("Published", article.published ?? doc.published)
        field("URL", article.url ?? doc.url)
        field("Caption", article.caption)
        field("Credit", article.credit)
        if !article.subheads.isEmpty { field("Subheads", article.subheads.joined(separator: " | ")) }
        if !article.tags.isEmpty { field("Tags", article.tags.joined(separator: ", ")) }
        for (index, related) in article.related.enumerated() { field(index == 0 ? "Related" : "", related) }
        out += "\n"
    }

    private func body(_ out: inout String) {
        out += heading("TEXT") + "  " + dim("\(doc.paragraphs.count) paragraphs, \(doc.sentences.count) sentences, \(doc.tokens.count) tokens, \(doc.text.utf8.count) bytes") + "\n"
        if doc.sentences.isEmpty {
            out += wrap(doc.text, indent: 0) + "\n\n"
            return
        }
        var paragraphIndex = 0
        for (number, sentence) in doc.sentences.enumerated() {
            // A blank line between paragraphs keeps the article's shape.
            while paragraphIndex < doc.paragraphs.count && doc.paragraphs[paragraphIndex].end <= sentence.start {
                paragraphIndex += 1
                if number > 0 { out += "\n" }
            }
            let tag = String(number + 1).leftPadded(to: 4)
            out += dim(tag) + "  " + wrap(String(doc.text(of: sentence)), indent: 6) + "\n"
        }
        out += "\n"
    }

    private func layer(_ slot: StageSlot, _ out: inout String) {
        let title = slot.rawValue.uppercased()
        if missing.contains(slot) {
            out += heading(title) + "  " + dim("not in this build: no '\(slot.rawValue)' stage yet") + "\n\n"
            return
        }
        var rows: [String] = []
        func quoted(_ span: TextSpan) -> String { "\"" + doc.text(of: span) + "\"" }
        switch slot {
        case .entities:
            rows = doc.entities.map { "\($0.type.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(quoted($0.span))" + ($0.actor.map { "  → \($0)" } ?? "") }
        case .actors:
            rows = doc.actors.map { "\($0.code.padding(toLength: 9, withPad: " ", startingAt: 0)) \(quoted($0.span))" }
        case .events:
            // A table: date, source, action (CAMEO code and label), target, trigger word;
            // the flags after it. Sources and targets show their text and code.
            func actor(_ a: EventArgument?) -> String {
                guard let a else { return "-" }
                guard let span = a.span else { return a.code }
                return "\(a.code) (\(doc.text(of: span)))"
            }
            func cell(_ text: String, _ width: Int) -> String {
                text.count > width ? String(text.prefix(width - 1)) + "…" : text.padding(toLength: width, withPad: " ", startingAt: 0)
            }
            if !doc.events.isEmpty {
                rows.append(cell("date", 11) + cell("source", 22) + cell("action", 32) + cell("target", 22) + "trigger")
            }
            rows += doc.events.map { event in
                var row = cell(event.date ?? "-", 11) + cell(actor(event.source), 22)
                row += cell("\(event.code) \(event.label ?? "")", 32) + cell(actor(event.target), 22)
                row += cell(event.evidence.first.map { "\"" + doc.text(of: $0) + "\"" } ?? "", 12)
                var notes: [String] = []
                if let place = event.place?.name { notes.append("at \(place)") }
                if !event.flags.isEmpty { notes.append(event.flags.joined(separator: ", ")) }
                if !notes.isEmpty { row += "\n" + String(repeating: " ", count: 13) + dim(notes.joined(separator: "; ")) }
                return row
            }
        case .times:
            rows = doc.times.map { "\($0.type.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(quoted($0.span)) = \($0.value ?? "?")" + ($0.flags.isEmpty ? "" : "  [" + $0.flags.joined(separator: ", ") + "]") }
        case .places:
            rows = doc.places.map { place in
                var row = quoted(place.span)
                if let name = place.name { row += " = \(name)" }
                if let country = place.country { row += ", \(country)" }
                if let id = place.geonameID { row += "  (geonames \(id))" }
                return row
            }
        case .quotes:
            rows = doc.quotes.map { quote in
                let speaker = quote.speaker.map { $0.canonical ?? String(doc.text(of: $0.span)) + ($0.actor.map { " (\($0))" } ?? "") } ?? "unattributed"
                return "\(quote.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(speaker): \(quoted(quote.span))"
            }
        case .quantities:
            rows = doc.quantities.map { quantity in
                var row = quoted(quantity.span) + (quantity.of.map { " of \($0)" } ?? "") + (quantity.approximate ? " (approx.)" : "")
                // The event it describes, as that event's code and trigger.
                if let index = quantity.event, doc.events.indices.contains(index) {
                    let event = doc.events[index]
                    row += "  → event \(event.code)" + (event.evidence.first.map { " " + quoted($0) } ?? "")
                }
                return row
            }
        default:
            break
        }
        out += heading(title) + "  " + dim("\(rows.count)") + "\n"
        for row in rows {
            // Table rows (events) keep their columns; other rows wrap at the width.
            out += "  " + (row.contains("\n") || slot == .events ? row : wrap(row, indent: 2)) + "\n"
        }
        out += "\n"
    }

    private func footer(_ out: inout String) {
        let warnings = doc.diagnostics.filter { $0.severity != .info }
        if !warnings.isEmpty {
            out += heading("WARNINGS") + "\n"
            for warning in warnings { out += "  " + style(warning.id, "31") + " " + wrap(warning.message, indent: 2) + dim(" (\(warning.stage))") + "\n" }
            out += "\n"
        }
        out += dim("stages: " + doc.provenance.map { "\($0.stage) \($0.version)" }.joined(separator: ", ")) + "\n"
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
