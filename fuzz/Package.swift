// swift-tools-version:6.0
// libFuzzer targets for AlmaKit's parsers, built and run by `fuzz/run`: a
// package of its own so that the main one never needs the fuzzer's runtime.
// `fuzz/run` instruments every module for coverage and AddressSanitizer;
// only these executables link libFuzzer, which brings their `main` (linking
// it into a tool that has its own `main`, like embed-files, would fail).
import PackageDescription

let fuzzTarget = { (name: String) in
    Target.executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "AlmaKit", package: "AlmaKit")],
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
}

let package = Package(
    name: "AlmaKitFuzz",
    dependencies: [.package(name: "AlmaKit", path: "..")],
    targets: [.target(name: "FuzzDriver")] + ["FuzzConfiguration", "FuzzFrontMatter", "FuzzMarkdown"].map(fuzzTarget)
)
