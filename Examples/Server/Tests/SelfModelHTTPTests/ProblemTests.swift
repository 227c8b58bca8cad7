import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelStore
import Testing

@testable import SelfModelHTTP

/// One test per error category through the service, and the malformed inputs that must be
/// 4xx problems, never a bare 500.
@Suite struct ProblemTests {
  @Test func invalidInputIs400NamingTheValue() async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let bad =
        #"{"evidence": [\#(evidenceJSON(id: "e1", belief: "preference.tone", outcome: "rude"))]}"#
      let response = try await client.send(.post, "/v1/users/u1/evidence", json: bad)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.category == .invalidInput)
      #expect(document.code == "unknownOutcome")
      #expect(document.type == "urn:selfmodel:problem:unknownOutcome")
      #expect(document.members["outcome"] == "rude")
      #expect(document.members["user"] == "u1")
      #expect(document.instance == "/v1/users/u1/evidence")
      #expect(!document.retryable)
    }
  }

  @Test(
    arguments: [
      ("{\"evidence\": [", "malformedDocument", nil),
      ("[]", "malformedDocument", nil),
      (
        #"{"evidence": [{"id": "e1", "belief": "preference.concise", "content": {"outcome": "true"}, "source": "user", "observedAt": "2025-12-31T00:00:00Z", "weight": "heavy"}]}"#,
        "malformedDocument", "evidence.0.weight"
      ),
      (#"{"evidence": [\#(evidenceJSON(id: "bad id!"))]}"#, "invalidIdentifier", "evidence.0.id"),
      (
        #"{"evidence": [{"id": "e1", "belief": "preference.concise", "content": {"outcome": "true"}, "source": "user", "observedAt": "yesterday"}]}"#,
        "malformedDocument", "evidence.0.observedAt"
      ),
    ] as [(String, String, String?)])
  func malformedBodiesAre400WithTheCodingPath(
    body: String, code: String, path: String?
  ) async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let response = try await client.send(.post, "/v1/users/u1/evidence", json: body)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == code)
      #expect(document.category == .invalidInput)
      if let path { #expect(document.members["path"] == path) }
    }
  }

  @Test(arguments: [
    ("/v1/users/bad%20id!/estimates", "invalidIdentifier", "user"),
    ("/v1/users/u1/beliefs/no%20way/explanation", "invalidIdentifier", "belief"),
    ("/v1/users?limit=abc", "invalidQueryParameter", "limit"),
    ("/v1/users?limit=0", "invalidQueryParameter", "limit"),
    ("/v1/users/u1/estimates?level=high", "invalidQueryParameter", "level"),
    ("/v1/users/u1/estimates?belief=not%20a%20key", "invalidIdentifier", "belief"),
  ])
  func badPathAndQueryValuesAre400(uri: String, code: String, parameter: String) async throws {
    try await Harness.make().run { client in
      let response = try await client.send(.get, uri)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == code)
      #expect(document.members["parameter"] == parameter)
    }
  }

  @Test func oversizedBodiesAre413AndOversizedBatches400() async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let huge = #"{"evidence": [], "padding": "\#(String(repeating: "x", count: 70_000))"}"#
      let response = try await client.send(.post, "/v1/users/u1/evidence", json: huge)
      #expect(response.status == .contentTooLarge)
      #expect(try problem(response).code == "bodyTooLarge")
      let items = (0..<51).map { evidenceJSON(id: "e\($0)") }.joined(separator: ",")
      let batch = try await client.send(
        .post, "/v1/users/u1/evidence", json: #"{"evidence": [\#(items)]}"#)
      #expect(batch.status == .badRequest)
      #expect(try problem(batch).code == "batchTooLarge")
    }
  }

  @Test func notFoundIs404ForUsersBeliefsAndRoutes() async throws {
    try await Harness.make().run { client in
      let user = try await client.send(.get, "/v1/users/ghost/estimates")
      #expect(user.status == .notFound)
      let userProblem = try problem(user)
      #expect(userProblem.code == "userNotFound")
      #expect(userProblem.category == .notFound)
      #expect(userProblem.members["user"] == "ghost")

      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let belief = try await client.send(.get, "/v1/users/u1/beliefs/preference.none/explanation")
      #expect(belief.status == .notFound)
      #expect(try problem(belief).code == "unknownBelief")
      #expect(try problem(belief).members["belief"] == "preference.none")

      let route = try await client.send(.get, "/v2/users")
      #expect(route.status == .notFound)
      #expect(try problem(route).code == "routeNotFound")
      #expect(try await client.send(.delete, "/v1/users/ghost").status == .notFound)
    }
  }

  @Test func conflictIs409ForExistingUsersAndReusedEvidenceIDs() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1"])
      let twice = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      #expect(twice.status == .conflict)
      #expect(try problem(twice).code == "userAlreadyExists")
      #expect(try problem(twice).category == .conflict)

      let reused = #"{"evidence": [\#(evidenceJSON(id: "e1", outcome: "false"))]}"#
      let response = try await client.send(.post, "/v1/users/u1/evidence", json: reused)
      #expect(response.status == .conflict)
      let document = try problem(response)
      #expect(document.code == "evidenceIDReused")
      #expect(document.members["evidence"] == "e1")
    }
  }

  @Test func unavailableIs503WithRetryAfterOnceTheStoreIsClosed() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      try await client.seed("u1")
      await harness.store.shutdown()
      let response = try await client.send(.get, "/v1/users/u1/estimates")
      #expect(response.status == .serviceUnavailable)
      #expect(response.headers[.retryAfter] == "1")
      let document = try problem(response)
      #expect(document.category == .unavailable)
      #expect(document.code == "closed")
      #expect(document.retryable)
    }
  }

  @Test func internalIs500AndTellsTheClientNothingOfTheServer() async throws {
    try await Harness.make(store: FailingStore()).run { client in
      let response = try await client.send(.get, "/v1/users/u1/export")
      #expect(response.status == .internalServerError)
      let document = try problem(response)
      #expect(document.category == .internal)
      #expect(document.code == "ioFailure")
      #expect(response.headers[.retryAfter] == nil)
      #expect(!text(response).contains("secret"))
      #expect(!text(response).contains("EIO"))
    }
  }
}

/// Found by schemathesis: a context budget of 10^16 beliefs made the selector ask for 150 GB
/// and the process abort. Out-of-range budgets are now a 400.
@Suite struct PromptBudgetTests {
  @Test(arguments: [
    #"{"budget": {"beliefs": 60869425824259250}}"#, #"{"budget": {"beliefs": -1}}"#,
    #"{"budget": {"beliefs": 5, "characters": 99999999999}}"#, #"{"excludedLimit": 1000000}"#,
  ])
  func hugeOrNegativeBudgetsAre400(body: String) async throws {
    try await Harness.make().run { client in
      try await client.seed("u1")
      let response = try await client.send(.post, "/v1/users/u1/context", json: body)
      #expect(response.status == .badRequest)
      #expect(try problem(response).code == "numberOutOfRange")
    }
  }
}
