// swift-tools-version: 6.2
import PackageDescription

// The benchmarks live in their own package so that the root package keeps no dependencies.
// GRDB (SQLite) is the baseline a team would otherwise pick for user models.
let package = Package(
  name: "SelfModelBenchmarks",
  platforms: [.macOS(.v15)],  // as the root package; Darwin builds are not verified here
  dependencies: [
    .package(name: "SelfModel", path: ".."),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    // B12 measures the PostgreSQL backend; it skips itself when no server is configured.
    .package(name: "SelfModelPostgres", path: "../Backends/Postgres"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // The harness (settings, timing, the results table) and the fixtures both runners share.
    .target(
      name: "BenchmarkSupport",
      dependencies: [
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // B1-B11, B13: the library, the FileStore and GRDB. Builds no SwiftNIO.
    .executableTarget(
      name: "SelfModelBenchmarks",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "SelfModelTesting", package: "SelfModel"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // B12: the PostgreSQL backend against FileStore and GRDB; skips itself without a server.
    .executableTarget(
      name: "PostgresBenchmarks",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "SelfModelPostgres", package: "SelfModelPostgres"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
