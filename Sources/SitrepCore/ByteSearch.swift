#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding one byte in a run of bytes with the C library's `memchr`, which
/// reads a machine word or a vector register at a time: the scans that use
/// it cross whole pages (script bodies, every line of an input file) looking
/// for a byte that is rare in them.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` in `self[from..<end]`, or nil.
    @inline(__always)
    public func firstOffset(of byte: UInt8, from: Int, to end: Int) -> Int? {
        guard from >= 0, from < end, end <= count, let base = baseAddress,
              let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
}
