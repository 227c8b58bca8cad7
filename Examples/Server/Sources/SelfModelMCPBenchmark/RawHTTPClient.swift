import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client on one keep-alive loopback connection (blocking socket,
/// `TCP_NODELAY`), to measure the MCP server's round trip without the SDK's client
/// (`URLSession` on Linux goes through libcurl's multi loop). Not for anything but B14h.
final class RawHTTPClient {
  private let socket: Int32
  private var pending = Data()
  /// Headers sent with every request (`Authorization`, `Mcp-Session-Id`, ...).
  var headers: [String] = []

  /// Connects to `127.0.0.1:port`.
  init(port: Int) throws {
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socket)
      throw POSIXError(.ECONNREFUSED)
    }
    var one: Int32 = 1
    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  deinit { close(socket) }

  /// POSTs `body` to `/mcp` and returns the response's head (lowercased) and body.
  func post(_ body: String) throws -> (head: String, body: Data) {
    let head =
      [
        "POST /mcp HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
        "Accept: application/json, text/event-stream", "Content-Length: \(body.utf8.count)",
      ]
      + headers
    var request = Data((head.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    request.append(Data(body.utf8))
    let sent = request.withUnsafeBytes {
      send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
    }
    guard sent == request.count else { throw POSIXError(.EIO) }
    return try readResponse()
  }

  /// Reads one response framed by `Content-Length`.
  private func readResponse() throws -> (head: String, body: Data) {
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      if let end = pending.range(of: Data("\r\n\r\n".utf8)) {
        let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self).lowercased()
        let length =
          head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
          .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
        if pending.count - end.upperBound >= length {
          let body = pending[end.upperBound..<(end.upperBound + length)]
          pending = Data(pending[(end.upperBound + length)...])
          return (head, Data(body))
        }
      }
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { throw POSIXError(.ECONNRESET) }
      pending.append(contentsOf: buffer[0..<count])
    }
  }
}
