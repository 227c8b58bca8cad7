/// A ``RevisionPolicy`` flattened for ``ReplayProgram``: numbers in arrays indexed by source
/// kind and by the program's global source index, so that a replay never touches a dictionary.
struct ReplayParameters: Sendable, Hashable {
  /// The policy's `W`.
  var priorWeight: Double
  /// The per-source cap, `+infinity` for none.
  var cap: Double
  /// The half-life of each ``SourceKind`` (in `ReplayProgram.kindIndex` order, falling back to
  /// the default half-life), `+infinity` for no decay.
  var halfLifeByKind: [Double]
  /// The half-life of each global source, `+infinity` for no decay, `nan` when no per-source
  /// rule applies.
  var halfLifeBySource: [Double]
  /// The reliability override of each global source, `nan` for none.
  var reliabilityOverride: [Double]
  /// A tuned `W` per global belief, `nan` when the definition's (or the policy's) applies.
  var beliefPriorWeight: [Double]
  /// The multiplier on `W` of each global (belief, context), 1 by default.
  var contextMultiplier: [Double]

  init(policy: RevisionPolicy, sources: [SourceID], beliefCount: Int, contextCount: Int) {
    priorWeight = policy.priorWeight
    cap = policy.maximumContributionPerSource ?? .infinity
    halfLifeByKind = SourceKind.allCases.map {
      policy.halfLifeBySourceKind[$0] ?? policy.defaultHalfLife ?? .infinity
    }
    halfLifeBySource = sources.map { id in
      policy.halfLifeBySource[id].map { $0.timeInterval ?? .infinity } ?? .nan
    }
    reliabilityOverride = sources.map { policy.reliabilityOverrides[$0] ?? .nan }
    beliefPriorWeight = Array(repeating: .nan, count: beliefCount)
    contextMultiplier = Array(repeating: 1, count: contextCount)
  }

  /// Writes these numbers back into `policy`: half-lives that differ from what `policy`
  /// already implies are set explicitly, as are reliability overrides and `W`. (Per-belief `W`
  /// and context multipliers live in the belief definitions; see ``PolicyTuning``.)
  func applied(to policy: RevisionPolicy, sources: [SourceID]) -> RevisionPolicy {
    var result = policy
    result.priorWeight = priorWeight
    for (index, kind) in SourceKind.allCases.enumerated() {
      let value = halfLifeByKind[index]
      let implied = policy.halfLifeBySourceKind[kind] ?? policy.defaultHalfLife ?? .infinity
      if value != implied { result.halfLifeBySourceKind[kind] = value.isFinite ? value : nil }
    }
    for (index, id) in sources.enumerated() where !halfLifeBySource[index].isNaN {
      result.halfLifeBySource[id] = HalfLife(halfLifeBySource[index])
    }
    for (index, id) in sources.enumerated() where !reliabilityOverride[index].isNaN {
      result.reliabilityOverrides[id] = reliabilityOverride[index]
    }
    return result
  }
}

extension SourceKind {
  /// The position of the kind in `allCases`, used to index flattened per-kind tables.
  var flatIndex: Int {
    switch self {
    case .userStated: 0
    case .behavior: 1
    case .modelInference: 2
    case .thirdParty: 3
    }
  }
}
