import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SelfModel
import SelfModelStore
import Testing

@testable import SelfModelHTTP

/// A service over a fresh `FileStore` in its own temporary folder, with the catalogue
/// published and a fixed clock.
struct Harness: Sendable {
  /// The fixed time every request is served at: 2026-01-01T00:00:00Z.
  static let now = Date(timeIntervalSince1970: 1_767_225_600)
  /// `now` as the API writes it.
  static let nowText = "2026-01-01T00:00:00Z"

  let folder: URL
  let store: any UserModelStore
  let configuration: ServerConfiguration

  /// A harness over a new `FileStore` (or `store`, when given) with the test catalogue.
  static func make(store given: (any UserModelStore)? = nil) async throws -> Harness {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-server-\(UUID().uuidString)")
      .appendingPathComponent("nested")
    var configuration = ServerConfiguration(dataFolder: folder.path)
    configuration.port = 0
    configuration.maximumBodyBytes = 64 << 10
    configuration.maximumBatchSize = 50
    let store: any UserModelStore =
      try given ?? SelfModelService.openStore(configuration, logger: quietLogger)
    if given == nil { try await store.publish(try catalogue()) }
    return Harness(folder: folder, store: store, configuration: configuration)
  }

  /// Two beliefs (binary and categorical) and three sources.
  static func catalogue(version: Int = 1) throws -> Catalogue {
    var beliefs = [
      try BeliefDefinition.binary(
        "preference.concise", statement: "Prefers concise answers", tags: ["style"]),
      try BeliefDefinition(
        key: "preference.tone", statement: "Preferred tone",
        outcomes: ["formal", "casual", "playful"], importance: 2),
    ]
    if version > 1 {
      beliefs.append(try .binary("preference.emoji", statement: "Likes emoji"))
    }
    return try Catalogue(
      version: version, beliefs: beliefs,
      sources: [
        try Source(id: "user", kind: .userStated, reliability: 0.9),
        try Source(id: "clicks", kind: .behavior, reliability: 0.6),
        try Source(id: "reactions", kind: .behavior, reliability: 1),
      ])
  }

  /// The application, served at ``now``.
  var app: some ApplicationProtocol {
    SelfModelService.application(
      store: store, configuration: configuration, logger: quietLogger,
      clock: { Harness.now })
  }

  /// Runs `body` against the service through the router (no sockets), then closes the
  /// store and removes the folder.
  func run(
    _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try await app.test(setup, body)
    await store.shutdown()
  }
}

extension TestClientProtocol {
  /// Sends `json` (if any) with `method` to `uri`.
  func send(
    _ method: HTTPRequest.Method, _ uri: String, json: String? = nil
  ) async throws -> TestResponse {
    try await execute(
      uri: uri, method: method, headers: json == nil ? [:] : [.contentType: "application/json"],
      body: json.map { ByteBuffer(string: $0) })
  }

  /// Creates `user` and records one item for it from `user`, or fails the test.
  func seed(_ user: String, evidence: [String] = ["e1"]) async throws {
    let created = try await send(.post, "/v1/users", json: #"{"user": "\#(user)"}"#)
    #expect(created.status == .created)
    let items = evidence.map { evidenceJSON(id: $0) }.joined(separator: ",")
    let recorded = try await send(
      .post, "/v1/users/\(user)/evidence", json: #"{"evidence": [\#(items)]}"#)
    #expect(recorded.status == .ok)
  }
}

/// One evidence item as JSON: `outcome` of `belief` from `source`, observed a day before now.
func evidenceJSON(
  id: String, belief: String = "preference.concise", outcome: String = "true",
  source: String = "user"
) -> String {
  #"""
  {"id": "\#(id)", "belief": "\#(belief)", "content": {"outcome": "\#(outcome)"},
   "source": "\#(source)", "observedAt": "2025-12-31T00:00:00Z", "note": "note of \#(id)"}
  """#
}

/// A logger for tests: errors only, so test output stays readable.
let quietLogger: Logger = {
  var logger = Logger(label: "test")
  logger.logLevel = .error
  return logger
}()

/// The body decoded as `T`.
func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
  try JSONCoding.decoder().decode(T.self, from: Data(response.body.readableBytesView))
}

/// The body's text.
func text(_ response: TestResponse) -> String {
  String(buffer: response.body)
}

/// The problem document of an error response, after checking its media type and that its
/// `status` matches the response's.
func problem(_ response: TestResponse) throws -> ProblemDocument {
  #expect(response.headers[.contentType] == ProblemDocument.mediaType)
  let document = try decode(ProblemDocument.self, response)
  #expect(document.status == response.status.code)
  return document
}
