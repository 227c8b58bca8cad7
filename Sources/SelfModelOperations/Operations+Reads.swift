public import Foundation
public import SelfModel
public import SelfModelStore

extension Operations {
  /// Estimates of the user's beliefs, served from the store's last durable state without
  /// waiting for a sync in flight.
  ///
  /// - Parameters:
  ///   - request: The user, the beliefs (all when none), the situation, the level.
  ///   - now: The time to evaluate at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: `StoreError`: no such user, an unknown belief or context, a bad level.
  public func estimates(_ request: EstimatesRequest, at now: Date) async throws(StoreError)
    -> EstimatesResponse
  {
    let level = request.level ?? BeliefEstimate.defaultCredibleLevel
    try OperationLimits.check(level: level, operation: "estimates", user: request.user)
    let keys = request.beliefs.flatMap { $0.isEmpty ? nil : $0 }
    let estimates = try await store.estimates(
      for: request.user, beliefs: keys, in: request.context, at: now)
    let responses = try Self.model("estimates", request.user) { () throws(ModelError) in
      try estimates.map { estimate throws(ModelError) in
        try EstimateResponse(estimate, level: level)
      }
    }
    return EstimatesResponse(user: request.user, estimates: responses)
  }

  /// One belief's estimate and each evidence item's part in it, largest first.
  ///
  /// - Parameters:
  ///   - request: The user, the belief, the situation, the level, how many items.
  ///   - now: The time to evaluate at.
  /// - Returns: The explanation, its list cut to the request's limit.
  /// - Throws: `StoreError`: no such user, an unknown belief or context, a bad level or
  ///   limit.
  public func explain(_ request: ExplainRequest, at now: Date) async throws(StoreError)
    -> ExplanationResponse
  {
    let level = request.level ?? BeliefEstimate.defaultCredibleLevel
    try OperationLimits.check(level: level, operation: "explain", user: request.user)
    try OperationLimits.check(
      request.limit, 1...limits.maximumExplanationItems, field: "limit", operation: "explain",
      user: request.user)
    let full = try await store.explanation(
      for: request.user, belief: request.belief, in: request.context, at: now)
    let kept = request.limit.map { Array(full.contributions.prefix($0)) } ?? full.contributions
    return try Self.model("explain", request.user) { () throws(ModelError) in
      try ExplanationResponse(
        BeliefExplanation(estimate: full.estimate, contributions: kept), level: level)
    }
  }
}
