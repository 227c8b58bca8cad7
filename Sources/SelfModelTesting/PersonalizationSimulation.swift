public import Foundation
public import SelfModel

/// A seeded simulation of the personalization loop: users with hidden preferences react to
/// answers, and the assistant learns from the reactions.
///
/// **The population.** Each of ``beliefs`` binary preferences has a hidden population rate
/// `pi_b`, drawn uniformly from ``populationRates``; each of ``users`` users holds preference
/// `b` with probability `pi_b`, independently. The assistant never sees the rates: its model
/// starts every belief at base rate 0.5.
///
/// **A round**, for each user: ``candidatesPerRound`` candidate answers are drawn, each taking
/// ``stancesPerAnswer`` stances on distinct random beliefs, each asserting or denying at
/// random (importance 1). The user accepts an answer with probability
///
///     P(accept) = noise + (1 - 2 noise) * f
///
/// where `f` is the share of the answer's stances that match the user's hidden preferences:
/// `noise` is the chance of a reaction that ignores the answer (0 means reactions follow the
/// fit exactly; 0.5, that they are coin flips). Three policies choose from the same candidates:
/// the **loop** ranks them with `AlignmentScorer` against the user's model, shows the best,
/// samples the reaction and records it with `UserModel/record(_:to:likelihood:at:)`; the
/// **baseline** (no memory) picks one at random; the **oracle** picks the one with the highest
/// `f`. Rounds are an hour apart; the policy has no decay.
///
/// ```swift
/// var simulation = PersonalizationSimulation()
/// simulation.noise = 0.35
/// let curve = try simulation.run()
/// curve.rounds.last?.loopToOracle
/// ```
public struct PersonalizationSimulation: Sendable, Hashable {
  /// The number of users (default 100).
  public var users = 100
  /// The number of binary preferences (default 8).
  public var beliefs = 8
  /// Candidate answers per request (default 6).
  public var candidatesPerRound = 6
  /// Stances each answer takes (default 2).
  public var stancesPerAnswer = 2
  /// Rounds (requests) per user (default 100).
  public var rounds = 100
  /// The chance of a reaction that ignores the answer (default 0.1).
  public var noise = 0.1
  /// The range the hidden population rates are drawn from (default `0.15...0.85`).
  public var populationRates: ClosedRange<Double> = 0.15...0.85
  /// The likelihood model the loop records reactions under (default weights).
  public var likelihood = ReactionLikelihood()
  /// The seed of every random draw.
  public var seed: UInt64 = 2_026
  /// The user whose model ``PersonalizationCurve/watchedModels`` keeps (default 0).
  public var watchedUser = 0
  /// The rounds at whose start the watched user's model is kept (default 1, 10 and 50).
  public var watchedRounds: Set<Int> = [1, 10, 50]
  /// The moment of round 1.
  public var start = Date(timeIntervalSince1970: 1_767_225_600)

  /// Creates a simulation with the documented defaults; set the properties to change them.
  public init() {}

  /// The belief definitions the assistant declares: named preferences with tags, then
  /// `preference.<n>` beyond the twelfth. Base rates are 0.5.
  ///
  /// - Returns: ``beliefs`` definitions.
  /// - Throws: `ModelError` only if ``beliefs`` is out of range.
  public func definitions() throws(ModelError) -> [BeliefDefinition] {
    try (0..<beliefs).map { index throws(ModelError) in
      guard index < Self.named.count else {
        return try .binary(BeliefKey("preference.\(index)"), statement: "Preference \(index)")
      }
      let (key, statement, tag) = Self.named[index]
      return try .binary(BeliefKey(key), statement: statement, tags: [tag])
    }
  }

  static let named: [(String, String, String)] = [
    ("style.concise", "Prefers concise answers", "style"),
    ("style.formal", "Prefers a formal tone", "style"),
    ("style.emoji", "Likes emoji", "style"),
    ("format.bullets", "Prefers bullet points", "format"),
    ("format.code-first", "Wants code before the explanation", "format"),
    ("format.headings", "Likes section headings", "format"),
    ("content.examples", "Wants worked examples", "content"),
    ("content.sources", "Wants sources cited", "content"),
    ("content.caveats", "Wants caveats spelled out", "content"),
    ("coding.swift", "Writes Swift", "coding"),
    ("coding.tests", "Wants tests with code", "coding"),
    ("coding.comments", "Wants commented code", "coding"),
  ]

  /// Checks the parameters.
  ///
  /// - Throws: `ModelError/numberOutOfRange(field:value:allowed:)` or
  ///   `ModelError/nonFiniteNumber(field:)` naming the first bad one.
  public func validate() throws(ModelError) {
    let counts = [
      ("users", users, 1), ("beliefs", beliefs, 1), ("candidatesPerRound", candidatesPerRound, 1),
      ("stancesPerAnswer", stancesPerAnswer, 1), ("rounds", rounds, 1),
    ]
    for (field, value, least) in counts where value < least {
      throw .numberOutOfRange(field: field, value: Double(value), allowed: "\(least) or more")
    }
    guard stancesPerAnswer <= beliefs else {
      throw .numberOutOfRange(
        field: "stancesPerAnswer", value: Double(stancesPerAnswer), allowed: "at most beliefs")
    }
    try Self.probability(noise, field: "noise", upTo: 0.5)
    try Self.probability(populationRates.lowerBound, field: "populationRates", upTo: 1)
    try Self.probability(populationRates.upperBound, field: "populationRates", upTo: 1)
    try likelihood.validate()
  }

  /// Runs the simulation.
  ///
  /// - Returns: The curve.
  /// - Throws: The error of ``validate()``; a `ModelError` from the model only on a bug.
  public func run() throws(ModelError) -> PersonalizationCurve {
    try validate()
    var random = SeededRandom(seed: seed)
    let definitions = try definitions()
    let rates = definitions.map { _ in
      Double.random(in: populationRates, using: &random)
    }
    var population: [SimulatedUser] = []
    for index in 0..<users {
      population.append(try SimulatedUser(index: index, rates: rates, simulation: self, &random))
    }
    var records: [PersonalizationRound] = []
    var watched: [Int: UserModel] = [:]
    for round in 1...rounds {
      let now = start.addingTimeInterval(Double(round - 1) * 3_600)
      var totals = RoundTotals()
      for index in population.indices {
        if index == watchedUser && watchedRounds.contains(round) {
          watched[round] = population[index].model
        }
        let candidates = try population[index].candidates(round: round, self, &random)
        try population[index].play(
          candidates, round: round, now: now, self, into: &totals, &random)
      }
      records.append(totals.record(round: round, users: users))
    }
    return PersonalizationCurve(
      rounds: records, watchedModels: watched, finalModels: population.map(\.model))
  }

  private static func probability(_ value: Double, field: String, upTo maximum: Double)
    throws(ModelError)
  {
    guard value.isFinite else { throw .nonFiniteNumber(field: field) }
    guard value >= 0 && value <= maximum else {
      throw .numberOutOfRange(field: field, value: value, allowed: "0...\(maximum)")
    }
  }
}
