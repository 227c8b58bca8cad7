import Foundation

/// One user's self-model: the beliefs and sources of the app's ``Catalogue`` plus the user's
/// own, the evidence ledger, and the decayed tallies folded from it under a ``RevisionPolicy``.
///
/// A model built on a catalogue shares the catalogue's definitions (one copy per process)
/// and keeps only what is specific to its user: beliefs and sources it declared itself (for
/// example ones an LLM discovered about this user), an optional policy of its own, and its
/// ledger. ``adopt(_:)`` moves it to a newer catalogue version. A model built without a
/// catalogue (``init(user:policy:)``) declares everything itself.
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
/// let result = try model.record(
///   Evidence(id: "e1", belief: "preference.concise", content: .holds, weight: 3,
///            source: "user", observedAt: now),
///   at: now)
/// let p = try model.estimate(for: "preference.concise", at: now).probability(of: "true")
/// ```
public struct UserModel: Sendable {
  /// The user this model describes.
  public let user: UserID
  /// The catalogue the model is built on; ``Catalogue/empty`` for a model that declares
  /// everything itself.
  public private(set) var catalogue: Catalogue
  /// The policy of this user alone, or `nil` to follow the catalogue's; set it with
  /// ``replacePolicy(_:)``.
  public var policyOverride: RevisionPolicy? { ownPolicy?.policy }
  /// The user's own policy, boxed: most users follow the catalogue's, and a box keeps the
  /// model 8 bytes wide here instead of a whole policy (B7c, resident bytes per user).
  private var ownPolicy: PolicyBox?
  /// The policy the tallies are folded under: ``policyOverride`` if set, else the catalogue's.
  public private(set) var policy: RevisionPolicy

  /// Beliefs declared by this user's model itself, indexed after the catalogue's.
  var ownDefinitions: [BeliefDefinition] = []
  var ownBeliefIndex: [BeliefKey: Int] = [:]
  /// Sources registered by this user's model itself, indexed after the catalogue's.
  var ownSources: [Source] = []
  var ownSourceIndex: [SourceID: Int] = [:]
  /// The reliability of each source (the catalogue's, then the model's own) under ``policy``;
  /// shares the catalogue's buffer while the model adds nothing to it.
  var reliabilities: [Double]
  /// Tallies of the beliefs that have evidence, by belief index: a model with no evidence
  /// holds none, whatever the catalogue's size.
  var tallies = TallyTable()
  /// The evidence, shared with copies of this model (see ``Ledger``).
  var ledger = Ledger()
  /// The knowledge-tracing state of each dynamic belief with evidence, by belief index (see
  /// `UserModel+Dynamic.swift`); empty while the model has no dynamic belief with evidence.
  var dynamicStates: [Int: DynamicBeliefState] = [:]

  /// Creates an empty model that declares its beliefs and sources itself.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - policy: The revision policy (default ``RevisionPolicy/init(priorWeight:defaultHalfLife:halfLifeBySourceKind:halfLifeByBelief:halfLifeBySource:reliabilityOverrides:maximumContributionPerSource:futureTolerance:)``
  ///     with its defaults: `W = 2`, no decay). It becomes the model's ``policyOverride``.
  /// - Throws: The ``ModelError`` from ``RevisionPolicy/validate()``.
  public init(user: UserID, policy: RevisionPolicy = RevisionPolicy()) throws(ModelError) {
    try policy.validate()
    self.user = user
    self.catalogue = .empty
    self.ownPolicy = PolicyBox(policy)
    self.policy = policy
    self.reliabilities = []
  }

