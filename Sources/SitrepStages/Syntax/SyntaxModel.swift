import Foundation

/// A hashed weight table: `rows` rows (a power of two) of `stride` floats, one per class.
///
/// A feature's row is the top `bits` bits of its hash, so the table never grows
/// and lookups never allocate.
public struct SyntaxWeights: Sendable, Equatable {
    public internal(set) var bits: Int
    public internal(set) var stride: Int
    /// The weights, `(1 << bits) * stride` of them; empty in a table loaded for
    /// annotation, which keeps ``compact`` instead.
    public internal(set) var values: [Float]
    /// The table as the model file stores it, for a model loaded for annotation
    /// (``SyntaxModel/load(contentsOf:forAnnotation:)``): a tenth of the memory of
    /// ``values``, and all that the compiled tables (``SyntaxCompiledModel``) are built from.
    var compact: SyntaxCompactWeights?

    init(bits: Int, stride: Int) {
        self.init(bits: bits, stride: stride, values: [Float](repeating: 0, count: (1 << bits) * stride))
    }

    init(bits: Int, stride: Int, values: [Float]) {
        self.bits = bits
        self.stride = stride
        self.values = values
    }

    @inlinable
    func row(_ feature: UInt64) -> Int { Int(truncatingIfNeeded: feature >> UInt64(64 - bits)) &* stride }
}

/// A weight table's non-zero weights as the model file stores them: each index into
/// the table and its Int16 value, which times `scale` is the weight.
struct SyntaxCompactWeights: Sendable, Equatable {
    var scale: Float
    /// Ascending.
    var indices: [UInt32]
    var values: [Int16]
}

/// The trained tagger, parser and lemmatizer tables, with their file format.
///
/// File format (little-endian): magic `SXM1`, then `format` (UInt32), the beam width
/// (UInt32; format 3 and later, format 2 files decode greedily), then strings,
/// tag classes (`UPOS\tXPOS`), dependency labels, the learned lemma exceptions, the
/// ambiguity-class table, the word-cluster table and three weight tables, then (format 4,
/// written only for a model with voters) the count of voters and, for each, its beam width, its flags (bit 0: right to left)
/// and its transition and label tables. Weight tables are stored sparsely:
/// the count of non-zero weights, a Float32 scale, then for each non-zero weight the
/// gap from the previous index (LEB128) and the value as Int16 times `scale`.
///
/// ## Topics
/// - Tables: ``tagClasses``, ``labels``, ``tagger``, ``actions``, ``labeller``
/// - Files: ``load(contentsOf:)``, ``data()``, ``init(data:)``
public struct SyntaxModel: Sendable, Equatable {
    /// File format version.
    public static let format: UInt32 = 4

    /// Joint tag classes, `UPOS\tXPOS`.
    public var tagClasses: [String]
    /// Dependency relations with subtypes; index 0 is `root`.
    public var labels: [String]
    /// Tagger weights: one column per tag class.
    public var tagger: SyntaxWeights
    /// Parser transition weights: shift, left-arc, right-arc (stride 4).
    public var actions: SyntaxWeights
    /// Arc-label weights: one column per label.
    public var labeller: SyntaxWeights
    /// Word (lowercased-form hash) to the hash of the set of tag classes seen with it in training.
    public var ambiguity: [UInt64: UInt64]
    /// Word (lowercased-form hash) to its three cluster ids packed by ``SyntaxClusters``:
    /// distributional classes learned from unlabelled text, so that the tagger and parser
    /// generalize from a training word to rare words used the same way.
    public var clusters: [UInt64: UInt64]
    /// Learned lemma exceptions: key ``Lemmatizer/key(lower:xpos:)`` to the lemma.
    public var lemmaExceptions: [UInt64: String]
    /// Free-form provenance (data, settings), written into the file.
    public var info: String
    /// Hypotheses kept by the parser's beam (``SyntaxBeam``): the width the transition
    /// weights were trained with; 1 is greedy parsing.
    public var beam: Int = 1
    /// Further parsers, trained on the same tags, whose trees vote with this model's
    /// parser (``SyntaxEnsemble``); empty for a single parser.
    public var voters: [SyntaxVoter] = []

