import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MCP
import NIOCore
import SelfModel
import SelfModelHTTP
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import Testing

/// One answer on every edge: ``Session/steps`` runs through the library
/// (`Operations`, encoded with `OperationCoding`), over HTTP (the router, in process) and over
/// MCP (the tool runner, in process), each on a fresh store at the same fixed time, and every
/// answer is the same JSON value. The envelope (HTTP status, MCP's content item) is set aside.
@Suite struct CrossEdgeTests {
  @Test func everyEdgeGivesTheSameAnswerToTheSameSession() async throws {
    let library = try await Self.runLibrary()
    let http = try await Self.runHTTP()
    let mcp = try await Self.runMCP()
    for step in Session.steps {
      let expected = try #require(library[step.name], "\(step.name): no library answer")
      if step.route != nil {
        let answer = try #require(http[step.name], "\(step.name): no HTTP answer")
        #expect(answer == expected, "\(step.name) over HTTP:\n\(answer)\nlibrary:\n\(expected)")
      }
      if step.tool != nil {
        let answer = try #require(mcp[step.name], "\(step.name): no MCP answer")
        #expect(answer == expected, "\(step.name) over MCP:\n\(answer)\nlibrary:\n\(expected)")
      }
    }
    // The answers say something: the evidence was recorded, then e1 forgotten.
    #expect(library["record evidence"]?.objectValue?["recorded"] == ["e1", "e2"])
    #expect(library["forget"]?.objectValue?["forgotten"] == ["e1"])
    #expect(http.count == Session.steps.count(where: { $0.route != nil }))
    #expect(mcp.count == Session.steps.count(where: { $0.tool != nil }))
  }

  /// A FileStore in a new temporary folder, and a way to close and remove it (a run that
  /// throws leaves the folder behind, in the temporary directory).
  static func freshStore() throws -> (store: FileStore, remove: @Sendable () async -> Void) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-cross-edge-\(UUID().uuidString)")
    let store = try FileStore(at: folder.path)
    return (
      store,
      {
        await store.shutdown()
        try? FileManager.default.removeItem(at: folder)  // a leftover temporary folder is harmless
      }
    )
  }

  /// Every step's answer from `Operations` directly.
  static func runLibrary() async throws -> [String: Value] {
    let (store, remove) = try freshStore()
    let operations = Operations(store: store)
    var answers: [String: Value] = [:]
    for step in Session.steps {
      answers[step.name] = try json(try await step.library(operations, Data(step.request.utf8)))
    }
    await remove()
    return answers
  }

  /// Every step with a route, over HTTP through the service's router.
  static func runHTTP() async throws -> [String: Value] {
    let (store, remove) = try freshStore()
    let tenant = try TenantID("acme")
    let token = "cross-edge-token-0123456789abcdef"
    var configuration = ServerConfiguration(dataFolder: FileManager.default.temporaryDirectory.path)
    configuration.port = 0
    var logger = Logger(label: "cross-edge")
    logger.logLevel = .error
    let app = SelfModelService.application(
      stores: TenantStores([tenant: store]), tokens: try TenantTokens([tenant: [token]]),
      configuration: configuration, logger: logger, clock: { Session.now })
    let answers = try await app.test(.router) { client in
      var answers: [String: Value] = [:]
      for step in Session.steps {
        guard let route = step.route else { continue }
        answers[step.name] = try await send(step, route, token: token, to: client)
      }
      return answers
    }
    await remove()
    return answers
  }

  static func send(
    _ step: Step, _ route: Step.Route, token: String, to client: any TestClientProtocol
  ) async throws -> Value {
    var headers: HTTPFields = [.authorization: "Bearer \(token)"]
    var body: ByteBuffer?
    if route.body != .nothing {
      headers[.contentType] = "application/json"
      body = ByteBuffer(bytes: try httpBody(step.request, keepsUser: route.body == .whole))
    }
    let response = try await client.execute(
      uri: route.uri, method: route.method, headers: headers, body: body)
    let bytes = Data(response.body.readableBytesView)
    #expect(
      (200..<300).contains(response.status.code),
      "\(step.name): \(String(decoding: bytes, as: UTF8.self))")
    return try json(bytes)
  }

  /// The request's JSON as the HTTP body: without `user` when the path names the user.
  static func httpBody(_ request: String, keepsUser: Bool) throws -> Data {
    guard !keepsUser, var object = try json(Data(request.utf8)).objectValue else {
      return Data(request.utf8)
    }
    object["user"] = nil
    return try JSONEncoder().encode(Value.object(object))
  }

  /// Every step with a tool, through the MCP tool runner, the catalogue published first.
  static func runMCP() async throws -> [String: Value] {
    let (store, remove) = try freshStore()
    _ = try await store.publish(
      try OperationCoding.decoder().decode(Catalogue.self, from: Data(Session.catalogue.utf8)))
    let runner = ToolRunner(
      store: store,
      policy: AgentPolicy(writableSources: [Session.agent], allowsCreatingUsers: true),
      now: { Session.now })
    var answers: [String: Value] = [:]
    for step in Session.steps {
      guard let tool = step.tool else { continue }
      let arguments = try json(Data(step.request.utf8)).objectValue
      let result = await runner.call(tool, arguments: arguments, scope: .all)
      guard case .text(let text, _, _)? = result.content.first, result.isError != true else {
        Issue.record("\(step.name): \(tool) failed: \(result.content)")
        continue
      }
      answers[step.name] = try json(Data(text.utf8))
    }
    await remove()
    return answers
  }

  /// JSON text as a value, so that key order and spacing do not matter.
  static func json(_ data: Data) throws -> Value {
    try JSONDecoder().decode(Value.self, from: data)
  }
}
