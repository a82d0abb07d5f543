// swift-tools-version:6.0
import Foundation
import PackageDescription

/// mimalloc in place of glibc's malloc for the whole almakit process: a build
/// allocates millions of small strings, arrays and syntax nodes, and takes a
/// tenth less time with it (README, Speed). Sanitizer builds bring an
/// allocator of their own, and LeakSanitizer cannot see into mimalloc's
/// memory: `scripts/sanitizers` sets ALMAKIT_SYSTEM_MALLOC=1 to leave it out.
let allocator: [LinkerSetting] = ProcessInfo.processInfo.environment["ALMAKIT_SYSTEM_MALLOC"] == nil
    ? [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
    : []

let package = Package(
    name: "AlmaKit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "almakit", targets: ["almakit"]),
        .library(name: "AlmaKit", targets: ["AlmaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Embeds Templates/ into the library at build time, so an installed
        // `almakit` binary needs no files beside it.
        .executableTarget(name: "embed-files"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        // swift-mustache 2.1.1 (hummingbird-project, Apache-2.0), copied here
        // to make filling templates cheaper: Sources/Mustache/README.md says
        // what changed. Its own tests are MustacheTests.
        .target(name: "Mustache", exclude: ["LICENSE.txt", "README.md"]),
        // The library in five layers, each depending only on those above it
        // here, so that the compiler refuses a reference from a lower layer to
        // a higher one.
        // Configuration, diagnostics, YAML, payment rules, site paths, HTML
        // escaping, shared support. The only target that imports Yams.
        .target(
            name: "AlmaKitCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Markdown to HTML: the only code that touches libcmark.
        .target(name: "AlmaKitMarkdown", dependencies: ["AlmaKitCore", "CCmark"]),
        // Build-time syntax highlighting; Markdown takes it as a closure.
        .target(name: "AlmaKitHighlight", dependencies: ["AlmaKitCore"]),
        // Content, guide rendering, templates, integrations; embeds Templates/.
        .target(
            name: "AlmaKitSite",
            dependencies: [
                "AlmaKitCore",
                "AlmaKitMarkdown",
                "Mustache",
            ],
            plugins: ["EmbedFiles"]
        ),
        // The build pipeline, output, preview session, init, fuzz entry points.
        .target(
            name: "AlmaKit",
            dependencies: ["AlmaKitCore", "AlmaKitMarkdown", "AlmaKitHighlight", "AlmaKitSite"]
        ),
        // `almakit serve`: the HTTP side of the preview, apart so that the
        // library stays free of a server stack.
        .target(
            name: "AlmaKitPreview",
            dependencies: [
                "AlmaKit",
                "AlmaKitCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "almakit",
            dependencies: [
                "AlmaKit",
                "AlmaKitCore",
                "AlmaKitSite",
                "AlmaKitPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: allocator
        ),
        .testTarget(
            name: "AlmaKitTests",
            dependencies: [
                "AlmaKit",
                "AlmaKitSite",
                "AlmaKitMarkdown",
                "AlmaKitHighlight",
                "AlmaKitCore",
                "Mustache",
                // The tests parse the CI workflow `almakit init` writes.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
    ]
)
