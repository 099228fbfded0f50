import Foundation
import Testing
@testable import SitrepInputs

/// Three records as a crawler writes them: warcinfo, request, response.
private let sampleRecords: [[UInt8]] = [
    warcRecord(type: "warcinfo", uri: nil, contentType: "application/warc-fields", block: Array("software: fixture\r\n".utf8)),
    warcRecord(type: "request", contentType: "application/http; msgtype=request",
               block: Array("GET /ruritania/talks HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8)),
    responseRecord(httpResponse(body: articleHTML)),
]

@Suite struct WARCReaderTests {
    @Test func readsPlainRecordsWithTheirFieldsAndOffsets() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("crawl.warc", sampleRecords.flatMap { $0 })
        var reader = try WARCReader(path: path)
        let isGzip = reader.isGzip
        #expect(!isGzip)

        let info = try #require(try reader.next())
        #expect(info.type == "warcinfo")
        #expect(info.targetURI == nil)
        #expect(info.block == Array("software: fixture\r\n".utf8))
        #expect(info.location == InputLocation(path: path, record: 1, offset: 0))

        let request = try #require(try reader.next())
        #expect(request.type == "request")
        #expect(request.location.offset == sampleRecords[0].count)

        let response = try #require(try reader.next())
        #expect(response.type == "response")
        #expect(response.targetURI == "http://news.example/ruritania/talks")
        #expect(response.date == "2026-03-03T14:05:00Z")
        #expect(response.recordID == "<urn:uuid:00000000-0000-4000-8000-000000000001>")
        #expect(response.contentType == "application/http; msgtype=response")
        #expect(response.header("content-length") == String(response.block.count))
        #expect(response.location == InputLocation(path: path, record: 3, offset: sampleRecords[0].count + sampleRecords[1].count))

        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(reader.recordCount == 3)
    }

    @Test func readsOneGzipMemberPerRecordAndReportsMemberOffsets() throws {
        let directory = TemporaryDirectory()
        let members = sampleRecords.map { deflateBytes($0) }
        let path = directory.write("crawl.warc.gz", members.flatMap { $0 })
        var reader = try WARCReader(path: path)
        let isGzip = reader.isGzip
        #expect(isGzip)
        var memberOffset = 0
        for (index, member) in members.enumerated() {
            let record = try #require(try reader.next())
            #expect(record.block == Array(sampleRecords[index].dropLast(4).suffix(record.block.count)))
            #expect(record.location.memberOffset == memberOffset)
            memberOffset += member.count
        }
        #expect(try reader.next() == nil)
    }

    /// Streaming check: the same file read whole, in 16-byte chunks, plain,
    /// one member per record and gzipped as one member gives the same records.
    @Test(arguments: [16, 97, 256 << 10])
    func sameRecordsWhateverTheChunkSizeAndCompression(chunkBytes: Int) throws {
        let directory = TemporaryDirectory()
        let plain = sampleRecords.flatMap { $0 }
        let limits = WARCLimits(chunkBytes: chunkBytes)
        let expected = try readAll(directory.write("a.warc", plain))
        #expect(expected.count == 3)
        #expect(try readAll(directory.write("a.warc", plain), limits: limits) == expected)
        #expect(try readAll(directory.write("b.warc.gz", sampleRecords.flatMap { deflateBytes($0) }), limits: limits) == expected)
        #expect(try readAll(directory.write("c.warc.gz", deflateBytes(plain)), limits: limits) == expected)
    }

    @Test func detectsGzipByMagicNumberNotByName() throws {
        let directory = TemporaryDirectory()
        let plain = sampleRecords.flatMap { $0 }
        let gzipNamedPlain = try readAll(directory.write("looks-plain.warc", deflateBytes(plain)))
        let plainNamedGzip = try readAll(directory.write("looks-gzipped.warc.gz", plain))
        #expect(gzipNamedPlain.count == 3)
        #expect(gzipNamedPlain == plainNamedGzip)
    }

    @Test func acceptsWARC10AndAngleBracketedTargetURIs() throws {
        let directory = TemporaryDirectory()
        let record = warcRecord(type: "resource", uri: "<http://news.example/a>", block: Array("x".utf8), version: "1.0")
        var reader = try WARCReader(path: directory.write("old.warc", record))
        let read = try #require(try reader.next())
        #expect(read.targetURI == "http://news.example/a")
    }

    @Test func truncatedFinalRecordIsReportedAfterTheGoodOnes() throws {
        let directory = TemporaryDirectory()
        let plain = sampleRecords.flatMap { $0 }
        let cut = Array(plain.dropLast(100))
        let events = try readAll(directory.write("cut.warc", cut))
        #expect(events.count == 3)
        guard case .error(.truncated(let location, _)) = events[2] else {
            Issue.record("expected a truncation error, got \(events[2])")
            return
        }
        #expect(location.record == 3)
        #expect(location.offset == sampleRecords[0].count + sampleRecords[1].count)
    }

    @Test func truncatedGzipMemberIsReportedAfterTheGoodRecords() throws {
        let directory = TemporaryDirectory()
        let members = sampleRecords.map { deflateBytes($0) }
        let cut = Array((members[0] + members[1] + members[2]).dropLast(members[2].count / 2))
        let events = try readAll(directory.write("cut.warc.gz", cut))
        #expect(events.count == 3)
        guard case .error(.truncated(let location, _)) = events[2] else {
            Issue.record("expected a truncation error, got \(events[2])")
            return
        }
        #expect(location.memberOffset == members[0].count + members[1].count)
    }

    @Test func recordCutInsideItsHeaderIsTruncation() throws {
        let directory = TemporaryDirectory()
        let events = try readAll(directory.write("cut.warc", sampleRecords[0] + Array("WARC/1.1\r\nWARC-Type: resp".utf8)))
        #expect(events.count == 2)
        guard case .error(.truncated) = events[1] else {
            Issue.record("expected a truncation error, got \(events[1])")
            return
        }
    }

    @Test func garbageBetweenRecordsIsReportedAndSkipped() throws {
        let directory = TemporaryDirectory()
        let garbage = Array("this is not a record\r\nnor is WARC/1.0 in the middle of a line\r\n\r\n".utf8)
        let bytes = sampleRecords[0] + garbage + sampleRecords[1] + sampleRecords[2]
        let events = try readAll(directory.write("garbage.warc", bytes))
        #expect(events.count == 4)
        guard case .error(let error) = events[1], case .malformedRecord(let location, let reason) = error else {
            Issue.record("expected a malformed-record error, got \(events[1])")
            return
        }
        #expect(error.isRecoverable)
        #expect(location.offset == sampleRecords[0].count)
        #expect(reason.contains("after record 1"))
        #expect(events[2].isRecord("request"))
        #expect(events[3].isRecord("response"))
    }

    @Test func recordWithoutContentLengthIsSkippedToTheNextVersionLine() throws {
        let directory = TemporaryDirectory()
        let broken = Array("WARC/1.1\r\nWARC-Type: resource\r\n\r\nsome block\r\n\r\n".utf8)
        let events = try readAll(directory.write("broken.warc", broken + sampleRecords[2]))
        #expect(events.count == 2)
        guard case .error(.malformedRecord(let location, let reason)) = events[0] else {
            Issue.record("expected a malformed-record error, got \(events[0])")
            return
        }
        #expect(location.record == 1)
        #expect(reason.contains("no Content-Length"))
        #expect(events[1].isRecord("response"))
    }

    @Test func recordOverTheSizeLimitIsSkippedByItsLength() throws {
        let directory = TemporaryDirectory()
        let big = warcRecord(type: "resource", block: [UInt8](repeating: 0x41, count: 5000))
        let limits = WARCLimits(maxRecordBytes: 1000, chunkBytes: 512)
        let events = try readAll(directory.write("big.warc", sampleRecords[0] + big + sampleRecords[2]), limits: limits)
        #expect(events.count == 3)
        #expect(events[1] == .error(.recordTooLarge(InputLocation(path: directory.path + "/big.warc", record: 2, offset: sampleRecords[0].count),
                                                    bytes: 5000, limit: 1000)))
        #expect(events[2].isRecord("response"))
    }

    @Test func oversizedRecordInAFileGzippedAsOneMemberIsNotABomb() throws {
        let directory = TemporaryDirectory()
        let big = warcRecord(type: "resource", block: [UInt8](repeating: 0, count: 3 << 20))
        let path = directory.write("whole.warc.gz", deflateBytes(sampleRecords[0] + big + sampleRecords[2]))
        let limits = WARCLimits(maxRecordBytes: 1 << 20, maxDecompressedRecordBytes: 2 << 20, chunkBytes: 64 << 10)
        let events = try readAll(path, limits: limits)
        #expect(events.count == 3)
        #expect(events[1] == .error(.recordTooLarge(InputLocation(path: path, record: 2, offset: sampleRecords[0].count, memberOffset: 0),
                                                    bytes: 3 << 20, limit: 1 << 20)))
        #expect(events[2].isRecord("response"))
    }

    @Test func contentLengthTooShortLosesOnlyTheRestOfItsRecord() throws {
        let directory = TemporaryDirectory()
        let short = warcRecord(type: "resource", block: Array("0123456789abcdefghij".utf8), contentLength: 10)
        let events = try readAll(directory.write("short.warc", short + sampleRecords[2]))
        #expect(events.count == 3)
        #expect(events[0] == .record(type: "resource", uri: "http://news.example/ruritania/talks", block: Array("0123456789".utf8)))
        guard case .error(.malformedRecord(_, let reason)) = events[1] else {
            Issue.record("expected a malformed-record error, got \(events[1])")
            return
        }
        #expect(reason.contains("found \"abcdefghij\""))
        #expect(events[2].isRecord("response"))
    }

    @Test func fileThatIsNotWARCGivesOneErrorAndEnds() throws {
        let directory = TemporaryDirectory()
        let events = try readAll(directory.write("page.warc", articleHTML))
        #expect(events.count == 1)
        guard case .error(.malformedRecord(let location, let reason)) = events[0] else {
            Issue.record("expected a malformed-record error, got \(events[0])")
            return
        }
        #expect(location.offset == 0)
        #expect(reason.contains("at the start of the file"))
    }

    @Test func corruptGzipMemberCostsOnlyItsRecord() throws {
        let directory = TemporaryDirectory()
        var members = sampleRecords.map { deflateBytes($0) }
        // Damage the deflate data in the middle of the second member.
        let middle = members[1].count / 2
        for k in middle..<(middle + 8) { members[1][k] ^= 0x5A }
        let events = try readAll(directory.write("damaged.warc.gz", members.flatMap { $0 }))
        #expect(events.first?.isRecord("warcinfo") == true)
        #expect(events.last?.isRecord("response") == true)
        let errors = events.compactMap { event -> InputFormatError? in if case let .error(error) = event { error } else { nil } }
        #expect(!errors.isEmpty)
        let allRecoverable = errors.allSatisfy { $0.isRecoverable }
        #expect(allRecoverable)
        guard case .corruptGzip(let location, _) = errors.first else {
            Issue.record("expected a gzip error first, got \(errors)")
            return
        }
        #expect(location.memberOffset == members[0].count)
    }

    /// A member that inflates to 256 MiB of zeros stops with a clear error at
    /// the 1 MiB limit, after the good records, without growing memory.
    ///
    /// The peak is the whole test process's, and other suites run beside this
    /// one (loading the syntax and entity models, building stores): the budget,
    /// 96 MiB, leaves them room and still fails a reader that inflates the bomb.
    @Test func gzipBombStopsAtTheLimitWithBoundedMemory() throws {
        let directory = TemporaryDirectory()
        let bomb = gzipZeros(count: 256 << 20)
        let bytes = deflateBytes(sampleRecords[0]) + bomb + deflateBytes(sampleRecords[2])
        let path = directory.write("bomb.warc.gz", bytes)
        let limits = WARCLimits(maxDecompressedRecordBytes: 1 << 20, chunkBytes: 64 << 10)
        let peakBefore = peakResidentBytes()
        let events = try readAll(path, limits: limits)
        let growth = peakResidentBytes() - peakBefore
        #expect(events.first?.isRecord("warcinfo") == true)
        guard case .error(.decompressionLimit(let location, let limit)) = events.last else {
            Issue.record("expected the decompression limit error last, got \(String(describing: events.last))")
            return
        }
        #expect(limit == 1 << 20)
        #expect(location.memberOffset == deflateBytes(sampleRecords[0]).count)
        // Sanitized builds (scripts/sanitize.sh) keep freed memory in quarantine
        // and pad every allocation: their budget scales.
        let scale = ProcessInfo.processInfo.environment["SITREP_TEST_BUDGET_SCALE"].flatMap(Double.init).map { max($0, 1) } ?? 1
        #expect(Double(growth) < Double(96 << 20) * scale, "peak memory grew by \(growth) bytes")
    }

    @Test func emptyFileIsAnError() throws {
        let directory = TemporaryDirectory()
        var reader = try WARCReader(path: directory.write("empty.warc", []))
        #expect(throws: InputFormatError.empty(origin: directory.path + "/empty.warc")) { try reader.next() }
        #expect(try reader.next() == nil)
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: InputFormatError.unreadable(path: "/nonexistent/crawl.warc", reason: "No such file or directory")) {
            _ = try WARCReader(path: "/nonexistent/crawl.warc")
        }
    }

    @Test func errorMessagesNameFileRecordAndOffset() {
        let location = InputLocation(path: "crawl.warc.gz", record: 7, offset: 1234, memberOffset: 567)
        #expect(InputFormatError.truncated(location, detail: "Content-Length is 10 bytes but the input ends after 4").description
            == "crawl.warc.gz: record 7 at byte 1234 (gzip member at byte 567): truncated: Content-Length is 10 bytes but the input ends after 4; the file was probably cut short while it was being copied or written")
    }
}

