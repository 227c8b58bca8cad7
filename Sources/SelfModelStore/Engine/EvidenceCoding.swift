import Foundation
import SelfModel

/// The binary layout of an ``JournalOperation/record(_:now:)`` payload, the journal's hot
/// path.
///
/// Layout after the tag byte: `now` (f64), evidence count (LEB128), then per evidence: id,
/// belief, content, weight (f64), source, observedAt (f64), recordedAt (f64), note flag (u8,
/// then the note), metadata count (LEB128) and sorted key/value pairs, and, only under the tag
/// ``OperationCodec/Tag/observeInContext`` and ``OperationCodec/Tag/observeVirtual``, a
/// context flag (u8, then the context). Strings are LEB128 length + UTF-8; content is `0` +
/// outcome name, or `1` + count + sorted (name, f64) pairs, and, only under
/// ``OperationCodec/Tag/observeVirtual``, `2` + outcome name + f64 ratio (a likelihood ratio)
/// or `3` + count + sorted (name, f64) pairs (a Jeffrey target); dates are seconds since the
/// reference date (2001-01-01). See `Docs/FileFormat.md`.
enum EvidenceCoding {
  /// The smallest encoding of one evidence item, to bound counts read from damaged bytes.
  static let minimumEvidenceSize = 3 + 2 + 8 + 1 + 8 + 8 + 1 + 1
  /// The tag byte under which each item ends with a context flag.
  static let contextTag = OperationCodec.Tag.observeInContext.rawValue
  /// The tag byte under which content kinds 2 and 3 (virtual evidence) may appear; its items
  /// also end with a context flag.
  static let virtualTag = OperationCodec.Tag.observeVirtual.rawValue

  /// Encodes the tag, `now` and the evidence.
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - now: When it was recorded.
  ///   - tag: The tag byte.
  /// - Returns: The payload.
  static func encode(_ evidence: [Evidence], now: Date, tag: UInt8) -> [UInt8] {
    var writer = BinaryWriter(capacity: 16 + evidence.count * 96)
    writer.write(tag)
    writer.write(now.timeIntervalSinceReferenceDate)
    writer.write(variable: UInt64(evidence.count))
    for item in evidence {
      encode(item, into: &writer, withContext: tag == contextTag || tag == virtualTag)
    }
    return writer.bytes
  }

  /// Appends one evidence item.
  private static func encode(
    _ item: Evidence, into writer: inout BinaryWriter, withContext: Bool
  ) {
    writer.write(item.id.rawValue)
    writer.write(item.belief.rawValue)
    switch item.content {
    case .outcome(let name):
      writer.write(UInt8(0))
      writer.write(name)
    case .distribution(let masses):
      writer.write(UInt8(1))
      write(masses, into: &writer)
    case .likelihoodRatio(let outcome, let ratio):
      writer.write(UInt8(2))
      writer.write(outcome)
      writer.write(ratio)
    case .jeffrey(let target):
      writer.write(UInt8(3))
      write(target, into: &writer)
    }
    writer.write(item.weight)
    writer.write(item.source.rawValue)
    writer.write(item.observedAt.timeIntervalSinceReferenceDate)
    writer.write(item.recordedAt.timeIntervalSinceReferenceDate)
    if let note = item.note {
      writer.write(UInt8(1))
      writer.write(note)
    } else {
      writer.write(UInt8(0))
    }
    writer.write(variable: UInt64(item.metadata.count))
    for (key, value) in item.metadata.sorted(by: { $0.key < $1.key }) {
      writer.write(key)
      writer.write(value)
    }
    guard withContext else { return }
    if let context = item.context {
      writer.write(UInt8(1))
      writer.write(context.rawValue)
    } else {
      writer.write(UInt8(0))
    }
  }

  /// Appends a count and the sorted (name, f64) pairs.
  private static func write(_ masses: [String: Double], into writer: inout BinaryWriter) {
    writer.write(variable: UInt64(masses.count))
    for (name, mass) in masses.sorted(by: { $0.key < $1.key }) {
      writer.write(name)
      writer.write(mass)
    }
  }

