import SelfModelStore
import Testing

@Suite struct StoreErrorTests {
  @Test func descriptionNamesEverything() {
    let error = StoreError(
      .corruptFile, operation: "open", path: "users/ab/x/journal.log", offset: 42,
      detail: "checksum mismatch")
    #expect(error.description.contains("corruptFile"))
    #expect(error.description.contains("journal.log"))
    #expect(error.description.contains("offset 42"))
  }
}
