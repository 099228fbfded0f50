import Foundation
import SitrepCore
import SitrepStages
import Testing
@testable import SitrepStorage

@Suite("Ingest")
struct IngestTests {
    static func items() -> [IngestItem] {
        [
            IngestItem(id: "wire", input: .cleanText(Hay.wire), url: "https://example.test/wire", published: "2026-03-03",
                       title: "Ruritania detains Fenwick fishermen", source: "Example Wire"),
            IngestItem(id: "retitled", input: .cleanText(Hay.wire), published: "2026-03-03",
                       title: "Eleven fishermen held in Strelsau", source: "Syndicate"),
            IngestItem(id: "extended", input: .cleanText(Hay.wireWithTrailingParagraph), published: "2026-03-04", source: "Syndicate"),
            IngestItem(id: "harvest", input: .scrapedText(Hay.otherStory), published: "2026-03-05"),
        ]
    }

    @Test("ingesting the same items twice stores each article once", arguments: Backend.available)
    func idempotent(backend: Backend) async throws {
        try await backend.withStore { store in
            let ingester = Ingester(store: store, pipeline: try StandardPipeline.make())
            var first: [IngestResult] = []
            for item in Self.items() { first.append(try await ingester.ingest(item)) }
            #expect(first.filter { if case .duplicate = $0 { true } else { false } }.isEmpty)
            #expect(first.filter { if case .nearDuplicate = $0 { true } else { false } }.count == 2)
            let before = try await store.stats()
            #expect((before.articles, before.stories) == (4, 2))

            for item in Self.items() {
                let again = try await ingester.ingest(item)
                guard case .duplicate = again else { Issue.record("\(item.id) stored twice: \(again)"); continue }
            }
            #expect(try await store.stats() == before)
            // Stored articles carry the pipeline's provenance.
            let article = try #require(try await store.article(id: 1))
            #expect(article.provenance.contains("\"stage\":\"sentences\""))
            #expect(article.source == "Example Wire")
        }
    }

