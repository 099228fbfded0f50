// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepCore", targets: ["SitrepCore"]),
        .library(name: "SitrepStages", targets: ["SitrepStages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // One folder per pipeline stage, plus the data tables they load.
        .target(
            name: "SitrepStages",
            dependencies: ["SitrepCore", "CLibXML2"],
            resources: [.copy("Models")]
        ),
        // The command-line interface: analyze, process, extract.
        .target(
            name: "SitrepCLI",
            dependencies: [
                "SitrepCore", "SitrepStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sitrep", dependencies: ["SitrepCLI"]),
        .testTarget(name: "SitrepCoreTests", dependencies: ["SitrepCore"]),
        // Fixtures are read through #filePath-relative paths, not as bundle resources.
        .testTarget(name: "SitrepStagesTests", dependencies: ["SitrepStages", "SitrepCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SitrepCLITests", dependencies: ["SitrepCLI", "SitrepStages", "SitrepCore"]),
    ]
)
