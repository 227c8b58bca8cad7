import Foundation
import Testing

@testable import SelfModel
@testable import SelfModelStore

/// The fuzz targets' entry points: every committed seed decodes, and hostile inputs throw
/// instead of trapping. Inputs a fuzzer finds crashing go in `regressions` below.
@Suite struct DecoderProbeTests {
  /// The committed seed corpus of one fuzz target.
  static func seeds(_ target: String) throws -> [[UInt8]] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Fuzz/Corpus/\(target)").standardized.path
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    return try names.map { try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
  }

  @Test func everySeedDecodes() throws {
    for seed in try Self.seeds("journal") {
      let asFile = (try? DecoderProbe.journal(seed)) != nil
      #expect(asFile || (try? DecoderProbe.operation(seed)) != nil)
    }
    for seed in try Self.seeds("snapshot") {
      #expect(
        (try? DecoderProbe.snapshot(seed)) != nil
          || (try? DecoderProbe.snapshotPayload(seed)) != nil)
    }
    for seed in try Self.seeds("export") { _ = try DecoderProbe.export(seed) }
    for seed in try Self.seeds("evidence") {
      #expect(
        (try? DecoderProbe.json(Evidence.self, seed)) != nil
          || (try? DecoderProbe.json([Evidence].self, seed)) != nil)
    }
    for seed in try Self.seeds("candidate") { _ = try DecoderProbe.json(Candidate.self, seed) }
  }

  /// Inputs that must throw, not trap: truncations of every seed, and crafted hostile ones.
  @Test func truncatedAndHostileInputsThrow() throws {
    for target in ["journal", "snapshot", "export"] {
      for seed in try Self.seeds(target) {
        for length in stride(from: 0, to: seed.count, by: max(1, seed.count / 64)) {
          let cut = Array(seed.prefix(length))
          _ = try? DecoderProbe.journal(cut)
          _ = try? DecoderProbe.snapshot(cut)
          _ = try? DecoderProbe.snapshotPayload(cut)
          _ = try? DecoderProbe.export(cut)
        }
      }
    }
    let deep = Array(
      (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
    #expect(throws: (any Error).self) { try DecoderProbe.export(deep) }
    #expect(JSONDuplicateKeys.first(in: deep) == nil)
  }
}
