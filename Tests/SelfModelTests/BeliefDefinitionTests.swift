import Foundation
import SelfModel
import Testing

@Suite struct BeliefDefinitionTests {
  @Test func binaryBeliefs() throws {
    let definition = try BeliefDefinition.binary("k", statement: "Likes tea", baseRate: 0.3)
    #expect(definition.isBinary)
    #expect(definition.outcomes == ["true", "false"])
    #expect(isClose(definition.baseRates[1], 0.7))
    #expect(definition.index(of: "false") == 1 && definition.index(of: "maybe") == nil)
  }

  @Test func categoricalBeliefsDefaultToUniformBaseRates() throws {
    let definition = try BeliefDefinition(
      key: "tone", statement: "Tone", outcomes: ["formal", "casual", "playful"])
    #expect(!definition.isBinary)
    #expect(definition.baseRates.allSatisfy { isClose($0, 1.0 / 3) })
  }

  @Test func aTwoOutcomeBeliefWithOtherNamesIsNotBinary() throws {
    let definition = try BeliefDefinition(key: "k", statement: "s", outcomes: ["false", "true"])
    #expect(!definition.isBinary)
  }

  @Test func statementsMayHoldNewlinesAndTabsAndUnicode() throws {
    let definition = try BeliefDefinition.binary("k", statement: "Line one\n\tLine two – ✓")
    #expect(definition.statement.contains("✓"))
  }

  @Test func statementsOfExactlyTheMaximumLengthAreAccepted() throws {
    _ = try BeliefDefinition.binary("k", statement: String(repeating: "s", count: 1_000))
  }
}
