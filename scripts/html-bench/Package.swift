// swift-tools-version:6.0
// The benchmark driver of the HTML extractor, kept out of the
// root package (STYLE.md §11): it depends on the root package by path.
// Run through scripts/bench-extraction.py.
import PackageDescription

let package = Package(
    name: "html-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Sitrep", path: "../..")],
    targets: [
        .executableTarget(
            name: "html-bench",
            dependencies: [.product(name: "SitrepStages", package: "Sitrep"), .product(name: "SitrepCore", package: "Sitrep")]
        ),
    ]
)
