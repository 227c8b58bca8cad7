public import Foundation

/// One observation about one belief of one user: what it says, how much it is worth, where it
/// came from and when.
///
/// Evidence is a plain value; it is validated when a ``UserModel`` records it (so a decoded
/// ledger can be checked against the beliefs it refers to). Recording the same ``id`` twice
/// counts it once, which makes retries safe.
///
/// Its fields live in one immutable, shared box, so a copy (into a model's ledger, out of an
/// array) is one reference count, not a 128-byte value with five reference-counted fields.
/// Recording spent about a quarter of its instructions copying and destroying those (B1:
/// 2,277 -> 1,748 per record); the box costs about 32 bytes more per record held (B7: 153 B
/// -> 185 B, under its 200 B bar). Docs/Performance.md has the measurements.
///
/// - `observedAt` is when it happened: decay counts from there.
/// - `recordedAt` is when we learned it: as-of queries ("what did we believe on Monday?") use it.
/// - Both must lie within 1e10 seconds of 2001-01-01 (years 1684 to 2318): a model refuses
///   other times, which would overflow decay and make probabilities NaN.
///
/// ```swift
/// let answer = Evidence(
///   id: "e-1", belief: "preference.concise", content: .holds, weight: 3,
///   source: "user", observedAt: monday)
/// ```
public struct Evidence: Sendable, Hashable, Codable {
  /// Unique per user; recording an id again is a no-op (same content) or an error (different).
  public var id: EvidenceID { box.id }
  /// The belief this evidence is about.
  public var belief: BeliefKey { box.belief }
  /// The outcome or distribution it reports.
  public var content: EvidenceContent { box.content }
  /// How many plain observations it is worth, finite and greater than 0 (default 1).
  public var weight: Double { box.weight }
  /// The source that reported it.
  public var source: SourceID { box.source }
  /// When it happened; decay is measured from here.
  public var observedAt: Date { box.observedAt }
  /// When the system learned it; as-of queries filter on this.
  public var recordedAt: Date { box.recordedAt }
  /// The fields, in one immutable object shared by every copy.
  private let box: Box
  /// The context, note and metadata, boxed: most evidence has none of them, and one optional
  /// reference costs 8 bytes per item where the three fields inline cost 40.
  private var annotations: Annotations? { box.annotations }

  /// Whether the item has a context, a note or metadata: one pointer test, where ``note`` and
  /// ``metadata`` each read the box (recording checks them for every item, B1).
  var hasAnnotations: Bool { annotations != nil }

  /// The context the observation came from (an app surface, a situation), or `nil`.
  ///
  /// It labels the ledger item only: the user's tallies pool evidence across contexts, so one
  /// observation stays one item. It is kept for ``UserModel/explain(_:in:at:)`` and for fitting
  /// population priors per context. Any valid identifier is accepted, listed by a belief or
  /// not: evidence may arrive in a context before anyone has fitted a prior for it.
  public var context: ContextID? { annotations?.context }

  /// An optional human note (at most 4,096 bytes).
  public var note: String? { annotations?.note }
  /// Optional string metadata (at most 32 entries; keys up to 128 bytes, values up to 1,024).
  public var metadata: [String: String] { annotations?.metadata ?? [:] }

  /// Creates a piece of evidence. Nothing is validated until a model records it.
  ///
  /// - Parameters:
  ///   - id: Unique id, for idempotence.
  ///   - belief: The belief it is about.
  ///   - content: The outcome or distribution it reports.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Who reported it.
  ///   - observedAt: When it happened.
  ///   - recordedAt: When we learned it; `nil` means `observedAt`.
  ///   - context: The context it came from, or `nil` (default).
  ///   - note: An optional human note.
  ///   - metadata: Optional string metadata.
  public init(
    id: EvidenceID, belief: BeliefKey, content: EvidenceContent, weight: Double = 1,
    source: SourceID, observedAt: Date, recordedAt: Date? = nil, context: ContextID? = nil,
    note: String? = nil, metadata: [String: String] = [:]
  ) {
    self.box = Box(
      id: id, belief: belief, content: content, weight: weight, source: source,
      observedAt: observedAt, recordedAt: recordedAt ?? observedAt,
      annotations: context == nil && note == nil && metadata.isEmpty
        ? nil : Annotations(context: context, note: note, metadata: metadata))
  }

