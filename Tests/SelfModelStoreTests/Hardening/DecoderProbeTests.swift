import Foundation
import SelfModelStoreFaults
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

  /// The code `body` threw, or `nil` when it returned.
  static func code(_ body: () throws(StoreError) -> Int) -> StoreError.Code? {
    do {
      _ = try body()
      return nil
    } catch {
      return error.code
    }
  }

  /// Truncations of every seed: a snapshot or export cut short is refused as damaged (its
  /// checksum or its JSON no longer holds), a journal cut short keeps at most the records it
  /// had (a torn tail is dropped), and bytes of one format are refused by the others.
  @Test func truncatedInputsAreRefused() throws {
    let refused: Set<StoreError.Code> = [.corruptFile, .unknownFormat, .invalidArgument]
    for target in ["journal", "snapshot", "export"] {
      for seed in try Self.seeds(target) {
        let whole = Self.trimmingTrailingWhitespace(seed).count
        for length in stride(from: 0, to: whole, by: max(1, whole / 64)) {
          let cut = Array(seed.prefix(length))
          let label = "\(target) seed cut at \(length) of \(seed.count)"
          let snapshot = Self.code { () throws(StoreError) in try DecoderProbe.snapshot(cut) }
          #expect(snapshot.map(refused.contains) == true, "\(label): snapshot \(snapshot as Any)")
          let payload = Self.code { () throws(StoreError) in try DecoderProbe.snapshotPayload(cut) }
          #expect(payload.map(refused.contains) == true, "\(label): payload \(payload as Any)")
          let export = Self.code { () throws(StoreError) in try DecoderProbe.export(cut) }
          #expect(export.map(refused.contains) == true, "\(label): export \(export as Any)")
        }
      }
    }
  }

  /// A journal cut anywhere keeps at most the records the whole file has, or is refused.
  @Test func truncatedJournalsKeepAPrefix() throws {
    for seed in try Self.seeds("journal") {
      guard let whole = try? DecoderProbe.journal(seed) else { continue }  // a payload seed
      for length in stride(from: 0, to: seed.count, by: max(1, seed.count / 64)) {
        let cut = Array(seed.prefix(length))
        do {
          #expect(try DecoderProbe.journal(cut) <= whole, "cut at \(length)")
        } catch {
          #expect(
            [.corruptFile, .unknownFormat].contains(error.code), "cut at \(length): \(error)")
        }
      }
    }
  }

  /// JSON nested deeper than the decoder allows is refused as an invalid export, not a trap.
  @Test func deeplyNestedJSONIsRefused() {
    let deep = Array(
      (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
    let code = Self.code { () throws(StoreError) in try DecoderProbe.export(deep) }
    #expect(code == .invalidArgument)
    #expect(JSONDuplicateKeys.first(in: deep) == nil)
  }

  /// `bytes` without the spaces and newlines at its end (a JSON document cut there is whole).
  static func trimmingTrailingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
    var end = bytes.count
    while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
    return Array(bytes.prefix(end))
  }
}
