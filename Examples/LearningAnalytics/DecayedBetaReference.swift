import Foundation

/// The README's reference: a decayed Beta-Bernoulli per student whose prior mean is the
/// training base rate of the event's module x assessment type,
///
///     p = (successes + W b_c) / (successes + failures + W)       (tallies: ``DecayedTallies``)
///
/// with `b_c` the 2013B rate of the event's module x type (a context unseen in 2013B takes its
/// type's rate, then the task's), and `W` and the half-life picked on 2013B: every half-life of
/// ``halfLives``, and for each the `W` in `[0.05, 100]` that minimises the 2013B log loss (a
/// 25-point grid in `ln W`, refined by golden-section search).
struct DecayedBetaReference: Sendable, Hashable {
  /// The half-lives tried, in days; `nil` is no decay. The study's grid.
  static let halfLives: [Double?] = [3, 7, 14, 30, 60, 120, 240, nil]

  /// The prior weight picked.
  let priorWeight: Double
  /// The half-life picked, in days; `nil`: no decay.
  let halfLife: Double?
  /// The 2013B rate of each module x type, each type, and overall (key "").
  let rates: [String: Double]

  /// Picks `W` and the half-life on `training` (the 2013B events, replayed alone).
  init(training: [LearningEvent], studentCount: Int) {
    rates = Self.rates(training)
    let means = Self.priorMeans(training, rates: rates)
    let outcomes = training.map(\.outcome)
    var best = (loss: Double.infinity, weight: 2.0, halfLife: Double?.none)
    for halfLife in Self.halfLives {
      let tallies = DecayedTallies(training, studentCount: studentCount, halfLife: halfLife)
      let (weight, loss) = LogScaleSearch.minimise(in: 0.05...100) {
        tallies.meanLogLoss(priorMeans: means, priorWeight: $0, outcomes: outcomes)
      }
      if loss < best.loss { best = (loss, weight, halfLife) }
    }
    priorWeight = best.weight
    halfLife = best.halfLife
  }

  /// The predictions of `events` (sorted by day; 2013B history then 2013J), every event
  /// predicted before it is applied.
  func predictions(_ events: [LearningEvent], studentCount: Int) -> [Double] {
    DecayedTallies(events, studentCount: studentCount, halfLife: halfLife)
      .predictions(priorMeans: Self.priorMeans(events, rates: rates), priorWeight: priorWeight)
  }

  /// The training rate of each event's module x type, else its type's, else the overall rate.
  static func priorMeans(_ events: [LearningEvent], rates: [String: Double]) -> [Double] {
    events.map { rates[$0.moduleType] ?? rates[$0.type] ?? rates[""] ?? 0.5 }
  }

  /// The share of `true` outcomes per module x type, per type and overall ("").
  static func rates(_ events: [LearningEvent]) -> [String: Double] {
    var counts: [String: (Int, Int)] = [:]
    for event in events {
      for key in [event.moduleType, event.type, ""] {
        let (k, n) = counts[key, default: (0, 0)]
        counts[key] = (k + (event.outcome ? 1 : 0), n + 1)
      }
    }
    return counts.mapValues { Double($0.0) / Double($0.1) }
  }
}
