import Foundation
import SelfModel

/// One user of a ``PersonalizationSimulation``: hidden preferences and the assistant's model.
struct SimulatedUser: Sendable {
  let truth: [Bool]
  var model: UserModel
  let keys: [BeliefKey]

  init(
    index: Int, rates: [Double], simulation: PersonalizationSimulation,
    _ random: inout SeededRandom
  ) throws(ModelError) {
    truth = rates.map { Double.random(in: 0..<1, using: &random) < $0 }
    let definitions = try simulation.definitions()
    keys = definitions.map(\.key)
    model = try UserModel(
      user: UserID("user-\(index)"), policy: RevisionPolicy(), beliefs: definitions,
      sources: Self.sources(simulation.likelihood),
      evidence: [])
  }

  /// The reaction sources, each registered once, of kind behaviour and reliability 1.
  static func sources(_ likelihood: ReactionLikelihood) throws(ModelError) -> [Source] {
    let ids = Set(likelihood.sourceOverrides.values).subtracting([likelihood.source])
    return try ([likelihood.source] + ids.sorted()).map { id throws(ModelError) in
      try Source(id: id, kind: .behavior, reliability: 1)
    }
  }

  /// Random answers: distinct beliefs per answer, each asserted or denied at random.
  func candidates(
    round: Int, _ simulation: PersonalizationSimulation, _ random: inout SeededRandom
  ) throws(ModelError) -> [Candidate] {
    try (0..<simulation.candidatesPerRound).map { index throws(ModelError) in
      var chosen = Array(keys.indices)
      chosen.shuffle(using: &random)
      let stances = try chosen.prefix(simulation.stancesPerAnswer).map {
        belief throws(ModelError) in
        try Stance(
          belief: keys[belief], asserts: Bool.random(using: &random) ? .holds : .doesNotHold)
      }
      return try Candidate(id: CandidateID("a\(index)"), stances: stances)
    }
  }

  /// The share of the answer's stances that match the hidden preferences.
  func fit(_ candidate: Candidate) -> Double {
    var matches = 0
    for stance in candidate.stances {
      guard let index = keys.firstIndex(of: stance.belief) else { continue }
      if (stance.assertion == .holds) == truth[index] { matches += 1 }
    }
    return Double(matches) / Double(candidate.stances.count)
  }

  /// Chooses for the three policies, samples the loop's reaction and records it.
  mutating func play(
    _ candidates: [Candidate], round: Int, now: Date, _ simulation: PersonalizationSimulation,
    into totals: inout RoundTotals, _ random: inout SeededRandom
  ) throws(ModelError) {
    let fits = candidates.map(fit)
    let ranked = try AlignmentScorer(model: model, at: now).rank(candidates)
    guard let chosen = ranked.first?.candidate,
      let loop = candidates.firstIndex(where: { $0.id == chosen.id })
    else { return }
    let baseline = Int.random(in: 0..<candidates.count, using: &random)
    let oracle = fits.indices.max { fits[$0] < fits[$1] } ?? 0
    let noise = simulation.noise
    let accept = { (fit: Double) in noise + (1 - 2 * noise) * fit }
    totals.add(fits: (fits[loop], fits[baseline], fits[oracle]), accept: accept)
    let accepted = Double.random(in: 0..<1, using: &random) < accept(fits[loop])
    if accepted { totals.loopAccepted += 1 }
    let response = try AssistantResponse(
      id: ResponseID("\(model.user.rawValue)-r\(round)"), candidates: candidates)
    let reaction = Reaction(
      candidate: chosen.id, kind: accepted ? .accepted : .rejected, observedAt: now)
    try model.record(reaction, to: response, likelihood: simulation.likelihood, at: now)
  }
}