  private enum CodingKeys: String, CodingKey {
    case id, belief, content, weight, source, observedAt, recordedAt, context, note, metadata
  }

  /// Decodes evidence; `weight` defaults to 1, `recordedAt` to `observedAt`, `context` to
  /// none, `metadata` to empty, so older and hand-written documents read.
  ///
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let observedAt = try container.decode(Date.self, forKey: .observedAt)
    self.init(
      id: try container.decode(EvidenceID.self, forKey: .id),
      belief: try container.decode(BeliefKey.self, forKey: .belief),
      content: try container.decode(EvidenceContent.self, forKey: .content),
      weight: try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
      source: try container.decode(SourceID.self, forKey: .source),
      observedAt: observedAt,
      recordedAt: try container.decodeIfPresent(Date.self, forKey: .recordedAt),
      context: try container.decodeIfPresent(ContextID.self, forKey: .context),
      note: try container.decodeIfPresent(String.self, forKey: .note),
      metadata: try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:])
  }

  /// Encodes every field; a missing `context` or `note` and empty `metadata` are omitted.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(belief, forKey: .belief)
    try container.encode(content, forKey: .content)
    try container.encode(weight, forKey: .weight)
    try container.encode(source, forKey: .source)
    try container.encode(observedAt, forKey: .observedAt)
    try container.encode(recordedAt, forKey: .recordedAt)
    try container.encodeIfPresent(context, forKey: .context)
    try container.encodeIfPresent(note, forKey: .note)
    if !metadata.isEmpty { try container.encode(metadata, forKey: .metadata) }
  }
}

/// The rarely used parts of an ``Evidence``, kept out of line. Immutable, so sharing it
/// between copies of the evidence is safe.
private final class Annotations: Sendable, Hashable {
  let context: ContextID?
  let note: String?
  let metadata: [String: String]

  init(context: ContextID?, note: String?, metadata: [String: String]) {
    self.context = context
    self.note = note
    self.metadata = metadata
  }

  static func == (lhs: Annotations, rhs: Annotations) -> Bool {
    lhs.context == rhs.context && lhs.note == rhs.note && lhs.metadata == rhs.metadata
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(context)
    hasher.combine(note)
    hasher.combine(metadata)
  }
}

extension Evidence {
  /// Equal when every field is equal (an item is equal to itself, read from the same box, even
  /// with a NaN weight, which no model records).
  public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
    if lhs.box === rhs.box { return true }
    return lhs.id == rhs.id && lhs.belief == rhs.belief && lhs.content == rhs.content
      && lhs.weight == rhs.weight && lhs.source == rhs.source
      && lhs.observedAt == rhs.observedAt && lhs.recordedAt == rhs.recordedAt
      && lhs.annotations == rhs.annotations
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(belief)
    hasher.combine(content)
    hasher.combine(weight)
    hasher.combine(source)
    hasher.combine(observedAt)
    hasher.combine(recordedAt)
    hasher.combine(annotations)
  }
}

/// The fields of an ``Evidence``: written once, at its creation, and never again.
private final class Box: Sendable {
  let id: EvidenceID
  let belief: BeliefKey
  let content: EvidenceContent
  let weight: Double
  let source: SourceID
  let observedAt: Date
  let recordedAt: Date
  let annotations: Annotations?

  init(
    id: EvidenceID, belief: BeliefKey, content: EvidenceContent, weight: Double,
    source: SourceID, observedAt: Date, recordedAt: Date, annotations: Annotations?
  ) {
    self.id = id
    self.belief = belief
    self.content = content
    self.weight = weight
    self.source = source
    self.observedAt = observedAt
    self.recordedAt = recordedAt
    self.annotations = annotations
  }
}
