import Foundation
import MCP
import NIOCore
import NIOHTTP1
import ServiceAccess

/// One HTTP/1.1 connection of the ``HTTPFrontDoor``: checks each request's path, token and
/// declared size from its head, reads its body up to the limit, and routes it to its session.
struct HTTPConnection: Sendable {
  let runner: ToolRunner
  let tokens: BearerTokens
  let sessions: SessionTable
  let maximumBodyBytes: Int

  /// A request whose head was read: admitted (its body being read) or refused (its body, no
  /// longer than the limit, discarded as it arrives, then the refusal sent).
  struct Pending {
    var head: HTTPRequestHead
    var owner: Int
    var scope: UserScope
    var refusal: HTTPResponse?
    var body = ByteBuffer()
  }

  func serve(_ channel: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
    try? await channel.executeThenClose { inbound, outbound in
      var pending: Pending?
      for try await part in inbound {
        switch part {
        case .head(let head):
          pending = admit(head)
          if let refusal = pending?.refusal, Self.declaredLength(head) > maximumBodyBytes {
            // Answer from the head alone and close: the body is never read.
            try await write(refusal, version: head.version, to: outbound, closing: true)
            return
          }
        case .body(var chunk):
          guard var request = pending, request.refusal == nil else { continue }
          guard request.body.readableBytes + chunk.readableBytes <= maximumBodyBytes else {
            try await write(tooLarge, version: request.head.version, to: outbound, closing: true)
            return
          }
          request.body.writeBuffer(&chunk)
          pending = request
        case .end:
          guard let request = pending else { continue }
          pending = nil
          let closing = !request.head.isKeepAlive
          try await respond(to: request, closing: closing, outbound)
          if closing { return }
        }
      }
    }
  }

  /// Answers a whole request: its refusal, or what its session answers.
  func respond(
    to request: Pending, closing: Bool,
    _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    var response: HTTPResponse
    var extra: [String: String] = [:]
    if let refusal = request.refusal {
      response = refusal
    } else {
      (response, extra) = await answer(request)
    }
    try await write(
      response, extraHeaders: extra, version: request.head.version, to: outbound,
      closing: closing)
  }

  /// The body length a head declares (0 when it declares none).
  static func declaredLength(_ head: HTTPRequestHead) -> Int {
    head.headers.first(name: "Content-Length").flatMap(Int.init) ?? 0
  }

  /// Checks the path, the token and the declared length before any body is read.
  func admit(_ head: HTTPRequestHead) -> Pending {
    let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
    let grant = tokens.grant(forAuthorization: head.headers.first(name: "Authorization"))
    var pending = Pending(head: head, owner: grant?.index ?? -1, scope: grant?.scope ?? .only([]))
    if path != HTTPFrontDoor.path {
      pending.refusal = .error(statusCode: 404, .invalidRequest("Not Found"))
    } else if grant == nil {
      pending.refusal = .error(
        statusCode: 401, .invalidRequest("Unauthorized: a known bearer token is required"),
        extraHeaders: ["WWW-Authenticate": "Bearer"])
    } else if Self.declaredLength(head) > maximumBodyBytes {
      pending.refusal = tooLarge
    }
    return pending
  }

  var tooLarge: HTTPResponse {
    .error(
      statusCode: 413,
      .invalidRequest("Payload Too Large: the limit is \(maximumBodyBytes) bytes"))
  }

  func write(
    _ response: HTTPResponse, extraHeaders: [String: String] = [:], version: HTTPVersion,
    to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>, closing: Bool = false
  ) async throws {
    var head = HTTPResponseHead(
      version: version, status: HTTPResponseStatus(statusCode: response.statusCode))
    for (name, value) in response.headers { head.headers.add(name: name, value: value) }
    for (name, value) in extraHeaders { head.headers.replaceOrAdd(name: name, value: value) }
    let data = response.bodyData ?? Data()
    head.headers.replaceOrAdd(name: "Content-Length", value: String(data.count))
    if closing { head.headers.replaceOrAdd(name: "Connection", value: "close") }
    // One write, one flush: head, body and end leave in one segment where they fit.
    var parts: [HTTPServerResponsePart] = [.head(head)]
    if !data.isEmpty { parts.append(.body(.byteBuffer(ByteBuffer(bytes: data)))) }
    parts.append(.end(nil))
    try await outbound.write(contentsOf: parts)
  }
}
