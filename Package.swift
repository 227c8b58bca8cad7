// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "SelfModel",
  // The oldest releases with the `Synchronization` module (`Mutex`), which the store uses.
  // Built and tested on Linux only; Darwin builds are not verified here (see README.md).
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    .library(name: "SelfModel", targets: ["SelfModel"]),
    .library(name: "SelfModelStore", targets: ["SelfModelStore"]),
    .library(name: "SelfModelOperations", targets: ["SelfModelOperations"]),
    .library(name: "SelfModelTesting", targets: ["SelfModelTesting"]),
    // The store inspector; see Docs/Operations.md.
    .executable(name: "selfmodel", targets: ["SelfModelInspector"]),
  ],
  targets: [
    // Pure values and math: no I/O, no clock reads.
    .target(name: "SelfModel", dependencies: ["CSelfModelHints"]),
    // What Swift does not expose, for the per-record paths: a cache prefetch for the evidence
    // ledger's id index and the processor's CRC-32C instruction for the store's checksums. One
    // header of `static inline` C, no state; not an API.
    .target(name: "CSelfModelHints"),
    // Everything that touches the file system.
    .target(name: "SelfModelStore", dependencies: ["SelfModel", "CSelfModelHints"]),
    // The loop as one API (request and response values, limits, one JSON coding), run inside
    // the store per user: what the HTTP service and the MCP server call.
    .target(name: "SelfModelOperations", dependencies: ["SelfModel", "SelfModelStore"]),
    // Aids for downstream tests: clocks, ids, builders, the store conformance suite.
    .target(name: "SelfModelTesting", dependencies: ["SelfModel", "SelfModelStore"]),
    // Test-only aids of the store itself (a file system that fails on cue, the decoders the
    // fuzz targets probe): in no product, so nothing that ships can reach them.
    .target(name: "SelfModelStoreFaults", dependencies: ["SelfModel", "SelfModelStore"]),

    // The store inspector `selfmodel`: in the root package with hand-parsed arguments, so it
    // needs no dependency and ships with the library it reads (package access to its
    // verification code). Not under Examples/, which Scripts/check.sh runs one by one.
    .executableTarget(
      name: "SelfModelInspector",
      dependencies: ["SelfModel", "SelfModelStore"],
      path: "Sources/SelfModelInspector"
    ),

    .executableTarget(
      name: "Quickstart",
      dependencies: ["SelfModel", "SelfModelStore", "SelfModelTesting"],
      path: "Examples/Quickstart"
    ),
    .executableTarget(
      name: "StoreTour",
      dependencies: ["SelfModel", "SelfModelStore", "SelfModelTesting"],
      path: "Examples/StoreTour"
    ),
    .executableTarget(
      name: "Alignment",
      dependencies: ["SelfModel", "SelfModelTesting"],
      path: "Examples/Alignment"
    ),
    .executableTarget(
      name: "Evaluation",
      dependencies: ["SelfModel", "SelfModelTesting"],
      path: "Examples/Evaluation"
    ),
    .executableTarget(
      name: "PersonalizationLoop",
      dependencies: ["SelfModel", "SelfModelTesting"],
      path: "Examples/PersonalizationLoop"
    ),
    // The OULAD 2013 replay (Docs/Evaluation.md); its data (CC BY 4.0) are trimmed copies, see
    // Examples/LearningAnalytics/Data/NOTICE.md.
    .executableTarget(
      name: "LearningAnalytics",
      dependencies: ["SelfModel", "SelfModelTesting"],
      path: "Examples/LearningAnalytics",
      resources: [.copy("Data")]
    ),

    .testTarget(
      name: "SelfModelTests",
      dependencies: ["SelfModel", "SelfModelTesting"],
      resources: [.copy("Resources")]
    ),
    .testTarget(
      name: "SelfModelOperationsTests",
      dependencies: ["SelfModel", "SelfModelStore", "SelfModelOperations", "SelfModelTesting"]
    ),
    // The LearningAnalytics example's metrics, bootstrap, replays and SVG, against Python.
    .testTarget(name: "LearningAnalyticsTests", dependencies: ["LearningAnalytics"]),
    // README's swift code blocks, extracted verbatim by Scripts/checks/readme-snippets.sh,
    // which builds and runs them after Quickstart in the same folder.
    .executableTarget(
      name: "ReadmeSnippets",
      dependencies: ["SelfModel", "SelfModelStore"],
      path: "Tests/ReadmeSnippets"
    ),
    // A child process the store tests launch and kill -9 mid-write.
    .executableTarget(
      name: "StoreCrashChild",
      dependencies: ["SelfModel", "SelfModelStore"],
      path: "Tests/StoreCrashChild"
    ),
    .testTarget(
      name: "SelfModelStoreTests",
      dependencies: [
        "SelfModel", "SelfModelStore", "SelfModelTesting", "SelfModelStoreFaults",
        "StoreCrashChild", "SelfModelInspector",
      ],
      resources: [.copy("Resources")]
    ),
  ],
  swiftLanguageModes: [.v6]
)

// Swift settings for the Swift targets: a C target (any added later must be listed here too)
// takes none.
for target in package.targets where target.name != "CSelfModelHints" {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("InternalImportsByDefault"),
      .enableUpcomingFeature("MemberImportVisibility"),
      .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    ]
}
