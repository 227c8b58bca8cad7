import Foundation
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

/// The OpenAPI document against the library's limits: every bound the document states for a
/// number or a list a caller sets is the `OperationLimits.standard` value the operations
/// enforce, and every limit of `OperationLimits` is stated somewhere in the document.
@Suite struct OpenAPILimitsTests {
  /// Where each limit is stated: the limit's coding key, the schema, and its bound's key.
  static func statements() throws -> [(limit: String, schema: [String: Any], bound: String)] {
    let schemas = try SchemaFieldTests.components("schemas")
    let context = try member(schemas, "PromptQuery", "properties")
    let budget = try member(context, "budget", "properties")
    let reaction = try member(schemas, "ReactionRequest", "properties", "response", "properties")
    return [
      (
        "maximumBatchSize", try member(schemas, "EvidenceBatch", "properties", "evidence"),
        "maxItems"
      ),
      ("maximumPromptBeliefs", try member(budget, "beliefs"), "maximum"),
      ("maximumPromptCharacters", try member(budget, "characters"), "maximum"),
      ("maximumPromptExcluded", try member(context, "excludedLimit"), "maximum"),
      (
        "maximumExplanationItems",
        try query("/v1/users/{user}/beliefs/{belief}/explanation", "limit"), "maximum"
      ),
      ("maximumQuestions", try query("/v1/users/{user}/next-questions", "limit"), "maximum"),
      (
        "maximumCandidates", try member(schemas, "RankingRequest", "properties", "candidates"),
        "maxItems"
      ),
      ("maximumCandidates", try member(reaction, "candidates"), "maxItems"),
      ("maximumPageSize", try query("/v1/users", "limit"), "maximum"),
    ]
  }

  @Test func everyBoundIsTheStandardLimit() throws {
    let standard = try #require(
      try JSONSerialization.jsonObject(
        with: OperationCoding.encoder().encode(OperationLimits.standard))
        as? [String: Int])
    let statements = try Self.statements()
    for statement in statements {
      let stated = statement.schema[statement.bound] as? Int
      #expect(
        stated == standard[statement.limit],
        "\(statement.limit): the document says \(String(describing: stated))")
    }
    #expect(
      Set(statements.map(\.limit)) == Set(standard.keys), "a limit the document does not state")
  }

  @Test func theLowerBoundsAreTheOperationsToo() throws {
    let schemas = try SchemaFieldTests.components("schemas")
    let budget = try Self.member(schemas, "PromptQuery", "properties", "budget", "properties")
    for schema in [try Self.member(budget, "beliefs"), try Self.member(budget, "characters")] {
      #expect(schema["minimum"] as? Int == 1)
    }
    for path in [
      "/v1/users", "/v1/users/{user}/next-questions",
      "/v1/users/{user}/beliefs/{belief}/explanation",
    ] {
      #expect(try Self.query(path, "limit")["minimum"] as? Int == 1, "\(path)")
    }
  }

  @Test func everyDefaultLevelIsTheLibrarysOne() throws {
    let parameters = try SchemaFieldTests.components("parameters")
    let schemas = try SchemaFieldTests.components("schemas")
    let levels = [
      try Self.member(parameters, "level", "schema"),
      try Self.member(schemas, "RankingRequest", "properties", "level"),
      try Self.member(schemas, "ReactionRequest", "properties", "level"),
    ]
    for level in levels {
      #expect(level["default"] as? Double == BeliefEstimate.defaultCredibleLevel)
    }
  }

  /// The object at `keys` under `object`.
  static func member(_ object: [String: Any], _ keys: String...) throws -> [String: Any] {
    var current = object
    for key in keys { current = try #require(current[key] as? [String: Any], "no \(key)") }
    return current
  }

  /// The schema of the query parameter `name` of `GET path`.
  static func query(_ path: String, _ name: String) throws -> [String: Any] {
    let paths = try #require(try ContractTests.document()["paths"] as? [String: Any])
    let get = try member(try #require(paths[path] as? [String: Any], "no \(path)"), "get")
    let parameters = try #require(get["parameters"] as? [[String: Any]])
    let parameter = try #require(parameters.first { $0["name"] as? String == name }, "no \(name)")
    return try member(parameter, "schema")
  }
}
