/// Many users' ledgers compiled once into flat arrays so that a backtest can be replayed under
/// many policies without dictionaries, validation or re-sorting.
///
/// Each *instance* is one belief of one user. Instances never influence each other (a belief's
/// tallies depend only on its own evidence), so the program keeps each instance's events
/// together, in time order (`observedAt`, then ledger order), and its tally slots (one per
/// source, as in the model) together. A replay walks the instances one by one.
///
/// Each scored event names a *prior*: the base rates and the sources of `W` of its belief in
/// the event's context (``BeliefDefinition/prior(in:)``), resolved once per instance and
/// context at compile time. `W` itself is computed per replay from the parameters (policy
/// `W`, tuned per-belief `W`, per-context multiplier), one number per prior.
struct ReplayProgram: Sendable {
  struct Event: Sendable {
    var time: Double
    var weight: Double
    /// The slot the evidence adds to.
    var slot: Int32
    /// The outcome it names, or -1 for soft evidence (see `massOffset`).
    var outcome: Int32
    /// The offset of its masses in `masses` when `outcome` is -1.
    var massOffset: Int32
    /// The outcome index when the event counts as an observed outcome, else -1.
    var observed: Int32
    /// The global source index.
    var source: Int32
    /// The model and ledger position, to name the evidence in predictions.
    var model: Int32
    var position: Int32
    /// The prior it is predicted from (an index in `priors`), or -1 when it is not scored.
    var prior: Int32
  }

  /// A belief's prior in one context, as compiled for one instance.
  struct Prior: Sendable {
    /// The offset of its base rates in `baseRates`.
    var rateOffset: Int
    /// The global belief index.
    var belief: Int32
    /// The global (belief, context) index, or -1 for the belief's own prior.
    var context: Int32
    /// The parameter group of its instance.
    var group: Int32
    /// `W` set by the context or one of its parents, `nan` when it comes from the belief.
    var contextWeight: Double
    /// The belief definition's own `W`, `nan` when the policy's applies.
    var beliefWeight: Double
  }

  /// A context of one belief.
  struct ContextKey: Sendable, Hashable {
    var belief: BeliefKey
    var context: ContextID
  }

  struct Instance: Sendable {
    var events: Range<Int>
    var slots: Range<Int>
    var outcomeCount: Int
    /// The global belief index.
    var belief: Int32
    /// The parameter group (one per distinct policy).
    var group: Int32
  }

  struct Slot: Sendable {
    /// `SourceKind.flatIndex`.
    var kind: Int
    /// The belief's own half-life from the policy, `nan` when the kind's applies.
    var beliefHalfLife: Double
    var source: Int32
    /// The reliability the user's model registered the source with.
    var baseReliability: Double
    var countsOffset: Int
  }

  var events: [Event] = []
  var instances: [Instance] = []
  var slots: [Slot] = []
  var masses: [Double] = []
  var baseRates: [Double] = []
  var priors: [Prior] = []
  var countsSize = 0
  var beliefKeys: [BeliefKey] = []
  /// The definition each global belief was first compiled from.
  var definitions: [BeliefDefinition] = []
  var sourceIDs: [SourceID] = []
  /// The kind of each global source (`SourceKind.flatIndex`), as the first model listing it has it.
  var sourceKinds: [Int] = []
  /// The (belief, context) pairs scored events were predicted in.
  var contexts: [ContextKey] = []
  /// The distinct policies, one parameter group each.
  var policies: [RevisionPolicy] = []
  var evidenceCount = 0
  /// Whether items at the same moment see each other.
  var simultaneous = SimultaneousEvidence.inLedgerOrder

  /// An empty program, filled by ``Builder``.
  init() {}

