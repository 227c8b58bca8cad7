public import Foundation

/// Searches the half-lives, source reliabilities and prior weight that minimise a backtest's
/// log loss, and reports the policy before and after.
///
/// **What is tuned.** The half-life of every source kind that has evidence (and no per-belief
/// half-life overriding it), the reliability of every source except the fixed ones, and the
/// prior weight `W`. Scaling every reliability and `W` by the same factor leaves every
/// probability unchanged, so some sources must stay fixed to pin the scale: by default every
/// source of kind ``SourceKind/userStated``.
///
/// **The search** is deterministic coordinate descent on transformed coordinates (`log2` of
/// the half-life, `ln` of a reliability, `ln W`), each kept inside its bounds. In the first
/// round each coordinate is scanned on a grid of `gridPoints` points across its bounds and the
/// best point's neighbourhood (one grid step either side) is refined by 10 steps of
/// golden-section search; later rounds refine within half a grid step of the current value.
/// After every round a Powell step searches along the round's total displacement, which
/// follows ridges (a shorter half-life traded against a higher reliability) that single
/// coordinates only creep along. A value is only ever replaced by one with a strictly lower
/// log loss, so the tuned log loss never exceeds the starting one. The search stops after
/// `rounds` rounds or when a round gains less than `1e-9` nats.
///
/// **The objective** is ``BacktestScore/logLoss`` of ``Backtest`` over every user with
/// `outcomeSourceKinds`. The ledgers are compiled once; each evaluation is one flat replay
/// (about 10-20 ms per 200,000 events in release builds), so the default search, about 500
/// replays, takes a few seconds.
///
/// ```swift
/// let tuner = PolicyTuner(outcomeSourceKinds: [.userStated, .behavior])
/// let tuning = try tuner.tune(users, from: RevisionPolicy())
/// print(tuning.logLossBefore, tuning.logLossAfter)
/// for change in tuning.parameters { print(change.parameter, change.after ?? .infinity) }
/// ```
public struct PolicyTuner: Sendable, Hashable {
  /// The range a half-life is searched in, in seconds (default one hour to ten years).
  public var halfLifeBounds: ClosedRange<TimeInterval>
  /// The range a reliability is searched in (default `0.01...1`).
  public var reliabilityBounds: ClosedRange<Double>
  /// The range `W` is searched in (default `0.1...100`).
  public var priorWeightBounds: ClosedRange<Double>
  /// The kinds whose half-life is tuned; `nil` (default) means every kind with evidence.
  public var tunedKinds: Set<SourceKind>?
  /// The sources whose reliability stays fixed; `nil` (default) means every user-stated source.
  public var fixedSources: Set<SourceID>?
  /// Whether `W` is tuned (default `true`).
  public var tunesPriorWeight: Bool
  /// The number of coordinate-descent rounds, at least 1 (default 8).
  public var rounds: Int
  /// The number of grid points of the first round, at least 3 (default 9).
  public var gridPoints: Int
  /// The source kinds whose hard evidence counts as an observed outcome.
  public var outcomeSourceKinds: Set<SourceKind>
  /// Whether items about a belief observed at the same moment see each other in the replays
  /// (default ``SimultaneousEvidence/inLedgerOrder``); see ``Backtest``.
  public var simultaneousEvidence: SimultaneousEvidence

  /// Creates a tuner; every argument has a default.
  ///
  /// ```swift
  /// let tuner = PolicyTuner(tunedKinds: [.behavior], rounds: 2)
  /// ```
  ///
  /// - Parameters:
  ///   - halfLifeBounds: Half-life search range in seconds.
  ///   - reliabilityBounds: Reliability search range.
  ///   - priorWeightBounds: `W` search range.
  ///   - tunedKinds: Kinds whose half-life is tuned (`nil`: all with evidence).
  ///   - fixedSources: Sources kept fixed (`nil`: every user-stated source).
  ///   - tunesPriorWeight: Whether to tune `W`.
  ///   - rounds: Coordinate-descent rounds.
  ///   - gridPoints: Grid points in the first round.
  ///   - outcomeSourceKinds: Kinds whose hard evidence is scored.
  ///   - simultaneousEvidence: Whether items at the same moment see each other.
  public init(
    halfLifeBounds: ClosedRange<TimeInterval> = 3_600...315_360_000,
    reliabilityBounds: ClosedRange<Double> = 0.01...1,
    priorWeightBounds: ClosedRange<Double> = 0.1...100,
    tunedKinds: Set<SourceKind>? = nil, fixedSources: Set<SourceID>? = nil,
    tunesPriorWeight: Bool = true, rounds: Int = 8, gridPoints: Int = 9,
    outcomeSourceKinds: Set<SourceKind> = Backtest.defaultOutcomeSourceKinds,
    simultaneousEvidence: SimultaneousEvidence = .inLedgerOrder
  ) {
    self.halfLifeBounds = halfLifeBounds
    self.reliabilityBounds = reliabilityBounds
    self.priorWeightBounds = priorWeightBounds
    self.tunedKinds = tunedKinds
    self.fixedSources = fixedSources
    self.tunesPriorWeight = tunesPriorWeight
    self.rounds = rounds
    self.gridPoints = gridPoints
    self.outcomeSourceKinds = outcomeSourceKinds
    self.simultaneousEvidence = simultaneousEvidence
  }

