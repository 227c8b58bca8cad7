import Foundation
import SelfModel

/// Writes the responses that every write and every read of estimates answers with
/// (``ObservationResponse``, ``EstimatesResponse``) straight into bytes: the same bytes, to the
/// byte, that `OperationCoding.encoder()` writes for them, in a fifth of the time.
///
/// `JSONEncoder` builds a tree of boxed values through generic containers before it writes a
/// byte; for a one-item write that was about a fifth of the service's time per request. The
/// writer keeps to the encoder's rules: keys sorted, absent optionals left out, numbers as
/// Swift's shortest round-trip form without a trailing `.0`, strings escaped as the encoder
/// escapes them (slashes unescaped), dates through `Timestamp`. A value it cannot write the
/// same way (a number that is not finite, which the encoder refuses) makes it answer `nil`,
/// and the caller uses the encoder. `ResponseJSONWriterTests` compares the two byte for byte
/// on random responses.
struct ResponseJSONWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// False once a value could not be written as the encoder writes it.
  private(set) var isExact = true

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// `response` as `OperationCoding.encoder()` encodes it, or `nil`.
  static func json(_ response: ObservationResponse) -> [UInt8]? {
    var writer = ResponseJSONWriter(capacity: 512 + 1_536 * response.changes.count)
    writer.write(response)
    return writer.isExact ? writer.bytes : nil
  }

  /// `response` as `OperationCoding.encoder()` encodes it, or `nil`.
  static func json(_ response: EstimatesResponse) -> [UInt8]? {
    var writer = ResponseJSONWriter(capacity: 64 + 768 * response.estimates.count)
    writer.raw("{\"estimates\":")
    writer.array(response.estimates) { $0.write($1) }
    writer.raw(",\"user\":")
    writer.string(response.user.rawValue)
    writer.raw("}")
    return writer.isExact ? writer.bytes : nil
  }

  // MARK: - The responses, keys in sorted order

  private mutating func write(_ response: ObservationResponse) {
    raw("{\"changes\":")
    array(response.changes) { $0.write($1) }
    raw(",\"duplicates\":")
    array(response.duplicates) { $0.string($1.rawValue) }
    raw(",\"recorded\":")
    array(response.recorded) { $0.string($1.rawValue) }
    raw("}")
  }

  private mutating func write(_ change: ObservationResponse.Change) {
    raw("{\"after\":")
    write(change.after)
    raw(",\"before\":")
    write(change.before)
    raw(",\"belief\":")
    string(change.belief.rawValue)
    raw(",\"shifts\":")
    array(change.shifts) { writer, shift in
      writer.raw("{\"after\":")
      writer.number(shift.after)
      writer.raw(",\"before\":")
      writer.number(shift.before)
      writer.raw(",\"outcome\":")
      writer.string(shift.outcome)
      writer.raw(",\"shift\":")
      writer.number(shift.shift)
      writer.raw("}")
    }
    raw(",\"uncertaintyShift\":")
    number(change.uncertaintyShift)
    raw("}")
  }

  private mutating func write(_ estimate: EstimateResponse) {
    raw("{\"belief\":")
    string(estimate.belief.rawValue)
    raw(",\"confidence\":")
    number(estimate.confidence)
    if let context = estimate.context {
      raw(",\"context\":")
      string(context.rawValue)
    }
    raw(",\"evaluatedAt\":")
    string(Timestamp.string(from: estimate.evaluatedAt))
    raw(",\"mostLikely\":")
    string(estimate.mostLikely)
    if let opinion = estimate.opinion {
      raw(",\"opinion\":{\"baseRate\":")
      number(opinion.baseRate)
      raw(",\"belief\":")
      number(opinion.belief)
      raw(",\"disbelief\":")
      number(opinion.disbelief)
      raw(",\"uncertainty\":")
      number(opinion.uncertainty)
      raw("}")
    }
    raw(",\"outcomes\":")
    array(estimate.outcomes) { writer, outcome in
      writer.raw("{\"baseRate\":")
      writer.number(outcome.baseRate)
      writer.raw(",\"evidence\":")
      writer.number(outcome.evidence)
      writer.raw(",\"interval\":{")
      if let level = outcome.interval.level {
        writer.raw("\"level\":")
        writer.number(level)
        writer.raw(",")
      }
      writer.raw("\"lower\":")
      writer.number(outcome.interval.lower)
      writer.raw(",\"upper\":")
      writer.number(outcome.interval.upper)
      writer.raw("},\"outcome\":")
      writer.string(outcome.outcome)
      writer.raw(",\"probability\":")
      writer.number(outcome.probability)
      writer.raw("}")
    }
    raw(",\"priorWeight\":")
    number(estimate.priorWeight)
    raw(",\"totalEvidence\":")
    number(estimate.totalEvidence)
    raw(",\"uncertainty\":")
    number(estimate.uncertainty)
    raw("}")
  }

  // MARK: - JSON values, as JSONEncoder writes them

  private mutating func array<Element>(
    _ elements: [Element], _ write: (inout ResponseJSONWriter, Element) -> Void
  ) {
    bytes.append(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      write(&self, element)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  private mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Swift's shortest round-trip form, `.0` dropped (`2`, not `2.0`), as the encoder writes a
  /// `Double`; a value that is not finite marks the output as not exact.
  private mutating func number(_ value: Double) {
    guard value.isFinite else {
      isExact = false
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// `text` in quotes, escaped as the encoder escapes (with `.withoutEscapingSlashes`): `"`
  /// and `\` with a backslash, the control characters with a short escape where JSON has one
  /// and `\u00xx` (lower-case hex) otherwise; everything else as its UTF-8 bytes.
  private mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x08: raw("\\b")
      case 0x0C: raw("\\f")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0x00..<0x20:
        raw("\\u00")
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
