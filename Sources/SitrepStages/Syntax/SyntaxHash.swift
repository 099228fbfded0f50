/// Integer feature hashing for the tagger and parser.
///
/// Every feature is a template number plus up to three 64-bit atoms (word hashes,
/// tag ids, labels, distances), mixed into one 64-bit value; the top bits pick a
/// row of a flat weight table. Nothing here allocates.
@usableFromInline
enum SyntaxHash {
    /// FNV-1a over bytes, then a final mix; used for word forms and affixes.
    @inlinable
    static func bytes(_ base: UnsafePointer<UInt8>, _ count: Int, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for index in 0..<count {
            hash ^= UInt64(base[index])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    /// The SplitMix64 finalizer.
    @inlinable
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// A feature from a template id and up to three atoms.
    @inlinable
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        var x = mix(template &* 0x9E37_79B9_7F4A_7C15 &+ a)
        x = mix(x ^ (b &* 0xD6E8_FEB8_6659_FD93))
        return mix(x ^ (c &* 0xA076_1D64_78BD_642F))
    }
}

/// A deterministic random generator (SplitMix64), so training is reproducible.
struct SyntaxRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SyntaxHash.mix(state)
    }
    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Per-word atoms computed once per sentence from the word's UTF-8 bytes.
struct SyntaxWord {
    /// Lowercased form with digits mapped to 0.
    var lower: UInt64 = 0
    /// The exact form.
    var form: UInt64 = 0
    var prefix1: UInt64 = 0, prefix2: UInt64 = 0, prefix3: UInt64 = 0
    var suffix1: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    /// Compressed character-class shape ("Xx", "d.d", ...).
    var shape: UInt64 = 0
    /// Bit flags: 1 capitalized, 2 all caps, 4 has digit, 8 has hyphen, 16 has letter.
    var flags: UInt64 = 0
    /// A form of "be", "have" or "get", which make the next verbs participles.
    var auxiliary = false

    /// ``lower`` of the forms of "be", "have" and "get" (and their contractions).
    static let auxiliaryForms: Set<UInt64> = Set([
        "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
        "have", "has", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting",
    ].map(lowerKey))

    /// ``lower`` of a lower-case word without digits, for tables of words.
    static func lowerKey(_ form: String) -> UInt64 {
        Array(form.utf8).withUnsafeBufferPointer { SyntaxHash.bytes($0.baseAddress!, $0.count, seed: 2) }
    }

    /// ``suffix1`` of a word whose last byte is `ending` (lower case).
    static func suffix1Key(_ ending: String) -> UInt64 {
        Array(ending.utf8).withUnsafeBufferPointer { SyntaxHash.bytes($0.baseAddress!, min(1, $0.count), seed: 6) }
    }

    /// ``suffix2`` of a word whose last two bytes are `ending` (lower case).
    static func suffix2Key(_ ending: String) -> UInt64 {
        Array(ending.utf8).withUnsafeBufferPointer { SyntaxHash.bytes($0.baseAddress!, min(2, $0.count), seed: 7) }
    }

    /// Atoms of one word, from its bytes. `scratch` must hold at least `count` bytes.
    init(_ base: UnsafePointer<UInt8>, _ count: Int, scratch: UnsafeMutablePointer<UInt8>) {
        var shapeHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var lastClass: UInt8 = 0
        var flags: UInt64 = 0
        for index in 0..<count {
            var byte = base[index]
            let cls: UInt8
            switch byte {
            case 0x41...0x5A: cls = 88; if index == 0 { flags |= 1 }; flags |= 16; byte |= 0x20
            case 0x61...0x7A: cls = 120; flags |= 16
            case 0x30...0x39: cls = 100; flags |= 4; byte = 0x30
            case 0x2D: cls = 45; flags |= 8
            case 0x80...0xFF: cls = 117
            default: cls = byte
            }
            scratch[index] = byte
            if cls != lastClass {
                shapeHash = (shapeHash ^ UInt64(cls)) &* 0x0000_0100_0000_01B3
                lastClass = cls
            }
        }
        var allCaps = count > 0
        for index in 0..<count where !(0x41...0x5A).contains(base[index]) && (0x61...0x7A).contains(base[index]) { allCaps = false; break }
        if allCaps && flags & 16 != 0 { flags |= 2 }
        self.flags = flags
        shape = SyntaxHash.mix(shapeHash)
        form = SyntaxHash.bytes(base, count, seed: 1)
        let lowered = UnsafePointer(scratch)
        lower = SyntaxHash.bytes(lowered, count, seed: 2)
        // The longest form is seven bytes ("getting"): longer words skip the lookup.
        auxiliary = count <= 7 && Self.auxiliaryForms.contains(lower)
        prefix1 = SyntaxHash.bytes(lowered, min(1, count), seed: 3)
        prefix2 = SyntaxHash.bytes(lowered, min(2, count), seed: 4)
        prefix3 = SyntaxHash.bytes(lowered, min(3, count), seed: 5)
        suffix1 = SyntaxHash.bytes(lowered + max(0, count - 1), min(1, count), seed: 6)
        suffix2 = SyntaxHash.bytes(lowered + max(0, count - 2), min(2, count), seed: 7)
        suffix3 = SyntaxHash.bytes(lowered + max(0, count - 3), min(3, count), seed: 8)
        suffix4 = SyntaxHash.bytes(lowered + max(0, count - 4), min(4, count), seed: 9)
    }

    init() {}

    /// Atoms of the words of a sentence given as strings.
    static func words(_ forms: [String]) -> [SyntaxWord] {
        var result: [SyntaxWord] = []
        result.reserveCapacity(forms.count)
        var scratch = [UInt8](repeating: 0, count: 64)
        for var form in forms {
            form.withUTF8 { buffer in
                if scratch.count < buffer.count { scratch = [UInt8](repeating: 0, count: buffer.count) }
                scratch.withUnsafeMutableBufferPointer { out in
                    result.append(SyntaxWord(buffer.baseAddress ?? UnsafePointer(out.baseAddress!), buffer.count, scratch: out.baseAddress!))
                }
            }
        }
        return result
    }
}
