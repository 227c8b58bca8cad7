// swift-tools-version: 6.2
import PackageDescription

// A PostgreSQL backend for SelfModel: its own package, so the root package keeps no
// dependencies. Run its tests against a throwaway server with `Scripts/with-postgres`.
let package = Package(
  name: "SelfModelPostgres",
  platforms: [.macOS(.v15)],  // as the root package; Darwin builds are not verified here
  products: [
    .library(name: "SelfModelPostgres", targets: ["SelfModelPostgres"])
  ],
  dependencies: [
    .package(name: "SelfModel", path: "../.."),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
  ],
  targets: [
    .target(
      name: "SelfModelPostgres",
      dependencies: [
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // A child process the tests launch to write concurrently and to kill -9 mid-write.
    .executableTarget(
      name: "PostgresWriterChild",
      dependencies: [
        "SelfModelPostgres",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
      ]
    ),
    .testTarget(
      name: "SelfModelPostgresTests",
      dependencies: [
        "SelfModelPostgres", "PostgresWriterChild",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelTesting", package: "SelfModel"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)

for target in package.targets {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("InternalImportsByDefault"),
      .enableUpcomingFeature("MemberImportVisibility"),
      .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    ]
}
