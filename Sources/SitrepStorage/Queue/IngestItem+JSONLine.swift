import SitrepCore

extension IngestItem {
    /// The item as one JSON line of the interchange input format, plus `title`
    /// and `source`: what the worker queue stores, and what
    /// ``init(jsonLine:)`` reads back into an equal item with the same
    /// ``inputHash``, whatever file format the item was read from.
    ///
    /// `id` is written as a string; `published` as given (``init(jsonLine:)``
    /// has normalised it already, and other readers give ISO dates).
    public var jsonLine: String {
        var json = JSONWriter(reservingCapacity: 256)
        json.beginObject()
        json.key("id")
        json.string(id)
        switch input {
        case let .html(page):
            json.key("html")
            json.string(page)
        case let .scrapedText(text):
            json.key("text")
            json.string(text)
        case let .cleanText(text):
            json.key("text")
            json.string(text)
            json.key("clean")
            json.bool(true)
        case let .tokens(sentences):
            json.key("tokens")
            json.beginArray()
            for sentence in sentences { json.strings(sentence) }
            json.endArray()
        }
        for (name, value) in [("url", url), ("published", published), ("title", title), ("source", source)] {
            guard let value else { continue }
            json.key(dynamic: name)
            json.string(value)
        }
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
