import SitrepCore
import SitrepStorage

/// The API's JSON shapes (docs/api.md), written field by field with
/// ``SitrepCore/JSONWriter`` so that key order is stable and unknown values
/// are `null`, not missing.
///
/// Stored offsets are UTF-8 bytes; the API speaks Unicode code points, as the
/// interchange format does, so every span is converted here, at the edge,
/// with the article's ``SitrepCore/CodePointIndex``.
enum APIJSON {
    static func stats(_ stats: StoreStats, into json: inout JSONWriter) {
        json.beginObject()
        for field in [("articles", stats.articles), ("stories", stats.stories), ("near_duplicates", stats.nearDuplicates),
                      ("events", stats.events), ("event_mentions", stats.eventMentions), ("entities", stats.entities),
                      ("actors", stats.actors), ("times", stats.times), ("places", stats.places), ("quotes", stats.quotes),
                      ("quantities", stats.quantities)] {
            json.key(dynamic: field.0); json.int(field.1)
        }
        json.key("first_published"); json.string(stats.firstPublished)
        json.key("last_published"); json.string(stats.lastPublished)
        json.endObject()
    }

    /// `""` (the event key's "unknown") as `null`.
    private static func orNull(_ value: String, into json: inout JSONWriter) {
        if value.isEmpty { json.null() } else { json.string(value) }
    }

    private static func optionalDouble(_ value: Double?, into json: inout JSONWriter) {
        if let value { json.double(value) } else { json.null() }
    }

    private static func optionalInt(_ value: Int64?, into json: inout JSONWriter) {
        if let value { json.int(Int(value)) } else { json.null() }
    }

    /// The fields of an event, without the enclosing braces.
    static func eventFields(_ stored: StoredEvent, into json: inout JSONWriter) {
        let event = stored.event
        json.key("id"); optionalInt(event.id, into: &json)
        json.key("date"); orNull(event.eventDate, into: &json)
        json.key("source"); orNull(event.source, into: &json)
        json.key("target"); orNull(event.target, into: &json)
        json.key("code"); json.string(event.code)
        json.key("root_code"); json.string(event.rootCode)
        json.key("label"); json.string(event.label)
        json.key("place")
        if event.place.isEmpty {
            json.null()
        } else {
            json.beginObject()
            json.key("key"); json.string(event.place)
            json.key("name"); json.string(event.placeName)
            json.key("geonameid"); optionalInt(Int64(event.place), into: &json)
            json.key("country"); json.string(event.country)
            json.key("lat"); optionalDouble(event.latitude, into: &json)
            json.key("lon"); optionalDouble(event.longitude, into: &json)
            json.endObject()
        }
        json.key("mentions"); json.int(event.mentionCount)
        json.key("articles"); json.int(event.articleCount)
        json.key("sources"); json.int(event.sourceCount)
        json.key("first_article")
        if let id = event.firstArticleID {
            json.beginObject()
            json.key("id"); json.int(Int(id))
            json.key("title"); json.string(stored.firstTitle)
            json.key("url"); json.string(stored.firstURL)
            json.endObject()
        } else {
            json.null()
        }
    }

    static func event(_ stored: StoredEvent, into json: inout JSONWriter) {
        json.beginObject()
        eventFields(stored, into: &json)
        json.endObject()
    }

    static func articleSummary(_ article: ArticleSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.int(Int(article.id))
        json.key("story_id"); json.int(Int(article.storyID))
        json.key("external_id"); json.string(article.externalID)
        json.key("url"); json.string(article.url)
        json.key("title"); json.string(article.title)
        json.key("source"); json.string(article.source)
        json.key("published"); json.string(article.published)
        json.key("near_duplicate_of"); optionalInt(article.nearDuplicateOf, into: &json)
        json.key("similarity"); optionalDouble(article.similarity, into: &json)
        json.key("text_bytes"); json.int(article.textBytes)
        json.endObject()
    }

    static func actor(_ actor: ActorSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key("code"); json.string(actor.code)
        json.key("mentions"); json.int(actor.mentions)
        json.key("articles"); json.int(actor.articles)
        json.key("as_source"); json.int(actor.asSource)
        json.key("as_target"); json.int(actor.asTarget)
        json.endObject()
    }

    static func timeline(_ bucket: TimelineBucket, into json: inout JSONWriter) {
        json.beginObject()
        json.key("date"); json.string(bucket.date)
        json.key("root_code"); json.string(bucket.rootCode)
        json.key("events"); json.int(bucket.events)
        json.endObject()
    }

    private static func roots(_ roots: [String: Int], into json: inout JSONWriter) {
        json.beginObject()
        for (root, count) in roots.sorted(by: { $0.key < $1.key }) { json.key(dynamic: root); json.int(count) }
        json.endObject()
    }

