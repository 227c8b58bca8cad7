import Foundation
import SelfModel
import Testing

/// A caller's budget never decides what the selector allocates: found by schemathesis against
/// the reference service, where a budget of 6e16 beliefs tried to reserve 150 GB.
@Suite struct PromptSelectorBudgetTests {
  @Test func absurdBudgetsAllocateOnlyWhatThereIsToRank() throws {
    var model = try UserModel(user: "u")
    try model.declare(try .binary("a", statement: "A"))
    try model.declare(try .binary("b", statement: "B"))
    let now = Date(timeIntervalSinceReferenceDate: 0)
    let selector = try PromptSelector(model: model, at: now)
    for (beliefs, excluded) in [(Int.max, Int.max), (60_000_000_000_000_000, 0), (1, Int.max)] {
      let request = PromptQuery(
        keys: ["a", "b"], budget: PromptBudget(beliefs: beliefs), excludedLimit: excluded)
      let context = try selector.prompt(for: request)
      #expect(context.relevantCount == 2)
      // Beliefs without evidence are listed only as excluded, up to the limit.
      #expect(context.entries.count + context.excluded.count == min(excluded, 2))
    }
  }
}
