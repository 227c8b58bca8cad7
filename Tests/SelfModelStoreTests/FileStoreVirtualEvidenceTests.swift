import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Likelihood-ratio and Jeffrey evidence survive every path through the store: the journal
/// (tag 13, content kinds 2 and 3), a reopen, compaction into a snapshot (format 4) and
/// export/import; the journal payload is pinned by a golden file.
@Suite struct FileStoreVirtualEvidenceTests {
  private typealias Fixture = CatalogueFixture

  static func items() -> [Evidence] {
    [
      Evidence(
        id: "v0", belief: Fixture.concise, content: .likelihoodRatio(outcome: "true", ratio: 3),
        source: "clicks", observedAt: Fixture.now, context: "surface:chat"),
      Evidence(
        id: "v1", belief: Fixture.tone,
        content: .jeffrey(target: ["formal": 0.2, "casual": 0.5, "playful": 0.3]),
        weight: 2, source: "user", observedAt: Fixture.now + 1),
      Evidence(
        id: "v2", belief: Fixture.concise, content: .holds, source: "user",
        observedAt: Fixture.now + 2),
    ]
  }

  @Test func virtualEvidenceSurvivesReopenCompactionAndExport() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    var store: FileStore? = try FileStore(at: folder.path)
    try await store?.publish(try Fixture.catalogue(version: 1))
    try await store?.createUser("u")
    try await store?.record(Self.items(), for: "u", at: Fixture.now + 60)
    let before = try #require(try await store?.model(for: "u"))
    let at = Fixture.now + 3_600
    let estimates = try before.estimates(at: at)
    #expect(estimates.contains { $0.logLikelihoods != nil })
    store?.close()

    store = try FileStore(at: folder.path)
    #expect(try await store?.model(for: "u") == before)
    try await store?.compact("u")
    store?.close()

    store = try FileStore(at: folder.path)
    defer { store?.close() }
    let compacted = try #require(try await store?.model(for: "u"))
    #expect(compacted == before)
    #expect(try compacted.estimates(at: at) == estimates)
    #expect(compacted.snapshot.formatVersion == 4)
    let exported = try #require(try await store?.exportUser("u"))
    #expect(String(decoding: exported, as: UTF8.self).contains(#""likelihoodRatio""#))
    #expect(try await store?.deleteUser("u") == true)
    #expect(try await store?.importUser(exported, replacing: false) == "u")
    #expect(try await store?.model(for: "u") == before)
  }

  /// The bytes of an observe record with virtual evidence, pinned: `golden-journal-observe-
  /// virtual.bin` (tag 13). Never regenerated: a difference is a file-format change.
  @Test func theJournalPayloadMatchesItsGoldenFile() throws {
    let payload = try OperationCodec.encode(.record(Self.items(), now: Fixture.now + 60))
    #expect(payload.first == 13)
    let url = try #require(
      Bundle.module.url(
        forResource: "golden-journal-observe-virtual", withExtension: "bin",
        subdirectory: "Resources"))
    let golden = try [UInt8](Data(contentsOf: url))
    if golden != payload {
      try Data(payload).write(
        to: FileManager.default.temporaryDirectory.appendingPathComponent(
          "golden-journal-observe-virtual.bin"))
    }
    #expect(golden == payload)
    guard case .record(let decoded, let now) = try OperationCodec.decode(golden) else {
      Issue.record("not an observe record")
      return
    }
    #expect(decoded == Self.items() && now == Fixture.now + 60)
  }

  /// Content kinds 2 and 3 are malformed under the older observe tags (2 and 8), and records
  /// without virtual evidence keep their old tags, so older journals and their readers agree.
  @Test func virtualKindsNeedTheirTag() throws {
    let plain = [Self.items()[2]]
    #expect(try OperationCodec.encode(.record(plain, now: Fixture.now)).first == 2)
    var payload = try OperationCodec.encode(.record(Self.items(), now: Fixture.now + 60))
    for oldTag: UInt8 in [2, 8] {
      payload[0] = oldTag
      let error = #expect(throws: StoreError.self) { try OperationCodec.decode(payload) }
      #expect(error?.code == .corruptFile)
    }
  }
}
