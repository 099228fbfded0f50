/// Writes documents and errors as interchange output lines
/// (`sitrep.document/1`, see `shared/spec/interchange.md`).
///
/// Offsets leave Sitrep here: every ``TextSpan`` (UTF-8 bytes) becomes a
/// `start`/`end` pair of Unicode code points into `article.text`.
/// Fields beyond the contract (`provenance`, `paragraphs`, `tokens`,
/// `diagnostics`) are additions the contract allows.
public enum InterchangeEncoder {
    public static let schema = "sitrep.document/1"

    /// Options for one output line.
    public struct Options: Sendable {
        /// Add `tokens` spans (`[[start, end], ...]`) to the output.
        public var includeTokens: Bool
        /// Add `tokens` as objects with their syntax (`start`, `end`, `text`, `upos`,
        /// `xpos`, `lemma`, `head`, `deprel`); takes the place of the bare spans.
        public var includeSyntax: Bool
        public init(includeTokens: Bool = false, includeSyntax: Bool = false) {
            self.includeTokens = includeTokens
            self.includeSyntax = includeSyntax
        }
    }

    /// The output object of a processed document, without a line terminator.
    public static func encode(_ doc: Document, id: JSONValue, options: Options = .init()) -> [UInt8] {
        let index = CodePointIndex(doc.text)
        var json = JSONWriter(reservingCapacity: doc.text.utf8.count * 2 + 1024)
        func span(_ s: TextSpan) {
            let (start, end) = index.codePoints(of: s)
            json.key("start"); json.int(start)
            json.key("end"); json.int(end)
        }
        func text(_ s: TextSpan) -> String { String(doc.text(of: s)) }

        json.beginObject()
        json.key("id"); json.value(id)
        json.key("schema"); json.string(schema)

        json.key("article"); writeArticle(doc, into: &json)

        json.key("paragraphs"); json.beginArray()
        for p in doc.paragraphs { json.beginObject(); span(p); json.endObject() }
        json.endArray()

        json.key("sentences"); json.beginArray()
        for s in doc.sentences { json.beginObject(); span(s); json.endObject() }
        json.endArray()

        if options.includeSyntax {
            json.key("tokens"); writeSyntaxTokens(doc, index: index, into: &json)
        } else if options.includeTokens {
            json.key("tokens"); json.beginArray()
            for token in doc.tokens {
                let (start, end) = index.codePoints(of: token.span)
                json.beginArray(); json.int(start); json.int(end); json.endArray()
            }
            json.endArray()
        }

        json.key("entities"); json.beginArray()
        for entity in doc.entities {
            json.beginObject(); span(entity.span)
            json.key("text"); json.string(text(entity.span))
            json.key("type"); json.string(entity.type.rawValue)
            json.key("canonical"); json.string(entity.canonical)
            json.key("actor"); json.string(entity.actor)
            if let confidence = entity.confidence { json.key("confidence"); json.double(confidence) }
            json.endObject()
        }
        json.endArray()

        json.key("actors"); json.beginArray()
        for actor in doc.actors {
            json.beginObject(); span(actor.span)
            json.key("text"); json.string(text(actor.span))
            json.key("code"); json.string(actor.code)
            json.key("canonical"); json.string(actor.canonical)
            if let confidence = actor.confidence { json.key("confidence"); json.double(confidence) }
            json.endObject()
        }
        json.endArray()

        func place(_ p: PlaceMention) {
            json.beginObject(); span(p.span)
            json.key("text"); json.string(text(p.span))
            json.key("name"); json.string(p.name)
            json.key("geonameid"); if let id = p.geonameID { json.int(id) } else { json.null() }
            json.key("country"); json.string(p.country)
            json.key("lat"); if let lat = p.latitude { json.double(lat) } else { json.null() }
            json.key("lon"); if let lon = p.longitude { json.double(lon) } else { json.null() }
            json.endObject()
        }
        json.key("places"); json.beginArray()
        for p in doc.places { place(p) }
        json.endArray()

        json.key("times"); json.beginArray()
        for time in doc.times {
            json.beginObject(); span(time.span)
            json.key("text"); json.string(text(time.span))
            json.key("type"); json.string(time.type.rawValue)
            json.key("value"); json.string(time.value)
            json.key("flags"); json.strings(time.flags)
            json.endObject()
        }
        json.endArray()

        func argument(_ a: EventArgument?) {
            guard let a else { json.null(); return }
            json.beginObject()
            json.key("text"); json.string(a.span.map(text))
            json.key("code"); json.string(a.code)
            if let s = a.span { span(s) }
            json.endObject()
        }
        json.key("events"); json.beginArray()
        for event in doc.events {
            json.beginObject()
            json.key("code"); json.string(event.code)
            json.key("label"); json.string(event.label)
            json.key("source"); argument(event.source)
            json.key("target"); argument(event.target)
            json.key("date"); json.string(event.date)
            json.key("place"); if let p = event.place { place(p) } else { json.null() }
            span(event.span)
            json.key("confidence"); json.double(event.confidence)
            json.key("evidence"); json.string(event.rule ?? (event.evidence.isEmpty ? nil : event.evidence.map(text).joined(separator: " … ")))
            if let trigger = event.evidence.first {
                json.key("trigger"); json.beginObject(); span(trigger); json.key("text"); json.string(text(trigger)); json.endObject()
            }
            json.key("flags"); json.strings(event.flags)
            json.endObject()
        }
        json.endArray()

        json.key("quotes"); json.beginArray()
        for quote in doc.quotes {
            json.beginObject(); span(quote.span)
            json.key("text"); json.string(text(quote.span))
            json.key("speaker")
            if let speaker = quote.speaker {
                json.beginObject()
                json.key("text"); json.string(text(speaker.span))
                json.key("canonical"); json.string(speaker.canonical)
                json.key("actor"); json.string(speaker.actor)
                span(speaker.span)
                json.endObject()
            } else {
                json.null()
            }
            json.key("cue"); json.string(quote.cue.map(text))
            json.key("kind"); json.string(quote.kind.rawValue)
            json.endObject()
        }
        json.endArray()

        json.key("quantities"); json.beginArray()
        for quantity in doc.quantities {
            json.beginObject(); span(quantity.span)
            json.key("text"); json.string(text(quantity.span))
            json.key("value"); if let v = quantity.value { json.double(v) } else { json.null() }
            json.key("approximate"); json.bool(quantity.approximate)
            json.key("unit"); json.string(quantity.unit)
            json.key("of"); json.string(quantity.of)
            json.key("event"); if let e = quantity.event { json.int(e) } else { json.null() }
            json.endObject()
        }
        json.endArray()

        if case let .tokens(sentences) = doc.input {
            json.key("tags")
            if doc.layers.contains(.entities) {
                json.beginArray()
                for row in IOB2.tags(for: doc, sentenceLengths: sentences.map(\.count)) { json.strings(row) }
                json.endArray()
            } else {
                json.null()
            }
        }

        json.key("warnings"); json.beginArray()
        for d in doc.diagnostics where d.severity != .info {
            json.beginObject()
            json.key("id"); json.string(d.id)
            json.key("severity"); json.string(d.severity.rawValue)
            json.key("stage"); json.string(d.stage)
            json.key("message"); json.string(d.message)
            if let s = d.span { span(s) }
            json.endObject()
        }
        json.endArray()

        json.key("provenance"); json.beginArray()
        for record in doc.provenance {
            json.beginObject()
            json.key("stage"); json.string(record.stage)
            json.key("version"); json.string(record.version)
            json.key("provides"); json.strings(record.provides.map(\.rawValue))
            json.endObject()
        }
        json.endArray()

        json.key("error"); json.null()
        json.endObject()
        return json.bytes
    }

