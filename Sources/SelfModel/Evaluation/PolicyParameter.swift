/// One number of a ``RevisionPolicy`` that ``PolicyTuner`` can tune.
///
/// ```swift
/// let parameter = PolicyParameter.halfLife(.behavior)
/// parameter.description  // "half-life of behavior evidence"
/// ```
public enum PolicyParameter: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The half-life of one kind's evidence, in seconds (``RevisionPolicy/halfLifeBySourceKind``).
  case halfLife(SourceKind)
  /// One source's reliability (``RevisionPolicy/reliabilityOverrides``).
  case reliability(SourceID)
  /// The prior weight `W` (``RevisionPolicy/priorWeight``).
  case priorWeight

  /// A short human name, such as "reliability of clicks".
  public var description: String {
    switch self {
    case .halfLife(let kind): "half-life of \(kind.rawValue) evidence"
    case .reliability(let source): "reliability of \(source)"
    case .priorWeight: "prior weight"
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
