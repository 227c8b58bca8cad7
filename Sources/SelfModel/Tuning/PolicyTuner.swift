public import Foundation

/// Searches the half-lives, source reliabilities and prior weights that minimise a
/// backtest's log loss, and reports the policy (and the belief priors) before and after.
///
/// **What is tuned.** Only parameters that scored evidence can inform:
/// - half-lives: one per source kind that has evidence (``HalfLifeGrouping/bySourceKind``, the
///   default; slots under a per-belief or per-source rule keep it), or one per source with
///   evidence (``HalfLifeGrouping/bySource``, written to ``RevisionPolicy/halfLifeBySource``,
///   which wins over every other rule). With `includesNoDecay` (the default) each half-life
///   may also become "no decay": every round compares the best finite half-life with no decay
///   and keeps whichever has the lower log loss. (A per-kind half-life offers no decay only
///   when the policy has no ``RevisionPolicy/defaultHalfLife``, because a per-kind rule cannot
///   say "no decay" over a default.)
/// - the reliability of every source except the fixed ones, searched as `ln r` within
///   `reliabilityBounds` (default `0.01...100`): above 1 a source weighs more than a plain
///   observation, so one source can weigh 50 times another.
/// - the prior weight: the policy's `W` (`tunesPriorWeight`), or one `W` per belief
///   (`tunesBeliefPriorWeights`, written to ``BeliefDefinition/priorWeight``), and a factor on
///   each (belief, context)'s `W` (`tunesContextPriorWeights`, written to
///   ``ContextPrior/priorWeight``). These live in the belief definitions, so ``PolicyTuning``
///   hands them back as ``PolicyTuning/tunedDefinitions`` and
///   ``PolicyTuning/applied(to:version:)`` writes them into a catalogue.
///
/// **Why some sources stay fixed.** Multiplying every reliability and every `W` by the same
/// factor leaves every probability unchanged (without a cap), so the likelihood cannot tell
/// the scale: `W` and `r` trade off. Keeping at least one source's reliability fixed pins the
/// scale, and every other reliability is then *relative* to it. By default every source of
/// kind ``SourceKind/userStated`` stays fixed; name others with `fixedSources`. With no source
/// fixed the search still works but wanders along the flat direction.
///
/// **The search** is deterministic coordinate descent on transformed coordinates (`log2` of
/// the half-life, `ln` of a reliability, `ln W`, `ln` of a context factor), each kept inside its
/// bounds. In the first round each coordinate is scanned on a grid of `gridPoints` points
/// across its bounds and the best point's neighbourhood (one grid step either side) is refined
/// by 10 steps of golden-section search; later rounds refine within half a grid step of the
/// current value. After every round a Powell step searches along the round's total
/// displacement, which follows ridges (a shorter half-life traded against a higher
/// reliability) that single coordinates only creep along. A value is only ever replaced by one
/// with a strictly lower log loss, so the tuned log loss never exceeds the starting one. The
/// search stops after `rounds` rounds or when a round gains less than `1e-9` nats.
///
/// **The objective** is ``BacktestScore/logLoss`` of ``Backtest`` over every user with
/// `outcomeSourceKinds`, each scored item predicted in its context (see ``Backtest``). The
/// ledgers are compiled once; each evaluation is one flat replay (about 10-20 ms per 200,000
/// events in release builds), so the default search, about 500 replays, takes a few seconds.
///
/// ```swift
/// let tuner = PolicyTuner(
///   reliabilityBounds: 0.01...100, halfLifeGrouping: .bySource,
///   tunesContextPriorWeights: true, fixedSources: ["cma"])
/// let tuning = try tuner.tune(users, from: catalogue.policy)
/// print(tuning.logLossBefore, tuning.logLossAfter)
/// let tuned = try tuning.applied(to: catalogue, version: catalogue.version + 1)
/// ```
public struct PolicyTuner: Sendable, Hashable {
  /// The largest upper bound for `priorWeightBounds`.
  public static let maximumPriorWeight = 1_000_000.0
  /// The largest upper bound for `contextPriorWeightMultiplierBounds`.
  public static let maximumContextPriorWeightMultiplier = 10_000.0
  /// The most rounds a search may run.
  public static let maximumRounds = 100
  /// The most grid points a first round may scan.
  public static let maximumGridPoints = 1_000

  /// The range a finite half-life is searched in, in seconds (default one hour to ten years;
  /// at most 1e10 s).
  public var halfLifeBounds: ClosedRange<TimeInterval>
  /// The range a reliability is searched in (default `0.01...100`; at most
  /// ``RevisionPolicy/maximumReliability``).
  public var reliabilityBounds: ClosedRange<Double>
  /// The range a `W` (the policy's or a belief's) is searched in (default `0.1...100`).
  public var priorWeightBounds: ClosedRange<Double>
  /// The range a context's factor on `W` is searched in (default `0.01...100`).
  public var contextPriorWeightMultiplierBounds: ClosedRange<Double>
  /// Whether half-lives are tuned per source kind (default) or per source.
  public var halfLifeGrouping: HalfLifeGrouping
  /// Whether each half-life may become "no decay" (default `true`).
  public var includesNoDecay: Bool
  /// The kinds whose half-life is tuned (with ``HalfLifeGrouping/bySource``: whose sources'
  /// half-lives are tuned); `nil` (default) means every kind with evidence.
  public var tunedKinds: Set<SourceKind>?
  /// The sources whose reliability stays fixed; `nil` (default) means every user-stated source.
  public var fixedSources: Set<SourceID>?
  /// Whether the policy's `W` is tuned (default `true`; ignored for beliefs whose own `W` is
  /// tuned).
  public var tunesPriorWeight: Bool
  /// Whether each belief's own `W` is tuned (default `false`).
  public var tunesBeliefPriorWeights: Bool
  /// Whether a factor on `W` is tuned for each (belief, context) that scored items name
  /// (default `false`).
  public var tunesContextPriorWeights: Bool
  /// The number of coordinate-descent rounds, `1...maximumRounds` (default 8).
  public var rounds: Int
  /// The number of grid points of the first round, `3...maximumGridPoints` (default 9).
  public var gridPoints: Int
  /// The source kinds whose hard evidence counts as an observed outcome.
  public var outcomeSourceKinds: Set<SourceKind>
  /// Whether items about a belief observed at the same moment see each other in the replays
  /// (default ``SimultaneousEvidence/inLedgerOrder``); see ``Backtest``.
  public var simultaneousEvidence: SimultaneousEvidence

