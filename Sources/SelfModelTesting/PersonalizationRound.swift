/// One round of a ``PersonalizationSimulation``, averaged over the users.
///
/// Acceptance is the mean probability that the simulated user accepts the chosen answer (the
/// expectation of the sampled reaction, so it carries no sampling noise of its own); alignment
/// is the chosen answer's true signed agreement `2 f - 1`, where `f` is the share of its
/// stances that match the user's hidden preferences.
///
/// ```swift
/// let round = curve.rounds[29]
/// round.loopAcceptance / round.oracleAcceptance  // 0.93
/// ```
public struct PersonalizationRound: Sendable, Hashable, Codable {
  /// The round number, from 1.
  public let round: Int
  /// Acceptance of the answer the loop chose (ranked by the user's model).
  public let loopAcceptance: Double
  /// Acceptance of a random answer (no memory).
  public let baselineAcceptance: Double
  /// Acceptance of the answer an oracle that knows the hidden preferences chose.
  public let oracleAcceptance: Double
  /// True alignment of the loop's answer, in `-1...1`.
  public let loopAlignment: Double
  /// True alignment of the random answer.
  public let baselineAlignment: Double
  /// True alignment of the oracle's answer.
  public let oracleAlignment: Double
  /// The share of users whose sampled reaction to the loop's answer was an acceptance.
  public let loopAcceptedShare: Double

  /// Creates a round record.
  ///
  /// - Parameters:
  ///   - round: The round number.
  ///   - acceptance: Loop, baseline and oracle acceptance.
  ///   - alignment: Loop, baseline and oracle alignment.
  ///   - loopAcceptedShare: The share of sampled acceptances of the loop's answers.
  public init(
    round: Int, acceptance: (loop: Double, baseline: Double, oracle: Double),
    alignment: (loop: Double, baseline: Double, oracle: Double), loopAcceptedShare: Double
  ) {
    self.round = round
    self.loopAcceptance = acceptance.loop
    self.baselineAcceptance = acceptance.baseline
    self.oracleAcceptance = acceptance.oracle
    self.loopAlignment = alignment.loop
    self.baselineAlignment = alignment.baseline
    self.oracleAlignment = alignment.oracle
    self.loopAcceptedShare = loopAcceptedShare
  }

  /// `loopAcceptance / oracleAcceptance`.
  public var loopToOracle: Double { loopAcceptance / oracleAcceptance }
  /// `baselineAcceptance / oracleAcceptance`.
  public var baselineToOracle: Double { baselineAcceptance / oracleAcceptance }
}
