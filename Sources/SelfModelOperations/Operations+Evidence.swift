public import Foundation
public import SelfModel
public import SelfModelStore

extension Operations {
  /// Records a batch of evidence, all or none, and answers how each touched belief moved.
  ///
  /// A retried batch writes nothing and lists its ids as duplicates; an id reused with other
  /// content is a `StoreError/Code/rejectedByModel` conflict.
  ///
  /// - Parameters:
  ///   - request: The batch.
  ///   - now: The time to record at.
  /// - Returns: What changed, with intervals at the request's level.
  /// - Throws: `StoreError`: a batch over the limit, a bad level, the store's errors.
  public func record(_ request: RecordRequest, at now: Date) async throws(StoreError)
    -> ObservationResponse
  {
    let level = request.level ?? BeliefEstimate.defaultCredibleLevel
    try OperationLimits.check(level: level, operation: "record", user: request.user)
    try OperationLimits.check(
      count: request.evidence.count, maximum: limits.maximumBatchSize, field: "evidence",
      operation: "record", user: request.user)
    let result = try await store.record(request.evidence, for: request.user, at: now)
    return try Self.model("record", request.user) { () throws(ModelError) in
      try ObservationResponse(result, level: level)
    }
  }

  /// Records a reaction to a candidate answer as evidence on the beliefs its stances name, in
  /// one step where the store can: the likelihood reads the user's beliefs and sources, and no
  /// other write comes between.
  ///
  /// Retrying the same reaction counts once (its evidence ids come from the response, the
  /// candidate and the belief).
  ///
  /// - Parameters:
  ///   - request: The reaction.
  ///   - now: The time to record at.
  /// - Returns: What changed.
  /// - Throws: `StoreError`: too many candidates, an unknown candidate or belief, the
  ///   store's errors.
  public func react(_ request: ReactRequest, at now: Date) async throws(StoreError)
    -> ObservationResponse
  {
    let level = request.level ?? BeliefEstimate.defaultCredibleLevel
    try OperationLimits.check(level: level, operation: "react", user: request.user)
    try OperationLimits.check(
      count: request.response.candidates.count, maximum: limits.maximumCandidates,
      field: "response.candidates", operation: "react", user: request.user)
    let likelihood = request.likelihood ?? ReactionLikelihood()
    let result = try await store.record(user: request.user, at: now, operation: "react") {
      model throws(ModelError) in
      try likelihood.evidence(
        for: request.reaction, to: request.response, in: model, context: request.context)
    }
    return try Self.model("react", request.user) { () throws(ModelError) in
      try ObservationResponse(result, level: level)
    }
  }

  /// Forgets one evidence item or every item of one source; afterwards no file of the store
  /// holds them.
  ///
  /// - Parameter request: What to forget (exactly one of `evidence` and `source`).
  /// - Returns: The ids forgotten.
  /// - Throws: `StoreError`: both or neither named, an item the ledger does not hold
  ///   (`StoreError/Code/evidenceNotFound`), the store's errors.
  public func forget(_ request: ForgetRequest) async throws(StoreError) -> ForgetResponse {
    switch (request.evidence, request.source) {
    case (let id?, nil):
      guard let item = try await store.forget(evidence: id, for: request.user) else {
        throw StoreError(
          .evidenceNotFound, operation: "forget", user: request.user,
          detail: "the ledger holds no evidence \(id)")
      }
      return ForgetResponse(user: request.user, forgotten: [item.id])
    case (nil, let source?):
      let items = try await store.forget(source: source, for: request.user)
      return ForgetResponse(user: request.user, forgotten: items.map(\.id))
    default:
      throw StoreError(
        .invalidArgument, operation: "forget", user: request.user,
        detail: "name exactly one of evidence and source")
    }
  }
}
