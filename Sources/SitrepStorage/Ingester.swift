import SitrepCore

/// One document to ingest: an interchange input plus what the source tells
/// about it beyond the contract (`title`, `source`).
public struct IngestItem: Sendable {
    public var id: String
    public var input: DocumentInput
    public var url: String?
    public var published: String?
    /// A title given with the input (the corpus's `title` field); used when
    /// extraction finds none.
    public var title: String?
    /// The outlet or feed (`source` field).
    public var source: String?

    public init(id: String, input: DocumentInput, url: String? = nil, published: String? = nil, title: String? = nil, source: String? = nil) {
        self.id = id
        self.input = input
        self.url = url
        self.published = published
        self.title = title
        self.source = source
    }

    /// The hash of everything the item brings (input, title, URL): equal
    /// hashes mean the pipeline would produce the same article.
    public var inputHash: String {
        SHA256.hex(PreparedArticle.inputHash(of: input) + "\n" + (title ?? "") + "\n" + (url ?? ""))
    }

    /// Reads one JSON line of the interchange input format, plus the optional
    /// string fields `title` and `source`.
    ///
    /// - Throws: ``SitrepCore/InterchangeError`` with its stable code.
    public init<C: Collection>(jsonLine line: C) throws(InterchangeError) where C.Element == UInt8 {
        if let bad = UTF8Validation.firstInvalidOffset(Array(line)) { throw .invalidUTF8(at: bad) }
        let value: JSONValue
        do {
            value = try JSONReader.read(line)
        } catch let error as JSONReadError {
            throw .invalidJSON(error)
        } catch {
            throw InterchangeError(code: "SR-IN-002", message: "\(error)")
        }
        let request = try InterchangeRequest.parse(value)
        func optionalString(_ name: String) throws(InterchangeError) -> String? {
            guard let field = value[name], !field.isNull else { return nil }
            guard let string = field.stringValue else { throw .badField(name, expected: "a string", found: field) }
            return string
        }
        self.init(id: request.idString, input: request.input, url: request.url, published: request.published,
                  title: try optionalString("title"), source: try optionalString("source"))
    }
}

/// What ingesting one item did.
public enum IngestResult: Sendable, Equatable {
    /// Stored as the first article of a new story.
    case stored(articleID: Int64, storyID: Int64)
    /// Stored, and joined the story of a near-duplicate.
    case nearDuplicate(articleID: Int64, storyID: Int64, of: Int64, similarity: Double)
    /// Not stored: the same input, URL or content was stored before.
    case duplicate(of: Int64)
}

/// Runs the pipeline on each item and stores the result: the body of `sitrep ingest`.
///
/// Idempotent: an item whose raw input was stored before is recognised by its
/// input hash without running the pipeline; after the pipeline, the store
/// refuses an article with a stored URL or content hash.
public struct Ingester: Sendable {
    public let store: any Store
    public let pipeline: Pipeline
    public let minhash: MinHash

    public init(store: any Store, pipeline: Pipeline, settings: DeduplicationSettings = .standard) {
        self.store = store
        self.pipeline = pipeline
        self.minhash = MinHash(settings: settings)
    }

    /// Ingests one item.
    ///
    /// - Throws: ``SitrepCore/PipelineError`` when a stage fails, or the store's error.
    public func ingest(_ item: IngestItem) async throws -> IngestResult {
        let inputHash = item.inputHash
        if let existing = try await store.articleID(inputHash: inputHash) {
            return .duplicate(of: existing)
        }
        let doc = try pipeline.run(item.input, id: item.id, published: item.published, url: item.url)
        let prepared = PreparedArticle(doc, inputHash: inputHash, title: item.title, source: item.source, minhash: minhash)
        switch try await store.store(prepared) {
        case let .duplicate(of: id):
            return .duplicate(of: id)
        case let .stored(articleID, storyID, nearDuplicateOf?, similarity):
            return .nearDuplicate(articleID: articleID, storyID: storyID, of: nearDuplicateOf, similarity: similarity ?? 0)
        case let .stored(articleID, storyID, nil, _):
            return .stored(articleID: articleID, storyID: storyID)
        }
    }
}

/// Opens the store a `--database` value names: a `postgres://` or
/// `postgresql://` URL, else an SQLite file path.
public enum StoreLocation {
    public static func isPostgresURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }
}
