/// A belief's prior in one context: its own base rates, its own prior weight `W`, or neither,
/// and the context it inherits the rest from.
///
/// A context is looked up in ``BeliefDefinition/contexts``. Whatever its entry leaves out
/// comes from its ``parent``, then the parent's parent, and finally from the belief itself
/// (``BeliefDefinition/baseRates`` and ``BeliefDefinition/priorWeight``, then the policy's
/// ``RevisionPolicy/priorWeight``). So a hierarchy such as
/// `module:BBB/type:TMA/pos:3` → `type:TMA/pos:3` → `type:TMA` shrinks a rare context toward a
/// broader one, and an entry with only a parent makes a new context usable before anything has
/// been fitted for it.
///
/// ```swift
/// let tma = ContextPrior(baseRates: [0.62, 0.38], priorWeight: 4)
/// let third = ContextPrior(baseRates: [0.55, 0.45], parent: "type:TMA")  // W from type:TMA
/// let mastery = try BeliefDefinition.binary(
///   "mastery", statement: "Scores at least 70", baseRate: 0.67,
///   contexts: ["type:TMA": tma, "type:TMA/pos:3": third])
/// ```
public struct ContextPrior: Sendable, Hashable, Codable {
  /// The prior probability of each outcome in this context, in the belief's outcome order, or
  /// `nil` to inherit them. Validated by the belief that lists the context: each in `(0, 1)`,
  /// summing to 1.
  public let baseRates: [Double]?
  /// The prior weight `W` in this context, finite and greater than 0, or `nil` to inherit it.
  public let priorWeight: Double?
  /// The context this one inherits from; it must be listed by the same belief.
  public let parent: ContextID?

  /// Creates a context prior. It is validated when a ``BeliefDefinition`` lists it.
  ///
  /// - Parameters:
  ///   - baseRates: The context's base rates, or `nil` to inherit them (default).
  ///   - priorWeight: The context's `W`, or `nil` to inherit it (default).
  ///   - parent: The context to inherit from, or `nil` for the belief itself (default).
  public init(baseRates: [Double]? = nil, priorWeight: Double? = nil, parent: ContextID? = nil) {
    self.baseRates = baseRates
    self.priorWeight = priorWeight
    self.parent = parent
  }
}

/// The prior a belief's estimate starts from in one context, after inheritance: what
/// ``BeliefDefinition/prior(in:)`` returns.
public struct BeliefPrior: Sendable, Hashable {
  /// The base rates, in the belief's outcome order.
  public let baseRates: [Double]
  /// The prior weight `W`, or `nil` when neither the context chain nor the belief sets one and
  /// the policy's ``RevisionPolicy/priorWeight`` applies.
  public let priorWeight: Double?
  /// The context asked for, or `nil` for the belief's own prior.
  public let context: ContextID?

  /// Creates a resolved prior.
  ///
  /// - Parameters:
  ///   - baseRates: The base rates.
  ///   - priorWeight: `W`, or `nil` for the policy's.
  ///   - context: The context, or `nil`.
  public init(baseRates: [Double], priorWeight: Double?, context: ContextID?) {
    self.baseRates = baseRates
    self.priorWeight = priorWeight
    self.context = context
  }
}
