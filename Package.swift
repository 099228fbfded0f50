// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepCore", targets: ["SitrepCore"]),
        .library(name: "SitrepStages", targets: ["SitrepStages"]),
        .library(name: "SitrepStorage", targets: ["SitrepStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The document model, stage protocol, pipeline and interchange codec. No I/O, no dependencies.
        .target(name: "SitrepCore"),
        // libxml2's HTML parser (and its XML parser for feeds), a Debian package.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's inflate, for .warc.gz files and gzip/deflate HTTP bodies.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Readers of archive and feed formats: WARC(.gz) records and their HTTP
        // responses, RSS 2.0 / RSS 1.0 / Atom feeds (libxml2, entities refused).
        .target(name: "CMemoryHints"),
        .target(name: "SitrepInputs", dependencies: ["CLibXML2", "CZlib"]),
        // One folder per pipeline stage, plus the data tables they load.
        .target(
            name: "SitrepStages",
            dependencies: ["SitrepCore", "CLibXML2", "CMemoryHints"],
            resources: [.copy("Models")],
            // The trained taggers and parser build their run-time tables at start-up;
            // unoptimized, that alone takes seconds, so debug builds optimize this
            // target too (`swift run sitrep analyze` and the CLI tests stay fast).
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The Store protocol and its backends: memory, SQLite (GRDB), PostgreSQL (postgres-nio);
        // migrations, deduplication, queries.
        .target(
            name: "SitrepStorage",
            dependencies: [
                "SitrepCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // `sitrep serve`: the JSON API (Hummingbird) over a Store, its OpenAPI
        // document, and the web UI's files (plain HTML, CSS, JavaScript and the
        // compiled world map), served from the binary.
        .target(
            name: "SitrepServer",
            dependencies: [
                "SitrepCore", "SitrepStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Web"), .copy("OpenAPI")]
        ),
        // The command-line interface: analyze, process, extract, train, ingest and the queries.
        .target(
            name: "SitrepCLI",
            dependencies: [
                "SitrepCore", "SitrepStages", "SitrepStorage", "SitrepServer", "SitrepInputs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sitrep", dependencies: ["SitrepCLI"]),
        .testTarget(name: "SitrepCoreTests", dependencies: ["SitrepCore"]),
        .testTarget(name: "SitrepInputsTests", dependencies: ["SitrepInputs", "CZlib"]),
        // Fixtures are read through #filePath-relative paths, not as bundle resources.
        .testTarget(name: "SitrepStagesTests", dependencies: ["SitrepStages", "SitrepCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SitrepStorageTests", dependencies: ["SitrepStorage", "SitrepStages", "SitrepCore"]),
        .testTarget(
            name: "SitrepServerTests",
            dependencies: ["SitrepServer", "SitrepStorage", "SitrepStages", "SitrepCore"]
        ),
        .testTarget(name: "SitrepCLITests", dependencies: ["SitrepCLI", "SitrepStages", "SitrepStorage", "SitrepCore"]),
    ]
)

// Fuzz targets (issue #12), present only when SITREP_FUZZ is set, so the
// normal build and tests are unaffected. `scripts/fuzz.sh` builds them with
// `SITREP_FUZZ=1 swift build -c release --product FuzzX --scratch-path .build-fuzz`.
// Only the project's own modules get libFuzzer's coverage instrumentation and
// AddressSanitizer (dependencies such as Hummingbird stay plain, which keeps
// the build short and `cov:` about Sitrep's code). See docs/fuzzing.md.
if Context.environment["SITREP_FUZZ"] != nil {
    let sanitize: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    let instrumented: Set<String> = ["SitrepCore", "SitrepStages", "SitrepInputs", "SitrepServer"]
    for target in package.targets where instrumented.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + sanitize
    }
    // Each target defines `LLVMFuzzerTestOneInput` and an `@main` that starts
    // libFuzzer's driver (SwiftPM's renamed entry point hides libFuzzer's `main`).
    func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(
            name: name, dependencies: ["FuzzSupport"] + dependencies, path: "Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        )
    }
    package.targets += [
        .target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", "SitrepCore"], path: "Fuzz/FuzzSupport", swiftSettings: sanitize),
        fuzzTarget("FuzzHTMLExtractor", ["SitrepStages"]),
        fuzzTarget("FuzzScrapedText", ["SitrepStages"]),
        fuzzTarget("FuzzJSONLines", ["SitrepStages", "SitrepCore"]),
        fuzzTarget("FuzzWARC", ["SitrepInputs", "SitrepStages"]),
        fuzzTarget("FuzzFeed", ["SitrepInputs"]),
        fuzzTarget("FuzzTimeNormalizer", ["SitrepStages", "SitrepCore"]),
        fuzzTarget("FuzzAPIQuery", ["SitrepServer"]),
    ]
    package.products += package.targets.filter { $0.type == .executable && $0.name.hasPrefix("Fuzz") }
        .map { .executable(name: $0.name, targets: [$0.name]) }
}
