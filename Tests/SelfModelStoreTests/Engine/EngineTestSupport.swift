import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting

/// The seeded SplitMix64 generator from SelfModelTesting.
typealias EngineTestRandom = SeededRandom

extension SeededRandom {
  /// `count` random bytes.
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
  }
}

/// A fresh folder under the system's temporary directory, removed by ``remove()``.
struct EngineTemporaryDirectory {
  /// The folder's path.
  let path: String

  /// Creates the folder.
  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  /// A path inside the folder.
  func file(_ name: String) -> String { path + "/" + name }

  /// Removes the folder and everything in it.
  func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// Runs `body` with a fresh folder and removes it afterwards.
  static func with<T>(_ body: (EngineTemporaryDirectory) throws -> T) throws -> T {
    let directory = try EngineTemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
  }
}

/// File helpers for tests.
enum EngineFiles {
  /// The bytes of a file.
  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// Replaces a file's bytes (not durably; tests only).
  static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// The permission bits of a file.
  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int) ?? -1
  }
}

/// Random values for codec tests.
enum EngineFixtures {
  /// Characters allowed in identifiers.
  static let identifierCharacters = Array(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@+/=")
  /// Text with non-ASCII characters.
  static let words = ["tone", "formel", "décontracté", "日本語", "emoji 🙂", "naïve", "Ωmega", ""]

  /// A random valid identifier.
  static func identifier<Kind>(_ random: inout EngineTestRandom) -> Identifier<Kind> {
    let length = Int.random(in: 1...24, using: &random)
    let raw = String(
      (0..<length).map { _ in identifierCharacters.randomElement(using: &random) ?? "a" })
    return (try? Identifier<Kind>(raw)) ?? "fallback"
  }

  /// Random text, possibly with non-ASCII characters.
  static func text(_ random: inout EngineTestRandom) -> String {
    (0..<Int.random(in: 0...4, using: &random))
      .map { _ in words.randomElement(using: &random) ?? "" }.joined(separator: " ")
  }

  /// A random date within a few decades of the reference date, with fractions of a second.
  static func date(_ random: inout EngineTestRandom) -> Date {
    Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...1e9, using: &random))
  }

  /// A random evidence record: outcome or distribution, optional note, optional metadata.
  static func evidence(_ random: inout EngineTestRandom) -> Evidence {
    let content: EvidenceContent
    if Bool.random(using: &random) {
      content = .outcome(text(&random))
    } else {
      var masses: [String: Double] = [:]
      for _ in 0..<Int.random(in: 0...4, using: &random) {
        masses[text(&random)] = Double.random(in: 0...1, using: &random)
      }
      content = .distribution(masses)
    }
    var metadata: [String: String] = [:]
    for _ in 0..<Int.random(in: 0...3, using: &random) { metadata[text(&random)] = text(&random) }
    return Evidence(
      id: identifier(&random), belief: identifier(&random), content: content,
      weight: Double.random(in: 0.001...100, using: &random), source: identifier(&random),
      observedAt: date(&random), recordedAt: date(&random),
      note: Bool.random(using: &random) ? text(&random) : nil, metadata: metadata)
  }
}
