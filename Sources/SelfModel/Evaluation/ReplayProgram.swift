/// Many users' ledgers compiled once into flat arrays so that a backtest can be replayed under
/// many policies without dictionaries, validation or re-sorting.
///
/// Each *instance* is one belief of one user. Instances never influence each other (a belief's
/// tallies depend only on its own evidence), so the program keeps each instance's events
/// together, in time order (`observedAt`, then ledger order), and its tally slots (one per
/// source, as in the model) together. A replay walks the instances one by one.
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
  }

  struct Instance: Sendable {
    var events: Range<Int>
    var slots: Range<Int>
    var outcomeCount: Int
    var baseRateOffset: Int
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
  var countsSize = 0
  var beliefKeys: [BeliefKey] = []
  var sourceIDs: [SourceID] = []
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
  /// (when given) accepts it; every item is applied.
  init(
    models: [UserModel], policy: RevisionPolicy?, outcomeKinds: Set<SourceKind>,
    simultaneous: SimultaneousEvidence = .inLedgerOrder, scoring: ((Evidence) -> Bool)? = nil
  ) {
    var builder = Builder(outcomeKinds: outcomeKinds, scoring: scoring)
    for (index, model) in models.enumerated() {
      builder.add(model, index: index, policy: policy ?? model.policy)
    }
    self = builder.program
    self.simultaneous = simultaneous
  }

  /// The parameter groups of this program's policies.
  func parameters() -> [ReplayParameters] {
    policies.map { ReplayParameters(policy: $0, sources: sourceIDs) }
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
    var policyIndex: [RevisionPolicy: Int32] = [:]

    init(outcomeKinds: Set<SourceKind>, scoring: ((Evidence) -> Bool)?) {
      self.outcomeKinds = outcomeKinds
      self.scoring = scoring
    }

    mutating func add(_ model: UserModel, index: Int, policy: RevisionPolicy) {
      let group = groupIndex(of: policy)
      var itemsByBelief: [Int: [Int]] = [:]
      let ledger = model.ledger.items
      let order = ledger.indices.sorted {
        let (a, b) = (ledger[$0].observedAt, ledger[$1].observedAt)
        return a != b ? a < b : $0 < $1
      }
      for position in order {
        guard let belief = model.beliefIndex(of: ledger[position].belief) else { continue }
        itemsByBelief[belief, default: []].append(position)
      }
      let sources = model.sources.map { globalSource($0.id) }
      for (belief, items) in itemsByBelief.sorted(by: { $0.key < $1.key }) {
        addInstance(
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

    private mutating func globalSource(_ id: SourceID) -> Int32 {
      if let index = sourceIndex[id] { return index }
      let index = Int32(program.sourceIDs.count)
      sourceIndex[id] = index
      program.sourceIDs.append(id)
      return index
    }

    mutating func globalBelief(_ key: BeliefKey) -> Int32 {
      if let index = beliefIndex[key] { return index }
      let index = Int32(program.beliefKeys.count)
      beliefIndex[key] = index
      program.beliefKeys.append(key)
      return index
    }
  }
}