  /// Decodes a whole payload, tag included.
  ///
  /// - Parameter payload: The payload.
  /// - Returns: The evidence and `now`.
  /// - Throws: ``StoreError/Code/corruptFile`` for malformed bytes.
  static func decode(_ payload: [UInt8]) throws(StoreError) -> ([Evidence], Date) {
    let result: Result<([Evidence], Date), StoreError> = payload.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      do throws(StoreError) {
        let tag = try reader.readByte()
        let withContext = tag == contextTag || tag == virtualTag
        let now = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
        let count = try reader.readCount(minimumSize: minimumEvidenceSize)
        var evidence: [Evidence] = []
        evidence.reserveCapacity(count)
        for _ in 0..<count {
          evidence.append(
            try decodeEvidence(&reader, withContext: withContext, virtual: tag == virtualTag))
        }
        guard reader.remaining == 0 else { throw reader.malformed("trailing bytes") }
        return .success((evidence, now))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Reads one evidence item.
  private static func decodeEvidence(
    _ reader: inout BinaryReader, withContext: Bool, virtual: Bool
  ) throws(StoreError) -> Evidence {
    let id: EvidenceID = try identifier(&reader)
    let belief: BeliefKey = try identifier(&reader)
    let content = try decodeContent(&reader, virtual: virtual)
    let weight = try reader.readDouble()
    let source: SourceID = try identifier(&reader)
    let observedAt = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    let recordedAt = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    let note: String?
    switch try reader.readByte() {
    case 0: note = nil
    case 1: note = try reader.readString()
    case let flag: throw reader.malformed("bad note flag \(flag)")
    }
    let metadata = try decodeMetadata(&reader)
    let context: ContextID? = withContext ? try decodeContext(&reader) : nil
    return Evidence(
      id: id, belief: belief, content: content, weight: weight, source: source,
      observedAt: observedAt, recordedAt: recordedAt, context: context, note: note,
      metadata: metadata)
  }

  /// Reads a context flag and, when set, the context.
  private static func decodeContext(_ reader: inout BinaryReader) throws(StoreError)
    -> ContextID?
  {
    switch try reader.readByte() {
    case 0: return nil
    case 1: return try identifier(&reader)
    case let flag: throw reader.malformed("bad context flag \(flag)")
    }
  }

  /// Reads an outcome, a distribution, and, when `virtual`, a likelihood ratio or a Jeffrey
  /// target.
  private static func decodeContent(_ reader: inout BinaryReader, virtual: Bool)
    throws(StoreError) -> EvidenceContent
  {
    switch try reader.readByte() {
    case 0:
      return .outcome(try reader.readString())
    case 1:
      return .distribution(try decodeMasses(&reader))
    case 2 where virtual:
      let outcome = try reader.readString()
      return .likelihoodRatio(outcome: outcome, ratio: try reader.readDouble())
    case 3 where virtual:
      return .jeffrey(target: try decodeMasses(&reader))
    case let kind:
      throw reader.malformed("bad content kind \(kind)")
    }
  }

  /// Reads a count and that many (name, f64) pairs, names unique.
  private static func decodeMasses(_ reader: inout BinaryReader) throws(StoreError)
    -> [String: Double]
  {
    let count = try reader.readCount(minimumSize: 9)
    var masses: [String: Double] = [:]
    masses.reserveCapacity(count)
    for _ in 0..<count {
      let name = try reader.readString()
      guard masses.updateValue(try reader.readDouble(), forKey: name) == nil else {
        throw reader.malformed("duplicate outcome in distribution")
      }
    }
    return masses
  }

  /// Reads the metadata pairs.
  private static func decodeMetadata(_ reader: inout BinaryReader) throws(StoreError)
    -> [String: String]
  {
    let count = try reader.readCount(minimumSize: 2)
    guard count > 0 else { return [:] }
    var metadata: [String: String] = [:]
    metadata.reserveCapacity(count)
    for _ in 0..<count {
      let key = try reader.readString()
      guard metadata.updateValue(try reader.readString(), forKey: key) == nil else {
        throw reader.malformed("duplicate metadata key")
      }
    }
    return metadata
  }

  /// Reads and validates an identifier.
  private static func identifier<Kind>(_ reader: inout BinaryReader) throws(StoreError)
    -> Identifier<Kind>
  {
    // The common case checked on the bytes, without making a string first (B4c); anything
    // else goes the long way, for the same errors.
    if let valid = try reader.readString(as: Identifier<Kind>.init(validBytes:)) { return valid }
    let raw = try reader.readString()
    do {
      return try Identifier<Kind>(raw)
    } catch {
      throw reader.malformed("invalid identifier (\(error))")
    }
  }
}