    /// The `tokens` array of the syntax extension: one object a token, its `head`
    /// the index of its head in this array (`null` for a sentence's root, and
    /// every syntax field `null` when the document has no syntax layer).
    static func writeSyntaxTokens(_ doc: Document, index: CodePointIndex, into json: inout JSONWriter) {
        // The document's index of each sentence's first token: the model's heads are
        // sentence-local.
        var sentence = 0
        var sentenceFirstToken = 0
        json.beginArray()
        for (t, token) in doc.tokens.enumerated() {
            while sentence < doc.sentences.count && doc.sentences[sentence].end <= token.span.start {
                sentence += 1
                sentenceFirstToken = t
            }
            let (start, end) = index.codePoints(of: token.span)
            json.beginObject()
            json.key("start"); json.int(start)
            json.key("end"); json.int(end)
            json.key("text"); json.string(String(doc.text(of: token.span)))
            if let syntax = doc.syntax(of: t) {
                json.key("upos"); json.string(syntax.upos)
                json.key("xpos"); json.string(syntax.xpos)
                json.key("lemma"); json.string(syntax.lemma)
                let head = sentenceFirstToken + syntax.head
                json.key("head"); if syntax.head >= 0 && head < doc.tokens.count { json.int(head) } else { json.null() }
                json.key("deprel"); json.string(syntax.deprel)
            } else {
                json.key("upos"); json.null()
                json.key("xpos"); json.null()
                json.key("lemma"); json.null()
                json.key("head"); json.null()
                json.key("deprel"); json.null()
            }
            json.endObject()
        }
        json.endArray()
    }

