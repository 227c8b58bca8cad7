/// One number of a ``RevisionPolicy`` or of a belief's prior that ``PolicyTuner`` can tune.
///
/// ```swift
/// let parameter = PolicyParameter.halfLife(.behavior)
/// parameter.description  // "half-life of behavior evidence"
/// ```
public enum PolicyParameter: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The half-life of one kind's evidence, in seconds (``RevisionPolicy/halfLifeBySourceKind``).
  case halfLife(SourceKind)
  /// The half-life of one source's evidence, in seconds, or no decay
  /// (``RevisionPolicy/halfLifeBySource``).
  case sourceHalfLife(SourceID)
  /// One source's reliability (``RevisionPolicy/reliabilityOverrides``).
  case reliability(SourceID)
  /// The prior weight `W` (``RevisionPolicy/priorWeight``).
  case priorWeight
  /// One belief's own prior weight (``BeliefDefinition/priorWeight``).
  case beliefPriorWeight(BeliefKey)
  /// The factor multiplying one belief's `W` in one context (written into
  /// ``ContextPrior/priorWeight`` as the factor times the `W` the context had).
  case contextPriorWeightMultiplier(belief: BeliefKey, context: ContextID)

  /// A short human name, such as "reliability of clicks".
  public var description: String {
    switch self {
    case .halfLife(let kind): "half-life of \(kind.rawValue) evidence"
    case .sourceHalfLife(let source): "half-life of \(source)"
    case .reliability(let source): "reliability of \(source)"
    case .priorWeight: "prior weight"
    case .beliefPriorWeight(let key): "prior weight of \(key)"
    case .contextPriorWeightMultiplier(let key, let context):
      "prior weight multiplier of \(key) in \(context)"
    }
  }
}

/// One tuned number: its value before and after tuning.
///
/// ```swift
/// for change in tuning.parameters {
///   print(change.parameter, change.before ?? .infinity, change.after ?? .infinity)
/// }
/// ```
public struct TunedParameter: Sendable, Hashable, Codable {
  /// Which number.
  public let parameter: PolicyParameter
  /// Its value before tuning; `nil` for a half-life means no decay.
  public let before: Double?
  /// Its value after tuning; `nil` for a half-life means no decay.
  public let after: Double?

  /// Creates a record of one tuned number.
  ///
  /// ```swift
  /// let change = TunedParameter(parameter: .priorWeight, before: 2, after: 3.1)
  /// ```
  ///
  /// - Parameters:
  ///   - parameter: Which number.
  ///   - before: The value before tuning.
  ///   - after: The value after tuning.
  public init(parameter: PolicyParameter, before: Double?, after: Double?) {
    self.parameter = parameter
    self.before = before
    self.after = after
  }
}
