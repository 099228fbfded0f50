/// Stable 64-bit hashing of bytes and feature keys for the entity tagger.
///
/// Swift's `Hasher` is seeded per process, so model files use their own hash:
/// FNV-1a over the bytes, finished with the splitmix64 mixer. The functions take
/// bytes and integers only, so the hot path allocates no `String`s.
enum FeatureHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a step.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// splitmix64 finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hash of a byte sequence; never 0 (0 marks empty slots in ``HashTable64``).
    @inline(__always)
    static func bytes<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, byte) }
        return finish(hash)
    }

    /// Finishes an FNV state into a non-zero key.
    @inline(__always)
    static func finish(_ state: UInt64) -> UInt64 {
        let hash = mix(state)
        return hash == 0 ? 1 : hash
    }

    /// Combines a running key with the next part (for phrases and n-grams).
    @inline(__always)
    static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        let hash = mix(seed &* 0x0000_0100_0000_01B3 ^ value)
        return hash == 0 ? 1 : hash
    }

    /// Hash of a string's UTF-8 bytes (for building tables, not for the hot path).
    static func string(_ text: String) -> UInt64 {
        bytes(text.utf8)
    }
}

/// An open-addressing table from non-zero 64-bit keys to 32-bit values, with linear
/// probing and a power-of-two capacity kept at most half full.
///
/// - Complexity: O(1) expected per lookup; 12 bytes per slot.
struct HashTable64: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var mask: Int

    init(minimumCapacity: Int) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The value stored for `key`, or `nil`.
    @inline(__always)
    func get(_ key: UInt64) -> UInt32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, or merges it into the stored value with `combine`.
    mutating func set(_ key: UInt64, _ value: UInt32, combine: (UInt32, UInt32) -> UInt32 = { $1 }) {
        precondition(key != 0, "HashTable64 keys are non-zero")
        if count * 2 >= keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key {
                values[slot] = combine(values[slot], value)
                return
            }
            if found == 0 {
                keys[slot] = key
                values[slot] = value
                count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// The stored entries, sorted by key (a deterministic order for model files).
    func sortedEntries() -> [(key: UInt64, value: UInt32)] {
        var entries: [(key: UInt64, value: UInt32)] = []
        entries.reserveCapacity(count)
        for slot in keys.indices where keys[slot] != 0 { entries.append((keys[slot], values[slot])) }
        return entries.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let old = sortedEntries()
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
        for entry in old { set(entry.key, entry.value) }
    }
}
