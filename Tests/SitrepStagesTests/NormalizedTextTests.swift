import Testing
import SitrepCore
@testable import SitrepStages

/// Helpers shared by the text-layer tests (normalization, sentences, tokens).
enum TextLayerCheck {
    /// The text of each span, decoded from the UTF-8 bytes of `text`.
    static func strings(_ text: String, _ spans: [TextSpan]) -> [String] {
        let bytes = Array(text.utf8)
        return spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    /// Whether byte `offset` of `bytes` starts a scalar (or is the end).
    static func onBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        offset == bytes.count || (offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }

    /// Scalars that normalization removes, so no span needs to cover them.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value)
    }

    /// Checks bounds, scalar boundaries, order, trimming and coverage of `spans`.
    static func expectWellFormed(_ spans: [TextSpan], in text: String, coverEverything: Bool,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        var covered = [Bool](repeating: false, count: bytes.count)
        for (index, span) in spans.enumerated() {
            #expect(span.end <= bytes.count, "\(span) past \(bytes.count) bytes", sourceLocation: sourceLocation)
            guard span.end <= bytes.count else { return }
            #expect(!span.isEmpty, "empty span \(span)", sourceLocation: sourceLocation)
            #expect(onBoundary(bytes, span.start) && onBoundary(bytes, span.end), "\(span) splits a scalar", sourceLocation: sourceLocation)
            if index > 0 { #expect(spans[index - 1].end <= span.start, "\(spans[index - 1]) / \(span) out of order", sourceLocation: sourceLocation) }
            let content = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
            if let first = content.unicodeScalars.first, let last = content.unicodeScalars.last {
                #expect(!first.properties.isWhitespace && !last.properties.isWhitespace, "\(span) not trimmed: \(content.debugDescription)", sourceLocation: sourceLocation)
            }
            for k in span.start..<span.end { covered[k] = true }
        }
        guard coverEverything else { return }
        var offset = 0
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            if !isIgnorable(scalar) {
                #expect(covered[offset], "\(scalar.escaped(asASCII: true)) at byte \(offset) is in no span", sourceLocation: sourceLocation)
            }
            offset += length
        }
    }

    /// Awkward input every text-layer component must survive.
    static let awkwardTexts: [String] = [
        "",
        "   \n\n \t ",
        "Ruritania",
        "Officials in Ruritania said on Tuesday that talks had failed.",
        "Family 👨‍👩‍👧 arrived. Skin 👍🏽 tone. Flag 🇷🇺 too.",
        "Cafe\u{301} owners in Zu\u{308}rich protested. The ne\u{301}gociants agreed.",
        "Line one.\r\nLine two.\r\n\r\nNew paragraph.\rLone CR.",
        "Talks\u{0}failed. Army\u{0} on alert.",
        "\u{FEFF}Soft\u{AD}ware and zero\u{200B}width\u{200D}joiners. End.",
        "مسؤولون في روريتانيا قالوا. שלום עולם. Mixed RTL text.",
        "“Quoted…” — he said.\u{00A0}\u{00A0}Next\u{2009}one ‘here’.",
        "\u{200B}\u{200B}",
        "…",
        "a.b.c.d. e... f!? (g.) [h.] \"i.\" 'j.'",
    ]
}