@Suite struct InputFileTests {
    @Test func inflatesConcatenatedMembersAndSkipsZeroPadding() throws {
        let directory = TemporaryDirectory()
        let parts = [Array("first member\n".utf8), Array("second member\n".utf8)]
        let path = directory.write("two.gz", deflateBytes(parts[0]) + deflateBytes(parts[1]) + [0, 0, 0, 0])
        var file = try InputFile(path: path, chunkBytes: 16)
        var bytes: [UInt8] = []
        while try file.read(appendingTo: &bytes) {}
        #expect(bytes == parts[0] + parts[1])
        #expect(file.offset == bytes.count)
    }

    @Test func perMemberLimitStopsABombOutsideWARC() throws {
        let directory = TemporaryDirectory()
        var file = try InputFile(path: directory.write("bomb.gz", gzipZeros(count: 8 << 20)), chunkBytes: 4096, maxDecompressedBytes: 1 << 20)
        var bytes: [UInt8] = []
        var caught: InputFormatError?
        do {
            while try file.read(appendingTo: &bytes) { bytes.removeAll(keepingCapacity: true) }
        } catch {
            caught = error
        }
        guard case .decompressionLimit(_, 1 << 20) = caught else {
            Issue.record("expected the decompression limit, got \(String(describing: caught))")
            return
        }
        #expect(file.offset <= 1 << 20)
    }

    @Test func oneShotGunzip() throws {
        let text = Array(String(repeating: "Ruritania ", count: 1000).utf8)
        #expect(try Gzip.decompress(deflateBytes(text) + deflateBytes(text), origin: "memory") == text + text)
        #expect(throws: InputFormatError.decompressionLimit(InputLocation(path: "memory", offset: 0), limit: 100)) {
            try Gzip.decompress(deflateBytes(text), limit: 100, origin: "memory")
        }
        #expect(throws: InputFormatError.truncated(InputLocation(path: "memory", offset: 0), detail: "the gzip data ends inside a member")) {
            try Gzip.decompress(Array(deflateBytes(text).dropLast(10)), origin: "memory")
        }
    }
}

extension WARCEvent {
    func isRecord(_ type: String) -> Bool {
        if case .record(type, _, _) = self { true } else { false }
    }
}
