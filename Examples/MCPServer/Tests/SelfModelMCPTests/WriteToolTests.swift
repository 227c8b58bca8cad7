import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import Testing

/// The writing tools: provenance (agents never write as the user), idempotent retries, typed
/// errors that leave the store unchanged, and forgetting without a trace.
@Suite struct WriteToolTests {
  static let observation: [String: Value] = [
    "user": "u1", "id": "obs-1", "belief": "coding.tests-first", "outcome": "true",
    "observedAt": "2026-05-08T10:00:00Z",
  ]

  static let reaction: [String: Value] = [
    "user": "u1", "responseId": "resp-1", "candidate": "short", "reaction": "accepted",
    "observedAt": "2026-05-08T10:05:00Z",
    "candidates": [
      [
        "id": "short",
        "stances": [["belief": "style.concise", "assertion": ["outcome": "true"]]],
      ],
      [
        "id": "chatty",
        "stances": [
          ["belief": "style.concise", "assertion": ["outcome": "false"]],
          [
            "belief": "style.tone", "assertion": ["distribution": ["casual": 0.7, "playful": 0.3]],
          ],
        ],
      ],
    ],
  ]

  @Test func observationIsRecordedAsTheAgentAndARetryCountsOnce() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let first = try await client.call("record_observation", Self.observation)
    #expect(first.isError == false)
    #expect(first.structuredContent?.objectValue?["recorded"]?.arrayValue == ["obs-1"])
    let retry = try await client.call("record_observation", Self.observation)
    #expect(retry.isError == false)
    #expect(retry.structuredContent?.objectValue?["duplicates"]?.arrayValue == ["obs-1"])
    let model = try await fixture.store.model(for: "u1")
    let recorded = model.evidence.filter { $0.id == "obs-1" }
    #expect(recorded.count == 1)
    #expect(recorded.first?.source == Fixture.agent)
    await fixture.remove()
  }

  static let badObservations: [([String: Value], String)] = [
    (["source": "user"], "sourceNotWritable"),
    (["source": "agent:other"], "sourceNotWritable"),
    (["outcome": "maybe"], "unknownOutcome"),
    (["outcome": nil, "distribution": ["true": 0.5, "false": 0.6]], "invalidDistribution"),
    (["distribution": ["true": 1]], "invalidArguments"),
    (["weight": -1], "numberOutOfRange"),
    (["belief": "no.such"], "unknownBelief"),
    (["id": ""], "invalidIdentifier"),
    (["observedAt": "yesterday"], "invalidArguments"),
  ]

  @Test(arguments: Self.badObservations)
  func badObservationsChangeNothing(changes: [String: Value], code: String) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let before = try await fixture.store.exportUser("u1")
    var arguments = Self.observation
    for (key, value) in changes {
      if value.isNull { arguments[key] = nil } else { arguments[key] = value }
    }
    let result = try await client.call("record_observation", arguments)
    #expect(result.isError == true)
    #expect(result.code == code)
    #expect(try await fixture.store.exportUser("u1") == before)
    await fixture.remove()
  }

  @Test func aUserStatedSourceCannotBeMadeWritable() async throws {
    let fixture = try await Fixture()
    let catalogue = try await fixture.store.catalogue()
    #expect(throws: ToolError.sourceNotWritable("user")) {
      try AgentPolicy(writableSources: ["user"]).validate(against: catalogue)
    }
    #expect(throws: ToolError.model(.unknownSource("agent:ghost"))) {
      try AgentPolicy(writableSources: ["agent:ghost"]).validate(against: catalogue)
    }
    // Even a misconfigured runner refuses to record as the user-stated source.
    let runner = ToolRunner(
      store: fixture.store, policy: AgentPolicy(writableSources: ["user"]), now: { Fixture.now })
    var arguments = Self.observation
    arguments["source"] = "user"
    let result = await runner.call("record_observation", arguments: arguments, scope: .all)
    #expect(result.code == "sourceNotWritable")
    #expect(try await fixture.store.model(for: "u1").evidence.count == 1)
    await fixture.remove()
  }

  @Test func reactionBecomesEvidenceAndARetryCountsOnce() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let first = try await client.call("record_reaction", Self.reaction)
    #expect(first.isError == false)
    let recorded = first.structuredContent?.objectValue?["recorded"]?.arrayValue ?? []
    #expect(recorded.count == 1)
    let retry = try await client.call("record_reaction", Self.reaction)
    #expect(retry.structuredContent?.objectValue?["duplicates"]?.arrayValue == recorded)
    let model = try await fixture.store.model(for: "u1")
    let reactions = model.evidence.filter { $0.source == Fixture.agent }
    #expect(reactions.count == 1)
    #expect(reactions.first?.metadata["response"] == "resp-1")
    await fixture.remove()
  }

  static let badReactions: [([String: Value], String, String)] = [
    (["candidate": "missing"], "unknownCandidate", "notFound"),
    (["reaction": "shrugged"], "invalidArguments", "invalidInput"),
    (["reaction": "rated"], "invalidArguments", "invalidInput"),
    (["reaction": "rated", "rating": 9], "numberOutOfRange", "invalidInput"),
    (["reaction": "rated", "rating": 3, "scale": [5, 1]], "invalidArguments", "invalidInput"),
    (["reaction": "edited", "contradicting": ["coding.tests-first"]], "undefined", "invalidInput"),
    (["source": "user"], "sourceNotWritable", "invalidInput"),
    (["candidates": []], "undefined", "invalidInput"),
    (["candidates": Self.typoCandidates], "unknownBelief", "notFound"),
  ]

  /// The reacted-to candidate takes a stance on a misspelt belief.
  static let typoCandidates: Value = [
    [
      "id": "short",
      "stances": [
        ["belief": "style.concise", "assertion": ["outcome": "true"]],
        ["belief": "style.consise", "assertion": ["outcome": "true"]],
      ],
    ]
  ]

  @Test(arguments: Self.badReactions)
  func badReactionsChangeNothing(
    changes: [String: Value], code: String, category: String
  ) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let before = try await fixture.store.exportUser("u1")
    var arguments = Self.reaction
    for (key, value) in changes { arguments[key] = value }
    let result = try await client.call("record_reaction", arguments)
    #expect(result.isError == true)
    #expect(result.code == code)
    #expect(result.category == category)
    #expect(try await fixture.store.exportUser("u1") == before)
    await fixture.remove()
  }

  @Test func forgetLeavesNoTraceInTheStore() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    var arguments = Self.observation
    arguments["id"] = "obs-secret-7f3a"
    _ = try await client.call("record_observation", arguments)
    #expect(try fixture.allBytes().range(of: Data("obs-secret-7f3a".utf8)) != nil)
    let result = try await client.call("forget", ["user": "u1", "evidenceId": "obs-secret-7f3a"])
    #expect(result.isError == false)
    #expect(result.structuredContent?.objectValue?["forgotten"]?.arrayValue == ["obs-secret-7f3a"])
    #expect(try fixture.allBytes().range(of: Data("obs-secret-7f3a".utf8)) == nil)
    #expect(try await fixture.store.model(for: "u1").evidence.map(\.id) == ["said-1"])
    let again = try await client.call("forget", ["user": "u1", "evidenceId": "obs-secret-7f3a"])
    #expect(again.isError == false)
    #expect(again.structuredContent?.objectValue?["forgotten"]?.arrayValue == [])
    await fixture.remove()
  }

  @Test func forgettingASourceIsLimitedToAgentSources() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    _ = try await client.call("record_observation", Self.observation)
    let refused = try await client.call("forget", ["user": "u1", "source": "user"])
    #expect(refused.code == "sourceNotWritable")
    let both = try await client.call(
      "forget", ["user": "u1", "source": "agent:planner", "evidenceId": "obs-1"])
    #expect(both.code == "invalidArguments")
    let result = try await client.call("forget", ["user": "u1", "source": "agent:planner"])
    #expect(result.structuredContent?.objectValue?["forgotten"]?.arrayValue == ["obs-1"])
    #expect(try await fixture.store.model(for: "u1").evidence.map(\.id) == ["said-1"])
    await fixture.remove()
  }
}