@Suite struct NormalizedTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let normalized: String
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        Case(input: "“Ruritania” ‘said’", normalized: "\"Ruritania\" 'said'"),
        Case(input: "„low‟ «angle» ‹one›", normalized: "\"low\" \"angle\" 'one'"),
        Case(input: "‚a‛ 5′ 6″", normalized: "'a' 5' 6\""),
        Case(input: "a‐b‑c‒d–e—f―g−h", normalized: "a-b-c-d-e-f-g-h"),
        Case(input: "a\u{00A0}b\u{2009}c\u{202F}d\u{3000}e\u{2002}f", normalized: "a b c d e f"),
        Case(input: "a  \t b\u{00A0} \u{2009}c", normalized: "a b c"),
        Case(input: "Ruri\u{AD}tania", normalized: "Ruritania"),
        Case(input: "\u{FEFF}a\u{200B}b\u{200C}c\u{200D}d", normalized: "abcd"),
        Case(input: "wait… what", normalized: "wait... what"),
        Case(input: "one\r\ntwo\rthree\u{2028}four", normalized: "one\ntwo\nthree\nfour"),
        Case(input: "line\n\nnext", normalized: "line\n\nnext"),
        Case(input: "plain ASCII text.", normalized: "plain ASCII text."),
        Case(input: "Zürich 東京", normalized: "Zürich 東京"),
        Case(input: "", normalized: ""),
    ]

    @Test(arguments: cases)
    func normalizesByTheTable(_ c: Case) {
        let view = NormalizedText(c.input)
        #expect(String(decoding: view.bytes, as: UTF8.self) == c.normalized)
    }

    @Test func plainASCIIIsTheIdentity() {
        let view = NormalizedText("Officials in Ruritania said on Tuesday.")
        #expect(view.isIdentity)
        #expect(view.originalSpan(TextSpan(start: 13, end: 22)) == TextSpan(start: 13, end: 22))
        #expect(!NormalizedText("two  spaces").isIdentity)
    }

    @Test func curlyQuotedWordMapsToItsOriginalBytes() {
        let text = "He said “Yes” — twice."
        let view = NormalizedText(text)
        // Normalized: He said "Yes" - twice.
        let normalizedQuote = TextSpan(start: 8, end: 13)
        let span = view.originalSpan(normalizedQuote)
        #expect(TextLayerCheck.strings(text, [span]) == ["“Yes”"])
        #expect(view.isDash(at: 14))
        #expect(view.originalOffset(view.bytes.count) == text.utf8.count)
    }

    @Test func ellipsisBytesAllMapToTheOneCharacter() {
        let text = "so…"
        let view = NormalizedText(text)
        #expect(view.bytes.count == 5)
        for k in 2..<5 {
            #expect(view.originalSpan(TextSpan(start: k, end: k + 1)) == TextSpan(start: 2, end: 5))
        }
    }

    @Test func collapsedSpacesMapToTheWholeRunAndRemovedCharactersStayInside() {
        let text = "a \t\u{00A0} b Ruri\u{AD}tania"
        let view = NormalizedText(text)
        #expect(String(decoding: view.bytes, as: UTF8.self) == "a b Ruritania")
        #expect(view.originalSpan(TextSpan(start: 1, end: 2)) == TextSpan(start: 1, end: 6))
        let word = view.originalSpan(TextSpan(start: 4, end: 13))
        #expect(TextLayerCheck.strings(text, [word]) == ["Ruri\u{AD}tania"])
    }

    @Test func hyphensJoinAndDashesSeparate() {
        let view = NormalizedText("al-Sadr a\u{2011}b c\u{2212}d e\u{2013}f g\u{2014}h")
        let bytes = view.bytes
        let dashes = bytes.indices.filter { bytes[$0] == 0x2D }.map { view.isDash(at: $0) }
        #expect(dashes == [false, false, false, true, true])
    }

    @Test(arguments: TextLayerCheck.awkwardTexts)
    func everyMappedSpanLiesOnScalarBoundaries(_ text: String) {
        let view = NormalizedText(text)
        let original = Array(text.utf8)
        let n = view.bytes.count
        for start in 0...n {
            #expect(TextLayerCheck.onBoundary(original, view.originalOffset(start)))
            #expect(TextLayerCheck.onBoundary(original, view.originalEnd(start)))
            for end in stride(from: start, through: min(n, start + 8), by: 1) {
                let span = view.originalSpan(TextSpan(start: start, end: end))
                #expect(span.start <= span.end && span.end <= original.count)
                #expect(TextLayerCheck.onBoundary(original, span.start) && TextLayerCheck.onBoundary(original, span.end))
            }
        }
    }

    @Test(arguments: TextLayerCheck.awkwardTexts)
    func offsetsAreMonotonicAndInvertible(_ text: String) {
        let view = NormalizedText(text)
        var previous = 0
        for k in 0...view.bytes.count {
            let offset = view.originalOffset(k)
            #expect(offset >= previous)
            previous = offset
            // Going forward from the source start lands on the first byte made from it.
            #expect(view.originalOffset(view.normalizedOffset(offset)) == offset)
        }
    }

    @Test func emptyTextHasAnEmptyView() {
        let view = NormalizedText("")
        #expect(view.bytes.isEmpty)
        #expect(view.originalOffset(0) == 0)
        #expect(view.originalSpan(TextSpan(start: 0, end: 0)) == TextSpan(start: 0, end: 0))
    }
}
