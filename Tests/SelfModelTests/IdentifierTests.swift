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

@Suite struct ReferenceVectorLoadingTests {
  @Test func loadsSections() {
    #expect(ReferenceVectors.cases("beta_bernoulli").count == 13)
    #expect(ReferenceVectors.cases("subjective_logic", "mapping").isEmpty == false)
  }
}
