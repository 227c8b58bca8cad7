public import Foundation

extension UserModel {
  /// Records a reaction to a candidate answer as evidence on the beliefs its stances touched,
  /// through the normal ``record(_:at:)-([Evidence],_)`` path (so ``explain(_:at:)``
  /// and forgetting work on it).
  ///
  /// The likelihood model is documented in ``ReactionLikelihood``. The batch is atomic: on any
  /// error the model is unchanged. A retried reaction counts once.
  ///
  /// ```swift
  /// try model.register(Source(id: "reactions", kind: .behavior, reliability: 1))
  /// let reaction = Reaction(candidate: "short", kind: .accepted, observedAt: now)
  /// let result = try model.record(reaction, to: response, at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - reaction: The reaction.
  ///   - response: The response it is to.
  ///   - likelihood: The likelihood model (default weights, source `reactions`).
  ///   - now: The current time.
  /// - Returns: What was recorded and how the beliefs moved.
  /// - Throws: The errors of ``ReactionLikelihood/evidence(for:to:in:context:)`` and of
  ///   ``record(_:at:)-([Evidence],_)`` (for example ``ModelError/unknownSource(_:)`` when the
  ///   reaction source is not registered).
  @discardableResult
  public mutating func record(
    _ reaction: Reaction, to response: AssistantResponse,
    likelihood: ReactionLikelihood = ReactionLikelihood(), at now: Date
  ) throws(ModelError) -> ObservationResult {
    try record(likelihood.evidence(for: reaction, to: response, in: self), at: now)
  }
}
