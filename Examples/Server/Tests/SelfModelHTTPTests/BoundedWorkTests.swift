import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

/// Bounded work at the HTTP level: a handler stuck in a computation that ignores cancellation
/// does not delay health or authentication, and its client gets the 503 at the deadline, not
/// when the computation ends.
@Suite struct BoundedWorkTests {
  @Test func stuckHandlersDoNotDelayHealthAuthenticationOrTheirOwnDeadline() async throws {
    let harness = try await Harness.make(store: FailingStore(blocking: .seconds(10))) {
      $0.requestTimeout = .seconds(1)
      $0.workThreads = 2
    }
    try await harness.run(.live) { client in
      let port = try #require(client.port)
      let start = ContinuousClock.now
      // Four stuck requests: both work threads held, two more queued behind them.
      async let stuck = withThrowingTaskGroup(of: (HTTPResponse.Status, Duration).self) { group in
        for _ in 0..<4 {
          group.addTask {
            let response = try await Self.get("/v1/users", port: port, token: Harness.acmeToken)
            return (response.status, ContinuousClock.now - start)
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      try await Task.sleep(for: .milliseconds(300))
      let asked = ContinuousClock.now
      let health = try await Self.get("/v1/health", port: port, token: nil)
      let unauthenticated = try await Self.get("/v1/users", port: port, token: nil)
      let answered = ContinuousClock.now - asked
      #expect(health.status == .ok)
      #expect(unauthenticated.status == .unauthorized)
      // Two new connections; stuck handlers would hold them 10 s. The margins are wide: run
      // beside the other suites on a loaded 2-core machine, the process's shared threads can
      // be busy with other tests for seconds.
      #expect(answered < .seconds(5), "health and 401 waited for stuck handlers")
      for (status, elapsed) in try await stuck {
        #expect(status == .serviceUnavailable)
        #expect(elapsed < .seconds(6), "the 503 waited for the stuck computation")
      }
    }
  }

  /// A GET on its own connection, so that requests run side by side.
  static func get(_ uri: String, port: Int, token: String?) async throws -> TestClient.Response {
    try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
      var headers: HTTPFields = [:]
      if let token { headers[.authorization] = "Bearer \(token)" }
      return try await client.execute(.init(uri, method: .get, headers: headers))
    }
  }
}

/// The limits on numbers a caller sets, at the HTTP level.
@Suite struct PolicyLimitTests {
  @Test(arguments: [1e9 + 1, 9.01e307])
  func aPriorWeightAboveTheLimitIsRefusedByName(weight: Double) async throws {
    let harness = try await Harness.make()
    try await harness.run { client in
      let response = try await client.send(
        .post, "/v1/users", json: #"{"user": "u1", "policy": {"priorWeight": \#(weight)}}"#)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == "numberOutOfRange")
      #expect(document.detail.contains("1000000000"))
    }
  }

  /// The worst request the limits allow: `W` at its maximum, a full batch of the heaviest
  /// items, then estimates at the widest credible level. It must answer well inside the
  /// deadline (the measured times are in Docs/Server.md, "Bounded work").
  @Test func theWorstAcceptedEstimateAnswersQuickly() async throws {
    let harness = try await Harness.make {
      $0.limits.maximumBatchSize = 1_000
      $0.maximumBodyBytes = 1 << 20
    }
    try await harness.run { client in
      let created = try await client.send(
        .post, "/v1/users", json: #"{"user": "u1", "policy": {"priorWeight": 1000000000}}"#)
      #expect(created.status == .created)
      let items = (0..<1_000).map { index in
        #"{"id": "e\#(index)", "belief": "preference.concise", "content": {"outcome": "\#(index % 3 == 0)"}, "source": "user", "weight": 1000000, "observedAt": "2025-12-31T00:00:00Z"}"#
      }
      let start = ContinuousClock.now
      let recorded = try await client.send(
        .post, "/v1/users/u1/evidence?level=0.999999",
        json: #"{"evidence": [\#(items.joined(separator: ","))]}"#)
      let estimates = try await client.send(.get, "/v1/users/u1/estimates?level=0.999999")
      let elapsed = ContinuousClock.now - start
      #expect(recorded.status == .ok)
      #expect(estimates.status == .ok)
      #expect(elapsed < .seconds(5), "the worst accepted request took \(elapsed)")
    }
  }
}
