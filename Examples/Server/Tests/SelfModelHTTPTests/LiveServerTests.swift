import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

@testable import SelfModelHTTP

@Suite struct LiveServerTests {
  @Test func aRealServerAnswersAndClosesTheStoreWhenItShutsDown() async throws {
    let harness = try await Harness.make()
    try await harness.app.test(.live) { client in
      try await client.seed("u1", evidence: ["e1", "e2"])
      let response = try await client.send(.get, "/v1/users/u1/estimates?belief=preference.concise")
      #expect(response.status == .ok)
      let estimates = try decode(EstimatesResponse.self, response)
      #expect(estimates.estimates.map(\.belief) == ["preference.concise"])
      #expect(estimates.estimates[0].totalEvidence > 0)
    }
    // The test framework shut the server down gracefully: the store service closed the stores.
    await #expect(throws: StoreError.self) { try await harness.store.contains("u1") }
    await #expect(throws: StoreError.self) { try await harness.otherStore.contains("u1") }

    // What was acknowledged is on disk: a new store over the same folder has it.
    let reopened = try SelfModelService.openStore(
      at: SelfModelService.folder(of: Harness.acme(), harness.configuration),
      harness.configuration, logger: quietLogger)
    let model = try await reopened.model(for: "u1")
    #expect(model.evidence.map(\.id) == ["e1", "e2"])
    await reopened.shutdown()
    try? FileManager.default.removeItem(at: harness.folder.deletingLastPathComponent())
  }
}
