import Testing
import SitrepCore

@Suite struct ByteSearchTests {
    @Test func findsTheFirstByteInTheRange() {
        let bytes: [UInt8] = Array("a<b<c".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(buffer.firstOffset(of: UInt8(ascii: "<"), from: 0, to: buffer.count) == 1)
            #expect(buffer.firstOffset(of: UInt8(ascii: "<"), from: 2, to: buffer.count) == 3)
            // The end bound is exclusive; an empty or reversed range finds nothing.
            #expect(buffer.firstOffset(of: UInt8(ascii: "<"), from: 2, to: 3) == nil)
            #expect(buffer.firstOffset(of: UInt8(ascii: "<"), from: 4, to: 4) == nil)
            #expect(buffer.firstOffset(of: UInt8(ascii: "z"), from: 0, to: buffer.count) == nil)
            // A range past the buffer is refused, not read.
            #expect(buffer.firstOffset(of: UInt8(ascii: "c"), from: 0, to: buffer.count + 8) == nil)
        }
        [UInt8]().withUnsafeBufferPointer { #expect($0.firstOffset(of: 0, from: 0, to: 0) == nil) }
    }
}
