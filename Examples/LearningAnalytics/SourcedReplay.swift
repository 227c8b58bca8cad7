import SelfModel

/// The "sources per assessment type" row (pre-registered in Docs/Evaluation.md): the priors
/// row with one source per assessment type (`tma`, `cma`, `exam`), whose half-lives and
/// reliabilities `PolicyTuner` tunes on 2013B (`tma` fixed at 1, the priors row's `W` and
/// `W_c` kept), then one `Backtest` of 2013J in each event's context. Everything is the
/// library's public API; each event is one ledger item.
struct SourcedReplay: Sendable {
  /// The source whose reliability stays 1 and so pins the scale of the others: the TMAs'.
  static let fixedSource: SourceID = "tma"

  /// The events and their students.
  let replay: LibraryReplay
  /// How thoroughly to tune.
  let settings: RunSettings

  /// The source of `event`: its assessment type, lower-cased ("tma", "cma", "exam").
  static func source(of event: LearningEvent) throws -> SourceID {
    try SourceID(event.type.lowercased())
  }

  /// A catalogue with `definition` and one `behavior` source per assessment type in the data.
  func catalogue(_ definition: BeliefDefinition) throws -> Catalogue {
    let sources = try Set(replay.events.map { try Self.source(of: $0) }).sorted()
    return try Catalogue(
      version: 1, beliefs: [definition],
      sources: try sources.map { try Source(id: $0, kind: .behavior, reliability: 1) })
  }

  /// One model per student with an event `including` selects, each event one item carrying
  /// its finest context and its type's source.
  func models(_ catalogue: Catalogue, including: (LearningEvent) -> Bool) throws -> [UserModel] {
    let item = { (event: LearningEvent) throws -> Evidence in
      try replay.evidence(
        event, context: ContextID(ContextPriorFit.context(of: event)),
        source: Self.source(of: event))
    }
    return try replay.models(catalogue, item: item, including: including)
  }

  /// Tunes the sources on 2013B, starting from `definition` (the priors row's belief) and
  /// `policy` (the tuned row's), and backtests 2013J: the scored predictions and the tuning.
  func predictions(_ definition: BeliefDefinition, policy: RevisionPolicy) throws
    -> ([Double], PolicyTuning)
  {
    let catalogue = try catalogue(definition)
    let training = try models(catalogue) {
      !$0.isScored && $0.student % settings.tuningStride == 0
    }
    let tuner = PolicyTuner(
      halfLifeGrouping: .bySource, fixedSources: [Self.fixedSource], tunesPriorWeight: false,
      rounds: settings.tunerSearch.rounds, gridPoints: settings.tunerSearch.gridPoints,
      outcomeSourceKinds: [.behavior], simultaneousEvidence: .predictedTogether)
    let tuning = try tuner.tune(training, from: policy)
    let tuned = try tuning.applied(to: catalogue, version: catalogue.version + 1)
    let backtest = try Backtest(
      replaying: models(tuned) { _ in true }, under: tuning.after,
      outcomeSourceKinds: [.behavior], recordingPredictions: true,
      simultaneousEvidence: .predictedTogether, scoring: LibraryReplay.isScored)
    return (try replay.scoredPredictions(backtest), tuning)
  }
}
