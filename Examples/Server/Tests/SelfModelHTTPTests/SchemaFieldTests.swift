import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

/// The document's schemas against the values the library encodes: each schema names exactly
/// the fields the library writes (and requires the ones it always writes), so the document
/// cannot drift from the code when a field is added or renamed.
@Suite struct SchemaFieldTests {
  /// The objects under `components.<kind>` (`schemas`, `parameters`).
  static func components(_ kind: String) throws -> [String: Any] {
    let components = try #require(ContractTests.document()["components"] as? [String: Any])
    return try #require(components[kind] as? [String: Any], "no components.\(kind)")
  }

  /// The schema named `name` under `components.schemas`.
  static func schema(_ name: String) throws -> [String: Any] {
    try #require(try components("schemas")[name] as? [String: Any], "no schema \(name)")
  }

  /// The property names of a schema.
  static func properties(_ schema: [String: Any]) throws -> Set<String> {
    Set(try #require(schema["properties"] as? [String: Any]).keys)
  }

  /// `value` encoded the API's way, as JSON objects.
  static func json(_ value: some Encodable) throws -> Any {
    try JSONSerialization.jsonObject(with: OperationCoding.encoder().encode(value))
  }

  @Test func aPolicyWithEveryFieldSetWritesExactlyTheSchemasProperties() throws {
    let policy = RevisionPolicy(
      priorWeight: 3, defaultHalfLife: 60, halfLifeBySourceKind: [.behavior: 10],
      halfLifeByBelief: ["b": 20], halfLifeBySource: ["s": .noDecay],
      reliabilityOverrides: ["s": 2], maximumContributionPerSource: 5, futureTolerance: 0)
    let written = try #require(try Self.json(policy) as? [String: Any])
    #expect(Set(written.keys) == (try Self.properties(try Self.schema("RevisionPolicy"))))
    #expect((written["halfLifeBySource"] as? [String: Any])?["s"] as? String == "none")
  }

  @Test func aLikelihoodWritesEveryPropertyAndItsOverridesAsAnObjectOfKnownCategories() throws {
    let schema = try Self.schema("ReactionLikelihood")
    let likelihood = ReactionLikelihood(sourceOverrides: [.rejected: "reactions.rejected"])
    let written = try #require(try Self.json(likelihood) as? [String: Any])
    #expect(Set(written.keys) == (try Self.properties(schema)))
    #expect(schema["required"] == nil)
    #expect(written["sourceOverrides"] as? [String: String] == ["rejected": "reactions.rejected"])
    let overrides = try #require(
      (schema["properties"] as? [String: Any])?["sourceOverrides"] as? [String: Any])
    let names = (overrides["propertyNames"] as? [String: Any])?["enum"] as? [String]
    #expect(Set(names ?? []) == Set(ReactionCategory.allCases.map(\.rawValue)))
  }

  @Test func everyReactionKindWritesOneKeyWithTheFieldsOfItsVariant() throws {
    let variants = try #require(try Self.schema("ReactionKind")["oneOf"] as? [[String: Any]])
    let kinds: [ReactionKind] = [
      .accepted, .rejected, .edited(contradicting: ["b"]), .rated(4, scale: 1...5),
    ]
    #expect(variants.count == kinds.count)
    for kind in kinds {
      let written = try #require(try Self.json(kind) as? [String: [String: Any]])
      #expect(written.keys.sorted() == [kind.name])
      let variant = try #require(variants.first { $0["title"] as? String == kind.name })
      let payload = try #require(
        (variant["properties"] as? [String: Any])?[kind.name] as? [String: Any])
      let fields = Set((payload["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
      #expect(Set(written[kind.name]?.keys.map { $0 } ?? []) == fields, "\(kind.name)")
    }
  }

  @Test func anExportWritesTheEnvelopeAndSnapshotTheSchemasDescribe() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1"])
      let export = try await client.send(.get, "/v1/users/u1/export")
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(text(export).utf8)) as? [String: Any])
      let envelope = try Self.schema("ExportDocument")
      #expect(Set(document.keys) == Set(try #require(envelope["required"] as? [String])))
      #expect(document["format"] as? String == "selfmodel.user-export")
      let snapshot = try #require(document["snapshot"] as? [String: Any])
      let schema = try Self.schema("UserModelSnapshot")
      let required = Set(try #require(schema["required"] as? [String]))
      #expect(required.isSubset(of: Set(snapshot.keys)))
      #expect(Set(snapshot.keys).isSubset(of: try Self.properties(schema)))
    }
  }
}
