import Foundation

/// Receives the predictions of a replay.
protocol ReplaySink {
  /// Called before an observed outcome is applied: `probabilities[0..<count]` is what the
  /// model predicted for each outcome of the instance's belief.
  mutating func record(
    _ event: ReplayProgram.Event, instance: ReplayProgram.Instance, probabilities: [Double],
    count: Int)
}

/// Sums `-ln p(observed)` (clipped at machine epsilon) and counts the predictions.
struct LogLossSink: ReplaySink {
  var total = 0.0
  var count = 0

  mutating func record(
    _ event: ReplayProgram.Event, instance: ReplayProgram.Instance, probabilities: [Double],
    count: Int
  ) {
    total -= log(ReplayProgram.clipped(probabilities[Int(event.observed)]))
    self.count += 1
  }
}

extension ReplayProgram {
  /// `p` clipped to `[eps, 1 - eps]` with `eps` the calibration report's epsilon.
  static func clipped(_ p: Double) -> Double {
    let eps = CalibrationReport.clippingEpsilon
    return min(max(p, eps), 1 - eps)
  }

  /// The numbers one replay needs, flattened: per slot, the half-life (`+infinity` for none)
  /// and reliability; per group, the cap; per prior, `W`.
  struct Tables {
    var halfLife: [Double]
    var reliability: [Double]
    var priorWeight: [Double]
    var cap: [Double]
  }

  func tables(_ parameters: [ReplayParameters]) -> Tables {
    var halfLife = [Double](repeating: .infinity, count: slots.count)
    var reliability = [Double](repeating: 0, count: slots.count)
    for instance in instances {
      let group = Int(instance.group)
      for index in instance.slots {
        let slot = slots[index]
        let source = Int(slot.source)
        let bySource = parameters[group].halfLifeBySource[source]
        halfLife[index] =
          !bySource.isNaN
          ? bySource
          : slot.beliefHalfLife.isNaN
            ? parameters[group].halfLifeByKind[slot.kind] : slot.beliefHalfLife
        let override = parameters[group].reliabilityOverride[source]
        reliability[index] = override.isNaN ? slot.baseReliability : override
      }
    }
    return Tables(
      halfLife: halfLife, reliability: reliability, priorWeight: priorWeights(parameters),
      cap: parameters.map(\.cap))
  }

  /// `W` of each prior: the context chain's own `W`, else the belief's (tuned, then its
  /// definition's, then the policy's), times the context's multiplier.
  func priorWeights(_ parameters: [ReplayParameters]) -> [Double] {
    priors.map { prior in
      let group = Int(prior.group)
      let tuned = parameters[group].beliefPriorWeight[Int(prior.belief)]
      let belief =
        !tuned.isNaN
        ? tuned : prior.beliefWeight.isNaN ? parameters[group].priorWeight : prior.beliefWeight
      let base = prior.contextWeight.isNaN ? belief : prior.contextWeight
      return prior.context < 0
        ? base : base * parameters[group].contextMultiplier[Int(prior.context)]
    }
  }

  /// Replays every instance under `parameters` (indexed by each instance's group), calling
  /// `sink` before each observed outcome.
  func replay(_ parameters: [ReplayParameters], into sink: inout some ReplaySink) {
    let tables = tables(parameters)
    var state = ReplayState(
      program: self, halfLife: tables.halfLife, reliability: tables.reliability,
      priorWeight: tables.priorWeight)
    for instance in instances {
      replay(instance, cap: tables.cap[Int(instance.group)], state: &state, into: &sink)
    }
  }

  /// Replays one instance's events, a moment at a time: the event itself, or under
  /// ``SimultaneousEvidence/predictedTogether`` every event at its time, all predicted from
  /// the state before the moment (each from its own context's prior), then all applied.
  private func replay(
    _ instance: Instance, cap: Double, state: inout ReplayState,
    into sink: inout some ReplaySink
  ) {
    let together = simultaneous == .predictedTogether
    state.reset(instance)
    var start = instance.events.lowerBound
    while start < instance.events.upperBound {
      var end = start + 1
      while together, end < instance.events.upperBound, events[end].time == events[start].time {
        end += 1
      }
      var isTallied = false
      for index in start..<end where events[index].observed >= 0 {
        if !isTallied {
          state.tally(instance, at: events[index].time, cap: cap)
          isTallied = true
        }
        state.predict(instance, prior: Int(events[index].prior))
        sink.record(
          events[index], instance: instance, probabilities: state.scratch,
          count: instance.outcomeCount)
      }
      for index in start..<end { state.apply(events[index], outcomeCount: instance.outcomeCount) }
      start = end
    }
  }

