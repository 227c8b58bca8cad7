import SelfModel
import Testing

@Suite struct IdentifierTests {
  @Test(arguments: ["", String(repeating: "a", count: 257), "a b", "../x\u{0}", "é"])
  func rejectsInvalid(_ raw: String) {
    #expect(throws: ModelError.self) { try UserID(raw) }
  }

  @Test(arguments: ["user-42", "a@b.example", "preference.answer-length", "tenant/42"])
  func acceptsValid(_ raw: String) throws {
    #expect(try UserID(raw).rawValue == raw)
  }
}
