import Foundation
import MCP
import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection of the ``HTTPFrontDoor``: reads whole requests, checks the bearer
/// token, answers each.
struct HTTPConnection: Sendable {
  let transport: StatelessHTTPServerTransport
  let tokens: BearerTokens

  func serve(_ channel: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
    try? await channel.executeThenClose { inbound, outbound in
      var head: HTTPRequestHead?
      var body = ByteBuffer()
      for try await part in inbound {
        switch part {
        case .head(let start):
          head = start
          body.clear()
        case .body(var chunk): body.writeBuffer(&chunk)
        case .end:
          guard let start = head else { continue }
          let response = await answer(start, body)
          try await write(response, version: start.version, to: outbound)
          head = nil
        }
      }
    }
  }

  /// The response to one request: 404 off the endpoint, 401 without a known token, else the
  /// transport's.
  func answer(_ head: HTTPRequestHead, _ body: ByteBuffer) async -> HTTPResponse {
    let path = String(head.uri.split(separator: "?").first ?? Substring(head.uri))
    guard path == HTTPFrontDoor.path else {
      return .error(statusCode: 404, .invalidRequest("Not Found"))
    }
    var headers: [String: String] = [:]
    for (name, value) in head.headers {
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
    let request = HTTPRequest(
      method: head.method.rawValue, headers: headers,
      body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil, path: path)
    guard tokens.scope(forAuthorization: request.header("Authorization")) != nil else {
      return .error(
        statusCode: 401, .invalidRequest("Unauthorized: a known bearer token is required"),
        extraHeaders: ["WWW-Authenticate": "Bearer"])
    }
    return await transport.handleRequest(request)
  }

  func write(
    _ response: HTTPResponse, version: HTTPVersion,
    to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    var head = HTTPResponseHead(
      version: version, status: HTTPResponseStatus(statusCode: response.statusCode))
    for (name, value) in response.headers { head.headers.add(name: name, value: value) }
    let data = response.bodyData ?? Data()
    head.headers.replaceOrAdd(name: "Content-Length", value: String(data.count))
    try await outbound.write(.head(head))
    if !data.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: data)))) }
    try await outbound.write(.end(nil))
  }
}
