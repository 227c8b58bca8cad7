import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import Testing

/// The writing tools: provenance (agents never write as the user), idempotent retries, typed
/// errors that leave the store unchanged, and forgetting without a trace.
@Suite struct WriteToolTests {
  /// One evidence item as an agent records it.
  static let item: [String: Value] = [
    "id": "obs-1", "belief": "coding.tests-first", "content": ["outcome": "true"],
    "source": .string(Fixture.agent.rawValue), "observedAt": "2026-05-08T10:00:00Z",
  ]

  static let observation = observing()

  /// `record_observation`'s arguments: ``item`` with `changes` (`nil` removes a field).
  static func observing(_ changes: [String: Value] = [:], user: String = "u1") -> [String: Value] {
    var evidence = item
    for (key, value) in changes {
      if value.isNull { evidence[key] = nil } else { evidence[key] = value }
    }
    return ["user": .string(user), "evidence": [.object(evidence)]]
  }

  static let candidates: Value = [
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
  ]

  static let reaction = reacting()

  /// `record_reaction`'s arguments: an acceptance of `short`, with `changes` to the reaction,
  /// other candidates, or `extra` top-level arguments.
  static func reacting(
    _ changes: [String: Value] = [:], candidates: Value = candidates,
    extra: [String: Value] = [:]
  ) -> [String: Value] {
    var reaction: [String: Value] = [
      "candidate": "short", "kind": ["accepted": [:]], "observedAt": "2026-05-08T10:05:00Z",
    ]
    reaction.merge(changes) { $1 }
    let base: [String: Value] = [
      "user": "u1", "response": ["id": "resp-1", "candidates": candidates],
      "reaction": .object(reaction),
    ]
    return base.merging(extra) { $1 }
  }

  @Test func observationIsRecordedAsTheAgentAndARetryCountsOnce() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let first = try await client.call("record_observation", Self.observation)
    #expect(first.isError == false)
    #expect(try first.response(ObservationResponse.self).recorded == ["obs-1"])
    let retry = try await client.call("record_observation", Self.observation)
    #expect(try retry.response(ObservationResponse.self).duplicates == ["obs-1"])
    let model = try await fixture.store.model(for: "u1")
    let recorded = model.evidence.filter { $0.id == "obs-1" }
    #expect(recorded.count == 1)
    #expect(recorded.first?.source == Fixture.agent)
    await fixture.remove()
  }

  static let badObservations: [([String: Value], String)] = [
    (["source": "user"], "sourceNotWritable"),
    (["source": "agent:other"], "sourceNotWritable"),
    (["content": ["outcome": "maybe"]], "unknownOutcome"),
    (["content": ["distribution": ["true": 0.5, "false": 0.6]]], "invalidDistribution"),
    (["content": ["outcome": "true", "distribution": ["true": 1]]], "invalidArguments"),
    (["source": nil], "invalidArguments"),
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
    let result = try await client.call("record_observation", Self.observing(changes))
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
    let result = await runner.call(
      "record_observation", arguments: Self.observing(["source": "user"]), scope: .all)
    #expect(result.code == "sourceNotWritable")
    #expect(try await fixture.store.model(for: "u1").evidence.count == 1)
    await fixture.remove()
  }

  @Test func reactionBecomesEvidenceAndARetryCountsOnce() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let first = try await client.call("record_reaction", Self.reaction)
    let recorded = try first.response(ObservationResponse.self).recorded
    #expect(recorded.count == 1)
    let retry = try await client.call("record_reaction", Self.reaction)
    #expect(try retry.response(ObservationResponse.self).duplicates == recorded)
    let model = try await fixture.store.model(for: "u1")
    let reactions = model.evidence.filter { $0.source == Fixture.agent }
    #expect(reactions.count == 1)
    #expect(reactions.first?.metadata["response"] == "resp-1")
    await fixture.remove()
  }

  static let badReactions: [([String: Value], String, String)] = [
    (reacting(["candidate": "missing"]), "unknownCandidate", "notFound"),
    (reacting(["kind": ["shrugged": [:]]]), "invalidArguments", "invalidInput"),
    (reacting(["kind": ["rated": ["scale": [1, 5]]]]), "invalidArguments", "invalidInput"),
    (
      reacting(["kind": ["rated": ["value": 9, "scale": [1, 5]]]]), "numberOutOfRange",
      "invalidInput"
    ),
    (
      reacting(["kind": ["rated": ["value": 3, "scale": [5, 1]]]]), "invalidArguments",
      "invalidInput"
    ),
    (
      reacting(["kind": ["edited": ["contradicting": ["coding.tests-first"]]]]), "undefined",
      "invalidInput"
    ),
    (reacting(extra: ["likelihood": ["source": "user"]]), "sourceNotWritable", "invalidInput"),
    (reacting(candidates: []), "unknownCandidate", "notFound"),
    (reacting(candidates: typoCandidates), "unknownBelief", "notFound"),
    (reacting(["kind": "accepted"]), "invalidArguments", "invalidInput"),
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
    arguments: [String: Value], code: String, category: String
  ) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let before = try await fixture.store.exportUser("u1")
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
    let recorded = try await client.call(
      "record_observation", Self.observing(["id": "obs-secret-7f3a"]))
    #expect(recorded.isError == false, "\(recorded.text)")
    #expect(try fixture.allBytes().range(of: Data("obs-secret-7f3a".utf8)) != nil)
    let result = try await client.call("forget", ["user": "u1", "evidence": "obs-secret-7f3a"])
    #expect(try result.response(ForgetResponse.self).forgotten == ["obs-secret-7f3a"])
    #expect(try fixture.allBytes().range(of: Data("obs-secret-7f3a".utf8)) == nil)
    #expect(try await fixture.store.model(for: "u1").evidence.map(\.id) == ["said-1"])
    let again = try await client.call("forget", ["user": "u1", "evidence": "obs-secret-7f3a"])
    #expect(again.code == "evidenceNotFound")
    await fixture.remove()
  }

  @Test func forgettingASourceIsLimitedToAgentSources() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    _ = try await client.call("record_observation", Self.observation)
    let refused = try await client.call("forget", ["user": "u1", "source": "user"])
    #expect(refused.code == "sourceNotWritable")
    let both = try await client.call(
      "forget", ["user": "u1", "source": "agent:planner", "evidence": "obs-1"])
    #expect(both.code == "invalidArgument")
    let result = try await client.call("forget", ["user": "u1", "source": "agent:planner"])
    #expect(try result.response(ForgetResponse.self).forgotten == ["obs-1"])
    #expect(try await fixture.store.model(for: "u1").evidence.map(\.id) == ["said-1"])
    await fixture.remove()
  }
}