    /// Writes the `article` object: metadata and the text every offset points into.
    public static func writeArticle(_ doc: Document, into json: inout JSONWriter) {
        let article = doc.article
        json.beginObject()
        json.key("title"); json.string(article.title)
        json.key("byline"); json.string(article.byline)
        json.key("published"); json.string(article.published ?? doc.published)
        json.key("caption"); json.string(article.caption)
        json.key("credit"); json.string(article.credit)
        json.key("subheads"); json.strings(article.subheads)
        json.key("tags"); json.strings(article.tags)
        json.key("related"); json.strings(article.related)
        json.key("language"); json.string(article.language)
        json.key("url"); json.string(article.url ?? doc.url)
        json.key("text"); json.string(doc.text)
        json.endObject()
    }

    /// The output object for a line that could not be processed.
    ///
    /// - Parameters:
    ///   - id: the line's `id` when it could be read, else `nil` (the line number is given).
    ///   - line: 1-based input line number.
    public static func encodeError(id: JSONValue?, line: Int, code: String, message: String) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 256)
        json.beginObject()
        json.key("id"); if let id { json.value(id) } else { json.int(line) }
        json.key("schema"); json.string(schema)
        json.key("line"); json.int(line)
        json.key("error"); json.beginObject()
        json.key("code"); json.string(code)
        json.key("message"); json.string(message)
        json.endObject()
        json.endObject()
        return json.bytes
    }
}

/// IOB2 tags for the `tokens` input: one tag per given token, from entity spans.
public enum IOB2 {
    /// Tags for each sentence of a tokens-input document. Tokens are matched to
    /// entities by span; a token inside an entity that starts before it gets `I-`.
    public static func tags(for doc: Document, sentenceLengths: [Int]) -> [[String]] {
        let entities = doc.entities.sorted { $0.span < $1.span }
        var result: [[String]] = []
        var tokenIndex = 0
        var entityIndex = 0
        for length in sentenceLengths {
            var row: [String] = []
            row.reserveCapacity(length)
            for _ in 0..<length {
                guard tokenIndex < doc.tokens.count else { row.append("O"); continue }
                let token = doc.tokens[tokenIndex].span
                tokenIndex += 1
                while entityIndex < entities.count && entities[entityIndex].span.end <= token.start { entityIndex += 1 }
                if entityIndex < entities.count, entities[entityIndex].span.overlaps(token) {
                    let entity = entities[entityIndex]
                    row.append((token.start <= entity.span.start ? "B-" : "I-") + entity.type.rawValue)
                } else {
                    row.append("O")
                }
            }
            result.append(row)
        }
        return result
    }
}
