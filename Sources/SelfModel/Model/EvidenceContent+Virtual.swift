import Foundation

extension EvidenceContent {
  /// Whether this content is virtual evidence (``likelihoodRatio(outcome:ratio:)`` or
  /// ``jeffrey(target:)``), which multiplies probabilities instead of adding counts.
  public var isVirtual: Bool {
    switch self {
    case .outcome, .distribution: false
    case .likelihoodRatio, .jeffrey: true
    }
  }

  /// Checks a likelihood ratio or Jeffrey target against `definition` and reduces it to
  /// outcome indices.
  func virtualEvidence(for definition: BeliefDefinition) throws(ModelError)
    -> VirtualEvidence
    .Kind
  {
    switch self {
    case .likelihoodRatio(let name, let ratio):
      guard let index = definition.index(of: name) else {
        throw .unknownOutcome(belief: definition.key, outcome: name)
      }
      let field = "likelihood ratio for \"\(name)\" of belief \(definition.key)"
      try Check.positive(ratio, field: field)
      guard abs(log(ratio)) <= VirtualEvidence.maximumLogRatio else {
        throw .numberOutOfRange(field: field, value: ratio, allowed: "e^-700 ... e^700")
      }
      return .ratio(outcome: index, ratio: ratio)
    case .jeffrey(let target):
      return .target(try Self.jeffreyTarget(target, for: definition))
    case .outcome, .distribution:
      throw .invalidDistribution(
        field: "evidence content for belief \(definition.key)",
        reason: "an outcome or distribution is counted, not virtual evidence")
    }
  }

  /// A Jeffrey target in `definition`'s outcome order: every outcome named, each in `(0, 1]`,
  /// summing to 1 (a target of 0 would make an outcome impossible for good).
  private static func jeffreyTarget(
    _ target: [String: Double], for definition: BeliefDefinition
  ) throws(ModelError) -> [Double] {
    let field = "Jeffrey target for belief \(definition.key)"
    var values = Array(repeating: -1.0, count: definition.outcomes.count)
    for (name, mass) in target.sorted(by: { $0.key < $1.key }) {
      guard let index = definition.index(of: name) else {
        throw .unknownOutcome(belief: definition.key, outcome: name)
      }
      try Check.positive(mass, field: "\(field)[\(name)]")
      try Check.unitInterval(mass, field: "\(field)[\(name)]")
      values[index] = mass
    }
    if let missing = values.firstIndex(of: -1) {
      throw .invalidDistribution(
        field: field, reason: "outcome \"\(definition.outcomes[missing])\" has no target")
    }
    try Check.distribution(values, field: field)
    return values
  }
}
