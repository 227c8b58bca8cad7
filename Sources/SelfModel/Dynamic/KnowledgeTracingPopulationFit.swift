/// The population fit of one dynamic belief (``BeliefKind/dynamic(_:)``): every user's answers
/// to it, gathered in the order its estimate filters them (`(observedAt, id)`), fitted by
/// ``KnowledgeTracingFit`` (Baum-Welch), and the catalogue definition with the fitted
/// parameters.
///
/// Add models one at a time (a store's users, page by page), then fit. A model in which the
/// belief is not in force (an older catalogue, a retired key) adds nothing and counts as
/// skipped; a model with no answer to it adds an empty sequence, which the fit ignores.
///
/// ```swift
/// var fit = KnowledgeTracingPopulationFit(belief: "skill.fractions")
/// for model in models { try fit.add(model) }
/// let result = try fit.fit()
/// let next = try Catalogue(
///   version: catalogue.version + 1,
///   beliefs: [try fit.fittedDefinition(in: catalogue, result: result)], sources: catalogue.sources)
/// ```
public struct KnowledgeTracingPopulationFit: Sendable, Hashable {
  /// The dynamic belief fitted.
  public let belief: BeliefKey
  /// One answer sequence per model added that has the belief in force, `true` for `.holds`.
  public private(set) var sequences: [[Bool]] = []
  /// The number of models added in which the belief was not in force.
  public private(set) var skippedModels = 0

  /// Starts a fit of `belief`.
  ///
  /// - Parameter belief: A dynamic belief's key.
  public init(belief: BeliefKey) {
    self.belief = belief
  }

  /// Adds one user's answers.
  ///
  /// - Parameter model: The user's model.
  /// - Throws: ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` when the belief is in
  ///   force in `model` as a counted belief.
  public mutating func add(_ model: UserModel) throws(ModelError) {
    guard model.definition(for: belief) != nil else {
      skippedModels += 1
      return
    }
    sequences.append(try model.answers(ofDynamicBelief: belief))
  }

  /// Fits the parameters to the sequences added.
  ///
  /// - Parameter options: How to fit (default ``KnowledgeTracingFit/Options/init(fitsForget:restarts:seed:maximumIterations:tolerance:transitionBounds:emissionBounds:)``).
  /// - Returns: The fit.
  /// - Throws: What ``KnowledgeTracingFit/fit(_:options:)`` throws:
  ///   ``ModelError/undefined(quantity:reason:)`` when no answer was added or every answer is
  ///   the same.
  public func fit(options: KnowledgeTracingFit.Options = KnowledgeTracingFit.Options())
    throws(ModelError) -> KnowledgeTracingFit.Result
  {
    try KnowledgeTracingFit.fit(sequences, options: options)
  }

  /// The belief's definition in `catalogue` with the fitted parameters, to publish in the
  /// catalogue's next version.
  ///
  /// - Parameters:
  ///   - catalogue: The catalogue in force.
  ///   - result: A fit of this belief.
  /// - Returns: The new definition (``BeliefDefinition/replacingParameters(_:)``).
  /// - Throws: ``ModelError/unknownBelief(_:)`` when the catalogue does not list the belief;
  ///   ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` when it lists it as counted.
  public func fittedDefinition(in catalogue: Catalogue, result: KnowledgeTracingFit.Result)
    throws(ModelError) -> BeliefDefinition
  {
    guard let definition = catalogue.definition(for: belief) else {
      throw .unknownBelief(belief)
    }
    return try definition.replacingParameters(result.parameters)
  }
}
