import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModelStore
import ServiceAccess
import Testing

@testable import SelfModelHTTP

/// Stores on a server (PostgreSQL) are probed: health and readiness report a tenant whose
/// store stops answering as they report a `FileStore` that failed, and clear it once it
/// answers again.
@Suite struct StoreProbeTests {
  @Test func aStoreThatDoesNotAnswerItsProbeIsReportedByHealthAndReadiness() async throws {
    let harness = try await Harness.make()
    let stores = TenantStores(
      [try Harness.acme(): FailingStore(), try TenantID("globex"): harness.otherStore],
      probesReachability: true)
    #expect(stores.failures.isEmpty)  // nothing probed yet
    let app = SelfModelService.application(
      stores: stores, tokens: harness.tokens, configuration: harness.configuration,
      logger: quietLogger, clock: { Harness.now })
    // The application probes by itself: no call to `probe()` here.
    try await app.test(.live) { client in
      var health = try await client.send(.get, "/v1/health", token: nil)
      for _ in 0..<50 where health.status == .ok {
        try await Task.sleep(for: .milliseconds(100))
        health = try await client.send(.get, "/v1/health", token: nil)
      }
      for path in ["/v1/health", "/v1/ready"] {
        let response = try await client.send(.get, path, token: nil)
        #expect(response.status == .serviceUnavailable)
        let body = try decode(HealthResponse.self, response)
        #expect(body.status == "failed")
        #expect(body.failures?.map(\.tenant) == ["acme"])
        #expect(body.failures?.first?.code == "ioFailure")
        #expect(body.failures?.first?.reason == "probe failed")
      }
    }
    try? FileManager.default.removeItem(at: harness.folder.deletingLastPathComponent())
  }

  @Test func aStoreThatAnswersIsNotReportedAndUnprobedStoresAreNotProbed() async throws {
    let harness = try await Harness.make()
    let probed = TenantStores([try Harness.acme(): harness.store], probesReachability: true)
    await probed.probe()
    #expect(probed.failures.isEmpty)
    let unprobed = TenantStores([try Harness.acme(): FailingStore()])
    await unprobed.probe()
    #expect(unprobed.failures.isEmpty)
    #expect(!unprobed.probesReachability)
    await harness.stores.shutdown()
    // A closed store is shutting down, not failing.
    await probed.probe()
    #expect(probed.failures.isEmpty)
    try? FileManager.default.removeItem(at: harness.folder.deletingLastPathComponent())
  }
}
