import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import Testing

@testable import SelfModelHTTP

/// A service over two tenants, `acme` and `globex`, each with a fresh `FileStore` in its own
/// folder under one temporary data folder, the catalogue published in both, and a fixed clock.
struct Harness: Sendable {
  /// The fixed time every request is served at: 2026-01-01T00:00:00Z.
  static let now = Date(timeIntervalSince1970: 1_767_225_600)
  /// `now` as the API writes it.
  static let nowText = "2026-01-01T00:00:00Z"
  /// acme's bearer token; ``TestClientProtocol/send(_:_:json:token:)`` sends it by default.
  static let acmeToken = "acme-test-token-0123456789abcdef"
  /// globex's bearer token.
  static let globexToken = "globex-test-token-0123456789abcdef"

  let folder: URL
  /// acme's store (the tenant requests use by default).
  let store: any UserModelStore
  /// globex's store.
  let otherStore: any UserModelStore
  let stores: TenantStores
  let tokens: TenantTokens
  let configuration: ServerConfiguration

  /// acme.
  static func acme() throws -> TenantID { try TenantID("acme") }

  /// A harness over new `FileStore`s (acme's is `store`, when given) with `catalogue` (the
  /// test catalogue by default), its configuration changed by `configure`.
  static func make(
    store given: (any UserModelStore)? = nil, catalogue published: Catalogue? = nil,
    configure: (inout ServerConfiguration) -> Void = { _ in }
  ) async throws -> Harness {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-server-\(UUID().uuidString)")
      .appendingPathComponent("nested")
    var configuration = ServerConfiguration(dataFolder: folder.path)
    configuration.port = 0
    configuration.maximumBodyBytes = 64 << 10
    configuration.limits.maximumBatchSize = 50
    configure(&configuration)
    let acme = try acme()
    let globex = try TenantID("globex")
    let store: any UserModelStore =
      try given
      ?? SelfModelService.openStore(
        at: SelfModelService.folder(of: acme, configuration), configuration, logger: quietLogger)
    let other = try SelfModelService.openStore(
      at: SelfModelService.folder(of: globex, configuration), configuration, logger: quietLogger)
    if given == nil { try await store.publish(try published ?? catalogue()) }
    try await other.publish(try published ?? catalogue())
    return Harness(
      folder: folder, store: store, otherStore: other,
      stores: TenantStores([acme: store, globex: other]),
      tokens: try TenantTokens([acme: [acmeToken], globex: [globexToken]]),
      configuration: configuration)
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
      stores: stores, tokens: tokens, configuration: configuration, logger: quietLogger,
      clock: { Harness.now })
  }

  /// Runs `body` against the service through the router (no sockets), then closes the
  /// stores and removes the folder.
  func run(
    _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try await app.test(setup, body)
    await stores.shutdown()
  }
}

extension TestClientProtocol {
  /// Sends `json` (if any) with `method` to `uri`, with `token` (acme's by default; `nil`
  /// for none) as the bearer token.
  func send(
    _ method: HTTPRequest.Method, _ uri: String, json: String? = nil,
    token: String? = Harness.acmeToken
  ) async throws -> TestResponse {
    var headers: HTTPFields = json == nil ? [:] : [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await execute(
      uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
  }

  /// Creates `user` and records one item for it from `user`, as the tenant of `token`, or
  /// fails the test.
  func seed(
    _ user: String, evidence: [String] = ["e1"], token: String = Harness.acmeToken
  ) async throws {
    let created = try await send(
      .post, "/v1/users", json: #"{"user": "\#(user)"}"#, token: token)
    #expect(created.status == .created)
    let items = evidence.map { evidenceJSON(id: $0) }.joined(separator: ",")
    let recorded = try await send(
      .post, "/v1/users/\(user)/evidence", json: #"{"evidence": [\#(items)]}"#, token: token)
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
  try OperationCoding.decoder().decode(T.self, from: Data(response.body.readableBytesView))
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
