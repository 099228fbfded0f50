import FuzzSupport
import SitrepServer

/// Fuzzes the API's query-string parser, `APIQuery`: splitting at `&` and
/// `=`, percent- and `+`-decoding, UTF-8 validation and the limits (the
/// standard ones, and tight ones for even-length inputs so that every limit
/// is reachable), then every typed accessor the controllers call. Checks that
/// an accepted query respects its limits.

private let limitSets: [APIQuery.Limits] = {
    var tight = APIQuery.Limits.standard
    tight.maxQueryBytes = 96
    tight.maxParameters = 4
    tight.maxValueBytes = 16
    return [tight, .standard]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 8 << 10) else { return -1 }
    // The server hands the parser the URI's query as a String.
    let raw = String(decoding: bytes, as: UTF8.self)
    let limits = limitSets[size % limitSets.count]
    let query: APIQuery
    do {
        query = try APIQuery(raw, limits: limits)
    } catch {
        precondition(error.status == 400, "APIQuery refused a query with status \(error.status)")
        return 0
    }
    precondition(query.values.count <= limits.maxParameters, "APIQuery kept \(query.values.count) parameters")
    for (key, value) in query.values {
        precondition(value.utf8.count <= limits.maxValueBytes, "APIQuery kept a \(value.utf8.count)-byte value for \(key)")
    }
    _ = try? query.eventQuery()
    _ = query.string("q")
    _ = try? query.integer("page", default: 1, in: 1...100)
    _ = try? query.date("day")
    _ = try? query.actorCode("actor")
    _ = try? query.eventCode("root")
    return 0
}

/// libFuzzer's driver, started from this target's own `main` (see `FuzzDriver`).
@main
enum FuzzAPIQuery {
    static func main() {
        FuzzDriver.run(fuzzAPIQuery)
    }
}