  /// Creates a model on a catalogue, with optional beliefs, sources and policy of its own,
  /// and replays `evidence` in order.
  ///
  /// Own entries that the catalogue lists give way to it while it lists them: a source with a
  /// listed id, or a belief with a listed key and the same outcomes, is read from the
  /// catalogue (the own entry is kept, dormant, and is in force again if the catalogue
  /// retires it). A belief with a listed key and other outcomes, or another kind (counted or
  /// dynamic, ``BeliefKind``), stays the user's and hides the catalogue's for this user. Evidence about a retired belief or from a retired source
  /// is kept in the ledger but counts toward no estimate (see ``Catalogue``).
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - catalogue: The catalogue to build on.
  ///   - policy: A policy for this user alone, or `nil` to follow the catalogue's.
  ///   - beliefs: The user's own belief definitions.
  ///   - sources: The user's own sources.
  ///   - evidence: The ledger, ids unique.
  /// - Throws: ``ModelError`` naming the first inconsistency.
  public init(
    user: UserID, catalogue: Catalogue, policy: RevisionPolicy? = nil,
    beliefs: [BeliefDefinition] = [], sources: [Source] = [], evidence: [Evidence] = []
  ) throws(ModelError) {
    try policy?.validate()
    self.user = user
    self.catalogue = catalogue
    self.ownPolicy = policy.map { PolicyBox($0) }
    self.policy = policy ?? catalogue.policy
    self.reliabilities = []
    var keys = Set<BeliefKey>()
    for definition in beliefs {
      guard keys.insert(definition.key).inserted else { throw .duplicateBelief(definition.key) }
    }
    var ids = Set<SourceID>()
    for source in sources {
      guard ids.insert(source.id).inserted else {
        throw .corruptSnapshot(reason: "source \(source.id) is listed twice")
      }
    }
    ownDefinitions = beliefs
    ownSources = sources
    reindexOwnEntries()
    try replay(evidence)
  }

  /// Rebuilds a model that declares everything itself from its parts by replaying the
  /// ledger in order.
  ///
  /// Replaying equals recording the same evidence one call at a time. Evidence times are not
  /// checked against a clock here (there is no `now`); everything else is validated as in
  /// ``record(_:at:)-(Evidence,_)``.
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
    try self.init(
      user: user, catalogue: .empty, policy: policy, beliefs: beliefs, sources: sources,
      evidence: evidence)
  }

  /// The beliefs in force: the catalogue's (except any this user's own hide), then the
  /// user's own in declaration order.
  public var beliefs: [BeliefDefinition] { beliefIndices.map(definition(at:)) }

  /// The beliefs this model declared itself, in declaration order, including any the
  /// catalogue lists with the same outcomes (dormant: the catalogue's definition is in force).
  public var ownBeliefs: [BeliefDefinition] { ownDefinitions }

  /// The sources in force: the catalogue's, then the user's own in registration order.
  public var sources: [Source] {
    catalogue.sources + ownSources.filter { catalogue.source($0.id) == nil }
  }

  /// The sources this model registered itself, in registration order, including any the
  /// catalogue lists (dormant: the catalogue's source is in force).
  public var ownRegisteredSources: [Source] { ownSources }

  /// The evidence ledger, in the order it was recorded, including evidence hidden because its
  /// belief or source is retired.
  ///
  /// An array copied out of the ledger, O(ledger): for the count use ``evidenceCount``, and
  /// for one item ``evidence(_:)``.
  public var evidence: [Evidence] { ledger.items }

  /// The number of items in the ledger (``evidence``'s count without copying it), O(1).
  public var evidenceCount: Int { ledger.count }

  /// The definition of one belief in force, or `nil` if there is none.
  ///
  /// - Parameter key: The belief's key.
  /// - Returns: Its definition.
  public func definition(for key: BeliefKey) -> BeliefDefinition? {
    beliefIndex(of: key).map(definition(at:))
  }

  /// The source with `id`, or `nil` if it is not known.
  ///
  /// - Parameter id: The source's id.
  /// - Returns: The source.
  public func source(_ id: SourceID) -> Source? {
    sourceIndex(of: id).map(source(at:))
  }

  /// The evidence item with `id`, or `nil` if the ledger has none.
  ///
  /// - Parameter id: The evidence id.
  /// - Returns: The evidence.
  public func evidence(_ id: EvidenceID) -> Evidence? {
    ledger.item(withID: id)
  }

  /// Replaces the policy and refolds every belief from the ledger under it.
  ///
  /// With `nil` the model follows its catalogue's policy; for a model without a catalogue
  /// (``Catalogue/empty``) that is the default `RevisionPolicy()`.
  ///
  /// - Parameter policy: A policy for this user alone, or `nil` to follow the catalogue's.
  /// - Throws: The ``ModelError`` from ``RevisionPolicy/validate()``; the model is unchanged.
  public mutating func replacePolicy(_ policy: RevisionPolicy?) throws(ModelError) {
    try policy?.validate()
    ownPolicy = policy.map { PolicyBox($0) }
    self.policy = policy ?? catalogue.policy
    reindexOwnEntries()
    refold(where: { _ in true })
  }
}
