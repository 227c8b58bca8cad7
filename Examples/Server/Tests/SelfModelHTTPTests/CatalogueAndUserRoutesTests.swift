import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

@Suite struct CatalogueAndUserRoutesTests {
  @Test func healthAndCatalogueAnswerWithTheirJSON() async throws {
    try await Harness.make().run { client in
      let health = try await client.send(.get, "/v1/health")
      #expect(health.status == .ok)
      #expect(try decode(HealthResponse.self, health) == HealthResponse(status: "ok"))
      let catalogue = try await client.send(.get, "/v1/catalogue")
      #expect(catalogue.status == .ok)
      #expect(catalogue.headers[.contentType] == "application/json")
      let decoded = try decode(Catalogue.self, catalogue)
      #expect(decoded.version == 1)
      #expect(decoded.beliefs.map(\.key) == ["preference.concise", "preference.tone"])
    }
  }

  @Test func publishingANewVersionAnswersTheDiffAndRepublishingChangesNothing() async throws {
    let body = String(
      decoding: try OperationCoding.encoder().encode(Harness.catalogue(version: 2)), as: UTF8.self)
    try await Harness.make().run { client in
      let first = try await client.send(.put, "/v1/catalogue", json: body)
      #expect(first.status == .ok)
      let diff = try decode(CatalogueDiff.self, first)
      #expect(diff.fromVersion == 1)
      #expect(diff.toVersion == 2)
      #expect(diff.addedBeliefs == ["preference.emoji"])
      let again = try decode(
        CatalogueDiff.self, try await client.send(.put, "/v1/catalogue", json: body))
      #expect(again.addedBeliefs.isEmpty)
      #expect(again.toVersion == 2)
    }
  }

  @Test func usersAreCreatedReadListedInPagesAndDeleted() async throws {
    try await Harness.make().run { client in
      let created = try await client.send(
        .post, "/v1/users",
        json: #"""
          {"user": "u1", "sources": [{"id": "diary", "kind": "userStated", "reliability": 0.8}]}
          """#)
      #expect(created.status == .created)
      #expect(created.headers[.location] == "/v1/users/u1")
      let summary = try decode(UserSummary.self, created)
      #expect(summary.beliefs == ["preference.concise", "preference.tone"])
      #expect(summary.sources.contains("diary"))
      #expect(summary.evidenceCount == 0)
      #expect(!summary.hasOwnPolicy)
      try await client.seed("u2", evidence: ["e1", "e2"])
      let u2 = try decode(UserSummary.self, try await client.send(.get, "/v1/users/u2"))
      #expect(u2.evidenceCount == 2)

      let first = try decode(
        UserListResponse.self, try await client.send(.get, "/v1/users?limit=1"))
      #expect(first.users.count == 1)
      let next = try #require(first.next)
      let second = try decode(
        UserListResponse.self, try await client.send(.get, "/v1/users?limit=1&after=\(next)"))
      #expect(Set(first.users + second.users) == ["u1", "u2"])

      #expect(try await client.send(.delete, "/v1/users/u1").status == .noContent)
      #expect(try await client.send(.get, "/v1/users/u1").status == .notFound)
      let rest = try decode(UserListResponse.self, try await client.send(.get, "/v1/users"))
      #expect(rest.users == ["u2"])
      #expect(rest.next == nil)
    }
  }

  @Test func anExportImportsBackAfterDeletionAndAgainOnlyWhenReplacing() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2"])
      let export = try await client.send(.get, "/v1/users/u1/export")
      #expect(export.status == .ok)
      let document = text(export)
      #expect(document.contains("\"e2\""))
      #expect(document.contains("2025-12-31T00:00:00Z"))
      #expect(try await client.send(.delete, "/v1/users/u1").status == .noContent)

      let imported = try await client.send(.post, "/v1/imports", json: document)
      #expect(imported.status == .created)
      #expect(try decode(ImportResponse.self, imported) == ImportResponse(user: "u1"))
      let summary = try decode(UserSummary.self, try await client.send(.get, "/v1/users/u1"))
      #expect(summary.evidenceCount == 2)

      let again = try await client.send(.post, "/v1/imports", json: document)
      #expect(again.status == .conflict)
      #expect(try problem(again).code == "userAlreadyExists")
      let replaced = try await client.send(.post, "/v1/imports?replace=true", json: document)
      #expect(replaced.status == .created)
    }
  }
}
