import Foundation

/// The web UI's files and the OpenAPI document, read once from the target's
/// resources and served from memory.
///
/// The UI has no build step and no external assets: `index.html`, `app.js`,
/// `app.css` and `world.json` (country outlines compiled from Natural Earth by
/// `scripts/compile-world-map.py`) are all it needs, so it works offline.
public struct WebAssets: Sendable {
    /// One servable file.
    public struct File: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
    }

    /// Files by the name they are served under (`index.html`, `app.js`, ...).
    public private(set) var files: [String: File] = [:]
    /// The OpenAPI 3.1 document served at `/openapi.json`.
    public private(set) var openAPI: [UInt8] = []

    /// What each served file extension is.
    static let contentTypes = [
        "html": "text/html; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
    ]

    /// Reads the bundled files.
    ///
    /// - Throws: ``WebAssetsError`` when the resources are missing (a broken install).
    public static func bundled() throws(WebAssetsError) -> WebAssets {
        guard let web = Bundle.module.url(forResource: "Web", withExtension: nil),
              let openAPI = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI") else {
            throw WebAssetsError(message: "the web UI's files are not installed next to the binary (the SitrepServer resource bundle is missing)")
        }
        return try load(web: web, openAPI: openAPI)
    }

    /// Reads the files of `web` (one level) and the OpenAPI document.
    static func load(web: URL, openAPI: URL) throws(WebAssetsError) -> WebAssets {
        var assets = WebAssets()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: web.path)
        } catch {
            throw WebAssetsError(message: "cannot list \(web.path): \(error)")
        }
        for name in names {
            let ext = (name as NSString).pathExtension.lowercased()
            guard let type = contentTypes[ext], let data = FileManager.default.contents(atPath: web.appendingPathComponent(name).path) else { continue }
            assets.files[name] = File(bytes: Array(data), contentType: type)
        }
        guard assets.files["index.html"] != nil else { throw WebAssetsError(message: "index.html is missing from \(web.path)") }
        guard let document = FileManager.default.contents(atPath: openAPI.path) else {
            throw WebAssetsError(message: "cannot read \(openAPI.path)")
        }
        assets.openAPI = Array(document)
        return assets
    }
}

/// The UI's files could not be read.
public struct WebAssetsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
