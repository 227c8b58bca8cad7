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
  /// - Parameters:
  ///   - payload: The payload.
  ///   - strings: Identifiers and outcome names made by earlier records of the same replay.
  /// - Returns: The evidence and `now`.
  /// - Throws: ``StoreError/Code/corruptFile`` for malformed bytes.
  static func decode(_ payload: ArraySlice<UInt8>, strings: inout JournalStrings)
    throws(StoreError) -> ([Evidence], Date)
  {
    let result: Result<([Evidence], Date), StoreError> = payload.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      do throws(StoreError) {
        let (tag, now, count) = try header(&reader)
        var evidence: [Evidence] = []
        evidence.reserveCapacity(count)
        for _ in 0..<count {
          evidence.append(try decodeEvidence(&reader, tag: tag, strings: &strings))
        }
        guard reader.remaining == 0 else { throw reader.malformed("trailing bytes") }
        return .success((evidence, now))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// What ``replaySingle(_:strings:into:)`` did with a payload.
  enum SingleReplay {
    /// The payload holds another number of items: nothing was read into the model.
    case notSingle
    /// Its one item is replayed into the model.
    case replayed
    /// The bytes are malformed (the error ``decode(_:strings:)`` throws for them).
    case malformed(StoreError)
    /// The item does not apply to the model.
    case notApplying(ModelError)
  }

  /// Replays a payload that holds exactly one evidence item straight into `model`, with no
  /// operation value or array around the item (B4c); a payload with another count is left to
  /// ``decode(_:strings:)``. It reads the same bytes in the same order as
  /// ``decode(_:strings:)``, so malformed bytes give the same error, and nothing is applied
  /// before the whole payload has been read.
  ///
  /// The item is passed on from where it was decoded: each copy of an `Evidence` (and each
  /// destruction of an optional or a tuple holding one) goes through the runtime's value
  /// witnesses, about 150 instructions each.
  ///
  /// - Parameters:
  ///   - payload: The payload, tag included.
  ///   - strings: Identifiers and outcome names made by earlier records of the same replay.
  ///   - model: The model to replay into.
  /// - Returns: What was done.
  static func replaySingle(
    _ payload: ArraySlice<UInt8>, strings: inout JournalStrings, into model: inout UserModel
  ) -> SingleReplay {
    var outcome = SingleReplay.notSingle
    payload.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      let item: Evidence
      let now: Date
      do throws(StoreError) {
        let header = try header(&reader)
        guard header.count == 1 else { return }
        item = try decodeEvidence(&reader, tag: header.tag, strings: &strings)
        guard reader.remaining == 0 else { throw reader.malformed("trailing bytes") }
        now = header.now
      } catch {
        outcome = .malformed(error)
        return
      }
      do throws(ModelError) {
        try model.replayRecord(item, at: now)
        outcome = .replayed
      } catch {
        outcome = .notApplying(error)
      }
    }
    return outcome
  }

  /// Reads the tag, `now` and the evidence count.
  private static func header(_ reader: inout BinaryReader) throws(StoreError) -> (
    tag: UInt8, now: Date, count: Int
  ) {
    let tag = try reader.readByte()
    let now = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    let count = try reader.readCount(minimumSize: minimumEvidenceSize)
    return (tag, now, count)
  }

  /// Reads one evidence item.
  private static func decodeEvidence(
    _ reader: inout BinaryReader, tag: UInt8, strings: inout JournalStrings
  ) throws(StoreError) -> Evidence {
    let withContext = tag == contextTag || tag == virtualTag
    let id: EvidenceID = try identifier(&reader)
    let belief = try identifier(&reader, cache: &strings.beliefs)
    let content = try decodeContent(&reader, virtual: tag == virtualTag, strings: &strings)
    let weight = try reader.readDouble()
    let source = try identifier(&reader, cache: &strings.sources)
    let observedAt = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    let recordedAt = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    let note: String?
    switch try reader.readByte() {
    case 0: note = nil
    case 1: note = try reader.readString()
    case let flag: throw reader.malformed("bad note flag \(flag)")
    }
    let metadata = try decodeMetadata(&reader)
    let context: ContextID? =
      withContext ? try decodeContext(&reader, cache: &strings.contexts) : nil
    return Evidence(
      id: id, belief: belief, content: content, weight: weight, source: source,
      observedAt: observedAt, recordedAt: recordedAt, context: context, note: note,
      metadata: metadata)
  }

  /// Reads a context flag and, when set, the context.
  private static func decodeContext(
    _ reader: inout BinaryReader, cache: inout StringCache<ContextID>
  ) throws(StoreError) -> ContextID? {
    switch try reader.readByte() {
    case 0: return nil
    case 1: return try identifier(&reader, cache: &cache)
    case let flag: throw reader.malformed("bad context flag \(flag)")
    }
  }

  /// Reads an outcome, a distribution, and, when `virtual`, a likelihood ratio or a Jeffrey
  /// target.
  private static func decodeContent(
    _ reader: inout BinaryReader, virtual: Bool, strings: inout JournalStrings
  ) throws(StoreError) -> EvidenceContent {
    switch try reader.readByte() {
    case 0:
      // An ASCII name met before is reused; anything else is read as before.
      if let name = try reader.readString(as: { strings.outcomes.value(for: $0) }) {
        return .outcome(name)
      }
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

  /// Reads and validates an identifier, reusing one made earlier from the same bytes.
  private static func identifier<Kind>(
    _ reader: inout BinaryReader, cache: inout StringCache<Identifier<Kind>>
  ) throws(StoreError) -> Identifier<Kind> {
    if let valid = try reader.readString(as: { cache.value(for: $0) }) { return valid }
    return try identifier(&reader)
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