    /// UPOS and XPOS of each tag class, split once.
    public var uposOfClass: [String] { tagClasses.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) } }
    public var xposOfClass: [String] { tagClasses.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[1]) } }

    init(tagClasses: [String], labels: [String], tagBits: Int, actionBits: Int, labelBits: Int) {
        self.tagClasses = tagClasses
        self.labels = labels
        tagger = SyntaxWeights(bits: tagBits, stride: tagClasses.count)
        actions = SyntaxWeights(bits: actionBits, stride: 4)
        labeller = SyntaxWeights(bits: labelBits, stride: labels.count)
        ambiguity = [:]
        clusters = [:]
        lemmaExceptions = [:]
        info = ""
    }

    /// Loads a model file.
    ///
    /// - Parameter forAnnotation: keep the weight tables as the file stores them
    ///   (``SyntaxWeights/compact``), which is all that tagging and parsing need, rather
    ///   than as the float tables training reads: a tenth of the memory (the shipped fast
    ///   model takes some 50 MB rather than 330) and a faster start.
    /// - Throws: ``SyntaxModelError`` if the file is missing, truncated or of another format.
    public static func load(contentsOf url: URL, forAnnotation: Bool = false) throws -> SyntaxModel {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SyntaxModelError.missing(path: url.path)
        }
        return try SyntaxModel(data: data, path: url.path, forAnnotation: forAnnotation)
    }

    /// Decodes a model from the bytes of ``data()``; `forAnnotation` as in
    /// ``load(contentsOf:forAnnotation:)``.
    public init(data: Data, path: String = "<data>", forAnnotation: Bool = false) throws {
        var reader = SyntaxByteReader(bytes: [UInt8](data), path: path, compact: forAnnotation)
        guard Array(try reader.bytes(4)) == Array("SXM1".utf8) else { throw SyntaxModelError.damaged(path: path, reason: "not a Sitrep syntax model (bad magic)") }
        let format = try reader.u32()
        guard (2...Self.format).contains(format) else { throw SyntaxModelError.damaged(path: path, reason: "format \(format), this build reads formats 2 to \(Self.format)") }
        if format >= 3 {
            beam = Int(try reader.u32())
            guard (1...64).contains(beam) else { throw SyntaxModelError.damaged(path: path, reason: "beam width \(beam) out of range 1...64") }
        }
        info = try reader.string()
        tagClasses = try (0..<Int(try reader.u32())).map { _ in try reader.string() }
        labels = try (0..<Int(try reader.u32())).map { _ in try reader.string() }
        var exceptions: [UInt64: String] = [:]
        for _ in 0..<Int(try reader.u32()) { let key = try reader.u64(); exceptions[key] = try reader.string() }
        lemmaExceptions = exceptions
        var ambiguity: [UInt64: UInt64] = [:]
        for _ in 0..<Int(try reader.u32()) { let key = try reader.u64(); ambiguity[key] = try reader.u64() }
        self.ambiguity = ambiguity
        var clusters: [UInt64: UInt64] = [:]
        for _ in 0..<Int(try reader.u32()) { let key = try reader.u64(); clusters[key] = try reader.u64() }
        self.clusters = clusters
        tagger = try reader.weights()
        actions = try reader.weights()
        labeller = try reader.weights()
        guard tagger.stride == tagClasses.count, labeller.stride == labels.count, actions.stride == 4 else {
            throw SyntaxModelError.damaged(path: path, reason: "table shapes do not match the class lists")
        }
        if format >= 4 {
            let count = Int(try reader.u32())
            guard count <= 8 else { throw SyntaxModelError.damaged(path: path, reason: "\(count) voters, at most 8") }
            for _ in 0..<count {
                let width = Int(try reader.u32()), flags = try reader.u32()
                guard (1...64).contains(width), flags <= 1 else { throw SyntaxModelError.damaged(path: path, reason: "bad voter header") }
                let voter = SyntaxVoter(beam: width, rightToLeft: flags & 1 != 0, actions: try reader.weights(), labeller: try reader.weights())
                guard voter.actions.stride == 4, voter.labeller.stride == labels.count else {
                    throw SyntaxModelError.damaged(path: path, reason: "a voter's table shapes do not match the class lists")
                }
                voters.append(voter)
            }
        }
    }

    /// The model file's bytes. Equal models give equal bytes (tables are written in key order).
    public func data() -> Data {
        var out: [UInt8] = Array("SXM1".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) { u32(UInt32(s.utf8.count)); out.append(contentsOf: s.utf8) }
        func varint(_ value: Int) {
            var v = UInt64(value)
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }
        func weights(_ table: SyntaxWeights) {
            u32(UInt32(table.bits)); u32(UInt32(table.stride))
            if let compact = table.compact {
                u32(UInt32(compact.indices.count))
                u32(compact.scale.bitPattern)
                var last = -1
                for (index, q) in zip(compact.indices, compact.values) {
                    varint(Int(index) - last - 1)
                    last = Int(index)
                    let bits = UInt16(bitPattern: q)
                    out.append(UInt8(bits & 0xFF)); out.append(UInt8(bits >> 8))
                }
                return
            }
            let maxAbs = table.values.reduce(Float(0)) { max($0, abs($1)) }
            let scale = maxAbs > 0 ? maxAbs / 32767 : 1
            var nonZero = 0
            for value in table.values where Int((value / scale).rounded()) != 0 { nonZero += 1 }
            u32(UInt32(nonZero))
            u32(scale.bitPattern)
            var last = -1
            for (index, value) in table.values.enumerated() {
                let q = Int((value / scale).rounded())
                guard q != 0 else { continue }
                varint(index - last - 1)
                last = index
                let bits = UInt16(bitPattern: Int16(clamping: q))
                out.append(UInt8(bits & 0xFF)); out.append(UInt8(bits >> 8))
            }
        }
        // A model without voters is written as format 3, byte for byte as before them.
        u32(voters.isEmpty ? 3 : Self.format)
        u32(UInt32(beam))
        string(info)
        u32(UInt32(tagClasses.count)); tagClasses.forEach(string)
        u32(UInt32(labels.count)); labels.forEach(string)
        u32(UInt32(lemmaExceptions.count))
        for key in lemmaExceptions.keys.sorted() { u64(key); string(lemmaExceptions[key]!) }
        u32(UInt32(ambiguity.count))
        for key in ambiguity.keys.sorted() { u64(key); u64(ambiguity[key]!) }
        u32(UInt32(clusters.count))
        for key in clusters.keys.sorted() { u64(key); u64(clusters[key]!) }
        weights(tagger); weights(actions); weights(labeller)
        guard !voters.isEmpty else { return Data(out) }
        u32(UInt32(voters.count))
        for voter in voters {
            u32(UInt32(voter.beam)); u32(voter.rightToLeft ? 1 : 0)
            weights(voter.actions); weights(voter.labeller)
        }
        return Data(out)
    }

    /// Rounds every weight to what the file stores, so a model in memory scores exactly
    /// as the same model loaded from its file.
    mutating func quantize() {
        self = try! SyntaxModel(data: data())
    }
}

