import Foundation
import SelfModel
import Testing

/// The JSON form of `PromptReason`: one key per reason with named fields (no `_0`), and the
/// earlier synthesized form still read.
@Suite struct PromptReasonCodingTests {
  static func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode(_ text: String) throws -> PromptReason {
    try JSONDecoder().decode(PromptReason.self, from: Data(text.utf8))
  }

  @Test func reasonsHaveNamedFieldsAndRoundTrip() throws {
    let reasons: [(PromptReason, String)] = [
      (.key, #"{"key":{}}"#),
      (.keyPrefix("style."), #"{"keyPrefix":{"prefix":"style."}}"#),
      (.tag("style"), #"{"tag":{"name":"style"}}"#),
      (.relevance(0.75), #"{"relevance":{"score":0.75}}"#),
      (.anyBelief, #"{"anyBelief":{}}"#),
    ]
    for (reason, text) in reasons {
      #expect(try Self.json(reason) == text)
      #expect(try Self.decode(text) == reason)
    }
  }

  @Test func theSynthesizedFormStillDecodes() throws {
    #expect(try Self.decode(#"{"tag":{"_0":"style"}}"#) == .tag("style"))
    #expect(try Self.decode(#"{"keyPrefix":{"_0":"coding."}}"#) == .keyPrefix("coding."))
    #expect(try Self.decode(#"{"relevance":{"_0":0.5}}"#) == .relevance(0.5))
  }

  @Test(arguments: [#"{}"#, #"{"key":{},"tag":{"name":"a"}}"#, #"{"tag":{}}"#, #"{"why":{}}"#])
  func malformedReasonsAreDecodingErrors(text: String) {
    #expect(throws: DecodingError.self) { try Self.decode(text) }
  }
}
