import Foundation
import Testing
@testable import SitrepCLI

/// Writes `bytes` to a temporary file and returns an open descriptor on it.
func temporaryDescriptor(_ bytes: [UInt8]) throws -> Int32 {
    let path = scratchPath()
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    let fd = open(path, O_RDONLY)
    unlink(path)
    #expect(fd >= 0)
    return fd
}

private func readAll(_ bytes: [UInt8], chunkSize: Int, maxLineBytes: Int = 1 << 20) throws -> [String] {
    let fd = try temporaryDescriptor(bytes)
    defer { close(fd) }
    var reader = LineReader(fd: fd, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
    var lines: [String] = []
    while let line = try reader.readLine() {
        switch line {
        case let .text(bytes): lines.append(String(decoding: bytes, as: UTF8.self))
        case let .oversized(count): lines.append("<oversized \(count)>")
        }
    }
    return lines
}

@Suite struct LineReaderTests {
    static let input = Array("{\"id\":1}\r\n\n{\"id\":\"é😀\"}\nlast line without newline".utf8)

    /// NIO's verifier idea: the same stream fed whole, in small chunks and byte by byte.
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func dripFeedGivesTheSameLines(chunkSize: Int) throws {
        #expect(try readAll(Self.input, chunkSize: chunkSize) == ["{\"id\":1}", "", "{\"id\":\"é😀\"}", "last line without newline"])
    }

    @Test(arguments: [1, 5, 4096])
    func skipsOversizedLinesWithoutBufferingThem(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 5000)
        let input = Array("short\n\(long)\nafter\n\(long)".utf8)
        #expect(try readAll(input, chunkSize: chunkSize, maxLineBytes: 100) == ["short", "<oversized 5000>", "after", "<oversized 5000>"])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try readAll([], chunkSize: 16).isEmpty)
        #expect(try readAll(Array("\n".utf8), chunkSize: 16) == [""])
    }
}
