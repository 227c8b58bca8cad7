import SelfModel
import Testing

@testable import LearningAnalytics

@Suite struct ContextPriorFitTests {
  static func event(
    _ student: Int, _ day: Int, _ outcome: Bool, module: String, type: String, position: Int,
    scored: Bool = false
  ) -> LearningEvent {
    var assessment = Assessment(
      module: module, presentation: scored ? "2013J" : "2013B", id: position, type: type,
      due: day)
    assessment.position = position
    return LearningEvent(
      student: student, day: day, outcome: outcome, isScored: scored, assessment: assessment)
  }

  /// 60 students: a TMA that 2 in 3 pass, and a CMA nobody passes (structural).
  static var training: [LearningEvent] {
    (0..<60).flatMap { student in
      [
        event(student, 10, student % 3 != 0, module: "AAA", type: "TMA", position: 1),
        event(student, 20, false, module: "AAA", type: "CMA", position: 1),
      ]
    }
  }

  @Test func contextsChainToTheirParentsAndStructuralOnesStayOut() throws {
    let unseen = Self.event(0, 300, true, module: "GGG", type: "TMA", position: 1, scored: true)
    let fit = try ContextPriorFit(training: Self.training, all: Self.training + [unseen])
    // The belief's rate leaves the structural CMA out: 40 of 60 TMAs.
    #expect(abs(fit.baseRate - 40.0 / 60) < 1e-12)
    let cma = try #require(fit.nodes["module:AAA/type:CMA/pos:1"])
    #expect(cma.parent == "module:AAA/type:CMA")
    // A module x type with only structural positions keeps a node of its own, W = 1,000.
    #expect(fit.nodes["module:AAA/type:CMA"]?.priorWeight == ContextPriorFit.degenerateWeight)
    #expect(fit.nodes["module:AAA/type:CMA"]?.parent == "type:CMA")
    // (K + m_type) / (N + 1) with K = 0, N = 60: tiny but positive, as the library requires.
    #expect(try #require(cma.baseRate) > 0 && cma.baseRate ?? 1 < 0.02)
    #expect(fit.nodes["module:GGG/type:TMA/pos:1"]?.parent == "type:TMA/pos:1")
    #expect(fit.nodes["type:TMA"]?.parent == nil)
  }

  @Test func theDefinitionResolvesPriorsThroughTheLibrary() throws {
    let fit = try ContextPriorFit(training: Self.training, all: Self.training)
    let scaled = fit.scaled(by: ["module:AAA/type:CMA": 100])
    let definition = try scaled.definition(for: .mastery)
    let prior = try definition.prior(in: ContextID("module:AAA/type:CMA/pos:1"))
    // All-equal CMA outcomes: the documented W of 1,000, times 100.
    #expect(prior.priorWeight == ContextPriorFit.degenerateWeight * 100)
    let tma = try definition.prior(in: ContextID("module:AAA/type:TMA/pos:1"))
    #expect(abs(tma.baseRates[0] - 40.0 / 60) < 0.01)
  }

  @Test func shrinkingPullsSmallContextsTowardTheParent() {
    let shrunk = ContextPriorFit.shrunk(["a": (1, 2)], toward: 0.8)
    // One sibling: kappa = 1, (1 + 0.8) / (2 + 1).
    #expect(abs((shrunk["a"] ?? 0) - 0.6) < 1e-12)
  }
}