    @Test("a JSON line with extra fields is read; a bad one is refused with its code")
    func jsonLines() throws {
        let item = try IngestItem(jsonLine: Array(#"{"id": 7, "text": "Body.", "title": "T", "source": "S", "published": null, "places": ["x"]}"#.utf8))
        #expect(item.id == "7")
        #expect(item.title == "T")
        #expect(item.source == "S")
        #expect(item.input == .scrapedText("Body."))
        #expect(throws: InterchangeError.self) { try IngestItem(jsonLine: Array(#"{"id": 1}"#.utf8)) }
        do {
            _ = try IngestItem(jsonLine: Array(#"{"id": 1, "text": "x", "title": 3}"#.utf8))
            Issue.record("a numeric title was accepted")
        } catch {
            #expect(error.code == "SR-IN-005")
        }
    }
}

@Suite("Deduplication")
struct DeduplicationTests {
    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("signatures estimate Jaccard similarity")
    func signatures() throws {
        let minhash = MinHash()
        let wire = try #require(minhash.signature(of: Hay.wire))
        #expect(wire.count == DeduplicationSettings.standard.hashCount)
        #expect(MinHash.similarity(wire, try #require(minhash.signature(of: Hay.wire.uppercased()))) == 1, "case is ignored")
        let extended = try #require(minhash.signature(of: Hay.wireWithTrailingParagraph))
        #expect(MinHash.similarity(wire, extended) > 0.7)
        let other = try #require(minhash.signature(of: Hay.otherStory))
        #expect(MinHash.similarity(wire, other) < 0.1)
        #expect(MinHash.decode(MinHash.encode(wire)) == wire)
        #expect(minhash.signature(of: "Too short to compare.") == nil)
        // Band keys are stable across processes: fixed seeds, not Swift's Hasher.
        #expect(minhash.bandKeys(of: wire).map(\.hash) == MinHash().bandKeys(of: wire).map(\.hash))
        #expect(Set(minhash.bandKeys(of: wire).map(\.hash)).count == DeduplicationSettings.standard.bands)
    }

    @Test("the best match is the most similar candidate over the threshold")
    func bestMatch() {
        let settings = DeduplicationSettings.standard
        let base = [UInt32](0..<UInt32(settings.hashCount))
        var close = base; for i in 0..<20 { close[i] = 9_999 }
        var far = base; for i in 0..<100 { far[i] = 9_999 }
        let candidates = [NearDuplicateCandidate(articleID: 1, storyID: 1, signature: far),
                          NearDuplicateCandidate(articleID: 2, storyID: 2, signature: close)]
        let match = NearDuplicateDetector.bestMatch(for: base, among: candidates, settings: settings)
        #expect(match?.candidate.articleID == 2)
        #expect(NearDuplicateDetector.bestMatch(for: base, among: [candidates[0]], settings: settings) == nil)
    }
}

@Suite("Schema")
struct SchemaTests {
    /// A sample of each record, to read its columns from its coding keys.
    static let recordColumns: [String: [String]] = {
        func names<R: Encodable>(_ record: R) -> [String] { RecordCoding.columns(of: record).map(\.name) }
        return [
            StoryRecord.table: names(StoryRecord(id: 1, key: "", title: nil, published: nil, articleCount: 0, createdAt: "")),
            ArticleRecord.table: names(ArticleRecord(id: 1, storyID: 1, externalID: "", url: nil, contentHash: "", inputHash: "",
                                                     minhash: nil, nearDuplicateOf: nil, similarity: nil, source: nil, title: nil,
                                                     byline: nil, published: nil, language: nil, text: "", metadata: "", provenance: "",
                                                     ingestedAt: "")),
            EntityRecord.table: names(EntityRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "", type: "PER")),
            ActorRecord.table: names(ActorRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "", code: "")),
            TimeRecord.table: names(TimeRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "", type: "DATE", value: nil, flags: "")),
            PlaceRecord.table: names(PlaceRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "")),
            QuoteRecord.table: names(QuoteRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "")),
            QuantityRecord.table: names(QuantityRecord(id: 1, articleID: 1, startByte: 0, endByte: 0, text: "", value: nil, approximate: false)),
            EventRecord.table: names(EventRecord(id: 1, source: "", target: "", rootCode: "", eventDate: "", place: "", code: "",
                                                 mentionCount: 0, articleCount: 0, sourceCount: 0)),
            EventMentionRecord.table: names(EventMentionRecord(id: 1, eventID: 1, articleID: 1, code: "", startByte: 0, endByte: 0,
                                                               evidence: "", confidence: 0, flags: "")),
            LSHBandRecord.table: names(LSHBandRecord(articleID: 1, band: 0, hash: 0)),
            QueueRecord.table: names(QueueRecord(id: 1, inputHash: "", item: "", origin: "", status: "pending", attempts: 0,
                                                 leaseToken: nil, leaseExpiresMs: nil, worker: nil, outcome: nil, articleID: nil,
                                                 error: nil, enqueuedAt: "", finishedAt: nil)),
        ]
    }()

    @Test("the SQLite schema has one table per record, with the record's columns", arguments: [Backend.sqliteInMemory, .sqliteFile])
    func sqliteMatchesRecords(backend: Backend) async throws {
        try await backend.withStore { store in
            let schema = try await store.schemaColumns()
            #expect(Set(schema.keys) == Set(Tables.all))
            for (table, columns) in Self.recordColumns {
                #expect(schema[table] == columns, "table \(table)")
            }
        }
    }

    @Test("PostgreSQL and SQLite have the same tables and columns", .enabled(if: Backend.postgresURL != nil, "SITREP_TEST_POSTGRES_URL is not set"))
    func postgresMatchesSQLite() async throws {
        let sqlite = try await Backend.sqliteInMemory.withStore { try await $0.schemaColumns() }
        let postgres = try await Backend.postgres.withStore { try await $0.schemaColumns() }
        #expect(postgres == sqlite)
    }

    @Test("migrations have unique names, and migrating again changes nothing", arguments: [Backend.sqliteFile] + (Backend.postgresURL == nil ? [] : [.postgres]))
    func migrationsAreIdempotent(backend: Backend) async throws {
        #expect(Set(Migrations.all.map(\.name)).count == Migrations.all.count)
        for dialect in SQLDialect.allCases {
            for migration in Migrations.all {
                let rendered = migration.statements(for: dialect).joined()
                #expect(!rendered.contains("{"), "\(migration.name) has an unrendered placeholder for \(dialect)")
            }
        }
        try await backend.withStore { store in
            let before = try await store.schemaColumns()
            try await store.migrate()
            #expect(try await store.schemaColumns() == before)
        }
    }

    @Test("a store written before v4 opens migrated: old rows keep NULL kinds and links, new rows get them")
    func upgradesFromVersion3() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.db").path
        let v3 = Array(Migrations.all.prefix { $0.name != "v4-quote-kind-and-quantity-event" })
        #expect(v3.count == Migrations.all.count - 1)

        let old = try await SQLiteStore(path: path, settings: .standard, migrations: v3)
        try await old.transaction([
            SQLStatement("INSERT INTO stories (key, article_count, created_at) VALUES ('k', 1, '2026-01-01T00:00:00Z')"),
            SQLStatement("""
                INSERT INTO articles (story_id, external_id, content_hash, input_hash, text, metadata, provenance, ingested_at)
                VALUES (1, 'old', 'c', 'i', 'He said "no" to 3 offers.', '{}', '[]', '2026-01-01T00:00:00Z')
                """),
            SQLStatement("INSERT INTO quotes (article_id, start_byte, end_byte, text) VALUES (1, 8, 12, '\"no\"')"),
            SQLStatement("INSERT INTO quantities (article_id, start_byte, end_byte, text, value, approximate) VALUES (1, 16, 24, '3 offers', 3, 0)"),
        ])
        #expect(try await old.schemaColumns()[QuoteRecord.table]?.contains("kind") == false)
        try await old.close()

        let store = try await SQLiteStore(path: path)
        let layers = try await store.layers(articleID: 1)
        #expect(layers.quotes.map(\.text) == ["\"no\""])
        #expect(layers.quotes.map(\.kind) == [nil])
        #expect(layers.quantities.map(\.eventOrdinal) == [nil])
        #expect(try await store.check() == [])
        var doc = DocumentBuilder.document(id: "new", text: Hay.wire, title: "T")
        doc.quotes = [Quote(span: DocumentBuilder.span(of: "detained", in: Hay.wire), speaker: nil, cue: nil, kind: .partial)]
        guard case let .stored(id, _, _, _) = try await store.store(DocumentBuilder.prepared(doc)) else { Issue.record("not stored"); return }
        #expect(try await store.layers(articleID: id).quotes.map(\.kind) == ["partial"])
        try await store.close()
    }

    @Test("the schema refuses rows that break its constraints", arguments: [Backend.sqliteInMemory] + (Backend.postgresURL == nil ? [] : [.postgres]))
    func constraints(backend: Backend) async throws {
        try await backend.withStore { store in
            let backend = try #require(store as? any SQLBackend)
            // An entity whose end is before its start, and one for an article that does not exist.
            let doc = DocumentBuilder.document(id: "c", text: Hay.wire, title: "T")
            _ = try await store.store(DocumentBuilder.prepared(doc))
            await #expect(throws: (any Error).self) {
                try await backend.transaction([RecordCoding.insert(EntityRecord(id: nil, articleID: 1, startByte: 5, endByte: 2, text: "x", type: "PER"), into: EntityRecord.table)])
            }
            await #expect(throws: (any Error).self) {
                try await backend.transaction([RecordCoding.insert(EntityRecord(id: nil, articleID: 999, startByte: 0, endByte: 2, text: "x", type: "PER"), into: EntityRecord.table)])
            }
            await #expect(throws: (any Error).self) {
                try await backend.transaction([RecordCoding.insert(EntityRecord(id: nil, articleID: 1, startByte: 0, endByte: 2, text: "x", type: "PERSON"), into: EntityRecord.table)])
            }
            #expect(try await store.stats().entities == 0)
        }
    }
}

