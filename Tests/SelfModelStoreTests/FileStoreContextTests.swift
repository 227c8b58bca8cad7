import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Contexts on evidence and priors in definitions survive every path through the store:
/// the journal, a reopen, compaction into a snapshot, a fitted catalogue and export/import.
@Suite struct FileStoreContextTests {
  private typealias Fixture = CatalogueFixture

  static func fittedCatalogue() throws -> Catalogue {
    let base = try Fixture.catalogue(version: 2)
    let beliefs = try base.beliefs.map { definition throws(ModelError) in
      guard definition.key == Fixture.concise else { return definition }
      return try definition.replacingPriors(
        baseRates: [0.45, 0.55], priorWeight: 3,
        contexts: [
          "surface:email": ContextPrior(baseRates: [0.8, 0.2], priorWeight: 9),
          "surface:email/reply": ContextPrior(parent: "surface:email"),
        ])
    }
    return try Catalogue(
      version: 3, beliefs: beliefs, sources: base.sources, policy: base.policy)
  }

  static func items() -> [Evidence] {
    (0..<6).map { index in
      let content: EvidenceContent = index % 3 == 0 ? .doesNotHold : .holds
      let context: ContextID? = index % 2 == 0 ? "surface:email/reply" : nil
      return Evidence(
        id: EvidenceID(stringLiteral: "c\(index)"), belief: Fixture.concise, content: content,
        source: "user", observedAt: Fixture.now + Double(index), context: context)
    }
  }

  @Test func contextsAndPriorsSurviveReopenCompactionAndExport() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    var store: FileStore? = try FileStore(at: folder.path)
    try await store?.publish(try Fixture.catalogue(version: 1))
    try await store?.publish(try Self.fittedCatalogue())
    try await store?.createUser("u")
    try await store?.record(Self.items(), for: "u", at: Fixture.now + 60)
    let before = try #require(try await store?.model(for: "u"))
    let at = Fixture.now + 3_600
    let inContext = try before.estimate(for: Fixture.concise, in: "surface:email/reply", at: at)
    #expect(inContext.priorWeight == 9 && inContext.baseRates == [0.8, 0.2])
    store?.close()

    store = try FileStore(at: folder.path)
    let reopened = try #require(try await store?.model(for: "u"))
    #expect(reopened == before)
    #expect(reopened.evidence.map(\.context) == Self.items().map(\.context))
    let catalogue = try #require(try await store?.catalogue())
    let fitted = try Self.fittedCatalogue()
    #expect(catalogue.definition(for: Fixture.concise) == fitted.definition(for: Fixture.concise))
    #expect(catalogue.version == 3 && catalogue.requiredFormatVersion == 2)
    try await store?.compact("u")
    store?.close()

    store = try FileStore(at: folder.path)
    defer { store?.close() }
    let compacted = try #require(try await store?.model(for: "u"))
    #expect(compacted.evidence.map(\.context) == Self.items().map(\.context))
    #expect(
      try compacted.estimate(for: Fixture.concise, in: "surface:email/reply", at: at) == inContext)
    let exported = try #require(try await store?.exportUser("u"))
    #expect(
      String(decoding: exported, as: UTF8.self).contains(#""context":"surface:email\/reply""#))
    #expect(try await store?.deleteUser("u") == true)
    #expect(try await store?.importUser(exported, replacing: false) == "u")
    #expect(try await store?.model(for: "u") == before)
  }

  @Test func theStoreReadsAnswerInAContextThroughTheModel() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await store.publish(try Self.fittedCatalogue())
    try await store.createUser("u")
    try await store.record(Self.items(), for: "u", at: Fixture.now + 60)
    let model = try await store.model(for: "u")
    let at = Fixture.now + 60
    let estimates = try await store.estimates(
      for: "u", beliefs: [Fixture.concise], in: "surface:email", at: at)
    #expect(estimates == (try model.estimates(beliefs: [Fixture.concise], in: "surface:email", at: at)))
    do {
      _ = try await store.estimates(for: "u", beliefs: nil, in: "surface:nowhere", at: at)
      Issue.record("an unknown context was accepted")
    } catch {
      #expect(error.code == .rejectedByModel)
      #expect(error.modelError == .unknownContext(belief: nil, context: "surface:nowhere"))
    }
    let why = try await store.explanation(
      for: "u", belief: Fixture.concise, in: "surface:email/reply", at: at)
    #expect(why == (try model.explain(Fixture.concise, in: "surface:email/reply", at: at)))
  }
}
