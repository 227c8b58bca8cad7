import Foundation
import SelfModel
import Testing

/// Every bad input of the catalogue throws its exact ``ModelError`` and leaves the model exactly
/// as it was: the same snapshot, and the same estimates now and later.
@Suite struct BadInputTests {
  @Test(arguments: BadInputCatalogue.all)
  func refusesAndLeavesTheModelUnchanged(_ input: BadInput) throws {
    let original = try BadInputCatalogue.model()
    var model = original
    do {
      try input.action(&model)
      Issue.record("\(input.name): no error was thrown")
    } catch let error as ModelError {
      #expect(error == input.expected, "\(input.name)")
      #expect(!error.description.isEmpty)
    } catch {
      Issue.record("\(input.name): \(error) is not a ModelError")
    }
    let now = BadInputCatalogue.now
    assertUnchanged(model, comparedTo: original, at: now, input.name)
    assertUnchanged(model, comparedTo: original, at: now + 90 * 86_400, input.name)
  }

  @Test func theCatalogueCoversTheIssue() {
    #expect(BadInputCatalogue.all.count >= 50)
    #expect(Set(BadInputCatalogue.all.map(\.name)).count == BadInputCatalogue.all.count)
  }

  /// The model stays usable after a refused input: the next valid item is recorded.
  @Test func aValidItemIsRecordedAfterARefusal() throws {
    var model = try BadInputCatalogue.model()
    let now = BadInputCatalogue.now
    #expect(throws: ModelError.self) {
      try model.record(BadInputCatalogue.item(weight: .nan), at: now)
    }
    let result = try model.record(BadInputCatalogue.item(), at: now)
    #expect(result.recorded == ["e-bad"])
    #expect(model.evidence.count == 2)
  }
}
