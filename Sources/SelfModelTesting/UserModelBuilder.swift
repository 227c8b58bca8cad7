public import Foundation
public import SelfModel

/// A fluent builder of `UserModel` values for tests.
///
/// Each call returns a new builder with one more belief, source or evidence item; nothing is
/// validated until ``build()`` or ``build(at:)``, which throw the same `ModelError`
/// the model's own API would. Beliefs get the statement `"Test belief <key>"` unless one is
/// given.
///
/// ```swift
/// let model = try UserModelBuilder(user: "u")
///   .policy(RevisionPolicy(defaultHalfLife: 7 * 86_400))
///   .binary("preference.concise", baseRate: 0.3)
///   .categorical("preference.tone", ["formal", "casual"])
///   .source("user", kind: .userStated, reliability: 0.9)
///   .evidence(Evidence(
///     id: "e-1", belief: "preference.concise", content: .holds, source: "user",
///     observedAt: start))
///   .build()
/// ```
public struct UserModelBuilder: Sendable {
  private struct PendingBelief: Sendable {
    var key: BeliefKey
    var statement: String?
    var outcomes: [String]
    var baseRates: [Double]?
  }

  private struct PendingSource: Sendable {
    var id: SourceID
    var kind: SourceKind
    var reliability: Double
  }

  /// The user the built model describes.
  public let user: UserID
  private var revisionPolicy = RevisionPolicy()
  private var pendingBeliefs: [PendingBelief] = []
  private var pendingDefinitions: [Int: BeliefDefinition] = [:]
  private var pendingSources: [PendingSource] = []
  private var pendingEvidence: [Evidence] = []

  /// Creates a builder for an empty model with the default policy.
  ///
  /// - Parameter user: The user the model describes.
  ///
  /// ```swift
  /// let empty = try UserModelBuilder(user: "u").build()
  /// ```
  public init(user: UserID) {
    self.user = user
  }

  /// Sets the revision policy.
  ///
  /// - Parameter policy: The policy the model folds evidence under.
  /// - Returns: The builder with the policy replaced.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").policy(RevisionPolicy(priorWeight: 4))
  /// ```
  public func policy(_ policy: RevisionPolicy) -> UserModelBuilder {
    var copy = self
    copy.revisionPolicy = policy
    return copy
  }

  /// Adds a binary belief (outcomes `"true"` and `"false"`).
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - statement: Its statement; `nil` means `"Test belief <key>"`.
  ///   - baseRate: The prior probability of `"true"`, in `(0, 1)` (default 0.5).
  /// - Returns: The builder with the belief added.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").binary("likes.tea", baseRate: 0.2)
  /// ```
  public func binary(_ key: BeliefKey, statement: String? = nil, baseRate: Double = 0.5)
    -> UserModelBuilder
  {
    adding(
      PendingBelief(
        key: key, statement: statement,
        outcomes: [BeliefDefinition.trueOutcome, BeliefDefinition.falseOutcome],
        baseRates: [baseRate, 1 - baseRate]))
  }

  /// Adds a categorical belief with the given outcomes.
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - outcomes: Two or more distinct outcome names.
  ///   - baseRates: The prior of each outcome; `nil` means uniform.
  ///   - statement: Its statement; `nil` means `"Test belief <key>"`.
  /// - Returns: The builder with the belief added.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").categorical("tone", ["formal", "casual"])
  /// ```
  public func categorical(
    _ key: BeliefKey, _ outcomes: [String], baseRates: [Double]? = nil, statement: String? = nil
  ) -> UserModelBuilder {
    adding(PendingBelief(key: key, statement: statement, outcomes: outcomes, baseRates: baseRates))
  }