    static func place(_ bucket: PlaceBucket, into json: inout JSONWriter) {
        json.beginObject()
        json.key("key"); json.string(bucket.key)
        json.key("name"); json.string(bucket.name)
        json.key("geonameid"); optionalInt(bucket.geonameID, into: &json)
        json.key("country"); json.string(bucket.country)
        json.key("lat"); json.double(bucket.latitude)
        json.key("lon"); json.double(bucket.longitude)
        json.key("events"); json.int(bucket.events)
        json.key("roots"); roots(bucket.roots, into: &json)
        json.endObject()
    }

    /// The network's nodes (actors with their event totals) and edges.
    static func network(_ pairs: [ActorPair], into json: inout JSONWriter) {
        var totals: [String: Int] = [:]
        for pair in pairs {
            totals[pair.source, default: 0] += pair.events
            totals[pair.target, default: 0] += pair.events
        }
        json.beginObject()
        json.key("nodes")
        json.beginArray()
        for (code, events) in totals.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            json.beginObject()
            json.key("code"); json.string(code)
            json.key("events"); json.int(events)
            json.endObject()
        }
        json.endArray()
        json.key("edges")
        json.beginArray()
        for pair in pairs {
            json.beginObject()
            json.key("source"); json.string(pair.source)
            json.key("target"); json.string(pair.target)
            json.key("events"); json.int(pair.events)
            json.key("roots"); roots(pair.roots, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// A JSON array of strings stored as text (flags), or `[]` when unreadable.
    static func storedStrings(_ text: String, into json: inout JSONWriter) {
        if let value = try? JSONReader.read(Array(text.utf8)), case let .array(items) = value {
            json.strings(items.compactMap(\.stringValue))
        } else {
            json.strings([])
        }
    }

    /// `"start"` and `"end"` in code points for a stored byte span.
    /// A stored span written by another version or edited by hand may lie
    /// outside the text: it is clamped, never trusted.
    private static func span(_ start: Int, _ end: Int, _ index: CodePointIndex, into json: inout JSONWriter) {
        let points = codePoints(start, end, index)
        json.key("start"); json.int(points.start)
        json.key("end"); json.int(points.end)
    }

    /// Code-point offsets of a byte span, clamped to the text.
    static func codePoints(_ start: Int, _ end: Int, _ index: CodePointIndex) -> (start: Int, end: Int) {
        let length = index.byteCount
        let safeStart = min(max(start, 0), length)
        let safeEnd = min(max(end, safeStart), length)
        return index.codePoints(of: TextSpan(start: safeStart, end: safeEnd))
    }

    private static func integer(_ value: JSONValue) -> Int? {
        if case let .number(number, _) = value, number == number.rounded(), abs(number) < 1e15 { return Int(number) }
        return nil
    }

    /// One event mention, with its span in code points of `index`'s text.
    static func mention(_ mention: EventMentionRecord, index: CodePointIndex, articleTitle: String?, into json: inout JSONWriter) {
        json.beginObject()
        json.key("article_id"); json.int(Int(mention.articleID))
        json.key("article_title"); json.string(articleTitle)
        json.key("code"); json.string(mention.code)
        json.key("source_text"); json.string(mention.sourceText)
        json.key("target_text"); json.string(mention.targetText)
        span(mention.startByte, mention.endByte, index, into: &json)
        json.key("evidence"); json.string(mention.rule)
        json.key("confidence"); json.double(mention.confidence)
        json.key("flags"); storedStrings(mention.flags, into: &json)
        json.endObject()
    }

    /// The article with every layer (docs/api.md, `GET /api/articles/{id}`).
    static func article(_ article: ArticleRecord, layers: ArticleLayers, into json: inout JSONWriter) {
        let index = CodePointIndex(article.text)
        json.beginObject()
        json.key("id"); optionalInt(article.id, into: &json)
        json.key("story_id"); json.int(Int(article.storyID))
        json.key("external_id"); json.string(article.externalID)
        json.key("url"); json.string(article.url)
        json.key("title"); json.string(article.title)
        json.key("byline"); json.string(article.byline)
        json.key("source"); json.string(article.source)
        json.key("published"); json.string(article.published)
        json.key("language"); json.string(article.language)
        json.key("near_duplicate_of"); optionalInt(article.nearDuplicateOf, into: &json)
        json.key("text"); json.string(article.text)

        json.key("entities"); json.beginArray()
        for entity in layers.entities {
            json.beginObject()
            span(entity.startByte, entity.endByte, index, into: &json)
            json.key("text"); json.string(entity.text)
            json.key("type"); json.string(entity.type)
            json.key("canonical"); json.string(entity.canonical)
            json.key("actor"); json.string(entity.actor)
            json.endObject()
        }
        json.endArray()

        json.key("actors"); json.beginArray()
        for actor in layers.actors {
            json.beginObject()
            span(actor.startByte, actor.endByte, index, into: &json)
            json.key("text"); json.string(actor.text)
            json.key("code"); json.string(actor.code)
            json.key("canonical"); json.string(actor.canonical)
            json.endObject()
        }
        json.endArray()

        json.key("times"); json.beginArray()
        for time in layers.times {
            json.beginObject()
            span(time.startByte, time.endByte, index, into: &json)
            json.key("text"); json.string(time.text)
            json.key("type"); json.string(time.type)
            json.key("value"); json.string(time.value)
            json.key("flags"); storedStrings(time.flags, into: &json)
            json.endObject()
        }
        json.endArray()

        json.key("places"); json.beginArray()
        for place in layers.places {
            json.beginObject()
            span(place.startByte, place.endByte, index, into: &json)
            json.key("text"); json.string(place.text)
            json.key("name"); json.string(place.name)
            json.key("geonameid"); optionalInt(place.geonameID, into: &json)
            json.key("country"); json.string(place.country)
            json.key("lat"); optionalDouble(place.latitude, into: &json)
            json.key("lon"); optionalDouble(place.longitude, into: &json)
            json.endObject()
        }
        json.endArray()

        json.key("quotes"); json.beginArray()
        for quote in layers.quotes {
            json.beginObject()
            span(quote.startByte, quote.endByte, index, into: &json)
            json.key("text"); json.string(quote.text)
            json.key("speaker")
            if let start = quote.speakerStartByte, let end = quote.speakerEndByte {
                json.beginObject()
                span(start, end, index, into: &json)
                json.key("text"); json.string(quote.speakerText)
                json.key("canonical"); json.string(quote.speakerCanonical)
                json.key("actor"); json.string(quote.speakerActor)
                json.endObject()
            } else {
                json.null()
            }
            json.key("kind"); json.string(quote.kind)
            json.key("cue")
            if let start = quote.cueStartByte, let end = quote.cueEndByte {
                json.beginObject()
                span(start, end, index, into: &json)
                json.endObject()
            } else {
                json.null()
            }
            json.endObject()
        }
        json.endArray()

        // A quantity names its event by the mention's ordinal in the document;
        // the response gives that mention's place in its own `events` array
        // (text order) and the deduplicated event's id.
        var eventByOrdinal: [Int: (position: Int, eventID: Int64)] = [:]
        for (position, item) in layers.events.enumerated() {
            if let ordinal = item.mention.ordinal { eventByOrdinal[ordinal] = (position, item.mention.eventID) }
        }
        json.key("quantities"); json.beginArray()
        for quantity in layers.quantities {
            json.beginObject()
            span(quantity.startByte, quantity.endByte, index, into: &json)
            json.key("text"); json.string(quantity.text)
            json.key("value"); optionalDouble(quantity.value, into: &json)
            json.key("approximate"); json.bool(quantity.approximate)
            json.key("unit"); json.string(quantity.unit)
            json.key("counted"); json.string(quantity.counted)
            let event = quantity.eventOrdinal.flatMap { eventByOrdinal[$0] }
            json.key("event"); optionalInt(event.map { Int64($0.position) }, into: &json)
            json.key("event_id"); optionalInt(event.map(\.eventID), into: &json)
            json.endObject()
        }
        json.endArray()

        json.key("events"); json.beginArray()
        for item in layers.events {
            let mention = item.mention
            json.beginObject()
            json.key("event_id"); json.int(Int(mention.eventID))
            json.key("code"); json.string(mention.code)
            json.key("label"); json.string(item.event.label)
            json.key("source"); orNull(item.event.source, into: &json)
            json.key("target"); orNull(item.event.target, into: &json)
            json.key("date"); orNull(item.event.eventDate, into: &json)
            span(mention.startByte, mention.endByte, index, into: &json)
            json.key("triggers"); json.beginArray()
            if let value = try? JSONReader.read(Array(mention.evidence.utf8)), case let .array(pairs) = value {
                for pair in pairs {
                    guard case let .array(ends) = pair, ends.count == 2, let start = integer(ends[0]), let end = integer(ends[1]) else { continue }
                    let points = codePoints(start, end, index)
                    json.beginArray(); json.int(points.start); json.int(points.end); json.endArray()
                }
            }
            json.endArray()
            json.key("source_text"); json.string(mention.sourceText)
            json.key("target_text"); json.string(mention.targetText)
            json.key("evidence"); json.string(mention.rule)
            json.key("confidence"); json.double(mention.confidence)
            json.key("flags"); storedStrings(mention.flags, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