  /// The mean clipped log loss, in nats, of every observed outcome, or `nil` when there are
  /// none.
  func logLoss(_ parameters: [ReplayParameters]) -> Double? {
    var sink = LogLossSink()
    replay(parameters, into: &sink)
    return sink.count > 0 ? sink.total / Double(sink.count) : nil
  }
}

/// The mutable tallies of one replay: decayed counts per slot at its reference time.
struct ReplayState {
  let offsets: [Int]
  let baseRates: [Double]
  let priors: [ReplayProgram.Prior]
  let priorWeight: [Double]
  let masses: [Double]
  let halfLife: [Double]
  let reliability: [Double]
  var counts: [Double]
  var sums: [Double]
  var reference: [Double]
  /// The pooled tally `t_k` at the moment being predicted, and its total `T`.
  var tallies: [Double]
  var total = 0.0
  var scratch: [Double]

  init(program: ReplayProgram, halfLife: [Double], reliability: [Double], priorWeight: [Double]) {
    offsets = program.slots.map(\.countsOffset)
    baseRates = program.baseRates
    priors = program.priors
    self.priorWeight = priorWeight
    masses = program.masses
    self.halfLife = halfLife
    self.reliability = reliability
    counts = Array(repeating: 0, count: program.countsSize)
    sums = Array(repeating: 0, count: program.slots.count)
    reference = Array(repeating: -.infinity, count: program.slots.count)
    let widest = program.instances.map(\.outcomeCount).max() ?? 2
    tallies = Array(repeating: 0, count: widest)
    scratch = Array(repeating: 0, count: widest)
  }

  mutating func reset(_ instance: ReplayProgram.Instance) {
    for slot in instance.slots {
      reference[slot] = -.infinity
      sums[slot] = 0
      let offset = offsets[slot]
      for k in 0..<instance.outcomeCount { counts[offset + k] = 0 }
    }
  }

  /// Fills `tallies` with the decayed, reliability-weighted, capped `t_k` at `time`, and
  /// `total` with `T`.
  mutating func tally(_ instance: ReplayProgram.Instance, at time: Double, cap: Double) {
    let count = instance.outcomeCount
    for k in 0..<count { tallies[k] = 0 }
    total = 0
    for slot in instance.slots where reference[slot] > -.infinity {
      let factor = reliability[slot] * exp2(-(time - reference[slot]) / halfLife[slot])
      let slotTotal = sums[slot] * factor
      let scale = slotTotal > cap ? cap / slotTotal : 1
      let offset = offsets[slot]
      for k in 0..<count { tallies[k] += counts[offset + k] * factor * scale }
      total += slotTotal * scale
    }
  }

  /// Fills `scratch` with `p_k = (t_k + W a_k) / (T + W)` for the prior at index `prior`.
  mutating func predict(_ instance: ReplayProgram.Instance, prior: Int) {
    let weight = priorWeight[prior]
    let offset = priors[prior].rateOffset
    let denominator = total + weight
    for k in 0..<instance.outcomeCount {
      scratch[k] = (tallies[k] + weight * baseRates[offset + k]) / denominator
    }
  }

  /// Decays the event's slot to the event's time and adds the event's weight.
  mutating func apply(_ event: ReplayProgram.Event, outcomeCount count: Int) {
    let slot = Int(event.slot)
    let offset = offsets[slot]
    var factor = 1.0
    if reference[slot] == -.infinity {
      reference[slot] = event.time
    } else if event.time > reference[slot] {
      let rescale = exp2(-(event.time - reference[slot]) / halfLife[slot])
      for k in 0..<count { counts[offset + k] *= rescale }
      sums[slot] *= rescale
      reference[slot] = event.time
    } else {
      factor = exp2(-(reference[slot] - event.time) / halfLife[slot])
    }
    let weight = event.weight * factor
    if event.outcome >= 0 {
      counts[offset + Int(event.outcome)] += weight
      sums[slot] += weight
    } else {
      let massOffset = Int(event.massOffset)
      for k in 0..<count {
        counts[offset + k] += weight * masses[massOffset + k]
        sums[slot] += weight * masses[massOffset + k]
      }
    }
  }
}