  /// Adds a belief from a ready-made definition.
  ///
  /// - Parameter definition: The definition, declared as it is.
  /// - Returns: The builder with the belief added.
  ///
  /// ```swift
  /// let builder = try UserModelBuilder(user: "u")
  ///   .belief(.binary("likes.tea", statement: "Likes tea"))
  /// ```
  public func belief(_ definition: BeliefDefinition) -> UserModelBuilder {
    var copy = adding(
      PendingBelief(
        key: definition.key, statement: definition.statement, outcomes: definition.outcomes,
        baseRates: definition.baseRates))
    copy.pendingDefinitions[copy.pendingBeliefs.count - 1] = definition
    return copy
  }

  /// Adds a source.
  ///
  /// - Parameters:
  ///   - id: The source's id.
  ///   - kind: Its kind.
  ///   - reliability: Its reliability, in `0...1` (default 1).
  /// - Returns: The builder with the source added.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").source("clicks", kind: .behavior, reliability: 0.6)
  /// ```
  public func source(_ id: SourceID, kind: SourceKind, reliability: Double = 1)
    -> UserModelBuilder
  {
    var copy = self
    copy.pendingSources.append(PendingSource(id: id, kind: kind, reliability: reliability))
    return copy
  }

  /// Appends evidence to the ledger, in order.
  ///
  /// - Parameter items: The evidence items.
  /// - Returns: The builder with the evidence added.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").evidence(first, second)
  /// ```
  public func evidence(_ items: Evidence...) -> UserModelBuilder {
    evidence(items)
  }

  /// Appends evidence to the ledger, in order.
  ///
  /// - Parameter items: The evidence items.
  /// - Returns: The builder with the evidence added.
  ///
  /// ```swift
  /// let builder = UserModelBuilder(user: "u").evidence(batch)
  /// ```
  public func evidence(_ items: [Evidence]) -> UserModelBuilder {
    var copy = self
    copy.pendingEvidence += items
    return copy
  }

  /// Builds the model by replaying the ledger, without checking evidence times against a
  /// clock (as `UserModel.init(user:policy:beliefs:sources:evidence:)` does).
  ///
  /// - Returns: The model.
  /// - Throws: The first `ModelError` in a belief, source, the policy or the
  ///   evidence; an evidence id listed twice is
  ///   `ModelError.corruptSnapshot(reason:)`.
  ///
  /// ```swift
  /// let model = try UserModelBuilder(user: "u").binary("k").build()
  /// ```
  public func build() throws(ModelError) -> UserModel {
    try UserModel(
      user: user, policy: revisionPolicy, beliefs: definitions(), sources: sources(),
      evidence: pendingEvidence)
  }

  /// Builds the model and records the evidence as one batch observed at `now`, so evidence
  /// from the future and reused ids are checked as in `UserModel.record(_:at:)`.
  ///
  /// - Parameter now: The current time for the batch.
  /// - Returns: The model.
  /// - Throws: The first `ModelError` in a belief, source, the policy or the
  ///   evidence.
  ///
  /// ```swift
  /// let model = try UserModelBuilder(user: "u").binary("k").evidence(item).build(at: clock.now)
  /// ```
  public func build(at now: Date) throws(ModelError) -> UserModel {
    var model = try UserModel(
      user: user, policy: revisionPolicy, beliefs: definitions(), sources: sources(),
      evidence: [])
    try model.record(pendingEvidence, at: now)
    return model
  }

  private func adding(_ belief: PendingBelief) -> UserModelBuilder {
    var copy = self
    copy.pendingBeliefs.append(belief)
    return copy
  }

  private func definitions() throws(ModelError) -> [BeliefDefinition] {
    var result: [BeliefDefinition] = []
    for (index, pending) in pendingBeliefs.enumerated() {
      if let definition = pendingDefinitions[index] {
        result.append(definition)
        continue
      }
      result.append(
        try BeliefDefinition(
          key: pending.key, statement: pending.statement ?? "Test belief \(pending.key)",
          outcomes: pending.outcomes, baseRates: pending.baseRates))
    }
    return result
  }

  private func sources() throws(ModelError) -> [Source] {
    var result: [Source] = []
    for pending in pendingSources {
      result.append(
        try Source(id: pending.id, kind: pending.kind, reliability: pending.reliability))
    }
    return result
  }
}
