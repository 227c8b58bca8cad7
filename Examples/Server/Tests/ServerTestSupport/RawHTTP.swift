public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A bare HTTP/1.1 exchange over a socket, for the tests of both services, for what a client library would not send: a head
/// that announces a huge body, a body cut short, any header spelling.
public enum RawHTTP {
  /// Sends `head` (lines without the final blank line) and `body`, and returns the status code
  /// and the whole response text (read until its announced length, the server closes, or 10 s pass).
  ///
  /// The blocking socket calls run on a dispatch queue, never on a thread of Swift's
  /// cooperative pool, which the server under test needs.
  public static func exchange(port: Int, head: [String], body: Data = Data()) async throws -> (
    Int, String
  ) {
    try await withCheckedThrowingContinuation { done in
      DispatchQueue.global().async {
        done.resume(with: Result { try blockingExchange(port: port, head: head, body: body) })
      }
    }
  }

  private static func blockingExchange(port: Int, head: [String], body: Data) throws -> (
    Int, String
  ) {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(.EIO) }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var request = Data((head.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    request.append(body)
    _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 4_096)
    while !isComplete(response) {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      response.append(contentsOf: buffer[0..<count])
    }
    let text = String(decoding: response, as: UTF8.self)
    let status = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return (status, text)
  }

  /// Whether `response` holds a whole head and the body its `Content-Length` announces.
  public static func isComplete(_ response: Data) -> Bool {
    guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { return false }
    let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
    let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
      .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
    guard let length else { return false }
    return response.count - end.upperBound >= length
  }

  /// A POST to `/mcp` with a JSON body and the given extra header lines.
  public static func post(port: Int, _ json: String, headers: [String]) async throws -> (
    Int, String
  ) {
    let body = Data(json.utf8)
    return try await exchange(
      port: port,
      head: [
        "POST /mcp HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
        "Accept: application/json, text/event-stream", "Content-Length: \(body.count)",
        "Connection: close",
      ] + headers, body: body)
  }
}
