import Foundation
import MCP
import NIOCore
import NIOHTTP1

extension HTTPConnection {
  /// The header that names a session.
  static let sessionHeader = "Mcp-Session-Id"

  /// The response to an admitted request, and headers to add to it: an `initialize` opens a
  /// session, a request with a session id goes to that session, `DELETE` closes it.
  func answer(_ request: Pending) async -> (HTTPResponse, [String: String]) {
    let session = request.head.headers.first(name: Self.sessionHeader)
    let method = request.head.method
    switch (method, session) {
    case (.POST, let id?):
      guard let transport = await sessions.transport(for: id, owner: request.owner) else {
        return (Self.unknownSession, [:])
      }
      let sdkRequest = httpRequest(request)
      if let answered = await answerToolCall(sdkRequest, scope: request.scope) {
        return (answered, [Self.sessionHeader: id])
      }
      return (await transport.handleRequest(sdkRequest), [Self.sessionHeader: id])
    case (.POST, nil):
      guard Self.isInitialize(request.body) else {
        return (
          .error(
            statusCode: 400,
            .invalidRequest("Bad Request: send initialize first, then Mcp-Session-Id")), [:]
        )
      }
      let scope = request.scope
      let runner = self.runner
      guard
        let opened = await sessions.open(
          owner: request.owner,
          make: { await SelfModelServer.make(runner: runner) { scope } })
      else {
        return (
          .error(statusCode: 503, .internalError("Service Unavailable: too many sessions")),
          ["Retry-After": "60"]
        )
      }
      let response = await opened.transport.handleRequest(httpRequest(request))
      return (response, [Self.sessionHeader: opened.id])
    case (.DELETE, let id?):
      let closed = await sessions.close(id, owner: request.owner)
      return (closed ? .ok() : Self.unknownSession, [:])
    default:
      return (
        .error(
          statusCode: 405, .invalidRequest("Method Not Allowed"),
          extraHeaders: ["Allow": "POST, DELETE"]), [:]
      )
    }
  }

  static var unknownSession: HTTPResponse {
    .error(
      statusCode: 404, .invalidRequest("Not Found: no such session (expired?); initialize again"))
  }

  /// The SDK's request value.
  func httpRequest(_ request: Pending) -> HTTPRequest {
    var headers: [String: String] = [:]
    for (name, value) in request.head.headers {
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
    let body = request.body.readableBytes > 0 ? Data(request.body.readableBytesView) : nil
    return HTTPRequest(
      method: request.head.method.rawValue, headers: headers, body: body, path: HTTPFrontDoor.path)
  }

  /// Whether a body is a JSON-RPC `initialize` request.
  static func isInitialize(_ body: ByteBuffer) -> Bool {
    struct Probe: Decodable { var method: String? }
    let probe = try? JSONDecoder().decode(Probe.self, from: Data(body.readableBytesView))
    return probe?.method == "initialize"
  }
}
