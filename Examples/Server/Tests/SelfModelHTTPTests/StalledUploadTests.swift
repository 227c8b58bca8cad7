import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SelfModel
import SelfModelStore
import ServerTestSupport
import Testing

@testable import SelfModelHTTP

/// A client that sends a request's head and part of its body, then nothing: the request
/// deadline answers it with the documented retryable 503 `requestTimeout`, on the same
/// connection, instead of a silent close, and the service goes on answering others.
@Suite struct StalledUploadTests {
  @Test func aStalledUploadGetsA503RequestTimeoutAtTheDeadline() async throws {
    let harness = try await Harness.make { $0.requestTimeout = .seconds(2) }
    try await harness.run(.live) { client in
      let port = try #require(client.port)
      #expect(
        try await client.send(.post, "/v1/users", json: #"{"user": "user-1"}"#).status == .created)
      // 140 bytes announced, 30 sent, then silence.
      let body = Data(#"{"evidence": [{"id": "e1", "be"#.utf8.prefix(30))
      let started = ContinuousClock.now
      let (status, text) = try await RawHTTP.exchange(
        port: port,
        head: [
          "POST /v1/users/user-1/evidence HTTP/1.1", "Host: 127.0.0.1",
          "Authorization: Bearer \(Harness.acmeToken)", "Content-Type: application/json",
          "Content-Length: 140",
        ], body: body)
      let waited = ContinuousClock.now - started
      #expect(status == 503, "\(text)")
      #expect(text.contains("requestTimeout"))
      #expect(text.lowercased().contains("retry-after:"))
      #expect(waited >= .milliseconds(1_900) && waited < .seconds(10), "answered after \(waited)")
      // Nothing of the cut batch was written: the whole batch, sent now, is new.
      let whole = try await client.send(
        .post, "/v1/users/user-1/evidence",
        json: #"{"evidence": [{"id": "e1", "belief": "preference.concise", "#
          + #""content": {"outcome": "true"}, "source": "user", "observedAt": "2026-01-01T00:00:00Z"}]}"#
      )
      #expect(whole.status == .ok)
      let answer = String(buffer: whole.body)
      #expect(answer.contains(#""recorded":["e1"]"#), "\(answer)")
    }
  }

  /// The lines form of an import streams its body in the handler. Cut mid-stream, it gets the
  /// same 503 at the deadline, which waits for the handler's read to stop: nothing reads the
  /// connection after the answer (SwiftNIO allows one reader of a body; a second is a crash of
  /// the whole service). Eight rounds with the cut at different places, each followed by
  /// requests that must be answered, and the user is as it was.
  @Test func aStalledImportInTheLinesFormGetsA503AndTheServiceGoesOn() async throws {
    let harness = try await Harness.make { $0.requestTimeout = .seconds(1) }
    try await harness.store.createUser("user-1")
    var batch: [Evidence] = []
    for index in 0..<2_000 {
      batch.append(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: "preference.concise",
          content: index % 3 == 0 ? .doesNotHold : .holds, source: "user",
          observedAt: Harness.now.addingTimeInterval(-Double(index) - 0.25)))
    }
    try await harness.store.record(batch, for: "user-1", at: Harness.now)
    try await harness.run(.live) { client in
      let port = try #require(client.port)
      let lines = "application/x-ndjson"
      let exported = try await client.execute(
        uri: "/v1/users/user-1/export", method: .get,
        headers: [.accept: lines, .authorization: "Bearer \(Harness.acmeToken)"])
      let document = Data(exported.body.readableBytesView)
      let estimates = String(buffer: try await client.send(.get, "/v1/users/user-1/estimates").body)
      #expect(document.count > 100_000)
      for round in 0..<8 {
        let cut = document.count * (round + 1) / 10
        let (status, text) = try await RawHTTP.exchange(
          port: port,
          head: [
            "POST /v1/imports?replace=true HTTP/1.1", "Host: 127.0.0.1",
            "Authorization: Bearer \(Harness.acmeToken)", "Content-Type: \(lines)",
            "Content-Length: \(document.count)",
          ], body: document.prefix(cut))
        #expect(status == 503, "round \(round): \(text.prefix(300))")
        #expect(text.contains("requestTimeout"))
        let after = try await client.send(.get, "/v1/users/user-1/estimates")
        #expect(after.status == .ok)
        #expect(String(buffer: after.body) == estimates, "round \(round)")
      }
    }
  }
}
