import Foundation
import SelfModel
import Testing

/// The published limits agree with the validation they describe.
@Suite struct ModelLimitsTests {
  @Test func theIdentifierPatternAcceptsExactlyWhatValidationAccepts() throws {
    let pattern = try NSRegularExpression(pattern: ModelLimits.identifierPattern)
    let samples =
      (0..<128).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
      + ["é", "🏷️", "a b", "tenant/42", "user@example.com", ""]
    for sample in samples {
      let range = NSRange(sample.startIndex..., in: sample)
      let matches = pattern.firstMatch(in: sample, range: range) != nil
      #expect(matches == ((try? UserID(sample)) != nil), "\(sample.unicodeScalars.map(\.value))")
    }
  }

  @Test func theLengthAndNumberLimitsAreTheOnesEnforced() throws {
    let longest = String(repeating: "k", count: ModelLimits.maximumIdentifierBytes)
    #expect(throws: Never.self) { try BeliefKey(longest) }
    #expect(throws: ModelError.self) { try BeliefKey(longest + "k") }
    #expect(ModelLimits.maximumWeight == 1_000_000)
    #expect(ModelLimits.maximumNoteBytes == 4_096)
    let range = ModelLimits.timeRange
    #expect(range.earliest.hasPrefix("1684-") && range.latest.hasPrefix("2317-"))
  }
}
