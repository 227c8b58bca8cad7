import Foundation
import HTTPTypes
import SelfModel
import SelfModelOperations

/// One step of the scripted session: an operation's request value as JSON, and how each edge
/// reaches that operation (`nil` where an edge has no such operation).
struct Step: Sendable {
  /// How the HTTP service reaches the operation.
  struct Route: Sendable {
    let method: HTTPRequest.Method
    let uri: String
    /// Whether the request travels as the body (`user` taken out when the path names it).
    var body = Body.nothing
  }

  /// No body, the request without `user` (the path names the user), or the whole request.
  enum Body: Sendable { case nothing, withoutUser, whole }

  let name: String
  /// The request value's JSON: the library decodes it, the MCP tool takes it as arguments.
  let request: String
  /// The direct call: decodes `request`, runs one `Operations` method, encodes its answer.
  let library: @Sendable (Operations, Data) async throws -> Data
  let route: Route?
  let tool: String?
}

/// The session all three edges run, on fresh stores, at ``Session/now``.
enum Session {
  /// The fixed time every edge answers at: 2026-01-01T00:00:00Z.
  static let now = Date(timeIntervalSince1970: 1_767_225_600)
  /// The agent source: the only kind of source the MCP server writes as.
  static let agent: SourceID = "agent:assistant"

  static let catalogue = #"""
    {"format": "selfmodel.catalogue", "formatVersion": 1, "version": 1, "policy": {},
     "beliefs": [
      {"key": "style.concise", "statement": "Prefers concise answers",
       "outcomes": ["true", "false"], "baseRates": [0.5, 0.5], "tags": ["style"]},
      {"key": "style.tone", "statement": "Preferred tone",
       "outcomes": ["formal", "casual", "playful"], "baseRates": [0.4, 0.4, 0.2],
       "tags": ["style"]},
      {"key": "coding.tests-first", "statement": "Writes tests first",
       "outcomes": ["true", "false"], "baseRates": [0.5, 0.5], "tags": ["coding"],
       "importance": 2}],
     "sources": [
      {"id": "user", "kind": "userStated", "reliability": 0.95},
      {"id": "agent:assistant", "kind": "modelInference", "reliability": 0.6}]}
    """#

  static let candidates = #"""
    [{"id": "short", "stances": [{"belief": "style.concise", "assertion": {"outcome": "true"}}]},
     {"id": "chatty", "stances": [
       {"belief": "style.concise", "assertion": {"outcome": "false"}},
       {"belief": "style.tone", "assertion": {"distribution": {"casual": 0.7, "playful": 0.3}}}]}]
    """#

  /// The steps, in order. The catalogue is published on the MCP side before the session
  /// (the server has no publishing tool; `--catalogue` publishes at start), so its answer is
  /// compared through `list_beliefs`.
  static let steps: [Step] = [
    Step(
      name: "publish", request: catalogue,
      library: call(Catalogue.self) { try await $0.publish($1) },
      route: .init(method: .put, uri: "/v1/catalogue", body: .whole), tool: nil),
    Step(
      name: "catalogue", request: "{}",
      library: call(Empty.self) { ops, _ in try await ops.catalogue() },
      route: .init(method: .get, uri: "/v1/catalogue"), tool: nil),
    Step(
      name: "vocabulary", request: "{}",
      library: call(Empty.self) { ops, _ in try await ops.vocabulary() }, route: nil,
      tool: "list_beliefs"),
    Step(
      name: "create user", request: #"{"user": "u1"}"#,
      library: call(CreateUserRequest.self) { try await $0.createUser($1) },
      route: .init(method: .post, uri: "/v1/users", body: .whole), tool: "create_user"),
    Step(
      name: "record evidence", request: record,
      library: call(RecordRequest.self) { try await $0.record($1, at: now) },
      route: .init(method: .post, uri: "/v1/users/u1/evidence", body: .withoutUser),
      tool: "record_observation"),
    Step(
      name: "prompt context",
      request: #"{"user": "u1", "tags": ["style"], "budget": {"beliefs": 5}}"#,
      library: call(PromptRequest.self) { try await $0.promptContext($1, at: now) },
      route: .init(method: .post, uri: "/v1/users/u1/context", body: .withoutUser),
      tool: "get_context"),
    Step(
      name: "reaction", request: reaction,
      library: call(ReactRequest.self) { try await $0.react($1, at: now) },
      route: .init(method: .post, uri: "/v1/users/u1/reactions", body: .withoutUser),
      tool: "record_reaction"),
    Step(
      name: "ranking", request: #"{"user": "u1", "candidates": \#(candidates)}"#,
      library: call(RankRequest.self) { try await $0.rank($1, at: now) },
      route: .init(method: .post, uri: "/v1/users/u1/rankings", body: .withoutUser), tool: nil),
    Step(
      name: "next questions",
      request: #"{"user": "u1", "limit": 3, "sensitivity": 0.9, "specificity": 0.8}"#,
      library: call(NextQuestionsRequest.self) { try await $0.nextQuestions($1, at: now) },
      route: .init(
        method: .get, uri: "/v1/users/u1/next-questions?limit=3&sensitivity=0.9&specificity=0.8"),
      tool: "next_question"),
    explain("explain"),
    Step(
      name: "forget", request: #"{"user": "u1", "evidence": "e1"}"#,
      library: call(ForgetRequest.self) { try await $0.forget($1) },
      route: .init(method: .delete, uri: "/v1/users/u1/evidence/e1"), tool: "forget"),
    explain("explain after forgetting"),
  ]

  static let record = #"""
    {"user": "u1", "evidence": [
      {"id": "e1", "belief": "style.concise", "content": {"outcome": "true"},
       "source": "agent:assistant", "observedAt": "2025-12-31T00:00:00.250Z", "weight": 2,
       "note": "said so"},
      {"id": "e2", "belief": "style.tone", "content": {"distribution": {"casual": 0.8, "formal": 0.2}},
       "source": "agent:assistant", "observedAt": "2025-12-31T06:00:00Z"}]}
    """#

  static let reaction = #"""
    {"user": "u1", "response": {"id": "resp-1", "candidates": \#(candidates)},
     "reaction": {"candidate": "short", "kind": {"accepted": {}}, "observedAt": "2025-12-31T12:00:00Z"},
     "likelihood": {"source": "agent:assistant"}}
    """#

  static func explain(_ name: String) -> Step {
    Step(
      name: name, request: #"{"user": "u1", "belief": "style.concise", "limit": 10}"#,
      library: call(ExplainRequest.self) { try await $0.explain($1, at: now) },
      route: .init(method: .get, uri: "/v1/users/u1/beliefs/style.concise/explanation?limit=10"),
      tool: "explain_belief")
  }

  /// A request with no fields (the catalogue reads).
  struct Empty: Decodable, Sendable {}

  /// The direct call of one operation: `Request` decoded with `OperationCoding.decoder()`,
  /// the answer encoded with `OperationCoding.encoder()`.
  static func call<Request: Decodable & Sendable, Answer: Encodable & Sendable>(
    _ type: Request.Type, _ run: @escaping @Sendable (Operations, Request) async throws -> Answer
  ) -> @Sendable (Operations, Data) async throws -> Data {
    { operations, json in
      let request = try OperationCoding.decoder().decode(Request.self, from: json)
      return try OperationCoding.encoder().encode(try await run(operations, request))
    }
  }
}
