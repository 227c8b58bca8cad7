public import SelfModel

/// The result of a ``PersonalizationSimulation``: one record per round, and the models of the
/// watched user at the rounds asked for.
///
/// ```swift
/// let curve = try PersonalizationSimulation().run()
/// curve.firstRound(reaching: 0.9)  // 14: from round 14 on, the loop is within 90 % of the oracle
/// curve.cumulativeRegret           // 6.1 acceptances per user over 100 rounds
/// ```
public struct PersonalizationCurve: Sendable {
  /// The rounds, in order.
  public let rounds: [PersonalizationRound]
  /// The watched user's model at the start of each requested round (before it chose).
  public let watchedModels: [Int: UserModel]
  /// Every user's model after the last round: the reaction ledgers, for example to fit the
  /// reaction weights with a `PolicyTuner`.
  public let finalModels: [UserModel]

  /// Creates a curve.
  ///
  /// - Parameters:
  ///   - rounds: The rounds.
  ///   - watchedModels: The watched user's models by round.
  ///   - finalModels: Every user's model after the last round.
  public init(
    rounds: [PersonalizationRound], watchedModels: [Int: UserModel], finalModels: [UserModel]
  ) {
    self.rounds = rounds
    self.watchedModels = watchedModels
    self.finalModels = finalModels
  }

  /// The loop's acceptance as a fraction of the oracle's at each round, each side averaged
  /// over the trailing `window` rounds (fewer at the start): `sum loop / sum oracle`.
  ///
  /// - Parameter window: Rounds to average over, at least 1 (default 5).
  /// - Returns: One ratio per round.
  public func loopToOracle(window: Int = 5) -> [Double] {
    let width = max(1, window)
    return rounds.indices.map { index in
      let slice = rounds[max(0, index - width + 1)...index]
      let loop = slice.reduce(0) { $0 + $1.loopAcceptance }
      let oracle = slice.reduce(0) { $0 + $1.oracleAcceptance }
      return oracle > 0 ? loop / oracle : 0
    }
  }

  /// The first round from which the loop's acceptance, averaged over the trailing `window`
  /// rounds, stays at or above `fraction` of the oracle's (averaged the same way) through the
  /// last round; `nil` if it never settles there.
  ///
  /// - Parameters:
  ///   - fraction: For example 0.9.
  ///   - window: Rounds to average over (default 5).
  /// - Returns: The round number (from 1).
  public func firstRound(reaching fraction: Double, window: Int = 5) -> Int? {
    var first: Int?
    for (index, ratio) in loopToOracle(window: window).enumerated() {
      if ratio >= fraction {
        if first == nil { first = rounds[index].round }
      } else {
        first = nil
      }
    }
    return first
  }

  /// Sum over rounds of oracle acceptance minus loop acceptance: the accepted answers per user
  /// the loop lost against the oracle.
  public var cumulativeRegret: Double {
    rounds.reduce(0) { $0 + $1.oracleAcceptance - $1.loopAcceptance }
  }

  /// The same for the no-memory baseline.
  public var baselineRegret: Double {
    rounds.reduce(0) { $0 + $1.oracleAcceptance - $1.baselineAcceptance }
  }
}
