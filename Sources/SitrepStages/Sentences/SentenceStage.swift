import SitrepCore

/// The `sentences` stage: rule-based sentence boundaries (``SentenceSplitter``).
///
/// When the document has paragraphs, each paragraph is split on its own, so a
/// sentence never crosses a paragraph; otherwise the whole text is split.
/// Documents built from pre-tokenized input (``DocumentInput/tokens(_:)``) already
/// carry the caller's sentences; the stage keeps them and splits nothing.
///
/// - Complexity: O(n) in the UTF-8 length of the text.
public struct SentenceStage: Stage {
    public let name = "sentences"
    public let version = "rules.v1"
    public let requires: Set<Layer> = [.article]
    public let provides: Set<Layer> = [.sentences]

    private let splitter: SentenceSplitter

    public init(splitter: SentenceSplitter = SentenceSplitter()) {
        self.splitter = splitter
    }

    public func process(_ doc: inout Document) throws {
        if case .tokens = doc.input, !doc.sentences.isEmpty { return }
        guard !doc.paragraphs.isEmpty else {
            doc.sentences = splitter.split(doc.text)
            return
        }
        var sentences: [TextSpan] = []
        for paragraph in doc.paragraphs {
            let text = String(doc.text(of: paragraph))
            for sent in splitter.split(text) {
                sentences.append(TextSpan(start: paragraph.start + sent.start, end: paragraph.start + sent.end))
            }
        }
        doc.sentences = sentences
    }
}
