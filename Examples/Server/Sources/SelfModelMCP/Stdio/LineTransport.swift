public import Foundation
public import Logging
public import MCP

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The MCP stdio transport (newline-delimited JSON-RPC) with a cost linear in the message size.
///
/// The SDK's `StdioTransport` polls a non-blocking descriptor with 10 ms sleeps and, after each
/// 4 KiB read, searches its whole buffer for a newline again: a 1 MB message costs about 20 s.
/// This one reads in 64 KiB blocks on a thread of its own with blocking reads (no polling),
/// searches only the new bytes, and writes each message whole from a serial queue. A line
/// longer than `maximumMessageBytes` is dropped and answered with a JSON-RPC error
/// (`-32600`, `id: null`); the session goes on.
///
/// ```swift
/// try await server.start(transport: LineTransport())
/// ```
public actor LineTransport: Transport {
  /// The transport's logger (standard error is left to the caller).
  public nonisolated let logger: Logger
  private let input: Int32
  private let output: Int32
  private let maximumMessageBytes: Int
  private let messages: AsyncThrowingStream<Data, any Error>
  private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  private let writer = DispatchQueue(label: "selfmodel.mcp.stdio.writer")
  private var isConnected = false
  private var lastSent = ContinuousClock.now

  /// Creates a transport over two descriptors.
  ///
  /// - Parameters:
  ///   - input: The descriptor to read messages from (default standard input).
  ///   - output: The descriptor to write messages to (default standard output).
  ///   - maximumMessageBytes: The longest message accepted, in bytes (default 4 MiB).
  ///   - logger: A logger (default: one that discards).
  public init(
    input: Int32 = 0, output: Int32 = 1, maximumMessageBytes: Int = 4 << 20,
    logger: Logger? = nil
  ) {
    self.input = input
    self.output = output
    self.maximumMessageBytes = maximumMessageBytes
    self.logger = logger ?? Logger(label: "selfmodel.mcp.stdio") { _ in SwiftLogNoOpLogHandler() }
    (messages, continuation) = AsyncThrowingStream.makeStream()
  }

  /// Starts the reading thread (blocking reads on `input`).
  public func connect() async throws {
    guard !isConnected else { return }
    isConnected = true
    let flags = fcntl(input, F_GETFL)
    if flags >= 0 { _ = fcntl(input, F_SETFL, flags & ~O_NONBLOCK) }
    let reader = LineReader(
      descriptor: input, maximumMessageBytes: maximumMessageBytes, continuation: continuation,
      reject: { [output, writer] reason in
        let error = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"\#(reason)"}}"#
        writer.async { _ = LineTransport.writeAll(Data((error + "\n").utf8), to: output) }
      })
    let thread = Thread { reader.run() }
    thread.name = "selfmodel.mcp.stdio.reader"
    thread.start()
  }

  /// Ends the message stream; the reading thread ends at the input's end.
  public func disconnect() async {
    isConnected = false
    continuation.finish()
  }

  /// Writes one message and its newline.
  ///
  /// - Parameter data: The message, without a newline.
  /// - Throws: `MCPError.transportError` when the output cannot be written.
  public func send(_ data: Data) async throws {
    var framed = data
    framed.append(UInt8(ascii: "\n"))
    let (message, output) = (framed, self.output)
    let written = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
      writer.async { done.resume(returning: LineTransport.writeAll(message, to: output)) }
    }
    lastSent = .now
    guard written == 0 else {
      throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: written) ?? .EIO))
    }
  }

  /// Waits until nothing has been sent for `quiet`: after the input ends, calls still running
  /// get to send their answers before the process exits.
  ///
  /// - Parameter quiet: How long the output must stay idle (default 300 ms).
  public func drain(quiet: Duration = .milliseconds(300)) async {
    let started = ContinuousClock.now
    while ContinuousClock.now - max(lastSent, started) < quiet {
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  /// The messages read, one per line.
  public func receive() -> AsyncThrowingStream<Data, any Error> { messages }

  /// Writes all of `data`; returns 0 or the `errno` that stopped it.
  static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
    data.withUnsafeBytes { bytes -> Int32 in
      guard let base = bytes.baseAddress else { return 0 }
      var offset = 0
      while offset < bytes.count {
        let count = write(descriptor, base + offset, bytes.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          if errno == EAGAIN {
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            _ = poll(&poller, 1, -1)
            continue
          }
          return errno
        }
        offset += count
      }
      return 0
    }
  }
}
