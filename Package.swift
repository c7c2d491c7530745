// swift-tools-version: 6.0
// Isnad: who claimed what in Arabic news.
//
// Targets, innermost first (each depends only on the ones above it):
//   CPCRE2      system library: libpcre2-8 through a shim header (PCRE2_CODE_UNIT_WIDTH 8)
//   PCRE2       the only Swift code that imports C: compiled patterns, matching over UTF-8 bytes,
//               typed errors, limits, JIT
//   IsnadCore   the domain: text, pattern sets, cue and quote detection, speaker resolution,
//               the result model, scoring
//   IsnadOutput writers over the result model (JSON, JSON Lines, CSV, HTML, SQLite)
//   isnad       the command line (swift-argument-parser); commands only
import PackageDescription

let package = Package(
    name: "Isnad",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "isnad", targets: ["isnad"]),
        .library(name: "IsnadCore", targets: ["IsnadCore"]),
        .library(name: "IsnadOutput", targets: ["IsnadOutput"]),
    ],
    dependencies: [
        // Command-line parsing, help and validation: the standard for Swift tools.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite report: typed, maintained SQLite access (prepared statements, transactions), no second C module of ours.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .target(name: "IsnadCore", dependencies: ["PCRE2"]),
        .target(name: "IsnadOutput", dependencies: ["IsnadCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "isnad",
            dependencies: [
                "IsnadCore", "IsnadOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["IsnadCore"], path: "Tests/TestSupport"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "IsnadCoreTests", dependencies: ["IsnadCore", "TestSupport"]),
        .testTarget(name: "IsnadOutputTests", dependencies: ["IsnadOutput", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "IsnadCLITests", dependencies: ["TestSupport", "isnad"]),
    ]
)
