import Foundation

/// The coordinate descent behind ``PolicyTuner``, on a compiled ``ReplayProgram``.
struct TuningSearch {
  /// One coordinate and its bounds, on the transformed scale (`log2` seconds, `ln`). A
  /// half-life axis with `noDecay` also tries `+infinity` (no decay) in every round.
  enum Axis {
    case halfLife(Int, ClosedRange<Double>, noDecay: Bool)
    case sourceHalfLife(Int, ClosedRange<Double>, noDecay: Bool)
    case reliability(Int, ClosedRange<Double>)
    case priorWeight(ClosedRange<Double>)
    case beliefPriorWeight(Int, ClosedRange<Double>)
    case contextPriorWeight(Int, ClosedRange<Double>)
  }

  let program: ReplayProgram
  var parameters: ReplayParameters
  var loss: Double
  let axes: [Axis]
  var evaluations = 0
  /// The registered reliability of each global source (its first slot's), for sources without
  /// an override.
  let baseReliability: [Double]

  init(program: ReplayProgram, parameters: ReplayParameters, loss: Double, axes: [Axis]) {
    self.program = program
    self.parameters = parameters
    self.loss = loss
    self.axes = axes
    var base = [Double](repeating: 1, count: program.sourceIDs.count)
    var seen = Set<Int32>()
    for slot in program.slots where seen.insert(slot.source).inserted {
      base[Int(slot.source)] = slot.baseReliability
    }
    self.baseReliability = base
  }

  mutating func run(tuner: PolicyTuner) {
    for round in 0..<tuner.rounds {
      let before = loss
      let start = axes.map { value($0) }
      for axis in axes { optimise(axis, round: round, gridPoints: tuner.gridPoints) }
      extrapolate(from: start)
      if before - loss < 1e-9 && round > 0 { break }
    }
  }

  /// Powell's step: a line search along the round's total displacement, which follows the
  /// ridges (such as `W` against a half-life) that single coordinates only creep along.
  mutating func extrapolate(from start: [Double]) {
    let end = axes.map { value($0) }
    let direction = zip(end, start).map { $0.isFinite && $1.isFinite ? $0 - $1 : 0 }
    guard direction.contains(where: { $0 != 0 }) else { return }
    var best = (t: 0.0, loss: loss)
    var (a, b) = (-0.5, 2.0)
    let ratio = (sqrt(5) - 1) / 2
    var c = b - ratio * (b - a)
    var d = a + ratio * (b - a)
    var fc = evaluate(along: direction, from: end, by: c)
    var fd = evaluate(along: direction, from: end, by: d)
    for _ in 0..<10 {
      if fc < fd {
        (b, d, fd) = (d, c, fc)
        c = b - ratio * (b - a)
        fc = evaluate(along: direction, from: end, by: c)
      } else {
        (a, c, fc) = (c, d, fd)
        d = a + ratio * (b - a)
        fd = evaluate(along: direction, from: end, by: d)
      }
    }
    for (t, f) in [(c, fc), (d, fd)] where f < best.loss { best = (t, f) }
    if best.t != 0 {
      parameters = point(along: direction, from: end, by: best.t)
      loss = best.loss
    }
  }

  private func point(along direction: [Double], from origin: [Double], by t: Double)
    -> ReplayParameters
  {
    var search = self
    for (index, axis) in axes.enumerated() where direction[index] != 0 {
      let range = Self.bounds(of: axis)
      let x = min(max(origin[index] + t * direction[index], range.lowerBound), range.upperBound)
      search.parameters = search.setting(axis, to: x)
    }
    return search.parameters
  }

  private mutating func evaluate(along direction: [Double], from origin: [Double], by t: Double)
    -> Double
  {
    evaluations += 1
    return program.logLoss([point(along: direction, from: origin, by: t)]) ?? .infinity
  }

  func value(_ axis: Axis) -> Double {
    switch axis {
    case .halfLife(let kind, _, _): return log2(parameters.halfLifeByKind[kind])
    case .sourceHalfLife(let source, _, _):
      let own = parameters.halfLifeBySource[source]
      return log2(own.isNaN ? parameters.halfLifeByKind[program.sourceKinds[source]] : own)
    case .reliability(let source, _):
      let override = parameters.reliabilityOverride[source]
      return log(override.isNaN ? baseReliability[source] : override)
    case .priorWeight: return log(parameters.priorWeight)
    case .beliefPriorWeight(let belief, _): return log(beliefWeight(belief))
    case .contextPriorWeight(let context, _): return log(parameters.contextMultiplier[context])
    }
  }

