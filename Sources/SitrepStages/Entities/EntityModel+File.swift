import Foundation

/// Why an entity model could not be loaded. Each case has a stable id.
public enum EntityModelError: Error, CustomStringConvertible, Equatable {
    /// SR-NER-001: the model file is not there.
    case missing(path: String)
    /// SR-NER-002: the file is not an entity model, or is damaged.
    case malformed(path: String, reason: String)
    /// SR-NER-003: the file was written by a newer (or older) format.
    case unsupportedVersion(path: String, found: UInt32)

    public var description: String {
        switch self {
        case .missing(let path):
            "SR-NER-001: the entity model \(path) is missing; rebuild it with the command in Sources/SitrepStages/Models/README.md (sitrep train ner ...)"
        case .malformed(let path, let reason):
            "SR-NER-002: \(path) is not a valid entity model (\(reason)); rebuild it with sitrep train ner"
        case .unsupportedVersion(let path, let found):
            "SR-NER-003: \(path) has model format \(found), this build reads format \(EntityModel.formatVersion); retrain it with this build's sitrep train ner"
        }
    }
}

/// Model file layout, format 1 (all integers little-endian):
///
/// | field | type |
/// | --- | --- |
/// | magic | 8 bytes `SRNERMDL` |
/// | format version | u32 (1) |
/// | weight-table bits | u32 |
/// | label count | u32 (9) |
/// | metadata | u32 length + UTF-8 |
/// | first and second stage, each | 90 x i32 transitions; u32 row count n; n x u32 row index (ascending); n x 9 x i16 weights |
/// | clusters, gazetteer, each | u32 entry count n; n x u64 key (ascending); n x u32 value |
/// | checksum | u64 FNV-1a of every byte before it |
///
/// Only rows with a non-zero weight are stored; the loader builds ``CompactWeights`` from them.
extension EntityModel {
    static let magic: [UInt8] = Array("SRNERMDL".utf8)

    /// The model as file bytes. The same model always gives the same bytes.
    public func encoded() -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: Self.magic)
        out.u32(Self.formatVersion)
        out.u32(UInt32(features.bits))
        out.u32(UInt32(EntityLabel.count))
        let meta = Array(metadata.utf8)
        out.u32(UInt32(meta.count))
        out.bytes.append(contentsOf: meta)
        for stage in 0..<2 {
            let sparse = weights.sparseStage(stage)
            for value in sparse.transitions { out.u32(UInt32(bitPattern: value)) }
            out.u32(UInt32(sparse.rows.count))
            for row in sparse.rows { out.u32(row) }
            for weight in sparse.weights { out.u16(UInt16(bitPattern: weight)) }
        }
        for table in [lexicon.clusters, lexicon.gazetteer] {
            let entries = table.sortedEntries()
            out.u32(UInt32(entries.count))
            for entry in entries { out.u64(entry.key) }
            for entry in entries { out.u32(entry.value) }
        }
        out.u64(FeatureHash.fnv(out.bytes))
        return out.bytes
    }

    /// Reads a model from file bytes.
    ///
    /// - Parameter path: names the file in error messages.
    /// - Throws: ``EntityModelError`` when the bytes are not a format-1 model.
    public init(decoding bytes: [UInt8], path: String = "<memory>") throws {
        var reader = ByteReader(bytes: bytes, path: path)
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else {
            throw EntityModelError.malformed(path: path, reason: "no SRNERMDL header")
        }
        let checksum = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard UInt64(littleEndian: checksum) == FeatureHash.fnv(bytes[0..<(bytes.count - 8)]) else {
            throw EntityModelError.malformed(path: path, reason: "checksum mismatch, the file is truncated or damaged")
        }
        reader.offset = 8
        let version = try reader.u32()
        guard version == Self.formatVersion else { throw EntityModelError.unsupportedVersion(path: path, found: version) }
        let bits = Int(try reader.u32())
        guard (10...26).contains(bits) else { throw EntityModelError.malformed(path: path, reason: "weight-table bits \(bits)") }
        guard try reader.u32() == UInt32(EntityLabel.count) else {
            throw EntityModelError.malformed(path: path, reason: "label count is not \(EntityLabel.count)")
        }
        let metaCount = Int(try reader.u32())
        let meta = try reader.take(metaCount)
        var stages: [CompactWeights.SparseStage] = []
        let width = EntityLabel.count
        for _ in 0..<2 {
            var transitions: [Int32] = []
            for _ in 0..<Viterbi.transitionCount { transitions.append(Int32(bitPattern: try reader.u32())) }
            var stage = CompactWeights.SparseStage(transitions: transitions)
            let count = Int(try reader.u32())
            let rowBytes = try reader.take(count * 4)
            let weightBytes = try reader.take(count * width * 2)
            stage.rows.reserveCapacity(count)
            stage.weights.reserveCapacity(count * width)
            var previous = -1
            try rowBytes.withUnsafeBytes { raw in
                for entry in 0..<count {
                    let row = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entry * 4, as: UInt32.self)))
                    guard row < 1 << bits, row > previous else {
                        throw EntityModelError.malformed(path: path, reason: "row \(row) out of range or out of order")
                    }
                    previous = row
                    stage.rows.append(UInt32(row))
                }
            }
            weightBytes.withUnsafeBytes { raw in
                for entry in 0..<(count * width) {
                    stage.weights.append(Int16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: entry * 2, as: UInt16.self))))
                }
            }
            stages.append(stage)
        }
        var lexiconTables: [HashTable64] = []
        for _ in 0..<2 {
            let count = Int(try reader.u32())
            let keyBytes = try reader.take(count * 8)
            let valueBytes = try reader.take(count * 4)
            var table = HashTable64(minimumCapacity: count)
            keyBytes.withUnsafeBytes { keys in
                valueBytes.withUnsafeBytes { values in
                    for entry in 0..<count {
                        let key = UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: entry * 8, as: UInt64.self))
                        let value = UInt32(littleEndian: values.loadUnaligned(fromByteOffset: entry * 4, as: UInt32.self))
                        if key != 0 { table.set(key, value) }
                    }
                }
            }
            lexiconTables.append(table)
        }
        guard reader.offset == bytes.count - 8 else {
            throw EntityModelError.malformed(path: path, reason: "\(bytes.count - 8 - reader.offset) unexpected bytes before the checksum")
        }
        self.init(features: EntityFeatures(bits: bits),
                  lexicon: EntityLexicon(clusters: lexiconTables[0], gazetteer: lexiconTables[1]),
                  weights: CompactWeights(bits: bits, first: stages[0], second: stages[1]),
                  metadata: String(decoding: meta, as: UTF8.self))
    }

    /// Loads a model file.
    ///
    /// - Throws: ``EntityModelError/missing(path:)`` when there is no file, or the
    ///   errors of ``init(decoding:path:)``.
    public static func load(contentsOf url: URL) throws -> EntityModel {
        guard FileManager.default.fileExists(atPath: url.path) else { throw EntityModelError.missing(path: url.path) }
        let data = try Data(contentsOf: url)
        return try EntityModel(decoding: [UInt8](data), path: url.path)
    }
}

extension FeatureHash {
    /// Plain 64-bit FNV-1a of a byte sequence (the model file checksum).
    static func fnv<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
}

struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Reads `count` bytes and moves past them.
    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count - 8 else {
            throw EntityModelError.malformed(path: path, reason: "truncated at byte \(offset)")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func u32() throws -> UInt32 {
        let slice = try take(4)
        return UInt32(littleEndian: slice.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
    }
}
