// swift-tools-version: 6.2
import PackageDescription

// SelfModel's two services over one `Operations` layer: the reference HTTP service (a FileStore
// per tenant, or with `--postgres` a PostgreSQL schema per tenant, behind a JSON API on
// Hummingbird 2, run under swift-service-lifecycle) and the MCP server (the official Swift SDK
// for the Model Context Protocol, over stdio or Streamable HTTP). Both take their bearer tokens
// and tenant scopes from `ServiceAccess`. A sibling package, so the root manifest stays free of
// dependencies. See README.md.
let package = Package(
  name: "SelfModelServer",
  platforms: [.macOS(.v15)],  // the root package needs macOS 15 (Synchronization)
  products: [
    .executable(name: "selfmodel-server", targets: ["SelfModelServer"]),
    .library(name: "SelfModelHTTP", targets: ["SelfModelHTTP"]),
    .library(name: "SelfModelMCP", targets: ["SelfModelMCP"]),
    .library(name: "ServiceAccess", targets: ["ServiceAccess"]),
    .executable(name: "selfmodel-mcp", targets: ["SelfModelMCPServer"]),
    .executable(name: "selfmodel-mcp-bench", targets: ["SelfModelMCPBenchmark"]),
    .executable(name: "selfmodel-edge-baseline", targets: ["SelfModelEdgeBaseline"]),
  ],
  dependencies: [
    .package(name: "SelfModel", path: "../.."),
    // `selfmodel-server --postgres`: PostgresStore, one schema per tenant; postgres-nio pinned
    // as in Backends/Postgres.
    .package(name: "SelfModelPostgres", path: "../../Backends/Postgres"),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
    .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
  ],
  targets: [
    // Both services' bearer tokens: the token rules, the tokens files, token -> tenant (HTTP)
    // or token -> users (MCP).
    .target(
      name: "ServiceAccess",
      dependencies: [.product(name: "SelfModel", package: "SelfModel")]
    ),
    // The HTTP service's routes, handlers, error mapping and application builder: what tests
    // drive.
    .target(
      name: "SelfModelHTTP",
      dependencies: [
        "ServiceAccess",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      // The API's OpenAPI 3.1 document, served at GET /openapi.json.
      resources: [.copy("openapi.json")]
    ),
    // The HTTP service's command: flags and environment, then `run()`.
    .executableTarget(
      name: "SelfModelServer",
      dependencies: [
        "SelfModelHTTP",
        "ServiceAccess",
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "SelfModelPostgres", package: "SelfModelPostgres"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    // MCP tools, resources, prompts and the HTTP front door, as a library tests drive
    // in-process.
    .target(
      name: "SelfModelMCP",
      dependencies: [
        "ServiceAccess",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    // The `selfmodel-mcp` executable: stdio by default, `--http PORT` for Streamable HTTP.
    .executableTarget(
      name: "SelfModelMCPServer",
      dependencies: ["SelfModelMCP", "ServiceAccess", .product(name: "MCP", package: "swift-sdk")]
    ),
    // B14: `get_context` over stdio against the direct call (B13); run in release.
    .executableTarget(
      name: "SelfModelMCPBenchmark",
      dependencies: [
        "SelfModelMCP",
        "ServiceAccess",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    // B10's floor: one Hummingbird route that decodes evidence and calls `store.record`.
    .executableTarget(
      name: "SelfModelEdgeBaseline",
      dependencies: [
        "SelfModelHTTP",
        "ServiceAccess",
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    // What the services' tests share: a bare HTTP/1.1 exchange over a socket (a body cut
    // short, a head no client library would send).
    .target(name: "ServerTestSupport", path: "Tests/ServerTestSupport"),
    .testTarget(
      name: "SelfModelHTTPTests",
      dependencies: [
        "SelfModelHTTP",
        "ServerTestSupport",
        // The launch-error tests run the built `selfmodel-server`.
        "SelfModelServer",
        "ServiceAccess",
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
    .testTarget(
      name: "SelfModelMCPTests",
      dependencies: [
        "SelfModelMCP",
        "ServerTestSupport",
        "ServiceAccess",
        // The stdio tests launch the built `selfmodel-mcp`.
        "SelfModelMCPServer",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "SelfModelTesting", package: "SelfModel"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .testTarget(
      name: "ServiceAccessTests",
      dependencies: ["ServiceAccess", .product(name: "SelfModel", package: "SelfModel")]
    ),
    // One answer on every edge: one scripted session through the library, over HTTP and MCP,
    // the same JSON answer every time.
    .testTarget(
      name: "CrossEdgeTests",
      dependencies: [
        "SelfModelHTTP",
        "SelfModelMCP",
        "ServiceAccess",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "SelfModel", package: "SelfModel"),
        .product(name: "SelfModelStore", package: "SelfModel"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
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
