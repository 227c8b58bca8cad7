import Foundation

/// What a piece of evidence says about a belief: one outcome, a distribution over outcomes
/// (counted soft evidence), a likelihood ratio for one outcome, or a Jeffrey target
/// distribution.
///
/// - `.outcome` and `.distribution` are counted: a distribution `q` adds `w * r * q_k` to
///   outcome `k`'s tally; a single outcome is the distribution with all its mass on it.
/// - `.likelihoodRatio` and `.jeffrey` are *virtual evidence* (Pearl): they multiply the
///   belief's probabilities by a likelihood vector instead of adding counts. A ratio `LR` for
///   outcome `k` is the likelihood vector `λ_k = LR`, `λ_j = 1` elsewhere (for a binary belief,
///   the odds of "true" times `LR`). A Jeffrey target `q` is `λ_k = q_k / a_k` against the
///   belief's base rates `a`: applied to the prior alone it gives exactly `q`. Each is
///   tempered by the source's reliability `r` as `ln(r λ_k + 1 - r)` (the mixture rule of
///   `Docs/Math.md`), scaled by the item's weight and faded by decay.
///
/// ```swift
/// let said: EvidenceContent = .outcome("casual")
/// let guessed: EvidenceContent = .distribution(["formal": 0.7, "casual": 0.3])
/// let agreed: EvidenceContent = .holds  // binary beliefs: "true"
/// let hinted: EvidenceContent = .likelihoodRatio(outcome: "true", ratio: 3)
/// let classified: EvidenceContent = .jeffrey(target: ["formal": 0.7, "casual": 0.3])
/// ```
public enum EvidenceContent: Sendable, Hashable {
  /// All the evidence's mass on one named outcome.
  case outcome(String)
  /// Mass spread over named outcomes; the values must be in `0...1` and sum to 1. Outcomes not
  /// named get 0.
  case distribution([String: Double])
  /// Virtual evidence: the observation is `ratio` times as likely if `outcome` holds as if it
  /// does not. `ratio` must be finite and greater than 0 (a ratio of 0 or infinity is
  /// certainty; record an ``outcome(_:)`` with a weight instead); its natural log must lie in
  /// `-700...700`.
  case likelihoodRatio(outcome: String, ratio: Double)
  /// Soft evidence by Jeffrey conditioning: after this observation alone the probabilities
  /// should be `target` (values in `(0, 1]` that sum to 1, every outcome named). Applied as
  /// virtual evidence with Bayes factors `target_k / a_k`, so several items commute.
  case jeffrey(target: [String: Double])

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
    case .likelihoodRatio, .jeffrey:
      throw .invalidDistribution(
        field: "evidence content for belief \(definition.key)",
        reason: "likelihood-ratio and Jeffrey evidence are virtual evidence, not tally masses")
    }
    return masses
  }
}

extension EvidenceContent: Codable {
  private enum CodingKeys: String, CodingKey {
    case outcome, distribution, likelihoodRatio, jeffrey
  }

  /// Decodes `{"outcome": "casual"}`, `{"distribution": {"formal": 0.7, "casual": 0.3}}`,
  /// `{"likelihoodRatio": {"outcome": "true", "ratio": 3}}` (or `"logRatio": 1.1` in place of
  /// `ratio`) or `{"jeffrey": {"formal": 0.7, "casual": 0.3}}`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when none or more than one key is present.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let present = container.allKeys
    guard present.count == 1, let key = present.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "evidence content needs exactly one of 'outcome', 'distribution', "
            + "'likelihoodRatio' or 'jeffrey'"))
    }
    switch key {
    case .outcome: self = .outcome(try container.decode(String.self, forKey: key))
    case .distribution:
      self = .distribution(try container.decode([String: Double].self, forKey: key))
    case .likelihoodRatio:
      let ratio = try container.decode(LikelihoodRatioCoding.self, forKey: key)
      self = .likelihoodRatio(outcome: ratio.outcome, ratio: try ratio.value(decoder))
    case .jeffrey: self = .jeffrey(target: try container.decode([String: Double].self, forKey: key))
    }
  }

  /// Encodes as `{"outcome": …}`, `{"distribution": {…}}`,
  /// `{"likelihoodRatio": {"outcome": …, "ratio": …}}` or `{"jeffrey": {…}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .outcome(let name): try container.encode(name, forKey: .outcome)
    case .distribution(let weights): try container.encode(weights, forKey: .distribution)
    case .likelihoodRatio(let outcome, let ratio):
      try container.encode(
        LikelihoodRatioCoding(outcome: outcome, ratio: ratio, logRatio: nil),
        forKey: .likelihoodRatio)
    case .jeffrey(let target): try container.encode(target, forKey: .jeffrey)
    }
  }
}

/// The JSON shape of a likelihood ratio: an outcome and exactly one of `ratio` or `logRatio`.
private struct LikelihoodRatioCoding: Codable {
  var outcome: String
  var ratio: Double?
  var logRatio: Double?

  func value(_ decoder: any Decoder) throws -> Double {
    switch (ratio, logRatio) {
    case (let ratio?, nil): return ratio
    case (nil, let logRatio?): return exp(logRatio)
    default:
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "a likelihood ratio needs exactly one of 'ratio' or 'logRatio'"))
    }
  }
}
