/// Word clusters for the tagger and parser: three cluster ids per word (64, 256 and
/// 1,024 classes), learned from unlabelled text by `scripts/word-clusters.py --lowercase`.
///
/// A word's ids are packed into one `UInt64`, each plus one so that 0 stands for a word
/// the table lacks: bits 0-15 the coarse id, 16-31 the middle one, 32-47 the fine one.
/// The coarse classes group words as broadly as a part of speech; the fine ones are
/// close to Brown-cluster prefixes of 12 bits (Koo, Carreras and Collins 2008).
public enum SyntaxClusters {
    /// The coarse (64-class) atom of a packed value.
    @inline(__always) static func coarse(_ packed: UInt64) -> UInt64 { packed & 0xFFFF }
    /// The middle (256-class) atom.
    @inline(__always) static func middle(_ packed: UInt64) -> UInt64 { (packed >> 16) & 0xFFFF }
    /// The fine (1,024-class) atom.
    @inline(__always) static func fine(_ packed: UInt64) -> UInt64 { packed >> 32 }

    /// Packs three 0-based cluster ids.
    static func pack(_ coarse: Int, _ middle: Int, _ fine: Int) -> UInt64 {
        UInt64(coarse + 1) | UInt64(middle + 1) << 16 | UInt64(fine + 1) << 32
    }

    /// Reads a cluster table (TSV `word<TAB>c64<TAB>c256<TAB>c1024`, `#` comment lines)
    /// into the model's form: each word's ``SyntaxWord/lower`` hash to its packed ids.
    ///
    /// - Throws: ``SyntaxClusterError`` naming the first malformed line.
    public static func table(tsv: String) throws -> [UInt64: UInt64] {
        var table: [UInt64: UInt64] = [:]
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, !fields[0].isEmpty,
                  let c64 = Int(fields[1]), let c256 = Int(fields[2]), let c1024 = Int(fields[3]),
                  (0..<0xFFFF).contains(c64), (0..<0xFFFF).contains(c256), (0..<0xFFFF).contains(c1024)
            else { throw SyntaxClusterError.badLine(line: number + 1) }
            let word = SyntaxWord.words([String(fields[0])])[0]
            table[word.lower] = pack(c64, c256, c1024)
        }
        return table
    }

    /// The packed ids of each word (0 for words the table lacks).
    static func of(_ words: [SyntaxWord], model: SyntaxModel) -> [UInt64] {
        words.map { model.clusters[$0.lower] ?? 0 }
    }
}

/// A cluster table that cannot be read.
public enum SyntaxClusterError: Error, Equatable, CustomStringConvertible {
    case badLine(line: Int)

    public var description: String {
        switch self {
        case let .badLine(line): "cluster table line \(line): expected word<TAB>c64<TAB>c256<TAB>c1024"
        }
    }
}
