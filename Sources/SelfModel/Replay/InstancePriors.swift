/// The priors one instance's scored events use, compiled on first use: the belief's own and
/// one per context.
struct InstancePriors {
  let definition: BeliefDefinition
  let belief: Int32
  let group: Int32
  var own: Int32 = -1
  var byContext: [ContextID: Int32] = [:]

  init(definition: BeliefDefinition, belief: Int32, group: Int32) {
    self.definition = definition
    self.belief = belief
    self.group = group
  }

  /// The index in `program.priors` of the prior in `context`.
  ///
  /// - Throws: ``ModelError/unknownContext(belief:context:)`` for a context the belief does
  ///   not list.
  mutating func index(for context: ContextID?, builder: inout ReplayProgram.Builder)
    throws(ModelError) -> Int32
  {
    guard let context else {
      if own < 0 { own = append(try definition.prior(in: nil), context: -1, builder: &builder) }
      return own
    }
    if let known = byContext[context] { return known }
    let resolved = try definition.prior(in: context)
    let global = builder.globalContext(
      ReplayProgram.ContextKey(belief: definition.key, context: context))
    let index = append(resolved, context: global, builder: &builder)
    byContext[context] = index
    return index
  }

  private func append(_ prior: BeliefPrior, context: Int32, builder: inout ReplayProgram.Builder)
    -> Int32
  {
    builder.program.priors.append(
      ReplayProgram.Prior(
        rateOffset: builder.program.baseRates.count, belief: belief, context: context,
        group: group, contextWeight: contextWeight(prior),
        beliefWeight: definition.priorWeight ?? .nan))
    builder.program.baseRates.append(contentsOf: prior.baseRates)
    return Int32(builder.program.priors.count - 1)
  }

  /// The `W` that the prior's context or its nearest ancestor sets, `nan` when none does.
  private func contextWeight(_ prior: BeliefPrior) -> Double {
    guard let context = prior.context, definition.contextSetsWeight(context) else { return .nan }
    return prior.priorWeight ?? .nan
  }
}