  /// Tunes `policy` on the users' ledgers.
  ///
  /// ```swift
  /// let tuning = try PolicyTuner().tune(users, from: RevisionPolicy())
  /// ```
  ///
  /// - Parameters:
  ///   - models: The users; only their ledgers, beliefs and sources are used.
  ///   - policy: The starting policy; everything the tuner does not tune is kept.
  ///   - scoring: Which observed outcomes the objective scores; `nil` (the default) scores
  ///     every one. The others are history: applied, not predicted (see ``Backtest``).
  /// - Returns: The policies before and after, their backtests and the tuned numbers.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` or
  ///   ``ModelError/nonFiniteNumber(field:)`` for bad bounds, rounds or grid points, the
  ///   error of ``RevisionPolicy/validate()``, and ``ModelError/undefined(quantity:reason:)``
  ///   when no evidence counts as an observed outcome.
  public func tune(
    _ models: [UserModel], from policy: RevisionPolicy, scoring: ((Evidence) -> Bool)? = nil
  ) throws(ModelError) -> PolicyTuning {
    try validate()
    try policy.validate()
    let program = ReplayProgram(
      models: models, policy: policy, outcomeKinds: outcomeSourceKinds,
      simultaneous: simultaneousEvidence, scoring: scoring)
    guard let start = program.logLoss(program.parameters()) else {
      throw .undefined(
        quantity: "policy tuning", reason: "no evidence counts as an observed outcome")
    }
    var search = TuningSearch(
      program: program, parameters: program.parameters()[0], loss: start,
      axes: axes(of: program))
    search.run(tuner: self)
    let after = search.parameters.applied(to: policy, sources: program.sourceIDs)
    return PolicyTuning(
      before: policy, after: after,
      backtestBefore: try backtest(models, under: policy, scoring: scoring),
      backtestAfter: try backtest(models, under: after, scoring: scoring),
      parameters: search.changes(from: program.parameters()[0], sources: program.sourceIDs),
      evaluations: search.evaluations)
  }

  private func backtest(
    _ models: [UserModel], under policy: RevisionPolicy, scoring: ((Evidence) -> Bool)?
  ) throws(ModelError) -> Backtest {
    try Backtest(
      replaying: models, under: policy, outcomeSourceKinds: outcomeSourceKinds,
      simultaneousEvidence: simultaneousEvidence, scoring: scoring)
  }

  private func validate() throws(ModelError) {
    let ranges = [
      ("halfLifeBounds", halfLifeBounds), ("reliabilityBounds", reliabilityBounds),
      ("priorWeightBounds", priorWeightBounds),
    ]
    for (field, range) in ranges {
      try Check.positive(range.lowerBound, field: "\(field).lowerBound")
      try Check.positive(range.upperBound, field: "\(field).upperBound")
    }
    if reliabilityBounds.upperBound > 1 {
      throw .numberOutOfRange(
        field: "reliabilityBounds.upperBound", value: reliabilityBounds.upperBound,
        allowed: "0 < r <= 1")
    }
    for (field, value, least) in [("rounds", rounds, 1), ("gridPoints", gridPoints, 3)]
    where value < least {
      throw .numberOutOfRange(field: field, value: Double(value), allowed: "\(least) or more")
    }
  }

  /// The coordinates to tune, in a fixed order: kinds, then sources by id, then `W`.
  private func axes(of program: ReplayProgram) -> [TuningSearch.Axis] {
    var kinds = Set<Int>()
    var userStated = Set<Int>()
    var present = Set<Int>()
    for slot in program.slots {
      if slot.beliefHalfLife.isNaN { kinds.insert(slot.kind) }
      present.insert(Int(slot.source))
      if slot.kind == SourceKind.userStated.flatIndex { userStated.insert(Int(slot.source)) }
    }
    var axes: [TuningSearch.Axis] = []
    for kind in SourceKind.allCases where kinds.contains(kind.flatIndex) {
      if tunedKinds?.contains(kind) ?? true {
        axes.append(
          .halfLife(
            kind.flatIndex, log2(halfLifeBounds.lowerBound)...log2(halfLifeBounds.upperBound)))
      }
    }
    let sources = present.sorted { program.sourceIDs[$0] < program.sourceIDs[$1] }
    for source in sources {
      let fixed =
        fixedSources.map { $0.contains(program.sourceIDs[source]) }
        ?? userStated.contains(source)
      if !fixed {
        axes.append(
          .reliability(
            source, log(reliabilityBounds.lowerBound)...log(reliabilityBounds.upperBound)))
      }
    }
    if tunesPriorWeight {
      axes.append(
        .priorWeight(log(priorWeightBounds.lowerBound)...log(priorWeightBounds.upperBound)))
    }
    return axes
  }
}
