import Foundation
import Logging
import SitrepCore

/// A swift-log handler writing one JSON object per line to standard error,
/// for log collectors:
///
///     {"time":"2025-01-31T12:00:00.123Z","level":"info","logger":"sitrep.worker","message":"stored","worker":"host:42","queue_id":"7"}
///
/// `time` is UTC with milliseconds; the handler's and the event's metadata
/// follow the fixed keys, flattened (nested values as JSON arrays and objects).
/// Each line is one `write(2)`, so lines from several threads do not interleave.
struct JSONLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var json = JSONWriter(reservingCapacity: 256)
        json.beginObject()
        json.key("time")
        json.string(Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        json.key("level")
        json.string(event.level.rawValue)
        json.key("logger")
        json.string(label)
        json.key("message")
        json.string(event.message.description)
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() where !["time", "level", "logger", "message"].contains(key) {
            json.key(dynamic: key)
            Self.write(merged[key]!, into: &json)
        }
        json.endObject()
        var bytes = json.bytes
        bytes.append(0x0A)
        bytes.withUnsafeBytes { buffer in _ = Foundation.write(2, buffer.baseAddress, buffer.count) }
    }

    private static func write(_ value: Logger.Metadata.Value, into json: inout JSONWriter) {
        switch value {
        case let .string(string): json.string(string)
        case let .stringConvertible(convertible): json.string(convertible.description)
        case let .array(values):
            json.beginArray()
            for value in values { write(value, into: &json) }
            json.endArray()
        case let .dictionary(dictionary):
            json.beginObject()
            for key in dictionary.keys.sorted() {
                json.key(dynamic: key)
                write(dictionary[key]!, into: &json)
            }
            json.endObject()
        }
    }
}
