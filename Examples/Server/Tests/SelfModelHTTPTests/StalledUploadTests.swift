import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServerTestSupport
import Testing

@testable import SelfModelHTTP

/// A client that sends a request's head and part of its body, then nothing: the request
/// deadline answers it with the documented retryable 503 `requestTimeout`, on the same
/// connection, instead of a silent close, and the service goes on answering others.
@Suite struct StalledUploadTests {
  @Test func aStalledUploadGetsA503RequestTimeoutAtTheDeadline() async throws {
    let harness = try await Harness.make { $0.requestTimeout = .milliseconds(500) }
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
      #expect(waited >= .milliseconds(400) && waited < .seconds(5), "answered after \(waited)")
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
}
