/// One input line of the interchange contract (`shared/spec/interchange.md`),
/// validated.
public struct InterchangeRequest: Sendable {
    /// The caller's `id`, echoed back exactly as given (string or number).
    public var id: JSONValue
    public var input: DocumentInput
    public var url: String?
    public var published: String?
    /// Set when `published` was not an ISO date: how it was read (or that it was
    /// ignored). The line is still processed; the note becomes a warning (SR-IN-009).
    public var dateNote: String?

    /// `id` as a plain string, for the ``Document``.
    public var idString: String {
        switch id {
        case let .string(s): s
        case let .number(_, text): text
        default: ""
        }
    }
}

/// Why an input line was refused. Each case has a stable code.
public struct InterchangeError: Error, Equatable, CustomStringConvertible {
    /// Stable identifier, e.g. `"SR-IN-002"`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static func invalidUTF8(at offset: Int) -> InterchangeError {
        InterchangeError(code: "SR-IN-001", message: "the line is not valid UTF-8 (first bad byte at offset \(offset)); re-encode the input as UTF-8")
    }
    public static func invalidJSON(_ error: JSONReadError) -> InterchangeError {
        InterchangeError(code: "SR-IN-002", message: "\(error)")
    }
    public static func notAnObject(_ value: JSONValue) -> InterchangeError {
        InterchangeError(code: "SR-IN-003", message: "expected a JSON object, found \(value.typeName)")
    }
    public static let missingID = InterchangeError(code: "SR-IN-004", message: "the object has no \"id\" (a string or a number)")
    public static func badField(_ name: String, expected: String, found: JSONValue) -> InterchangeError {
        InterchangeError(code: "SR-IN-005", message: "\"\(name)\" must be \(expected), found \(found.typeName)")
    }
    public static let noContent = InterchangeError(code: "SR-IN-006", message: "the object needs exactly one of \"html\", \"text\" or \"tokens\"; it has none")
    public static func severalContents(_ names: [String]) -> InterchangeError {
        InterchangeError(code: "SR-IN-007", message: "the object needs exactly one of \"html\", \"text\" or \"tokens\"; it has \(names.map { "\"\($0)\"" }.joined(separator: " and "))")
    }
    public static func lineTooLong(bytes: Int, limit: Int) -> InterchangeError {
        InterchangeError(code: "SR-IN-008", message: "the line is \(bytes) bytes, over the limit of \(limit); raise it with --max-line-bytes")
    }
    public static func badDate(_ value: String) -> InterchangeError {
        InterchangeError(code: "SR-IN-009", message: "\"published\" must be YYYY-MM-DD or an ISO 8601 date-time, found \"\(value.prefix(40))\"")
    }
    public static let emptyLine = InterchangeError(code: "SR-IN-010", message: "the line is empty")
}

extension InterchangeRequest {
    /// Parses and validates one input line (without its line terminator).
    ///
    /// - Throws: ``InterchangeError`` describing the first problem.
    public static func parse<C: Collection>(line: C) throws(InterchangeError) -> InterchangeRequest where C.Element == UInt8 {
        let value: JSONValue
        do {
            value = try JSONReader.read(line)
        } catch let error as JSONReadError {
            throw .invalidJSON(error)
        } catch {
            throw .invalidJSON(JSONReadError(offset: 0, reason: "\(error)"))
        }
        return try parse(value)
    }

    /// Validates a parsed input object.
    public static func parse(_ value: JSONValue) throws(InterchangeError) -> InterchangeRequest {
        guard case .object = value else { throw .notAnObject(value) }
        guard let id = value["id"] else { throw .missingID }
        switch id {
        case .string, .number: break
        default: throw .badField("id", expected: "a string or a number", found: id)
        }
        return try parseFields(value, id: id)
    }