/// A further parser of a ``SyntaxModel``: its own transition and label tables, read
/// with the model's tags, clusters and labels.
public struct SyntaxVoter: Sendable, Equatable {
    /// The beam width it was trained with (1: greedy).
    public var beam: Int
    /// It reads each sentence from its last word to its first: its errors differ
    /// most from a left-to-right parser's, which is what makes its vote worth having.
    public var rightToLeft: Bool
    public var actions: SyntaxWeights
    public var labeller: SyntaxWeights
}

/// A syntax model that cannot be used.
public enum SyntaxModelError: Error, CustomStringConvertible {
    case missing(path: String)
    case damaged(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            "syntax model not found: \(path); rebuild it with `sitrep train syntax` (see Sources/SitrepStages/Models/README.md)"
        case let .damaged(path, reason):
            "syntax model \(path) cannot be read: \(reason); rebuild it with `sitrep train syntax`"
        }
    }
}

/// A cursor over model bytes; `read...` moves it.
private struct SyntaxByteReader {
    let bytes: [UInt8]
    let path: String
    /// Weight tables are kept as stored (``SyntaxWeights/compact``).
    let compact: Bool
    var offset = 0

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw SyntaxModelError.damaged(path: path, reason: "truncated at byte \(offset)") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }
    mutating func u32() throws -> UInt32 {
        let slice = try bytes(4)
        return slice.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
    mutating func u64() throws -> UInt64 {
        let slice = try bytes(8)
        return slice.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
    mutating func string() throws -> String {
        let count = Int(try u32())
        return String(decoding: try bytes(count), as: UTF8.self)
    }
    mutating func varint() throws -> Int {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 63 else { throw SyntaxModelError.damaged(path: path, reason: "bad varint at byte \(offset)") }
            let byte = bytes[offset]; offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(result) }
            shift += 7
        }
    }
    mutating func weights() throws -> SyntaxWeights {
        let bits = Int(try u32()), stride = Int(try u32())
        guard (1...30).contains(bits), (1...4096).contains(stride) else { throw SyntaxModelError.damaged(path: path, reason: "bad table shape \(bits) bits x \(stride)") }
        let count = Int(try u32())
        let scale = Float(bitPattern: try u32())
        if compact {
            let size = (1 << bits) * stride
            guard size <= Int(UInt32.max), count <= size else { throw SyntaxModelError.damaged(path: path, reason: "table of \(bits) bits x \(stride) too large") }
            var table = SyntaxWeights(bits: bits, stride: stride, values: [])
            var weights = SyntaxCompactWeights(scale: scale, indices: [], values: [])
            weights.indices.reserveCapacity(count)
            weights.values.reserveCapacity(count)
            var index = -1
            for _ in 0..<count {
                index += try varint() + 1
                guard index < size, offset + 2 <= bytes.count else { throw SyntaxModelError.damaged(path: path, reason: "weight index out of range") }
                weights.indices.append(UInt32(index))
                weights.values.append(Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8))
                offset += 2
            }
            table.compact = weights
            return table
        }
        var table = SyntaxWeights(bits: bits, stride: stride)
        var index = -1
        try table.values.withUnsafeMutableBufferPointer { values in
            for _ in 0..<count {
                index += try varint() + 1
                guard index < values.count, offset + 2 <= bytes.count else { throw SyntaxModelError.damaged(path: path, reason: "weight index out of range") }
                let q = Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
                offset += 2
                values[index] = Float(q) * scale
            }
        }
        return table
    }
}