  /// Creates a tuner; every argument has a default. ``tune(_:from:scoring:)`` validates it.
  ///
  /// ```swift
  /// let tuner = PolicyTuner(tunedKinds: [.behavior], rounds: 2)
  /// ```
  ///
  /// - Parameters:
  ///   - halfLifeBounds: Half-life search range in seconds.
  ///   - reliabilityBounds: Reliability search range.
  ///   - priorWeightBounds: `W` search range.
  ///   - contextPriorWeightMultiplierBounds: Search range of a context's factor on `W`.
  ///   - halfLifeGrouping: Half-lives per kind or per source.
  ///   - includesNoDecay: Whether "no decay" is a candidate half-life.
  ///   - tunedKinds: Kinds whose half-life is tuned (`nil`: all with evidence).
  ///   - fixedSources: Sources kept fixed (`nil`: every user-stated source).
  ///   - tunesPriorWeight: Whether to tune the policy's `W`.
  ///   - tunesBeliefPriorWeights: Whether to tune each belief's `W`.
  ///   - tunesContextPriorWeights: Whether to tune a factor on each context's `W`.
  ///   - rounds: Coordinate-descent rounds.
  ///   - gridPoints: Grid points in the first round.
  ///   - outcomeSourceKinds: Kinds whose hard evidence is scored.
  ///   - simultaneousEvidence: Whether items at the same moment see each other.
  public init(
    halfLifeBounds: ClosedRange<TimeInterval> = 3_600...315_360_000,
    reliabilityBounds: ClosedRange<Double> = 0.01...100,
    priorWeightBounds: ClosedRange<Double> = 0.1...100,
    contextPriorWeightMultiplierBounds: ClosedRange<Double> = 0.01...100,
    halfLifeGrouping: HalfLifeGrouping = .bySourceKind, includesNoDecay: Bool = true,
    tunedKinds: Set<SourceKind>? = nil, fixedSources: Set<SourceID>? = nil,
    tunesPriorWeight: Bool = true, tunesBeliefPriorWeights: Bool = false,
    tunesContextPriorWeights: Bool = false, rounds: Int = 8, gridPoints: Int = 9,
    outcomeSourceKinds: Set<SourceKind> = Backtest.defaultOutcomeSourceKinds,
    simultaneousEvidence: SimultaneousEvidence = .inLedgerOrder
  ) {
    self.halfLifeBounds = halfLifeBounds
    self.reliabilityBounds = reliabilityBounds
    self.priorWeightBounds = priorWeightBounds
    self.contextPriorWeightMultiplierBounds = contextPriorWeightMultiplierBounds
    self.halfLifeGrouping = halfLifeGrouping
    self.includesNoDecay = includesNoDecay
    self.tunedKinds = tunedKinds
    self.fixedSources = fixedSources
    self.tunesPriorWeight = tunesPriorWeight
    self.tunesBeliefPriorWeights = tunesBeliefPriorWeights
    self.tunesContextPriorWeights = tunesContextPriorWeights
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
  /// - Returns: The policies before and after, their backtests (`backtestAfter` under the
  ///   tuned policy and tuned belief priors), the tuned numbers and the tuned definitions.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` or
  ///   ``ModelError/nonFiniteNumber(field:)`` for bad bounds, rounds or grid points, the
  ///   error of ``RevisionPolicy/validate()``, ``ModelError/unknownContext(belief:context:)``
  ///   when a scored item names a context its belief does not list, and
  ///   ``ModelError/undefined(quantity:reason:)`` when no evidence counts as an observed
  ///   outcome or there is nothing to tune.
  public func tune(
    _ models: [UserModel], from policy: RevisionPolicy, scoring: ((Evidence) -> Bool)? = nil
  ) throws(ModelError) -> PolicyTuning {
    try validate()
    try policy.validate()
    let program = try ReplayProgram(
      models: models, policy: policy, outcomeKinds: outcomeSourceKinds,
      simultaneous: simultaneousEvidence, scoring: scoring)
    let start = program.parameters()[0]
    guard let loss = program.logLoss([start]) else {
      throw .undefined(
        quantity: "policy tuning", reason: "no evidence counts as an observed outcome")
    }
    var search = TuningSearch(
      program: program, parameters: start, loss: loss,
      axes: try checkedAxes(of: program, policy: policy))
    search.run(tuner: self)
    let after = search.parameters.applied(to: policy, sources: program.sourceIDs)
    let changes = search.changes(from: start)
    return PolicyTuning(
      before: policy, after: after,
      backtestBefore: try Backtest(program: program, parameters: start, models: models),
      backtestAfter: try Backtest(
        program: program, parameters: search.parameters, models: models),
      parameters: changes, evaluations: search.evaluations,
      tunedDefinitions: try PolicyTuning.tuned(
        program.definitions, by: changes, policyWeight: after.priorWeight))
  }
}