    private static func parseFields(_ value: JSONValue, id: JSONValue) throws(InterchangeError) -> InterchangeRequest {
        func optionalString(_ name: String) throws(InterchangeError) -> String? {
            guard let field = value[name], !field.isNull else { return nil }
            guard let s = field.stringValue else { throw .badField(name, expected: "a string", found: field) }
            return s
        }
        let html = try optionalString("html")
        let text = try optionalString("text")
        let url = try optionalString("url")
        var published = try optionalString("published")
        var dateNote: String?
        if let given = published, !DocumentDate.isValid(given) {
            // A page's own date format ("24 November 2016", "Tue, 10 Jun 2003 04:00:00
            // GMT") is read when it is unambiguous; otherwise the date is dropped. The
            // article is processed either way: a bad date must not lose it.
            published = DocumentDate.normalize(given)
            dateNote = published.map { "\"published\" \"\(given.prefix(40))\" read as \($0)" }
                ?? "\"published\" \"\(given.prefix(40))\" is not a date and was ignored; relative time expressions have no anchor"
        }
        var clean = false
        if let field = value["clean"], !field.isNull {
            guard let b = field.boolValue else { throw .badField("clean", expected: "true or false", found: field) }
            clean = b
        }
        var tokens: [[String]]? = nil
        if let field = value["tokens"], !field.isNull {
            guard let sentences = field.arrayValue else { throw .badField("tokens", expected: "an array of sentences", found: field) }
            var result: [[String]] = []
            result.reserveCapacity(sentences.count)
            for sentence in sentences {
                guard let items = sentence.arrayValue else { throw .badField("tokens", expected: "an array of arrays of strings", found: sentence) }
                var words: [String] = []
                words.reserveCapacity(items.count)
                for item in items {
                    guard let word = item.stringValue else { throw .badField("tokens", expected: "an array of arrays of strings", found: item) }
                    words.append(word)
                }
                result.append(words)
            }
            tokens = result
        }
        let present = [("html", html != nil), ("text", text != nil), ("tokens", tokens != nil)].filter(\.1).map(\.0)
        if present.isEmpty { throw .noContent }
        if present.count > 1 { throw .severalContents(present) }
        let input: DocumentInput
        if let html {
            input = .html(html)
        } else if let text {
            input = clean ? .cleanText(text) : .scrapedText(text)
        } else {
            input = .tokens(tokens!)
        }
        return InterchangeRequest(id: id, input: input, url: url, published: published, dateNote: dateNote)
    }
}

/// Checks document dates at the edge: `YYYY-MM-DD` or an ISO 8601 date-time
/// starting with one.
public enum DocumentDate {
    /// Whether `value` starts with a valid calendar date `YYYY-MM-DD`, optionally
    /// followed by `T` or a space and a time.
    public static func isValid(_ value: String) -> Bool {
        parse(value) != nil
    }

    /// The `(year, month, day)` of a `YYYY-MM-DD...` string, if it is a real date.
    public static func parse(_ value: String) -> (year: Int, month: Int, day: Int)? {
        let b = Array(value.utf8)
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        if b.count > 10 && b[10] != UInt8(ascii: "T") && b[10] != UInt8(ascii: " ") { return nil }
        return (year, month, day)
    }

    /// An ISO `YYYY-MM-DD` for a date written with a month name and a four-digit
    /// year ("24 November 2016", "Nov. 24, 2016", "Thu, 24 Nov 2016 09:55:00 GMT") or
    /// as `YYYY/MM/DD`; nil when the value is not such a date or is ambiguous.
    public static func normalize(_ value: String) -> String? {
        let words = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var year: Int?, month: Int?, day: Int?
        var numbers: [Int] = []
        for word in words {
            if let n = Int(word) {
                if word.count == 4, (1800...2200).contains(n), year == nil { year = n } else if word.count <= 2 { numbers.append(n) }
            } else if month == nil, let m = monthNumber(word) {
                month = m
            }
        }
        if month == nil {
            // YYYY/MM/DD: the first three numbers in that order.
            let parts = value.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).prefix(3).compactMap { Int($0.prefix(4)) }
            guard parts.count == 3, parts[0] > 1800 else { return nil }
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else {
            guard let first = numbers.first(where: { (1...31).contains($0) }) else { return nil }
            day = first
        }
        guard let year, let month, let day, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let iso = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return isValid(iso) ? iso : nil
    }

    private static func monthNumber(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = word.lowercased()
        guard lower.count >= 3, let index = names.firstIndex(where: { lower.hasPrefix($0) }) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        return full.hasPrefix(lower) || lower == "sept" ? index + 1 : nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
