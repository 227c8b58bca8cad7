extension BeliefDefinition {
  /// Creates a dynamic binary belief: a hidden "the statement holds" state that is learnt and
  /// forgotten between observations, filtered by ``KnowledgeTracing`` (see ``BeliefKind``).
  ///
  /// Its outcomes are ``trueOutcome`` and ``falseOutcome`` and its base rates
  /// `[prior, 1 - prior]`, the mastery before any observation. It has no ``priorWeight`` and
  /// no ``contexts``: one set of parameters holds for every user and context.
  ///
  /// ```swift
  /// let parameters = try KnowledgeTracing.Parameters(
  ///   prior: 0.3, learn: 0.1, forget: 0.02, guess: 0.2, slip: 0.1)
  /// try model.declare(.dynamic("skill.fractions", statement: "Can add fractions",
  ///                            parameters: parameters))
  /// ```
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - statement: What holds when the user has mastered it.
  ///   - parameters: The knowledge-tracing parameters; `prior` must be strictly between 0 and
  ///     1 (it is the belief's base rate).
  ///   - tags: Labels to select the belief by (default none).
  ///   - importance: Relative importance in `(0, 1000]` (default 1).
  /// - Returns: The definition, whose ``kind`` is ``BeliefKind/dynamic(_:)``.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for a prior of 0 or 1,
  ///   and what ``binary(_:statement:baseRate:tags:importance:priorWeight:contexts:)`` throws.
  public static func dynamic(
    _ key: BeliefKey, statement: String, parameters: KnowledgeTracing.Parameters,
    tags: [String] = [], importance: Double = 1
  ) throws(ModelError) -> BeliefDefinition {
    guard parameters.prior > 0, parameters.prior < 1 else {
      throw .numberOutOfRange(
        field: "prior of dynamic belief \(key)", value: parameters.prior,
        allowed: "strictly between 0 and 1")
    }
    var definition = try binary(
      key, statement: statement, baseRate: parameters.prior, tags: tags, importance: importance)
    definition.kind = .dynamic(parameters)
    return definition
  }

  /// A copy of a dynamic belief with other knowledge-tracing parameters (for example the
  /// ones ``KnowledgeTracingPopulationFit`` fitted), the rest unchanged.
  ///
  /// - Parameter parameters: The new parameters.
  /// - Returns: The new definition.
  /// - Throws: ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` when the belief is
  ///   counted, and what ``dynamic(_:statement:parameters:tags:importance:)`` throws.
  public func replacingParameters(_ parameters: KnowledgeTracing.Parameters) throws(ModelError)
    -> BeliefDefinition
  {
    guard kind.isDynamic else {
      throw .unsupportedForDynamicBelief(
        belief: key, reason: "it is a counted belief; only a dynamic one has parameters")
    }
    return try .dynamic(
      key, statement: statement, parameters: parameters, tags: tags, importance: importance)
  }

  private enum DynamicCodingKeys: String, CodingKey {
    case key, statement, outcomes, baseRates, tags, importance, priorWeight, contexts, dynamic
  }

  /// Decodes the form ``encode(to:)`` writes for a dynamic belief: binary outcomes, base
  /// rates `[prior, 1 - prior]` (within `1e-9`), no `priorWeight` and no `contexts`.
  init(decodingDynamic decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: DynamicCodingKeys.self)
    let key = try container.decode(BeliefKey.self, forKey: .key)
    let parameters = try container.decode(KnowledgeTracing.Parameters.self, forKey: .dynamic)
    let outcomes = try container.decode([String].self, forKey: .outcomes)
    let baseRates = try container.decode([Double].self, forKey: .baseRates)
    let hasPriors =
      container.contains(.priorWeight) || container.contains(.contexts)
    self = try DecodingError.validating(decoder) {
      guard outcomes == [Self.trueOutcome, Self.falseOutcome] else {
        throw ModelError.unsupportedForDynamicBelief(
          belief: key, reason: "a dynamic belief is binary; it lists outcomes \(outcomes)")
      }
      guard !hasPriors else {
        throw ModelError.unsupportedForDynamicBelief(
          belief: key, reason: "a dynamic belief has no priorWeight and no contexts")
      }
      let definition = try Self.dynamic(
        key, statement: container.decode(String.self, forKey: .statement),
        parameters: parameters,
        tags: container.decodeIfPresent([String].self, forKey: .tags) ?? [],
        importance: container.decodeIfPresent(Double.self, forKey: .importance) ?? 1)
      guard baseRates.count == 2, abs(baseRates[0] - parameters.prior) <= 1e-9,
        abs(baseRates[1] - (1 - parameters.prior)) <= 1e-9
      else {
        throw ModelError.invalidDistribution(
          field: "base rates of dynamic belief \(key)",
          reason: "they must be [prior, 1 - prior] = [\(parameters.prior), \(1 - parameters.prior)]"
        )
      }
      return definition
    }
  }
}
