import Foundation

extension PolicyTuner {
  /// Checks the options.
  func validate() throws(ModelError) {
    let ranges = [
      ("halfLifeBounds", halfLifeBounds, Check.maximumTimeMagnitude),
      ("reliabilityBounds", reliabilityBounds, RevisionPolicy.maximumReliability),
      ("priorWeightBounds", priorWeightBounds, Self.maximumPriorWeight),
      (
        "contextPriorWeightMultiplierBounds", contextPriorWeightMultiplierBounds,
        Self.maximumContextPriorWeightMultiplier
      ),
    ]
    for (field, range, most) in ranges {
      try Check.positive(range.lowerBound, field: "\(field).lowerBound")
      try Check.positive(range.upperBound, field: "\(field).upperBound")
      guard range.upperBound <= most else {
        throw .numberOutOfRange(
          field: "\(field).upperBound", value: range.upperBound, allowed: "at most \(most)")
      }
    }
    let counts = [
      ("rounds", rounds, 1, Self.maximumRounds),
      ("gridPoints", gridPoints, 3, Self.maximumGridPoints),
    ]
    for (field, value, least, most) in counts where !(least...most).contains(value) {
      throw .numberOutOfRange(field: field, value: Double(value), allowed: "\(least)...\(most)")
    }
  }

  /// The coordinates to tune; none is an error.
  func checkedAxes(of program: ReplayProgram, policy: RevisionPolicy) throws(ModelError)
    -> [TuningSearch.Axis]
  {
    let axes = axes(of: program, policy: policy)
    guard !axes.isEmpty else {
      throw .undefined(
        quantity: "policy tuning",
        reason: "nothing to tune: every candidate parameter is fixed, switched off or unscored")
    }
    return axes
  }

  /// The coordinates to tune, in a fixed order: half-lives (kinds, or sources by id), then
  /// reliabilities by source id, then `W` (the policy's, then beliefs' by key, then contexts'
  /// by belief key and context).
  func axes(of program: ReplayProgram, policy: RevisionPolicy) -> [TuningSearch.Axis] {
    halfLifeAxes(of: program, policy: policy) + reliabilityAxes(of: program)
      + priorWeightAxes(of: program)
  }

  private func halfLifeAxes(of program: ReplayProgram, policy: RevisionPolicy)
    -> [TuningSearch.Axis]
  {
    let range = log2(halfLifeBounds.lowerBound)...log2(halfLifeBounds.upperBound)
    let tuned: (Int) -> Bool = { tunedKinds?.contains(SourceKind.allCases[$0]) ?? true }
    switch halfLifeGrouping {
    case .bySourceKind:
      var kinds = Set<Int>()
      for slot in program.slots where slot.beliefHalfLife.isNaN {
        if policy.halfLifeBySource[program.sourceIDs[Int(slot.source)]] == nil {
          kinds.insert(slot.kind)
        }
      }
      let noDecay = includesNoDecay && policy.defaultHalfLife == nil
      return SourceKind.allCases.indices.filter { kinds.contains($0) && tuned($0) }.map {
        .halfLife($0, range, noDecay: noDecay)
      }
    case .bySource:
      return presentSources(of: program).filter { tuned(program.sourceKinds[$0]) }.map {
        .sourceHalfLife($0, range, noDecay: includesNoDecay)
      }
    }
  }

  /// The global indices of the sources with evidence, by id.
  private func presentSources(of program: ReplayProgram) -> [Int] {
    Set(program.slots.map { Int($0.source) }).sorted {
      program.sourceIDs[$0] < program.sourceIDs[$1]
    }
  }

  private func reliabilityAxes(of program: ReplayProgram) -> [TuningSearch.Axis] {
    let range = log(reliabilityBounds.lowerBound)...log(reliabilityBounds.upperBound)
    return presentSources(of: program).filter { source in
      let isFixed =
        fixedSources.map { $0.contains(program.sourceIDs[source]) }
        ?? (program.sourceKinds[source] == SourceKind.userStated.flatIndex)
      return !isFixed
    }.map { .reliability($0, range) }
  }

  private func priorWeightAxes(of program: ReplayProgram) -> [TuningSearch.Axis] {
    var usesPolicy = false
    var beliefs = Set<Int>()
    var contexts = Set<Int>()
    for prior in scoredPriors(of: program) {
      if prior.context >= 0 { contexts.insert(Int(prior.context)) }
      guard prior.contextWeight.isNaN else { continue }
      beliefs.insert(Int(prior.belief))
      if prior.beliefWeight.isNaN { usesPolicy = true }
    }
    let range = log(priorWeightBounds.lowerBound)...log(priorWeightBounds.upperBound)
    var axes: [TuningSearch.Axis] = []
    if tunesPriorWeight, usesPolicy, !tunesBeliefPriorWeights { axes.append(.priorWeight(range)) }
    if tunesBeliefPriorWeights {
      axes += beliefs.sorted { program.beliefKeys[$0] < program.beliefKeys[$1] }.map {
        .beliefPriorWeight($0, range)
      }
    }
    if tunesContextPriorWeights {
      let bounds = contextPriorWeightMultiplierBounds
      let factor = log(bounds.lowerBound)...log(bounds.upperBound)
      let order = contexts.sorted {
        let (a, b) = (program.contexts[$0], program.contexts[$1])
        return (a.belief, a.context) < (b.belief, b.context)
      }
      axes += order.map { .contextPriorWeight($0, factor) }
    }
    return axes
  }

  /// The priors that scored events are predicted from.
  private func scoredPriors(of program: ReplayProgram) -> [ReplayProgram.Prior] {
    var used = [Bool](repeating: false, count: program.priors.count)
    for event in program.events where event.prior >= 0 { used[Int(event.prior)] = true }
    return program.priors.indices.filter { used[$0] }.map { program.priors[$0] }
  }
}
