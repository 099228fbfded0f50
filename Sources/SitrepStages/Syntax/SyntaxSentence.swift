import Foundation

/// One sentence of syntactic words with their Universal Dependencies annotation,
/// as read from or written to CoNLL-U.
///
/// Heads are 0-based word indices within the sentence, -1 for the root (as in
/// ``SitrepCore/TokenSyntax``); CoNLL-U's 1-based HEAD column is converted at the edge.
/// Multiword-token range lines and empty nodes are kept only as comments-free
/// pass-through lines (``rangeLines``) so that writing keeps the surface tokens.
public struct SyntaxSentence: Sendable, Equatable {
    /// Comment lines (`# text = ...`), without their newline.
    public var comments: [String] = []
    public var forms: [String] = []
    public var lemmas: [String] = []
    public var upos: [String] = []
    public var xpos: [String] = []
    public var feats: [String] = []
    /// 0-based head index, -1 for the root.
    public var heads: [Int] = []
    public var deprels: [String] = []
    public var misc: [String] = []
    /// Multiword-token and empty-node lines, keyed by the 0-based index of the word they precede.
    public var rangeLines: [(before: Int, line: String)] = []

    public init() {}

    /// A sentence of bare forms (no annotation).
    public init(forms: [String]) {
        self.forms = forms
        let blank = Array(repeating: "_", count: forms.count)
        lemmas = blank; upos = blank; xpos = blank; feats = blank; deprels = blank; misc = blank
        heads = Array(repeating: -1, count: forms.count)
    }

    /// The number of syntactic words.
    public var count: Int { forms.count }

    public static func == (lhs: SyntaxSentence, rhs: SyntaxSentence) -> Bool {
        lhs.comments == rhs.comments && lhs.forms == rhs.forms && lhs.lemmas == rhs.lemmas
            && lhs.upos == rhs.upos && lhs.xpos == rhs.xpos && lhs.feats == rhs.feats
            && lhs.heads == rhs.heads && lhs.deprels == rhs.deprels && lhs.misc == rhs.misc
            && lhs.rangeLines.map(\.before) == rhs.rangeLines.map(\.before)
            && lhs.rangeLines.map(\.line) == rhs.rangeLines.map(\.line)
    }
}

/// A malformed CoNLL-U input.
public enum CoNLLUError: Error, CustomStringConvertible {
    case badLine(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .badLine(file, line, reason):
            "\(file):\(line): not CoNLL-U: \(reason); expected 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)"
        }
    }
}

/// Reading and writing CoNLL-U (<https://universaldependencies.org/format.html>).
public enum CoNLLU {
    /// Parses CoNLL-U text into sentences. HEAD `_` becomes -1.
    ///
    /// - Throws: ``CoNLLUError/badLine(file:line:reason:)`` on a word line without 10 columns
    ///   or with a HEAD that is not a number.
    public static func read(_ text: String, file: String = "<input>") throws -> [SyntaxSentence] {
        var sentences: [SyntaxSentence] = []
        var current = SyntaxSentence()
        var started = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                if started { sentences.append(current) }
                current = SyntaxSentence(); started = false
                continue
            }
            started = true
            if line.hasPrefix("#") { current.comments.append(String(line)); continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw CoNLLUError.badLine(file: file, line: lineNumber, reason: "\(columns.count) columns")
            }
            if columns[0].contains("-") || columns[0].contains(".") {
                current.rangeLines.append((current.count, String(line)))
                continue
            }
            current.forms.append(String(columns[1]))
            current.lemmas.append(String(columns[2]))
            current.upos.append(String(columns[3]))
            current.xpos.append(String(columns[4]))
            current.feats.append(String(columns[5]))
            if columns[6] == "_" {
                current.heads.append(-1)
            } else if let head = Int(columns[6]) {
                current.heads.append(head - 1)
            } else {
                throw CoNLLUError.badLine(file: file, line: lineNumber, reason: "HEAD '\(columns[6])' is not a number")
            }
            current.deprels.append(String(columns[7]))
            current.misc.append(String(columns[9]))
        }
        if started { sentences.append(current) }
        return sentences
    }

    /// Writes sentences as CoNLL-U: comments, range lines in place, one word line per word,
    /// a blank line after each sentence. DEPS is written as `_`.
    public static func write(_ sentences: [SyntaxSentence]) -> String {
        var out = ""
        out.reserveCapacity(sentences.count * 400)
        for sent in sentences {
            for comment in sent.comments { out += comment; out += "\n" }
            var range = 0
            for index in 0..<sent.count {
                while range < sent.rangeLines.count && sent.rangeLines[range].before == index {
                    out += sent.rangeLines[range].line; out += "\n"; range += 1
                }
                let head = sent.heads[index] + 1
                out += "\(index + 1)\t\(sent.forms[index])\t\(sent.lemmas[index])\t\(sent.upos[index])\t\(sent.xpos[index])\t\(sent.feats[index])\t\(head)\t\(sent.deprels[index])\t_\t\(sent.misc[index])\n"
            }
            while range < sent.rangeLines.count { out += sent.rangeLines[range].line; out += "\n"; range += 1 }
            out += "\n"
        }
        return out
    }
}
