// swift-tools-version: 6.1
// ML Experimenter: a terminal assistant that runs ML experiments like a senior engineer.
// Layering (DESIGN.md): mlexp → Agent → {Tracking, LLMClient, MLCore}; Tracking → {MLCore, HTTP};
// LLMClient → HTTP → CCurl; every target → Failure (the one error shape, a leaf). MLCore and LLMClient
// never import each other.
import PackageDescription

#if canImport(Foundation)
    import Foundation
#endif

/// Strict settings, set once for every target.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
/// The ML core's hot loops are optimised in debug builds too, so `swift test` trains real models quickly.
let fast: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "mlexp",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mlexp", targets: ["mlexp"]),
        .library(name: "MLCore", targets: ["MLCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", providers: [.apt(["libedit-dev"])]),
        // k-means distance kernels in C: compiled for AVX-512, AVX2 and the baseline, picked at run time.
        .target(name: "CKMeans", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        // The one error shape of every target (a code enum, facts, the actionable message): a leaf.
        .target(name: "Failure", swiftSettings: strict),
        // The one language type (the session's language, which every layer writes in): a leaf.
        .target(name: "Languages", swiftSettings: strict),
        .target(name: "MLCore", dependencies: ["CKMeans", "Failure", "Languages"], swiftSettings: fast),
        .target(name: "HTTP", dependencies: ["CCurl", "Failure"], swiftSettings: strict),
        .target(name: "LLMClient", dependencies: ["HTTP", "Failure"], swiftSettings: strict),
        .target(
            name: "Tracking", dependencies: ["MLCore", "HTTP", "CSQLite", "Failure", "Languages"], swiftSettings: strict
        ),
        .target(
            name: "Agent", dependencies: ["MLCore", "Tracking", "LLMClient", "Failure", "Languages"],
            swiftSettings: strict),
        .executableTarget(
            name: "mlexp",
            dependencies: [
                "Agent", "MLCore", "Tracking", "LLMClient", "HTTP", "CEditLine", "Languages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Benchmarks (benchmarks/*.py run them side by side with the peer libraries); not part of the product.
        .executableTarget(
            name: "ExplainBench", dependencies: ["MLCore"], path: "benchmarks/ExplainBench", swiftSettings: strict),
        .executableTarget(
            name: "ModelBench", dependencies: ["MLCore"], path: "benchmarks/ModelBench", swiftSettings: strict),
        .executableTarget(
            name: "ReplayBench", dependencies: ["Agent", "LLMClient"], path: "benchmarks/ReplayBench",
            swiftSettings: strict),
        .testTarget(name: "MLCoreTests", dependencies: ["MLCore"], exclude: ["Fixtures"], swiftSettings: strict),
        // A child process the Tracking tests kill mid-write and run twice at once.
        .executableTarget(
            name: "TrackingStress", dependencies: ["Tracking"], path: "Tests/TrackingStress", swiftSettings: strict),
        // Scratch folders, the shipped datasets, a sample run, the built executables, the test venv's
        // python and a child-process runner that reads stdout and stderr at once; shared by the tests.
        .target(
            name: "TestSupport", dependencies: ["Tracking", "Languages"], path: "Tests/TestSupport",
            swiftSettings: strict),
        .testTarget(
            name: "TrackingTests",
            dependencies: ["Tracking", "TrackingStress", "MLCore", "Languages", "MockHTTPServer", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict),
        // A scripted HTTP server on 127.0.0.1 shared by the HTTP and LLMClient tests.
        .target(name: "MockHTTPServer", path: "Tests/MockHTTPServer", swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "MockHTTPServer"], swiftSettings: strict),
        .testTarget(
            name: "LLMClientTests", dependencies: ["LLMClient", "HTTP", "MockHTTPServer"], swiftSettings: strict),
        // The command-line tests: they run the mlexp binary, which building this target builds.
        .testTarget(
            name: "CLITests",
            dependencies: ["mlexp", "Tracking", "MLCore", "Languages", "MockHTTPServer", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "AgentTests", dependencies: ["Agent", "MLCore", "Tracking", "LLMClient", "Languages"],
            swiftSettings: strict),
    ]
)

// libFuzzer targets (Tests/Fuzz): only when MLEXP_FUZZ is set, which scripts/fuzz.sh does for a build of its
// own (`--scratch-path .build/fuzz`, `-sanitize=fuzzer,address`), so the normal build never compiles them.
#if canImport(Foundation)
    if ProcessInfo.processInfo.environment["MLEXP_FUZZ"] != nil {
        package.targets += [
            .target(name: "CFuzzDriver", path: "Tests/Fuzz/Driver"),
            .executableTarget(
                name: "MLExpFuzz", dependencies: ["MLCore", "LLMClient", "Agent", "CFuzzDriver"],
                path: "Tests/Fuzz/Sources", swiftSettings: strict),
        ]
    }
#endif
