import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reading half of ``LineTransport``: blocking reads of 64 KiB, each searched once for
/// newlines, so a message of `n` bytes costs `O(n)`.
struct LineReader: Sendable {
  let descriptor: Int32
  let maximumMessageBytes: Int
  let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  /// Answers a dropped line (its reason).
  let reject: @Sendable (String) -> Void

  /// The line being assembled, and whether the current one is being skipped as too long.
  private struct Line {
    var bytes: [UInt8] = []
    var isOversized = false
  }

  /// Reads until the end of the input or an error, then finishes the stream.
  func run() {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var line = Line()
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      consume(buffer[0..<count], into: &line)
    }
    continuation.finish()
  }

  /// Splits a block at its newlines, yielding each complete line.
  private func consume(_ block: ArraySlice<UInt8>, into line: inout Line) {
    var start = block.startIndex
    while let newline = block[start...].firstIndex(of: UInt8(ascii: "\n")) {
      append(block[start..<newline], to: &line)
      finish(&line)
      start = newline + 1
    }
    append(block[start...], to: &line)
  }

  private func append(_ bytes: ArraySlice<UInt8>, to line: inout Line) {
    guard !line.isOversized else { return }
    if line.bytes.count + bytes.count > maximumMessageBytes {
      line.isOversized = true
      line.bytes = []
      return
    }
    line.bytes.append(contentsOf: bytes)
  }

  private func finish(_ line: inout Line) {
    if line.isOversized {
      reject("message longer than \(maximumMessageBytes) bytes; it was dropped")
    } else {
      var bytes = line.bytes[...]
      if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
      if !bytes.isEmpty { continuation.yield(Data(bytes)) }
    }
    line = Line()
  }
}
