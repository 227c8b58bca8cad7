// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "SelfModel",
  products: [
    .library(name: "SelfModel", targets: ["SelfModel"]),
    .library(name: "SelfModelTesting", targets: ["SelfModelTesting"]),
  ],
  targets: [
    .target(name: "SelfModel"),
    .target(name: "SelfModelTesting", dependencies: ["SelfModel"]),
    .executableTarget(
      name: "Quickstart",
      dependencies: ["SelfModel", "SelfModelTesting"],
      path: "Examples/Quickstart"
    ),
    .testTarget(
      name: "SelfModelTests",
      dependencies: ["SelfModel", "SelfModelTesting"],
      resources: [.copy("Resources/vectors.json")]
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
