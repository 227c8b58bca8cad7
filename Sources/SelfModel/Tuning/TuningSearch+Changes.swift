extension TuningSearch {
  /// The tuned numbers next to their starting values, one per axis.
  func changes(from start: ReplayParameters) -> [TunedParameter] {
    var before = self
    before.parameters = start
    return axes.map { axis in
      TunedParameter(
        parameter: parameter(of: axis), before: before.reported(axis), after: reported(axis))
    }
  }

  /// The parameter an axis tunes.
  func parameter(of axis: Axis) -> PolicyParameter {
    switch axis {
    case .halfLife(let kind, _, _): .halfLife(SourceKind.allCases[kind])
    case .sourceHalfLife(let source, _, _): .sourceHalfLife(program.sourceIDs[source])
    case .reliability(let source, _): .reliability(program.sourceIDs[source])
    case .priorWeight: .priorWeight
    case .beliefPriorWeight(let belief, _): .beliefPriorWeight(program.beliefKeys[belief])
    case .contextPriorWeight(let context, _):
      .contextPriorWeightMultiplier(
        belief: program.contexts[context].belief, context: program.contexts[context].context)
    }
  }

  /// The axis's current value on its natural scale; `nil` for a half-life of no decay.
  private func reported(_ axis: Axis) -> Double? {
    let finite: (Double) -> Double? = { $0.isFinite ? $0 : nil }
    switch axis {
    case .halfLife(let kind, _, _): return finite(parameters.halfLifeByKind[kind])
    case .sourceHalfLife(let source, _, _):
      let own = parameters.halfLifeBySource[source]
      return finite(own.isNaN ? parameters.halfLifeByKind[program.sourceKinds[source]] : own)
    case .reliability(let source, _):
      let override = parameters.reliabilityOverride[source]
      return override.isNaN ? baseReliability[source] : override
    case .priorWeight: return parameters.priorWeight
    case .beliefPriorWeight(let belief, _): return beliefWeight(belief)
    case .contextPriorWeight(let context, _): return parameters.contextMultiplier[context]
    }
  }
}
