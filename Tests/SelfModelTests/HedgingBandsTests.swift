import SelfModel
import Testing

@Suite struct HedgingBandsTests {
  @Test(arguments: [
    (0.95, "almost certainly"), (0.9, "almost certainly"), (0.8, "very likely"),
    (0.75, "very likely"), (0.6, "likely"), (0.59, "may"), (0.34, "may"),
  ])
  func probabilityBands(p: Double, phrase: String) {
    #expect(HedgingBands().probabilityPhrase(p) == phrase)
  }

  @Test(arguments: [
    (0.9, "strong evidence"), (0.8, "strong evidence"), (0.5, "some evidence"),
    (0.49, "little evidence"), (0, "little evidence"),
  ])
  func evidenceBands(confidence: Double, phrase: String) {
    #expect(HedgingBands().evidencePhrase(confidence) == phrase)
  }

  @Test func badBandsAreRefused() {
    #expect(throws: ModelError.self) { try HedgingBands(likely: .nan).validate() }
    #expect(throws: ModelError.self) { try HedgingBands(veryLikely: 0.95).validate() }
    #expect(throws: ModelError.self) { try HedgingBands(someEvidence: 0.9).validate() }
    #expect(throws: Never.self) { try HedgingBands().validate() }
  }
}
