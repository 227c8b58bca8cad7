import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Dynamic beliefs survive every path through the store: a catalogue that lists one (format
/// 3), an own one declared through the journal (tag 14), a reopen, compaction into a snapshot
/// (format 5) and export/import; soft evidence on one is refused by the store too.
@Suite struct FileStoreDynamicBeliefTests {
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

  static func parameters(learn: Double = 0.1) throws -> KnowledgeTracing.Parameters {
    try KnowledgeTracing.Parameters(prior: 0.3, learn: learn, forget: 0.05, guess: 0.2, slip: 0.1)
  }

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        .dynamic("skill.fractions", statement: "Can add fractions", parameters: parameters())
      ],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
  }

  static func answers(_ belief: BeliefKey) throws -> [Evidence] {
    try [true, false, true, true].enumerated().map { t, holds in
      Evidence(
        id: try EvidenceID("\(belief.rawValue)-\(t)"), belief: belief,
        content: holds ? .holds : .doesNotHold, source: "quiz", observedAt: now + Double(t))
    }
  }

  @Test func aDynamicBeliefSurvivesReopenCompactionAndExport() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    var store: FileStore? = try FileStore(at: folder.path)
    try await store?.publish(try Self.catalogue())
    try await store?.createUser("u")
    try await store?.declare(
      [
        .dynamic(
          "skill.decimals", statement: "Can compare decimals",
          parameters: Self.parameters(learn: 0.3))
      ],
      for: "u")
    try await store?.record(
      try Self.answers("skill.fractions") + Self.answers("skill.decimals"), for: "u",
      at: Self.now + 60)
    let before = try #require(try await store?.model(for: "u"))
    let estimates = try before.estimates(at: Self.now + 60)
    let expected = try #require(
      KnowledgeTracing.filter([true, false, true, true], parameters: Self.parameters()).last)
    #expect(estimates.first?.probabilities.first == expected.masteryNext)
    #expect(estimates.allSatisfy { $0.mastery?.answerCount == 4 })
    store?.close()

    store = try FileStore(at: folder.path)
    #expect(try await store?.model(for: "u") == before)
    #expect(try await store?.model(for: "u").estimates(at: Self.now + 60) == estimates)
    try await store?.compact("u")
    store?.close()

    store = try FileStore(at: folder.path)
    defer { store?.close() }
    let compacted = try #require(try await store?.model(for: "u"))
    #expect(compacted == before)
    #expect(try compacted.estimates(at: Self.now + 60) == estimates)
    #expect(compacted.snapshot.formatVersion == 5)
    let exported = try #require(try await store?.exportUser("u"))
    #expect(String(decoding: exported, as: UTF8.self).contains(#""dynamic""#))
    #expect(try await store?.deleteUser("u") == true)
    #expect(try await store?.importUser(exported, replacing: false) == "u")
    #expect(try await store?.model(for: "u").estimates(at: Self.now + 60) == estimates)

    let soft = Evidence(
      id: "soft", belief: "skill.fractions", content: .distribution(["true": 0.6, "false": 0.4]),
      source: "quiz", observedAt: Self.now)
    await #expect(throws: StoreError.self) {
      try await store?.record([soft], for: "u", at: Self.now + 60)
    }
  }

  /// A dynamic definition is declared under its own tag, so a library that predates dynamic
  /// beliefs stops there instead of reading it as counted.
  @Test func aDynamicDeclarationHasItsOwnJournalTag() throws {
    let dynamic = try BeliefDefinition.dynamic(
      "skill.decimals", statement: "Can compare decimals", parameters: Self.parameters())
    let declare = try OperationCodec.encode(.declare(dynamic))
    #expect(declare.first == 14)
    #expect(try OperationCodec.encode(.redeclare(dynamic)).first == 15)
    guard case .declare(let decoded) = try OperationCodec.decode(declare) else {
      Issue.record("not a declaration")
      return
    }
    #expect(decoded == dynamic)
    let counted = try BeliefDefinition.binary("a", statement: "A")
    #expect(try OperationCodec.encode(.declare(counted)).first == 3)
  }
}
