import Foundation

extension ReplayProgram.Builder {
  /// Adds one belief of one model: its slots (one per source, in order of first evidence) and
  /// its events, in the time order of `items`.
  mutating func addInstance(
    _ model: UserModel, ledger: [Evidence], index: Int, belief: Int, items: [Int],
    sources: [Int32],
    policy: RevisionPolicy, group: Int32
  ) throws(ModelError) {
    let definition = model.definition(at: belief)
    let count = definition.outcomes.count
    let firstSlot = program.slots.count
    let firstEvent = program.events.count
    let global = globalBelief(definition)
    var priors = InstancePriors(definition: definition, belief: global, group: group)
    var slotOfSource: [Int: Int32] = [:]
    for position in items {
      let item = ledger[position]
      guard let source = model.sourceIndex(of: item.source) else { continue }
      let slot =
        slotOfSource[source]
        ?? makeSlot(
          model, source: source, global: sources[source], definition: definition,
          policy: policy)
      slotOfSource[source] = slot
      try appendEvent(
        item, slot: slot, definition: definition, kind: model.source(at: source).kind,
        source: sources[source], at: (index, position), priors: &priors)
    }
    program.instances.append(
      ReplayProgram.Instance(
        events: firstEvent..<program.events.count, slots: firstSlot..<program.slots.count,
        outcomeCount: count, belief: global, group: group))
  }

  private mutating func makeSlot(
    _ model: UserModel, source: Int, global: Int32, definition: BeliefDefinition,
    policy: RevisionPolicy
  ) -> Int32 {
    let entry = model.source(at: source)
    program.slots.append(
      ReplayProgram.Slot(
        kind: entry.kind.flatIndex,
        beliefHalfLife: policy.halfLifeByBelief[definition.key] ?? .nan, source: global,
        baseReliability: entry.reliability, countsOffset: program.countsSize))
    program.countsSize += definition.outcomes.count
    return Int32(program.slots.count - 1)
  }

  /// Appends one event; a scored one gets the prior of its context.
  private mutating func appendEvent(
    _ item: Evidence, slot: Int32, definition: BeliefDefinition, kind: SourceKind,
    source: Int32, at location: (model: Int, position: Int), priors: inout InstancePriors
  ) throws(ModelError) {
    var outcome: Int32 = -1
    var massOffset: Int32 = -1
    switch item.content {
    case .outcome(let name):
      outcome = Int32(definition.index(of: name) ?? 0)
    case .distribution:
      massOffset = Int32(program.masses.count)
      let masses = (try? item.content.masses(for: definition)) ?? []
      program.masses.append(contentsOf: masses)
      if masses.count != definition.outcomes.count {
        program.masses.append(
          contentsOf: Array(repeating: 0, count: definition.outcomes.count - masses.count))
      }
    case .likelihoodRatio, .jeffrey:
      throw .undefined(
        quantity: "replay program for evidence \(item.id)",
        reason: "likelihood-ratio and Jeffrey evidence are not compiled into replay programs")
    }
    let isScored = outcomeKinds.contains(kind) && (scoring?(item) ?? true)
    let observed = outcome >= 0 && isScored ? outcome : -1
    let prior = observed >= 0 ? try priors.index(for: item.context, builder: &self) : -1
    program.events.append(
      ReplayProgram.Event(
        time: item.observedAt.timeIntervalSinceReferenceDate, weight: item.weight, slot: slot,
        outcome: outcome, massOffset: massOffset, observed: observed, source: source,
        model: Int32(location.model), position: Int32(location.position), prior: prior))
  }
}
