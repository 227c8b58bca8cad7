// swift-tools-version: 6.2
import PackageDescription

// The reference HTTP service: SelfModel's FileStore (one per tenant) behind a JSON API on
// Hummingbird 2 with bearer tokens (hummingbird-auth), run under swift-service-lifecycle,
// logging through swift-log. A sibling package, so the root
// manifest stays free of dependencies.
let package = Package(
  name: "SelfModelServer",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "selfmodel-server", targets: ["SelfModelServer"]),
    .library(name: "SelfModelHTTP", targets: ["SelfModelHTTP"]),
  ],
  dependencies: [
    .package(name: "SelfModel", path: "../.."),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
  ],
  targets: [
    // The routes, handlers, error mapping and application builder: what tests drive.
    .target(
      name: "SelfModelHTTP",
      dependencies: [
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      // The API's OpenAPI 3.1 document, served at GET /openapi.json.
      resources: [.copy("openapi.json")]
    ),
    // The command: flags and environment, then `run()`.
    .executableTarget(
      name: "SelfModelServer",
      dependencies: [
        "SelfModelHTTP",
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    .testTarget(
      name: "SelfModelHTTPTests",
      dependencies: [
        "SelfModelHTTP",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "InMemoryLogging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
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
