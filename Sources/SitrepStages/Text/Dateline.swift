/// A dateline opening a news sentence: "ANKARA/BAGHDAD, June 11 (Reuters) –",
/// "KABUL:", "LYON -". It says where the story was filed, not who acted, and a
/// parser trained on ordinary sentences attaches the words after it badly, so the
/// syntax stage parses it apart and the actor coder skips it.
///
/// The rule: the first token is an all-capitals word of three letters or more, and a
/// dash (`-`, `–`, `—`) or colon follows within the first twelve tokens.
enum Dateline {
    static let maximumTokens = 12

    /// The number of tokens of the dateline at the start of `words`, dash included;
    /// nil when the sentence does not open with one or nothing follows it.
    static func length<S: StringProtocol>(of words: [S]) -> Int? {
        guard let first = words.first, isAllCapitals(first) else { return nil }
        for index in 1..<min(words.count, maximumTokens) {
            switch words[index] {
            case "-", "--", "–", "—", ":":
                return index + 1 < words.count ? index + 1 : nil
            default:
                continue
            }
        }
        return nil
    }

    static func isAllCapitals<S: StringProtocol>(_ word: S) -> Bool {
        var letters = 0
        for byte in word.utf8 {
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters >= 3
    }
}
