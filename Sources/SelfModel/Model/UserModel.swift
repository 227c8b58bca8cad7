import Foundation

/// One user's self-model: declared beliefs, known sources, the evidence ledger, and the
/// decayed tallies folded from it under a ``RevisionPolicy``.
///
/// `UserModel` is a value: copy it, mutate the copy, keep whichever you like. Every mutating
/// method either succeeds completely or throws and leaves the model exactly as it was.
///
/// Each belief is a Dirichlet over its outcomes (a Beta for binary beliefs). An evidence item
/// `e` adds `w_e * rel(source_e) * q_e(k) * 2^(-(now - observedAt_e) / halfLife)` to outcome
/// `k`'s tally `t_k`; probabilities are `p_k = (t_k + W a_k) / (T + W)`. See
/// ``BeliefEstimate`` for the read side and `Docs/Math.md` for the derivation.
///
/// The core never reads a clock: every call that depends on time takes `now`.
///
/// ```swift
/// var model = try UserModel(user: "user-42")
/// try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
/// try model.register(Source(id: "user", kind: .userStated, reliability: 0.95))
/// let result = try model.observe(
///   Evidence(id: "e1", belief: "preference.concise", content: .holds, weight: 3,
///            source: "user", observedAt: now),
///   at: now)
/// let p = try model.estimate(for: "preference.concise", at: now).probability(of: "true")
/// ```
public struct UserModel: Sendable {
  /// The user this model describes.
  public let user: UserID
  /// The policy the tallies were folded under; change it with ``replacePolicy(_:)``.
  public private(set) var policy: RevisionPolicy

  var definitions: [BeliefDefinition] = []
  var beliefIndex: [BeliefKey: Int] = [:]
  var tallies: [BeliefTally] = []
  var sourceTable: [Source] = []
  var sourceIndex: [SourceID: Int] = [:]
  var reliabilities: [Double] = []
  var ledger: [Evidence] = []
  var evidenceIndex: [EvidenceID: Int] = [:]

  /// Creates an empty model.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - policy: The revision policy (default ``RevisionPolicy/init(priorWeight:defaultHalfLife:halfLifeBySourceKind:halfLifeByBelief:reliabilityOverrides:maximumContributionPerSource:futureTolerance:)``
  ///     with its defaults: `W = 2`, no decay).
  /// - Throws: The ``ModelError`` from ``RevisionPolicy/validate()``.
  public init(user: UserID, policy: RevisionPolicy = RevisionPolicy()) throws(ModelError) {
    try policy.validate()
    self.user = user
    self.policy = policy
  }

  /// Rebuilds a model from its parts by replaying the ledger in order.
  ///
  /// Replaying equals recording the same evidence one call at a time. Evidence times are not
  /// checked against a clock here (there is no `now`); everything else is validated as in
  /// ``observe(_:at:)-(Evidence,_)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - policy: The revision policy.
  ///   - beliefs: Belief definitions, keys unique.
  ///   - sources: Sources, ids unique.
  ///   - evidence: The ledger, ids unique, each referring to a declared belief and a known
  ///     source.
  /// - Throws: ``ModelError`` naming the first inconsistency.
  public init(
    user: UserID, policy: RevisionPolicy, beliefs: [BeliefDefinition], sources: [Source],
    evidence: [Evidence]
  ) throws(ModelError) {
    try self.init(user: user, policy: policy)
    for definition in beliefs { try declare(definition) }
    for source in sources {
      guard sourceIndex[source.id] == nil else {
        throw .corruptSnapshot(reason: "source \(source.id) is listed twice")
      }
      try register(source)
    }
    reserveCapacity(forAdditionalEvidence: evidence.count)
    for item in evidence {
      guard evidenceIndex[item.id] == nil else {
        throw .corruptSnapshot(reason: "evidence \(item.id) is listed twice")
      }
      let resolved = try resolve(item, now: nil)
      append(item, resolved)
    }
  }

  /// The declared beliefs, in declaration order.
  public var beliefs: [BeliefDefinition] { definitions }

  /// The known sources, in registration order.
  public var sources: [Source] { sourceTable }

  /// The evidence ledger, in the order it was recorded.
  public var evidence: [Evidence] { ledger }

