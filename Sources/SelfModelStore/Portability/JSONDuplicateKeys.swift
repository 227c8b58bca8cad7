/// Finds a key that occurs twice in one JSON object, which Foundation's `JSONDecoder` accepts
/// silently, keeping one of the values.
///
/// Keys are compared as Swift strings, so Unicode-equivalent keys (a composed and a decomposed
/// "é") count as the same key: a `[String: String]` would collapse them into one entry and drop
/// a value. The scan is iterative (no recursion, whatever the nesting) and only looks for keys;
/// malformed JSON is left for the decoder to reject. It also finds nesting deeper than a limit,
/// so an edge can name that limit instead of reporting the decoder's generic failure.
///
/// ```swift
/// if let key = JSONDuplicateKeys.first(in: Array(#"{"a":1,"a":2}"#.utf8)) { print(key) }  // a
/// JSONDuplicateKeys.problem(in: Array("[[[]]]".utf8), maximumDepth: 2)  // .tooDeep(maximumDepth: 2)
/// ```
public enum JSONDuplicateKeys {
  /// What the scan found wrong with a document's structure.
  public enum Problem: Sendable, Hashable {
    /// A key occurs twice in one object.
    case duplicateKey(String)
    /// Objects and arrays nest deeper than the limit.
    case tooDeep(maximumDepth: Int)
  }

  /// An open container: an object with the keys seen so far, or an array.
  private struct Frame {
    var keys: Set<String>?
    var expectsKey: Bool
  }

  /// The first key that repeats within one object, or `nil` when every object's keys are
  /// distinct.
  ///
  /// - Parameter bytes: UTF-8 JSON text.
  /// - Returns: The repeated key.
  public static func first(in bytes: [UInt8]) -> String? {
    guard case .duplicateKey(let key) = problem(in: bytes, maximumDepth: .max) else { return nil }
    return key
  }

  /// The first repeated key, or nesting of objects and arrays deeper than `maximumDepth`,
  /// whichever comes first in the text; `nil` when there is neither.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 JSON text.
  ///   - maximumDepth: The deepest nesting allowed (a top-level object is depth 1).
  /// - Returns: The problem.
  public static func problem(in bytes: [UInt8], maximumDepth: Int) -> Problem? {
    var stack: [Frame] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        guard stack.count < maximumDepth else { return .tooDeep(maximumDepth: maximumDepth) }
        let isObject = byte == UInt8(ascii: "{")
        stack.append(Frame(keys: isObject ? [] : nil, expectsKey: isObject))
      case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
      case UInt8(ascii: ","):
        if let last = stack.indices.last, stack[last].keys != nil { stack[last].expectsKey = true }
      case UInt8(ascii: "\""):
        guard let last = stack.indices.last, stack[last].expectsKey else {
          // A value: only where it ends matters, not its text.
          guard let end = endOfString(in: bytes, from: index) else { return nil }
          index = end
          continue
        }
        guard let (text, end) = string(in: bytes, from: index) else { return nil }
        index = end
        stack[last].expectsKey = false
        if stack[last].keys?.insert(text).inserted == false { return .duplicateKey(text) }
      default: continue
      }
    }
    return nil
  }

  /// Decodes the string whose opening quote precedes `start`; returns it and the index after
  /// its closing quote, or `nil` if it is not terminated.
  /// The index after the closing quote of the string whose text starts at `start`, checking
  /// its escapes as ``string(in:from:)`` does; `nil` where that answers `nil`.
  private static func endOfString(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return index }
      if byte == UInt8(ascii: "\\") {
        guard let (_, end) = escape(in: bytes, at: index) else { return nil }
        index = end
      }
    }
    return nil
  }

  private static func string(in bytes: [UInt8], from start: Int) -> (String, Int)? {
    // Most keys have no escape: their text is their bytes.
    var index = start
    while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
      bytes[index] != UInt8(ascii: "\\")
    {
      index += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
      return (String(decoding: bytes[start..<index], as: UTF8.self), index + 1)
    }
    return escapedString(in: bytes, from: start)
  }

  private static func escapedString(in bytes: [UInt8], from start: Int) -> (String, Int)? {
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        return (String(scalars), index)
      }
      guard byte == UInt8(ascii: "\\") else {
        run.append(byte)
        continue
      }
      scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
      run = []
      guard let (scalar, end) = escape(in: bytes, at: index) else { return nil }
      scalars.append(scalar)
      index = end
    }
    return nil
  }

  /// Decodes the escape after a backslash at `index - 1`.
  private static func escape(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    guard index < bytes.count else { return nil }
    let simple: [UInt8: Unicode.Scalar] = [
      UInt8(ascii: "b"): "\u{8}", UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n",
      UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
    ]
    guard bytes[index] == UInt8(ascii: "u") else {
      return (simple[bytes[index]] ?? Unicode.Scalar(bytes[index]), index + 1)
    }
    guard let high = hex4(bytes, index + 1) else { return nil }
    if (0xD800..<0xDC00).contains(high), index + 10 < bytes.count,
      bytes[index + 5] == UInt8(ascii: "\\"), bytes[index + 6] == UInt8(ascii: "u"),
      let low = hex4(bytes, index + 7), (0xDC00..<0xE000).contains(low)
    {
      let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      return (Unicode.Scalar(value) ?? "\u{FFFD}", index + 11)
    }
    return (Unicode.Scalar(high) ?? "\u{FFFD}", index + 5)
  }

  /// The value of four hex digits at `start`.
  private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[start..<start + 4] {
      guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
