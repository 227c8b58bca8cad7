public import Foundation
public import SelfModel

extension UserModelStore {
  /// Records one evidence item; see ``record(_:for:at:)-([Evidence],_,_)``.
  ///
  /// ```swift
  /// try await store.record(evidence, for: "user-42", at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - user: The user.
  ///   - now: The current time.
  /// - Returns: What was recorded and how the belief moved.
  /// - Throws: As ``record(_:for:at:)-([Evidence],_,_)``.
  @discardableResult
  public func record(_ evidence: Evidence, for user: UserID, at now: Date) async throws(StoreError)
    -> ObservationResult
  {
    try await record([evidence], for: user, at: now)
  }

  /// Creates an empty model for a new user on the catalogue in force, following the
  /// catalogue's policy.
  ///
  /// ```swift
  /// let model = try await store.createUser("user-42")
  /// ```
  ///
  /// - Parameter user: The new user.
  /// - Returns: The new, empty model.
  /// - Throws: As ``createUser(_:beliefs:sources:policy:)``.
  @discardableResult
  public func createUser(_ user: UserID) async throws(StoreError) -> UserModel {
    try await createUser(user, beliefs: [], sources: [], policy: nil)
  }

  /// Creates an empty model for a new user on the catalogue in force, with a policy of its
  /// own.
  ///
  /// ```swift
  /// let model = try await store.createUser("user-42", policy: RevisionPolicy(priorWeight: 2))
  /// ```
  ///
  /// - Parameters:
  ///   - user: The new user.
  ///   - policy: The user's own revision policy.
  /// - Returns: The new, empty model.
  /// - Throws: As ``createUser(_:beliefs:sources:policy:)``.
  @discardableResult
  public func createUser(_ user: UserID, policy: RevisionPolicy) async throws(StoreError)
    -> UserModel
  {
    try await createUser(user, beliefs: [], sources: [], policy: policy)
  }
}

extension UserModelStore {
  /// Estimates of a user's beliefs, computed from ``model(for:)``; see
  /// ``UserModelStore/estimates(for:beliefs:at:)``. A store that can serve reads without
  /// handing out a copy of the model overrides this.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, or `nil` for every belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: As ``UserModelStore/estimates(for:beliefs:at:)``.
  public func estimates(for user: UserID, beliefs: [BeliefKey]?, at now: Date)
    async throws(StoreError) -> [BeliefEstimate]
  {
    try await model(for: user).storeEstimates(of: beliefs, at: now)
  }

  /// An explanation of one of a user's beliefs, computed from ``model(for:)``; see
  /// ``UserModelStore/explanation(for:belief:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: As ``UserModelStore/explanation(for:belief:at:)``.
  public func explanation(for user: UserID, belief: BeliefKey, at now: Date)
    async throws(StoreError) -> BeliefExplanation
  {
    try await model(for: user).storeExplanation(of: belief, at: now)
  }

  /// Estimates in a context: through ``UserModelStore/estimates(for:beliefs:at:)`` for no
  /// context, through ``model(for:)`` for one; see
  /// ``UserModelStore/estimates(for:beliefs:in:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, or `nil` for every belief.
  ///   - context: The context, or `nil`.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: As ``UserModelStore/estimates(for:beliefs:in:at:)``.
  public func estimates(
    for user: UserID, beliefs: [BeliefKey]?, in context: ContextID?, at now: Date
  ) async throws(StoreError) -> [BeliefEstimate] {
    guard let context else { return try await estimates(for: user, beliefs: beliefs, at: now) }
    return try await model(for: user).storeEstimates(of: beliefs, in: context, at: now)
  }

  /// An explanation in a context, served like ``estimates(for:beliefs:in:at:)``; see
  /// ``UserModelStore/explanation(for:belief:in:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - context: The context, or `nil`.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: As ``UserModelStore/explanation(for:belief:in:at:)``.
  public func explanation(
    for user: UserID, belief: BeliefKey, in context: ContextID?, at now: Date
  ) async throws(StoreError) -> BeliefExplanation {
    guard let context else { return try await explanation(for: user, belief: belief, at: now) }
    return try await model(for: user).storeExplanation(of: belief, in: context, at: now)
  }
}

extension UserModel {
  /// ``estimates(beliefs:in:at:)`` with the model's error wrapped as a store's.
  package func storeEstimates(of keys: [BeliefKey]?, in context: ContextID? = nil, at now: Date)
    throws(StoreError) -> [BeliefEstimate]
  {
    do {
      return try estimates(beliefs: keys, in: context, at: now)
    } catch {
      throw StoreError(.rejectedByModel, operation: "estimates", user: user, modelError: error)
    }
  }

  /// ``explain(_:in:at:)`` with the model's error wrapped as a store's.
  package func storeExplanation(of key: BeliefKey, in context: ContextID? = nil, at now: Date)
    throws(StoreError) -> BeliefExplanation
  {
    do {
      return try explain(key, in: context, at: now)
    } catch {
      throw StoreError(.rejectedByModel, operation: "explanation", user: user, modelError: error)
    }
  }
}