  /// The `W` belief `belief` has now: tuned, else its definition's, else the policy's.
  func beliefWeight(_ belief: Int) -> Double {
    let tuned = parameters.beliefPriorWeight[belief]
    return tuned.isNaN
      ? program.definitions[belief].priorWeight ?? parameters.priorWeight : tuned
  }

  func setting(_ axis: Axis, to x: Double) -> ReplayParameters {
    var result = parameters
    switch axis {
    case .halfLife(let kind, _, _): result.halfLifeByKind[kind] = exp2(x)
    case .sourceHalfLife(let source, _, _): result.halfLifeBySource[source] = exp2(x)
    case .reliability(let source, _): result.reliabilityOverride[source] = exp(x)
    case .priorWeight: result.priorWeight = exp(x)
    case .beliefPriorWeight(let belief, _): result.beliefPriorWeight[belief] = exp(x)
    case .contextPriorWeight(let context, _): result.contextMultiplier[context] = exp(x)
    }
    return result
  }

  mutating func evaluate(_ axis: Axis, at x: Double) -> Double {
    evaluations += 1
    return program.logLoss([setting(axis, to: x)]) ?? .infinity
  }

  private static func bounds(of axis: Axis) -> ClosedRange<Double> {
    switch axis {
    case .halfLife(_, let range, _), .sourceHalfLife(_, let range, _): range
    case .reliability(_, let range), .beliefPriorWeight(_, let range): range
    case .contextPriorWeight(_, let range), .priorWeight(let range): range
    }
  }

  /// Whether `axis` also tries no decay.
  private static func triesNoDecay(_ axis: Axis) -> Bool {
    switch axis {
    case .halfLife(_, _, let noDecay), .sourceHalfLife(_, _, let noDecay): noDecay
    default: false
    }
  }

  /// Minimises the log loss along one coordinate; keeps the current value unless a strictly
  /// better one is found.
  mutating func optimise(_ axis: Axis, round: Int, gridPoints: Int) {
    let range = Self.bounds(of: axis)
    let step = (range.upperBound - range.lowerBound) / Double(gridPoints - 1)
    let current = value(axis)
    var best = (x: current, loss: loss)
    var window = step
    if round == 0 || !current.isFinite || !range.contains(current) {
      for index in 0..<gridPoints {
        let x = range.lowerBound + step * Double(index)
        let f = evaluate(axis, at: x)
        if f < best.loss { best = (x, f) }
      }
    } else {
      window = step / 2
    }
    if best.x.isFinite {
      let lower = max(range.lowerBound, best.x - window)
      let upper = min(range.upperBound, best.x + window)
      let refined = goldenSection(axis, lower...upper)
      if refined.loss < best.loss { best = refined }
    }
    if Self.triesNoDecay(axis), current.isFinite {
      let f = evaluate(axis, at: .infinity)
      if f < best.loss { best = (.infinity, f) }
    }
    if best.loss < loss {
      parameters = setting(axis, to: best.x)
      loss = best.loss
    }
  }

  private mutating func goldenSection(_ axis: Axis, _ range: ClosedRange<Double>)
    -> (x: Double, loss: Double)
  {
    let ratio = (sqrt(5) - 1) / 2
    var (a, b) = (range.lowerBound, range.upperBound)
    var c = b - ratio * (b - a)
    var d = a + ratio * (b - a)
    var fc = evaluate(axis, at: c)
    var fd = evaluate(axis, at: d)
    for _ in 0..<10 {
      if fc < fd {
        (b, d, fd) = (d, c, fc)
        c = b - ratio * (b - a)
        fc = evaluate(axis, at: c)
      } else {
        (a, c, fc) = (c, d, fd)
        d = a + ratio * (b - a)
        fd = evaluate(axis, at: d)
      }
    }
    return fc < fd ? (c, fc) : (d, fd)
  }
}
