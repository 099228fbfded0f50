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

    /// A pipe with one line written and nothing more: the reader says a line is
    /// ready, hands it out, and then says the next would wait, without blocking.
    @Test func knowsWhetherTheNextLineWouldWait() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let first = Array("{\"id\":1}\n{\"id\":".utf8)
        #expect(write(fds[1], first, first.count) == first.count)
        var reader = LineReader(fd: fds[0], maxLineBytes: 1 << 20, chunkSize: 64)
        guard case let .text(line)? = try reader.readLine() else { Issue.record("no first line"); return }
        #expect(String(decoding: line, as: UTF8.self) == "{\"id\":1}")
        let readyAfterFirst = reader.hasBufferedLine()
        #expect(!readyAfterFirst)
        let rest = Array("2}\nlast".utf8)
        #expect(write(fds[1], rest, rest.count) == rest.count)
        close(fds[1])
        guard case let .text(second)? = try reader.readLine() else { Issue.record("no second line"); return }
        #expect(String(decoding: second, as: UTF8.self) == "{\"id\":2}")
        guard case let .text(last)? = try reader.readLine() else { Issue.record("no last line"); return }
        #expect(String(decoding: last, as: UTF8.self) == "last")
        let readyAtEnd = reader.hasBufferedLine()
        #expect(readyAtEnd)
        let end = try reader.readLine()
        #expect(end == nil)
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try readAll([], chunkSize: 16).isEmpty)
        #expect(try readAll(Array("\n".utf8), chunkSize: 16) == [""])
    }
}
