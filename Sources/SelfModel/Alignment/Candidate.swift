/// Something to score against a user's model: an AI reply, a recommendation, a persona. It is
/// the set of ``Stance``s it takes, at most one per belief.
///
/// ```swift
/// let reply = try Candidate(
///   id: "reply-a", label: "Short and formal",
///   stances: [
///     try Stance(belief: "preference.concise", asserts: .holds, importance: 2),
///     try Stance(belief: "preference.tone", asserts: .outcome("formal")),
///   ])
/// ```
public struct Candidate: Sendable, Hashable {
  /// The candidate's identifier; ties in a ranking are broken by it.
  public let id: CandidateID
  /// A human label for reports (1 to 1,000 bytes, no control characters).
  public let label: String
  /// The stances, in the order given; no two about the same belief.
  public let stances: [Stance]

  /// Creates a candidate after validating it.
  ///
  /// - Parameters:
  ///   - id: The identifier.
  ///   - label: A human label; `nil` means the id's text.
  ///   - stances: At least one stance, no two about the same belief.
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` when `stances` is empty (a candidate
  ///   that asserts nothing cannot be aligned or misaligned),
  ///   ``ModelError/invalidDistribution(field:reason:)`` when two stances are about the same
  ///   belief, and ``ModelError/invalidText(field:reason:)`` for a bad label.
  public init(id: CandidateID, label: String? = nil, stances: [Stance]) throws(ModelError) {
    let label = label ?? id.rawValue
    try Check.text(label, field: "label of candidate \(id)", maximum: Check.maximumStatementLength)
    guard !stances.isEmpty else {
      throw .undefined(quantity: "alignment of candidate \(id)", reason: "it has no stances")
    }
    var seen = Set<BeliefKey>()
    for stance in stances where !seen.insert(stance.belief).inserted {
      throw .invalidDistribution(
        field: "stances of candidate \(id)", reason: "belief \(stance.belief) has two stances")
    }
    self.id = id
    self.label = label
    self.stances = stances
  }

  /// The same candidate with every stance negated: it scores exactly `-score` against any
  /// model.
  ///
  /// ```swift
  /// let contrary = reply.negated
  /// ```
  public var negated: Candidate {
    Candidate(validID: id, label: label, stances: stances.map(\.negated))
  }

  private init(validID id: CandidateID, label: String, stances: [Stance]) {
    self.id = id
    self.label = label
    self.stances = stances
  }
}

extension Candidate: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, label, stances
  }

  /// Decodes a candidate and validates it like ``init(id:label:stances:)``.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        id: container.decode(CandidateID.self, forKey: .id),
        label: container.decodeIfPresent(String.self, forKey: .label),
        stances: container.decode([Stance].self, forKey: .stances))
    }
  }

  /// Encodes the id, label and stances.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(label, forKey: .label)
    try container.encode(stances, forKey: .stances)
  }
}
