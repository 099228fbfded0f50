import Testing
@testable import SitrepCore

@Suite struct JSONReaderTests {
    @Test func readsNestedValues() throws {
        let value = try JSONReader.read(Array(#" {"id": "a1", "n": -12.5e1, "ok": true, "list": [null, false, "x"], "o": {}} "#.utf8))
        #expect(value["id"] == .string("a1"))
        #expect(value["n"] == .number(-125, text: "-12.5e1"))
        #expect(value["ok"] == .bool(true))
        #expect(value["list"] == .array([.null, .bool(false), .string("x")]))
        #expect(value["o"] == .object([]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONReader.read(Array(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#.utf8))
        #expect(value == .string("a\"b\\c/\n\té😀"))
    }

    @Test func keepsNumberTextForEcho() throws {
        let value = try JSONReader.read(Array("12345678901234567890123".utf8))
        var writer = JSONWriter()
        writer.value(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "12345678901234567890123")
    }

    @Test(arguments: [
        ("", "unexpected end of input"),
        ("{", "expected a string key"),
        ("[1,]", "unexpected character"),
        ("{\"a\" 1}", "expected ':'"),
        ("\"abc", "unterminated string"),
        ("\"a\u{01}\"", "unescaped control character"),
        ("01", "unexpected data after"),
        ("1.", "expected a digit after '.'"),
        ("tru", "unexpected end of input"),
        ("\"\\ud800\"", "lone UTF-16 surrogate"),
        ("\"\\x\"", "invalid escape"),
        ("{} {}", "unexpected data after"),
    ])
    func rejectsMalformedInput(input: String, reason: String) {
        #expect {
            try JSONReader.read(Array(input.utf8))
        } throws: { error in
            (error as? JSONReadError)?.reason.contains(reason) == true
        }
    }

    @Test func rejectsInvalidUTF8InsideStrings() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x22]
        #expect(throws: JSONReadError(offset: 2, reason: "invalid UTF-8 in string")) {
            try JSONReader.read(bytes)
        }
    }

    @Test func boundsNestingDepthWithoutOverflowingTheStack() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect {
            try JSONReader.read(deep)
        } throws: { error in
            (error as? JSONReadError)?.reason.contains("nesting deeper") == true
        }
        let ok = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONReader.read(Array(ok.utf8)) }
    }

    @Test func hugeNumbersBecomeInfinityButKeepTheirText() throws {
        let value = try JSONReader.read(Array("1e99999".utf8))
        #expect(value == .number(.infinity, text: "1e99999"))
    }
}

@Suite struct JSONWriterTests {
    @Test func escapesStringsAndKeepsFieldOrder() {
        var json = JSONWriter()
        json.beginObject()
        json.key("z"); json.string("quote \" backslash \\ newline \n tab \t bell \u{07} sep \u{2028} é")
        json.key("a"); json.beginArray(); json.int(1); json.double(2.5); json.double(.nan); json.null(); json.endArray()
        json.key("b"); json.bool(false)
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text == #"{"z":"quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 é","a":[1,2.5,null,null],"b":false}"#)
    }

    /// Integers are written digit by digit, and commas stay right at any depth
    /// (the first 64 levels in a bit set, deeper ones in an array).
    @Test func integersAndDeepNesting() throws {
        var json = JSONWriter()
        json.beginArray()
        for value in [0, 7, -7, 1_234_567_890, Int.max, Int.min] { json.int(value) }
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[0,7,-7,1234567890,9223372036854775807,-9223372036854775808]")
        var deep = JSONWriter()
        for _ in 0..<100 { deep.beginArray(); deep.int(1) }
        for _ in 0..<100 { deep.endArray() }
        let text = String(decoding: deep.bytes, as: UTF8.self)
        #expect(text == String(repeating: "[1,", count: 99) + "[1" + String(repeating: "]", count: 100))
        #expect(try JSONReader.read(deep.bytes) != .null)
    }

    @Test func roundTripsThroughTheReader() throws {
        let original = "Ankara «warned» on Tuesday\u{00A0}— “1,200 troops” 😀\u{0}"
        var json = JSONWriter()
        json.string(original)
        #expect(try JSONReader.read(json.bytes) == .string(original))
    }
}

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x61, 0x62], nil),
        ([0xC3, 0xA9], nil),
        ([0xF0, 0x9F, 0x98, 0x80], nil),
        ([0x61, 0xC3], 1),               // truncated
        ([0xC0, 0x80], 0),               // overlong
        ([0xED, 0xA0, 0x80], 0),         // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),   // past U+10FFFF
        ([0x61, 0x80], 1),               // stray continuation
        ([0xE2, 0x28, 0xA1], 0),
    ] as [([UInt8], Int?)])
    func findsTheFirstBadByte(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(bytes) == expected)
    }
}
