/// What a piece of evidence says about a belief: one outcome, or a distribution over outcomes
/// (soft evidence, such as a classifier that is 70 % sure the user is formal).
///
/// A distribution `q` adds `w * r * q_k` to outcome `k`'s tally; a single outcome is the
/// distribution with all its mass on that outcome.
///
/// ```swift
/// let said: EvidenceContent = .outcome("casual")
/// let guessed: EvidenceContent = .distribution(["formal": 0.7, "casual": 0.3])
/// let agreed: EvidenceContent = .holds  // binary beliefs: "true"
/// ```
public enum EvidenceContent: Sendable, Hashable {
  /// All the evidence's mass on one named outcome.
  case outcome(String)
  /// Mass spread over named outcomes; the values must be in `0...1` and sum to 1. Outcomes not
  /// named get 0.
  case distribution([String: Double])

  /// For a binary belief: the statement holds.
  public static var holds: EvidenceContent { .outcome(BeliefDefinition.trueOutcome) }
  /// For a binary belief: the statement does not hold.
  public static var doesNotHold: EvidenceContent { .outcome(BeliefDefinition.falseOutcome) }

  /// The mass this content puts on each outcome of `definition`, in its outcome order.
  ///
  /// - Parameter definition: The belief the evidence is about.
  /// - Returns: A vector that sums to 1.
  /// - Throws: ``ModelError/unknownOutcome(belief:outcome:)`` for an outcome the belief lacks,
  ///   ``ModelError/invalidDistribution(field:reason:)`` or a number error for a bad
  ///   distribution.
  public func masses(for definition: BeliefDefinition) throws(ModelError) -> [Double] {
    var masses = Array(repeating: 0.0, count: definition.outcomes.count)
    switch self {
    case .outcome(let name):
      guard let index = definition.index(of: name) else {
        throw .unknownOutcome(belief: definition.key, outcome: name)
      }
      masses[index] = 1
    case .distribution(let weights):
      for (name, mass) in weights.sorted(by: { $0.key < $1.key }) {
        guard let index = definition.index(of: name) else {
          throw .unknownOutcome(belief: definition.key, outcome: name)
        }
        try Check.unitInterval(mass, field: "soft evidence mass of \"\(name)\"")
        masses[index] = mass
      }
      try Check.distribution(masses, field: "soft evidence for belief \(definition.key)")
    }
    return masses
  }
}

extension EvidenceContent: Codable {
  private enum CodingKeys: String, CodingKey {
    case outcome, distribution
  }

  /// Decodes `{"outcome": "casual"}` or `{"distribution": {"formal": 0.7, "casual": 0.3}}`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when neither or both keys are present.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
    let distribution = try container.decodeIfPresent([String: Double].self, forKey: .distribution)
    switch (outcome, distribution) {
    case (let name?, nil): self = .outcome(name)
    case (nil, let weights?): self = .distribution(weights)
    default:
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "evidence content needs exactly one of 'outcome' or 'distribution'"))
    }
  }

  /// Encodes as `{"outcome": …}` or `{"distribution": {…}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .outcome(let name): try container.encode(name, forKey: .outcome)
    case .distribution(let weights): try container.encode(weights, forKey: .distribution)
    }
  }
}