@Suite("GDELT export")
struct GDELTExportTests {
    @Test("an event becomes 61 tab-separated columns in the GDELT 2.0 order")
    func columns() {
        let event = EventRecord(id: 42, source: "RURBOR", target: "GFWCIV", rootCode: "17", eventDate: "2026-03-03", place: "999001",
                                code: "173", label: "arrest", placeName: "Strel\tsau", country: "RU", latitude: 45.1, longitude: 19.8,
                                mentionCount: 4, articleCount: 3, sourceCount: 2, firstArticleID: 1)
        let line = GDELTRow.line(for: StoredEvent(event: event, firstURL: "https://example.test/a", firstTitle: "T",
                                                  firstIngestedAt: "2026-03-04T10:04:05Z"))
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(GDELTRow.columns.count == 61)
        #expect(fields.count == 61)
        func field(_ name: String) -> String { fields[GDELTRow.columns.firstIndex(of: name)!] }
        #expect(field("GLOBALEVENTID") == "42")
        #expect(field("SQLDATE") == "20260303")
        #expect(field("MonthYear") == "202603")
        #expect(field("Actor1Code") == "RURBOR")
        #expect(field("Actor2Code") == "GFWCIV")
        #expect(field("EventCode") == "173")
        #expect(field("EventBaseCode") == "173")
        #expect(field("EventRootCode") == "17")
        #expect(field("QuadClass") == "4")
        #expect(field("GoldsteinScale") == "")
        #expect((field("NumMentions"), field("NumSources"), field("NumArticles")) == ("4", "2", "3"))
        #expect(field("ActionGeo_FullName") == "Strel sau", "tabs in values become spaces")
        #expect(field("ActionGeo_FeatureID") == "999001")
        #expect(field("DATEADDED") == "20260304100405")
        #expect(fields.last == "https://example.test/a")
        #expect(GDELTRow.columns[0] == "GLOBALEVENTID" && GDELTRow.columns[26] == "EventCode" && GDELTRow.columns[59] == "DATEADDED")
    }
}
