import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

@testable import SelfModelHTTP

/// Bearer tokens, tenant isolation and the request deadline, through the service.
@Suite struct AuthenticationTests {
  @Test(arguments: [
    (HTTPRequest.Method.get, "/v1/users"), (.get, "/v1/catalogue"), (.post, "/v1/users"),
    (.get, "/v1/users/u1/estimates"), (.delete, "/v1/users/u1"), (.post, "/v1/imports"),
  ])
  func everyAPIRouteIs401WithoutAToken(method: HTTPRequest.Method, uri: String) async throws {
    try await Harness.make().run { client in
      let response = try await client.send(method, uri, json: "{}", token: nil)
      #expect(response.status == .unauthorized)
      #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="selfmodel""#)
      let document = try problem(response)
      #expect(document.code == "unauthenticated")
      #expect(document.title == "Unauthorized")
      #expect(!document.retryable)
    }
  }

  @Test func anUnknownTokenOrAnotherSchemeIs401AndWritesNothing() async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      let wrong = try await client.send(
        .post, "/v1/users", json: #"{"user": "u1"}"#, token: "not-a-known-token-0123456789")
      #expect(wrong.status == .unauthorized)
      #expect(
        wrong.headers[.wwwAuthenticate] == #"Bearer realm="selfmodel", error="invalid_token""#)
      #expect(try problem(wrong).code == "invalidToken")
      let basic = try await client.execute(
        uri: "/v1/users", method: .get, headers: [.authorization: "Basic YWNtZTphY21l"])
      #expect(basic.status == .unauthorized)
      #expect(try await harness.store.contains("u1") == false)
    }
  }

  /// `unauthenticatedTenant` (the command's `--no-authentication`): every request works on
  /// that tenant's store, with no token, with an unknown one, or with another tenant's.
  @Test func authenticationOffWorksOnTheOneTenantWhateverTheToken() async throws {
    let harness = try await Harness.make { $0.unauthenticatedTenant = try? Harness.acme() }
    try await harness.run { client in
      let created = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#, token: nil)
      #expect(created.status == .created)
      #expect(try await harness.store.contains("u1"))
      for token in [nil, "not-a-known-token-0123456789", Harness.globexToken] {
        let read = try await client.send(.get, "/v1/users/u1", token: token)
        #expect(read.status == .ok, "token \(token ?? "none")")
      }
    }
  }

  @Test func healthAndTheOpenAPIDocumentNeedNoToken() async throws {
    try await Harness.make().run { client in
      #expect(try await client.send(.get, "/v1/health", token: nil).status == .ok)
      let document = try await client.send(.get, "/openapi.json", token: nil)
      #expect(document.status == .ok)
      #expect(document.headers[.contentType] == "application/json")
      #expect(Data(document.body.readableBytesView) == (try ContractTests.documentData()))
    }
  }

  @Test func anotherTenantsUserIs404LikeAUserThatDoesNotExist() async throws {
    try await Harness.make().run { client in
      try await client.seed("shared", evidence: ["e1"], token: Harness.globexToken)
      try await client.seed("theirs", evidence: ["e1"], token: Harness.globexToken)
      for uri in ["/v1/users/theirs", "/v1/users/theirs/estimates", "/v1/users/theirs/export"] {
        let probe = try await client.send(.get, uri)
        let ghost = try await client.send(
          .get, uri.replacingOccurrences(of: "theirs", with: "ghost"))
        #expect(probe.status == .notFound)
        var probed = try problem(probe)
        var missing = try problem(ghost)
        (probed.instance, missing.instance) = (nil, nil)
        probed.detail = probed.detail.replacingOccurrences(of: "theirs", with: "ghost")
        probed.members["user"] = "ghost"
        #expect(probed == missing)
      }
      #expect(try await client.send(.delete, "/v1/users/theirs").status == .notFound)
      // acme may create a user with the same id; each tenant then sees its own.
      try await client.seed("shared", evidence: ["e1", "e2"])
      let mine = try decode(UserSummary.self, try await client.send(.get, "/v1/users/shared"))
      let theirs = try decode(
        UserSummary.self,
        try await client.send(.get, "/v1/users/shared", token: Harness.globexToken))
      #expect(mine.evidenceCount == 2)
      #expect(theirs.evidenceCount == 1)
      let listed = try decode(UserListResponse.self, try await client.send(.get, "/v1/users"))
      #expect(listed.users == ["shared"])
    }
  }

  @Test func eachTenantPublishesItsOwnCatalogue() async throws {
    let body = String(
      decoding: try OperationCoding.encoder().encode(Harness.catalogue(version: 2)), as: UTF8.self)
    try await Harness.make().run { client in
      #expect(try await client.send(.put, "/v1/catalogue", json: body).status == .ok)
      let acme = try decode(Catalogue.self, try await client.send(.get, "/v1/catalogue"))
      let globex = try decode(
        Catalogue.self, try await client.send(.get, "/v1/catalogue", token: Harness.globexToken))
      #expect(acme.version == 2)
      #expect(globex.version == 1)
    }
  }

  @Test func aRequestPastTheDeadlineIsARetryable503() async throws {
    let harness = try await Harness.make(store: FailingStore(delay: .seconds(20))) {
      $0.requestTimeout = .milliseconds(200)
    }
    let started = ContinuousClock.now
    try await harness.run { client in
      let response = try await client.send(.get, "/v1/users")
      #expect(response.status == .serviceUnavailable)
      #expect(response.headers[.retryAfter] == "1")
      let document = try problem(response)
      #expect(document.code == "requestTimeout")
      #expect(document.retryable)
    }
    #expect(ContinuousClock.now - started < .seconds(10))
  }
}