  /// The definition of one belief, or `nil` if it is not declared.
  ///
  /// - Parameter key: The belief's key.
  /// - Returns: Its definition.
  public func definition(for key: BeliefKey) -> BeliefDefinition? {
    beliefIndex[key].map { definitions[$0] }
  }

  /// The source with `id`, or `nil` if it is not registered.
  ///
  /// - Parameter id: The source's id.
  /// - Returns: The source.
  public func source(_ id: SourceID) -> Source? {
    sourceIndex[id].map { sourceTable[$0] }
  }

  /// The evidence item with `id`, or `nil` if the ledger has none.
  ///
  /// - Parameter id: The evidence id.
  /// - Returns: The evidence.
  public func evidence(_ id: EvidenceID) -> Evidence? {
    evidenceIndex[id].map { ledger[$0] }
  }

  /// Declares a new belief.
  ///
  /// - Parameter definition: The belief's definition.
  /// - Throws: ``ModelError/duplicateBelief(_:)`` if the key is already declared.
  public mutating func declare(_ definition: BeliefDefinition) throws(ModelError) {
    guard beliefIndex[definition.key] == nil else { throw .duplicateBelief(definition.key) }
    beliefIndex[definition.key] = definitions.count
    definitions.append(definition)
    tallies.append(BeliefTally())
  }

  /// Changes a declared belief's statement, base rates or (while no evidence refers to the
  /// belief) outcomes.
  ///
  /// - Parameter definition: The new definition; its key must be declared.
  /// - Throws: ``ModelError/unknownBelief(_:)``, or
  ///   ``ModelError/incompatibleRedeclaration(belief:reason:)`` when the outcomes change while
  ///   evidence exists.
  public mutating func redeclare(_ definition: BeliefDefinition) throws(ModelError) {
    guard let index = beliefIndex[definition.key] else { throw .unknownBelief(definition.key) }
    if definitions[index].outcomes != definition.outcomes {
      guard !ledger.contains(where: { $0.belief == definition.key }) else {
        throw .incompatibleRedeclaration(
          belief: definition.key, reason: "evidence refers to its outcomes; forget it first")
      }
      tallies[index] = BeliefTally()
    }
    definitions[index] = definition
  }

  /// Registers a source, or replaces a registered source with the same id.
  ///
  /// Replacing a source's kind can change the half-life of its evidence, so the affected
  /// beliefs are refolded from the ledger.
  ///
  /// - Parameter source: The source.
  /// - Throws: Never for a valid ``Source``; declared for symmetry with the other mutations.
  public mutating func register(_ source: Source) throws(ModelError) {
    if let index = sourceIndex[source.id] {
      let kindChanged = sourceTable[index].kind != source.kind
      sourceTable[index] = source
      reliabilities[index] = policy.reliability(of: source)
      if kindChanged { refold(where: { $0.source == source.id }) }
      return
    }
    sourceIndex[source.id] = sourceTable.count
    sourceTable.append(source)
    reliabilities.append(policy.reliability(of: source))
  }

  /// Replaces the policy and refolds every belief from the ledger under it.
  ///
  /// - Parameter policy: The new policy.
  /// - Throws: The ``ModelError`` from ``RevisionPolicy/validate()``; the model is unchanged.
  public mutating func replacePolicy(_ policy: RevisionPolicy) throws(ModelError) {
    try policy.validate()
    self.policy = policy
    reliabilities = sourceTable.map { policy.reliability(of: $0) }
    refold(where: { _ in true })
  }

  /// Rebuilds the tallies of every belief that has evidence matching `predicate`, replaying
  /// that belief's ledger items in order.
  mutating func refold(where predicate: (Evidence) -> Bool) {
    var affected = Set<Int>()
    for item in ledger where predicate(item) {
      if let index = beliefIndex[item.belief] { affected.insert(index) }
    }
    guard !affected.isEmpty else { return }
    for index in affected { tallies[index] = BeliefTally() }
    for item in ledger {
      guard let index = beliefIndex[item.belief], affected.contains(index),
        let resolved = try? resolve(item, now: nil)
      else { continue }
      apply(resolved)
    }
  }
}
