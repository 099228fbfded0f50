import SitrepCore

/// The `tokens` stage: Penn-Treebank-like tokens (``Tokenizer``) inside each sentence.
///
/// Documents built from pre-tokenized input (``DocumentInput/tokens(_:)``) already
/// carry the caller's tokens; the stage keeps them and tokenizes nothing.
/// Otherwise it records each sentence's range of tokens
/// (``Document/sentenceTokenRanges``) as it goes, for the stages after it.
///
/// - Complexity: O(n) in the UTF-8 length of the text.
public struct TokenStage: Stage {
    public let name = "tokens"
    public let version = "rules.v1"
    public let requires: Set<Layer> = [.sentences]
    public let provides: Set<Layer> = [.tokens]

    private let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer = Tokenizer()) {
        self.tokenizer = tokenizer
    }

    public func process(_ doc: inout Document) throws {
        if case .tokens = doc.input, !doc.tokens.isEmpty { return }
        let (tokens, ranges) = tokenizer.tokensBySentence(doc.text, sentences: doc.sentences)
        doc.setTokens(tokens, sentenceTokenRanges: ranges)
    }
}