  /// Compiles `models`, each folded under `policy` or, when it is `nil`, its own policy.
  ///
  /// An outcome item is scored when its source's kind is in `outcomeKinds` and `scoring`
  /// (when given) accepts it; every item is applied. Items about a dynamic belief
  /// (``BeliefKind/dynamic(_:)``) are left out: no policy acts on it.
  ///
  /// - Throws: ``ModelError/unknownContext(belief:context:)`` when a scored item names a
  ///   context its belief does not list.
  init(
    models: [UserModel], policy: RevisionPolicy?, outcomeKinds: Set<SourceKind>,
    simultaneous: SimultaneousEvidence = .inLedgerOrder, scoring: ((Evidence) -> Bool)? = nil
  ) throws(ModelError) {
    var builder = Builder(outcomeKinds: outcomeKinds, scoring: scoring)
    for (index, model) in models.enumerated() {
      try builder.add(model, index: index, policy: policy ?? model.policy)
    }
    self = builder.program
    self.simultaneous = simultaneous
  }

  /// The parameter groups of this program's policies.
  func parameters() -> [ReplayParameters] {
    policies.map {
      ReplayParameters(
        policy: $0, sources: sourceIDs, beliefCount: beliefKeys.count,
        contextCount: contexts.count)
    }
  }
}

extension ReplayProgram {
  /// Accumulates the program one model at a time.
  struct Builder {
    var program = ReplayProgram()
    let outcomeKinds: Set<SourceKind>
    let scoring: ((Evidence) -> Bool)?
    var beliefIndex: [BeliefKey: Int32] = [:]
    var sourceIndex: [SourceID: Int32] = [:]
    var contextIndex: [ContextKey: Int32] = [:]
    var policyIndex: [RevisionPolicy: Int32] = [:]

    init(outcomeKinds: Set<SourceKind>, scoring: ((Evidence) -> Bool)?) {
      self.outcomeKinds = outcomeKinds
      self.scoring = scoring
    }

    mutating func add(_ model: UserModel, index: Int, policy: RevisionPolicy) throws(ModelError) {
      let group = groupIndex(of: policy)
      var itemsByBelief: [Int: [Int]] = [:]
      let ledger = model.ledger.items
      let order = ledger.indices.sorted {
        let (a, b) = (ledger[$0].observedAt, ledger[$1].observedAt)
        return a != b ? a < b : $0 < $1
      }
      for position in order {
        guard let belief = model.beliefIndex(of: ledger[position].belief),
          !model.definition(at: belief).kind.isDynamic  // no policy acts on a dynamic belief
        else { continue }
        itemsByBelief[belief, default: []].append(position)
      }
      let sources = model.sources.map { globalSource($0) }
      for (belief, items) in itemsByBelief.sorted(by: { $0.key < $1.key }) {
        try addInstance(
          model, ledger: ledger, index: index, belief: belief, items: items, sources: sources,
          policy: policy, group: group)
      }
      program.evidenceCount += ledger.count
    }

    private mutating func groupIndex(of policy: RevisionPolicy) -> Int32 {
      if let group = policyIndex[policy] { return group }
      let group = Int32(program.policies.count)
      policyIndex[policy] = group
      program.policies.append(policy)
      return group
    }

    private mutating func globalSource(_ source: Source) -> Int32 {
      if let index = sourceIndex[source.id] { return index }
      let index = Int32(program.sourceIDs.count)
      sourceIndex[source.id] = index
      program.sourceIDs.append(source.id)
      program.sourceKinds.append(source.kind.flatIndex)
      return index
    }

    mutating func globalBelief(_ definition: BeliefDefinition) -> Int32 {
      if let index = beliefIndex[definition.key] { return index }
      let index = Int32(program.beliefKeys.count)
      beliefIndex[definition.key] = index
      program.beliefKeys.append(definition.key)
      program.definitions.append(definition)
      return index
    }

    mutating func globalContext(_ key: ContextKey) -> Int32 {
      if let index = contextIndex[key] { return index }
      let index = Int32(program.contexts.count)
      contextIndex[key] = index
      program.contexts.append(key)
      return index
    }
  }
}
