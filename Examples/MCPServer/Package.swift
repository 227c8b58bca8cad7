// swift-tools-version: 6.2
import PackageDescription

// The SelfModel MCP server: a sibling package (the root stays dependency-free) on the official
// Swift SDK for the Model Context Protocol, over a FileStore. See README.md.
let package = Package(
  name: "MCPServer",
  platforms: [.macOS(.v15)],  // the root package needs macOS 15 (Synchronization)
  products: [
    .library(name: "SelfModelMCP", targets: ["SelfModelMCP"]),
    .executable(name: "selfmodel-mcp", targets: ["SelfModelMCPServer"]),
    .executable(name: "selfmodel-mcp-bench", targets: ["SelfModelMCPBenchmark"]),
  ],
  dependencies: [
    .package(name: "SelfModel", path: "../.."),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
  ],
  targets: [
    // Tools, resources, prompts and the HTTP front door, as a library tests drive in-process.
    .target(
      name: "SelfModelMCP",
      dependencies: [
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
      dependencies: ["SelfModelMCP", .product(name: "MCP", package: "swift-sdk")]
    ),
    // B14: `get_context` over stdio against the direct call (B13); run in release.
    .executableTarget(
      name: "SelfModelMCPBenchmark",
      dependencies: [
        "SelfModelMCP",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "SelfModelOperations", package: "SelfModel"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .testTarget(
      name: "SelfModelMCPTests",
      dependencies: [
        "SelfModelMCP",
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
