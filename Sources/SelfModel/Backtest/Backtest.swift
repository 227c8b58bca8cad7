/// Replays users' ledgers in time order and measures how well the model predicted each
/// observed outcome before it saw it.
///
/// **The rule.** An evidence item *counts as an observed outcome* when it names one outcome
/// (``EvidenceContent/outcome(_:)``; soft evidence never does) and its source's kind is in
/// `outcomeSourceKinds` (by default what the user said or did: ``SourceKind/userStated`` and
/// ``SourceKind/behavior``; model inferences and third-party reports are applied but not
/// scored). Each user's ledger is replayed in order of `observedAt` (ties in ledger order).
/// Before an outcome item is applied, the model's probabilities for its belief are evaluated at
/// the item's `observedAt` from the evidence replayed so far, exactly as ``UserModel`` would
/// compute them, and recorded; then the item is applied. Every other item is just applied.
/// **Contexts.** An outcome item that carries a context (``Evidence/context``) is predicted as
/// ``UserModel/estimate(for:in:at:)`` would: from the user's tallies, pooled across contexts,
/// and the belief's prior in that context (``BeliefDefinition/prior(in:)``: the context's base
/// rates and `W`, through its parents; a `W` left unset falls back to the belief's, then to
/// the replayed policy's). A scored item whose belief does not list its context makes the
/// backtest throw ``ModelError/unknownContext(belief:context:)``, as the estimate would; the
/// context of an item that is only applied (history) is not looked up, because no prior is
/// needed to apply it.
///
/// Two options fit real data: `simultaneousEvidence: .predictedTogether` keeps items observed
/// at the same moment from seeing each other (see ``SimultaneousEvidence``), and `scoring`
/// picks which outcomes are scored (the others are history: applied, not predicted).
///
/// The result holds a ``BacktestScore`` overall, per belief key and per source id (each with
/// the mean log loss and a ``CalibrationReport``); see ``BacktestScore`` for how categorical
/// beliefs become binary pairs.
///
/// **Cost.** The ledgers are compiled once into flat arrays (belief and source indices
/// resolved, each user-belief's items sorted); the replay then touches no dictionary and
/// folds nothing twice: `O(n log n)` for `n` evidence items, plus the reports' sorting.
///
/// ```swift
/// let backtest = try Backtest(replaying: models)
/// backtest.overall?.logLoss  // 0.58 nats
/// backtest.perBelief["preference.concise"]?.calibration.brierScore
/// ```
public struct Backtest: Sendable, Hashable, Codable {
  /// The kinds whose hard evidence counts as an observed outcome by default: what the user
  /// said (``SourceKind/userStated``) or did (``SourceKind/behavior``).
  public static var defaultOutcomeSourceKinds: Set<SourceKind> { [.userStated, .behavior] }

  /// All predictions; `nil` when no item counted as an observed outcome.
  public let overall: BacktestScore?
  /// The predictions of each belief key (across users) that had any.
  public let perBelief: [BeliefKey: BacktestScore]
  /// The predictions of the outcomes each source reported, for sources that reported any.
  public let perSource: [SourceID: BacktestScore]
  /// Each prediction, by user (in the order given), then time; empty unless requested.
  public let predictions: [BacktestPrediction]
  /// The number of users replayed.
  public let userCount: Int
  /// The number of evidence items replayed.
  public let evidenceCount: Int

  /// Replays `models` and scores their predictions.
  ///
  /// ```swift
  /// let backtest = try Backtest(
  ///   replaying: models, under: tunedPolicy, outcomeSourceKinds: [.userStated])
  /// ```
  ///
  /// - Parameters:
  ///   - models: The users' models; only their ledgers, beliefs and sources are used.
  ///   - policy: The policy to replay under; `nil` (the default) replays each model under its
  ///     own policy.
  ///   - outcomeSourceKinds: The source kinds whose hard evidence counts as an observed
  ///     outcome (default ``defaultOutcomeSourceKinds``).
  ///   - recordingPredictions: Whether to keep every prediction in ``predictions`` (default
  ///     `false`; it costs memory proportional to the number of outcomes).
  ///   - simultaneousEvidence: Whether items about a belief observed at the same moment see
  ///     each other (default ``SimultaneousEvidence/inLedgerOrder``: they do).
  ///   - scoring: Which observed outcomes are scored; `nil` (the default) scores every one.
  ///     An item it rejects is history only: it is still applied, so later predictions see
  ///     it, but it is not predicted.
  /// - Throws: The ``ModelError`` from ``RevisionPolicy/validate()`` for an invalid `policy`,
  ///   and ``ModelError/unknownContext(belief:context:)`` when a scored item names a context
  ///   its belief does not list.
  public init(
    replaying models: [UserModel], under policy: RevisionPolicy? = nil,
    outcomeSourceKinds: Set<SourceKind> = defaultOutcomeSourceKinds,
    recordingPredictions: Bool = false,
    simultaneousEvidence: SimultaneousEvidence = .inLedgerOrder,
    scoring: ((Evidence) -> Bool)? = nil
  ) throws(ModelError) {
    try policy?.validate()
    let program = try ReplayProgram(
      models: models, policy: policy, outcomeKinds: outcomeSourceKinds,
      simultaneous: simultaneousEvidence, scoring: scoring)
    var sink = BacktestSink(program: program, recording: recordingPredictions)
    program.replay(program.parameters(), into: &sink)
    try self.init(program: program, sink: sink, models: models)
  }

  /// The backtest of a compiled program under `parameters` (one group), as ``PolicyTuner``
  /// reports it.
  init(program: ReplayProgram, parameters: ReplayParameters, models: [UserModel])
    throws(ModelError)
  {
    var sink = BacktestSink(program: program, recording: false)
    program.replay([parameters], into: &sink)
    try self.init(program: program, sink: sink, models: models)
  }

  private init(program: ReplayProgram, sink: BacktestSink, models: [UserModel])
    throws(ModelError)
  {
    overall = try sink.overall.score()
    var perBelief: [BeliefKey: BacktestScore] = [:]
    for (index, slice) in sink.beliefs.enumerated() {
      perBelief[program.beliefKeys[index]] = try slice.score()
    }
    var perSource: [SourceID: BacktestScore] = [:]
    for (index, slice) in sink.sources.enumerated() {
      perSource[program.sourceIDs[index]] = try slice.score()
    }
    self.perBelief = perBelief
    self.perSource = perSource
    self.predictions = Self.predictions(sink.raw ?? [], models: models)
    self.userCount = models.count
    self.evidenceCount = program.evidenceCount
  }

  private static func predictions(_ raw: [BacktestSink.Raw], models: [UserModel])
    -> [BacktestPrediction]
  {
    let sorted = raw.sorted { ($0.model, $0.time, $0.position) < ($1.model, $1.time, $1.position) }
    return sorted.map { entry in
      let model = models[Int(entry.model)]
      let item = model.ledger[Int(entry.position)]
      let definition = model.definition(for: item.belief)
      let observed = Int(entry.observed)
      return BacktestPrediction(
        user: model.user, evidence: item.id, belief: item.belief, source: item.source,
        observedAt: item.observedAt, outcome: definition?.outcomes[observed] ?? "",
        probabilities: entry.probabilities, probability: entry.probabilities[observed],
        context: item.context)
    }
  }
}
