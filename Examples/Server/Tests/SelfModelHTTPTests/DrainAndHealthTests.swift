import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

@testable import SelfModelHTTP

/// Readiness, health and the drain at the HTTP level.
@Suite struct DrainAndHealthTests {
  @Test func whileDrainingRequestsGet503WithRetryAfterAndConnectionClose() async throws {
    let harness = try await Harness.make()
    let drain = DrainState()
    let app = SelfModelService.application(
      stores: harness.stores, tokens: harness.tokens, configuration: harness.configuration,
      logger: quietLogger, clock: { Harness.now }, drain: drain)
    try await app.test(.live) { client in
      let port = try #require(client.port)
      let get = { (path: String, token: String?) in
        // A connection per request: after `Connection: close` the client must not reuse one.
        try await BoundedWorkTests.get(path, port: port, token: token)
      }
      #expect(try await get("/v1/ready", nil).status == .ok)
      drain.beginDraining()
      let refused = try await get("/v1/users", Harness.acmeToken)
      #expect(refused.status == .serviceUnavailable)
      #expect(refused.headers[.retryAfter] == "1")
      #expect(refused.headers[.connection] == "close")
      let document = try OperationCoding.decoder().decode(
        ProblemDocument.self, from: Data((refused.body ?? ByteBuffer()).readableBytesView))
      #expect(document.code == "draining")
      let ready = try await get("/v1/ready", nil)
      #expect(ready.status == .serviceUnavailable)
      let readiness = try OperationCoding.decoder().decode(
        HealthResponse.self, from: Data((ready.body ?? ByteBuffer()).readableBytesView))
      #expect(readiness.status == "draining")
      #expect(try await get("/v1/health", nil).status == .ok)
    }
    await harness.stores.shutdown()
  }

  /// A store that stopped writing makes health and readiness 503 `failed`, naming the tenant
  /// and the reason; the other tenant's store is not named.
  @Test func aFailedStoreIsReportedWithItsReason() async throws {
    let harness = try await Harness.make()
    let store = try #require(harness.store as? FileStore)
    // Removing the store's lock file is a failure the store detects before its next write.
    try FileManager.default.removeItem(atPath: store.path + "/LOCK")
    try await harness.run { client in
      let write = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      #expect(write.status == .serviceUnavailable)
      for path in ["/v1/health", "/v1/ready"] {
        let response = try await client.send(.get, path, token: nil)
        #expect(response.status == .serviceUnavailable)
        let health = try decode(HealthResponse.self, response)
        #expect(health.status == "failed")
        #expect(health.failures?.map(\.tenant) == ["acme"])
        #expect(health.failures?.first?.reason.contains(store.path) == false)
      }
    }
  }
}
