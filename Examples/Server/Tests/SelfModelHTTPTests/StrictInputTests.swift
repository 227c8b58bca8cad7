import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SelfModel
import Testing

@testable import SelfModelHTTP

/// Strict input and the contract's statuses: repeated keys, media types, depth, malformed
/// imports, wrong methods and unknown names in bodies.
@Suite struct StrictInputTests {
  @Test(arguments: [
    ("/v1/users", #"{"user": "u1", "user": "u2"}"#),
    ("/v1/users/u1/evidence", #"{"evidence": [], "evidence": []}"#),
    ("/v1/imports", #"{"format": "a", "format": "b"}"#),
  ])
  func aRepeatedKeyIsAMalformedDocument(path: String, body: String) async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      let response = try await client.send(.post, path, json: body)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == "malformedDocument")
      #expect(document.members["key"] != nil)
    }
  }

  @Test(arguments: [nil, "text/plain", "application/x-www-form-urlencoded"])
  func aBodyNotSentAsJSONIs415(contentType: String?) async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      var headers: HTTPFields = [.authorization: "Bearer \(Harness.acmeToken)"]
      if let contentType { headers[.contentType] = contentType }
      let response = try await client.execute(
        uri: "/v1/users", method: .post, headers: headers,
        body: ByteBuffer(string: #"{"user": "u1"}"#))
      #expect(response.status == .unsupportedMediaType)
      #expect(try problem(response).code == "unsupportedMediaType")
    }
  }

  @Test func aDocumentNestedPastTheLimitNamesTheLimit() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
      let response = try await client.send(.post, "/v1/users", json: #"{"user": \#(deep)}"#)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == "malformedDocument")
      #expect(document.members["maximumDepth"] == "64")
    }
  }

  @Test func aBadImportIsAMalformedDocumentWithoutSwiftErrorText() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      for body in [#"{"hello": 1}"#, #"{"format": "selfmodel.export", "formatVersion": 1}"#] {
        let response = try await client.send(.post, "/v1/imports", json: body)
        #expect(response.status == .badRequest)
        let document = try problem(response)
        #expect(document.code == "malformedDocument")
        #expect(!document.detail.contains("DecodingError"))
      }
    }
  }

  @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      let response = try await client.send(.patch, "/v1/users/u1")
      #expect(response.status == .methodNotAllowed)
      #expect(response.headers[.allow] == "GET, DELETE")
      #expect(try problem(response).code == "methodNotAllowed")
      let health = try await client.send(.post, "/v1/health", token: nil)
      #expect(health.status == .methodNotAllowed)
      #expect(try await client.send(.get, "/v1/nothing-here").status == .notFound)
    }
  }

  @Test func anUnknownNameInABodyIs422AndAMissingUserStays404() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      try await client.seed("u1")
      let unknownContext = try await client.send(
        .post, "/v1/users/u1/context", json: #"{"context": "surface:nowhere"}"#)
      #expect(unknownContext.status == .unprocessableContent)
      #expect(try problem(unknownContext).code == "unknownContext")
      let unknownBelief = try await client.send(
        .post, "/v1/users/u1/evidence",
        json: #"{"evidence": [\#(evidenceJSON(id: "x1", belief: "no.such"))]}"#)
      #expect(unknownBelief.status == .unprocessableContent)
      let missingUser = try await client.send(
        .post, "/v1/users/nobody/evidence", json: #"{"evidence": [\#(evidenceJSON(id: "x2"))]}"#)
      #expect(missingUser.status == .notFound)
    }
  }
}
