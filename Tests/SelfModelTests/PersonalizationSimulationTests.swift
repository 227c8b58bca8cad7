import SelfModel
import SelfModelTesting
import Testing

/// Pins the personalization bar on the example's default setting: the loop's acceptance
/// (5-round average) settles within 90 % of the oracle's by round 30 and stays there, and at
/// high noise it does not.
@Suite struct PersonalizationSimulationTests {
  @Test func theDefaultLoopSettlesWithinNinetyPercentOfTheOracleBy30Rounds() throws {
    let curve = try PersonalizationSimulation().run()
    let first = try #require(curve.firstRound(reaching: 0.9))
    #expect(first <= 30)
    let ratios = curve.loopToOracle(window: 5)
    #expect(ratios[(first - 1)...].allSatisfy { $0 >= 0.9 })
    // The measured curve: it learns (round 1 is no better than chance, the end is near the
    // oracle), it beats the no-memory baseline, and its regret is a fraction of the baseline's.
    #expect(ratios[0] < 0.75)
    #expect(ratios[99] > 0.95)
    #expect(curve.cumulativeRegret < curve.baselineRegret / 3)
    // Pinned to the measured curve of the default seed (Docs/Personalization.md, step 5 of the
    // example): settles from round 24; loop/oracle 0.81, 0.92, 0.99 at rounds 10, 30, 100;
    // cumulative regret 5.59 accepted answers per user. A change to the simulation or the
    // model that moves the curve fails here, and the documented figures must move with it.
    #expect(first == 24)
    #expect(abs(ratios[9] - 0.81) < 0.005)
    #expect(abs(ratios[29] - 0.92) < 0.005)
    #expect(abs(ratios[99] - 0.99) < 0.005)
    #expect(abs(curve.cumulativeRegret - 5.59) < 0.005)
    let late = curve.rounds[50...]
    #expect(late.allSatisfy { $0.loopAlignment > $0.baselineAlignment })
  }

  @Test func atHighNoiseTheLoopMissesTheBar() throws {
    var simulation = PersonalizationSimulation()
    simulation.noise = 0.35
    let curve = try simulation.run()
    #expect((curve.firstRound(reaching: 0.9) ?? .max) > 30)
    #expect(curve.loopToOracle(window: 5)[29] < 0.9)
    // Pinned as documented: it settles only from round 52, at 0.88 of the oracle by round 30.
    #expect(curve.firstRound(reaching: 0.9) == 52)
    #expect(abs(curve.loopToOracle(window: 5)[29] - 0.88) < 0.005)
  }

  @Test func theSimulationIsDeterministic() throws {
    var simulation = PersonalizationSimulation()
    simulation.users = 5
    simulation.rounds = 12
    simulation.watchedRounds = [1, 10]
    let first = try simulation.run()
    let second = try simulation.run()
    #expect(first.rounds == second.rounds)
    #expect(first.watchedModels[10]?.evidence == second.watchedModels[10]?.evidence)
    #expect(first.watchedModels[1]?.evidence.isEmpty == true)
    simulation.seed += 1
    #expect(try simulation.run().rounds != first.rounds)
  }

  @Test func badParametersAreRefused() {
    var simulation = PersonalizationSimulation()
    simulation.noise = 0.6
    #expect(throws: ModelError.self) { try simulation.run() }
    simulation = PersonalizationSimulation()
    simulation.stancesPerAnswer = 9
    #expect(throws: ModelError.self) { try simulation.run() }
    simulation = PersonalizationSimulation()
    simulation.users = 0
    #expect(throws: ModelError.self) { try simulation.run() }
  }
}

@Suite struct ReactionTuningTests {
  /// The PolicyTuner hook: with one source per reaction category, a tuner fits each
  /// category's reliability (its diagnosticity) from the reaction ledgers.
  @Test func aPolicyTunerFitsPerCategoryReactionSources() throws {
    var simulation = PersonalizationSimulation()
    simulation.users = 20
    simulation.rounds = 30
    simulation.likelihood = ReactionLikelihood(
      source: "reactions.accepted", sourceOverrides: [.rejected: "reactions.rejected"])
    let models = try simulation.run().finalModels
    #expect(models.count == 20)
    let sources = Set(models.flatMap { $0.evidence.map(\.source) })
    #expect(sources == ["reactions.accepted", "reactions.rejected"])
    let tuner = PolicyTuner(fixedSources: ["reactions.accepted"], rounds: 2)
    let tuning = try tuner.tune(models, from: RevisionPolicy())
    #expect(tuning.parameters.contains { $0.parameter == .reliability("reactions.rejected") })
    #expect(tuning.logLossAfter <= tuning.logLossBefore)
  }
}
