import Foundation
import SelfModel

/// Turns a ``JournalOperation`` into a journal payload and back.
///
/// A payload is a one-byte tag followed by the operation. Evidence (the hot path: millions of
/// records) uses a compact hand-written binary layout; the rare operations carry JSON. The
/// layouts are specified in `Docs/FileFormat.md`. Decoding never traps: malformed bytes throw
/// ``StoreError/Code/corruptFile``.
///
/// ```swift
/// let payload = try OperationCodec.encode(.record([evidence], now: now))
/// let operation = try OperationCodec.decode(payload)
/// ```
package enum OperationCodec {
  /// The tag byte of each operation kind; never renumber.
  enum Tag: UInt8 {
    /// ``JournalOperation/create(_:_:)``, JSON.
    case create = 1
    /// ``JournalOperation/record(_:now:)``, binary.
    case observe = 2
    /// ``JournalOperation/declare(_:)``, JSON.
    case declare = 3
    /// ``JournalOperation/redeclare(_:)``, JSON.
    case redeclare = 4
    /// ``JournalOperation/register(_:)``, JSON.
    case register = 5
    /// ``JournalOperation/replacePolicy(_:)``, JSON.
    case replacePolicy = 6
    /// ``JournalOperation/replacePolicy(_:)`` with `nil`: follow the catalogue's policy. No
    /// body.
    case followCataloguePolicy = 7
    /// ``JournalOperation/record(_:now:)`` where some evidence carries a context: the
    /// ``observe`` layout plus a context per item. A library that predates contexts stops at
    /// this tag with a typed error instead of dropping the contexts.
    case observeInContext = 8
    /// ``JournalOperation/declare(_:)`` of a definition with its own `priorWeight` or
    /// `contexts`, JSON; tagged apart for the same reason.
    case declareWithPriors = 9
    /// ``JournalOperation/redeclare(_:)`` of such a definition, JSON.
    case redeclareWithPriors = 10
    /// ``JournalOperation/create(_:_:)`` with a policy that sets half-lives per source, JSON.
    case createWithSourceHalfLives = 11
    /// ``JournalOperation/replacePolicy(_:)`` with such a policy, JSON.
    case replacePolicyWithSourceHalfLives = 12
    /// ``JournalOperation/record(_:now:)`` where some evidence is a likelihood ratio or a
    /// Jeffrey target (``EvidenceContent/isVirtual``): the ``observeInContext`` layout, whose
    /// content may also be of kind 2 or 3. A library that predates them stops at this tag
    /// with a typed error; under tags 2 and 8 those kinds stay malformed.
    case observeVirtual = 13
    /// ``JournalOperation/declare(_:)`` of a dynamic definition (``BeliefKind/dynamic(_:)``),
    /// JSON; tagged apart so that a library that predates dynamic beliefs stops here instead
    /// of reading it as counted.
    case declareDynamic = 14
    /// ``JournalOperation/redeclare(_:)`` of a dynamic definition, JSON.
    case redeclareDynamic = 15
  }

  /// The JSON body of a ``JournalOperation/create(_:_:)``.
  private struct Creation: Codable {
    /// The user.
    let user: UserID
    /// The initial policy.
    let policy: RevisionPolicy
  }

  /// Encodes an operation as a journal payload.
  ///
  /// - Parameter operation: The operation.
  /// - Returns: The payload.
  /// - Throws: ``StoreError/Code/invalidArgument`` when a JSON body cannot be encoded (a NaN
  ///   or infinity in a policy, source or definition).
  package static func encode(_ operation: JournalOperation) throws(StoreError) -> [UInt8] {
    switch operation {
    case .create(let user, let policy):
      let tag: Tag = policy.hasPerSourceHalfLives ? .createWithSourceHalfLives : .create
      return try json(tag, Creation(user: user, policy: policy))
    case .record(let evidence, let now):
      let tag: Tag =
        evidence.contains(where: \.content.isVirtual)
        ? .observeVirtual
        : evidence.contains { $0.context != nil } ? .observeInContext : .observe
      return EvidenceCoding.encode(evidence, now: now, tag: tag.rawValue)
    case .declare(let definition):
      let tag: Tag =
        definition.kind.isDynamic
        ? .declareDynamic : definition.hasOwnPriors ? .declareWithPriors : .declare
      return try json(tag, definition)
    case .redeclare(let definition):
      let tag: Tag =
        definition.kind.isDynamic
        ? .redeclareDynamic : definition.hasOwnPriors ? .redeclareWithPriors : .redeclare
      return try json(tag, definition)
    case .register(let source): return try json(.register, source)
    case .replacePolicy(let policy?):
      let tag: Tag =
        policy.hasPerSourceHalfLives ? .replacePolicyWithSourceHalfLives : .replacePolicy
      return try json(tag, policy)
    case .replacePolicy(nil): return [Tag.followCataloguePolicy.rawValue]
    }
  }

  /// Decodes a journal payload.
  ///
  /// - Parameter payload: The bytes of one journal record.
  /// - Returns: The operation.
  /// - Throws: ``StoreError/Code/corruptFile`` for an unknown tag, malformed bytes, trailing
  ///   bytes or values the model rejects (an invalid identifier, a bad definition).
  package static func decode(_ payload: [UInt8]) throws(StoreError) -> JournalOperation {
    try decode(payload[...])
  }

  /// Decodes a journal payload in place: a slice of a whole journal file, as a replay reads it
  /// (its indices are the file's, not 0-based).
  ///
  /// - Parameter payload: The bytes of one journal record.
  /// - Returns: The operation.
  /// - Throws: ``StoreError/Code/corruptFile``, as for the same bytes in an array of their own.
  package static func decode(_ payload: ArraySlice<UInt8>) throws(StoreError) -> JournalOperation {
    var strings = JournalStrings(isEnabled: false)
    return try decode(payload, strings: &strings)
  }

  /// Decodes a journal payload, reusing the identifiers and outcome names that earlier records
  /// of the same replay made (see ``JournalStrings``).
  ///
  /// - Parameters:
  ///   - payload: The bytes of one journal record.
  ///   - strings: The replay's strings so far.
  /// - Returns: The operation.
  /// - Throws: As ``decode(_:)``.
  static func decode(_ payload: ArraySlice<UInt8>, strings: inout JournalStrings)
    throws(StoreError) -> JournalOperation
  {
    guard let first = payload.first else {
      throw .corrupt("decode", path: nil, offset: nil, detail: "empty payload")
    }
    guard let tag = Tag(rawValue: first) else {
      throw .corrupt("decode", path: nil, offset: nil, detail: "unknown operation tag \(first)")
    }
    let body = payload.dropFirst()
    switch tag {
    case .create, .createWithSourceHalfLives:
      let creation = try unjson(Creation.self, body)
      return .create(creation.user, creation.policy)
    case .observe, .observeInContext, .observeVirtual:
      let (evidence, now) = try EvidenceCoding.decode(payload, strings: &strings)
      return .record(evidence, now: now)
    case .declare, .declareWithPriors, .declareDynamic:
      return .declare(try unjson(BeliefDefinition.self, body))
    case .redeclare, .redeclareWithPriors, .redeclareDynamic:
      return .redeclare(try unjson(BeliefDefinition.self, body))
    case .register: return .register(try unjson(Source.self, body))
    case .replacePolicy, .replacePolicyWithSourceHalfLives:
      return .replacePolicy(try unjson(RevisionPolicy.self, body))
    case .followCataloguePolicy:
      guard body.isEmpty else {
        throw .corrupt("decode", path: nil, offset: nil, detail: "policy reset with a body")
      }
      return .replacePolicy(nil)
    }
  }

  /// Replays a payload that records exactly one evidence item straight into `model`, without
  /// the operation value or an array around the item (see
  /// ``EvidenceCoding/replaySingle(_:strings:into:)``); any other payload is left to
  /// ``decode(_:strings:)``, which reports the same errors for the same bytes.
  ///
  /// - Parameters:
  ///   - payload: The bytes of one journal record.
  ///   - strings: The replay's strings so far.
  ///   - model: The model to replay into.
  /// - Returns: What was done.
  static func replaySingleEvidence(
    _ payload: ArraySlice<UInt8>, strings: inout JournalStrings, into model: inout UserModel
  ) -> EvidenceCoding.SingleReplay {
    guard let first = payload.first, let tag = Tag(rawValue: first) else { return .notSingle }
    switch tag {
    case .observe, .observeInContext, .observeVirtual:
      return EvidenceCoding.replaySingle(payload, strings: &strings, into: &model)
    default: return .notSingle
    }
  }

  /// A tag followed by `value` as JSON with sorted keys.
  private static func json(_ tag: Tag, _ value: some Encodable) throws(StoreError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return [tag.rawValue] + Array(try encoder.encode(value))
    } catch {
      throw StoreError(
        .invalidArgument, operation: "encode", detail: "cannot encode operation: \(error)")
    }
  }

  /// Decodes a JSON body; any failure is ``StoreError/Code/corruptFile``.
  private static func unjson<T: Decodable>(_ type: T.Type, _ body: ArraySlice<UInt8>)
    throws(StoreError) -> T
  {
    do {
      return try JSONDecoder().decode(type, from: Data(body))
    } catch {
      throw .corrupt(
        "decode", path: nil, offset: nil, detail: "undecodable \(type) operation: \(error)")
    }
  }
}
