import FuzzSupport
import SitrepInputs

/// Fuzzes the feed reader: `FeedReader.looksLikeFeed` (the sniffing
/// `sitrep ingest` does) and `FeedReader.read` — libxml2's XML parse with
/// entities refused, then the RSS 2.0, RSS 1.0 and Atom readers, text
/// cleaning, dates and links. Checks that every item has an id (a guid,
/// Atom id, link or a synthesized one).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 128 << 10) else { return -1 }
    _ = FeedReader.looksLikeFeed(bytes)
    let feed: Feed
    do {
        feed = try FeedReader.read(bytes, origin: "fuzz.xml")
    } catch {
        return 0  // refusing a document is a valid outcome
    }
    for item in feed.items {
        precondition(!item.id.isEmpty, "a feed item has an empty id")
    }
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzFeed {
    static func main() {
        FuzzDriver.run(fuzzFeed)
    }
}
