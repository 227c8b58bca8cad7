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

  @Test func tagsAndImportanceDefaultToNoneAndOne() throws {
    let definition = try BeliefDefinition.binary("k", statement: "s")
    #expect(definition.tags.isEmpty && definition.importance == 1)
  }

  @Test func tagsAndImportanceAreKept() throws {
    let definition = try BeliefDefinition(
      key: "tone", statement: "Tone", outcomes: ["formal", "casual"], tags: ["style", "chat"],
      importance: 2.5)
    #expect(definition.tags == ["style", "chat"] && definition.importance == 2.5)
  }

  @Test(arguments: [0.0, -1, 1_000.5, .nan, .infinity])
  func badImportanceIsRefused(importance: Double) {
    #expect(throws: ModelError.self) {
      try BeliefDefinition.binary("k", statement: "s", importance: importance)
    }
  }

  @Test func badTagsAreRefused() {
    let cases: [[String]] = [
      [""], ["  "], ["a\u{7}"], [String(repeating: "t", count: 65)], ["a", "a"],
      (0...32).map { "t\($0)" },
    ]
    for tags in cases {
      #expect(throws: ModelError.self) {
        try BeliefDefinition.binary("k", statement: "s", tags: tags)
      }
    }
    #expect(throws: Never.self) {
      try BeliefDefinition.binary("k", statement: "s", tags: (0..<32).map { "t\($0)" })
    }
  }

  @Test func defaultTagsAndImportanceAreNotEncoded() throws {
    let plain = try BeliefDefinition.binary("k", statement: "s")
    let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
    #expect(!json.contains("tags") && !json.contains("importance"))
    #expect(try JSONDecoder().decode(BeliefDefinition.self, from: Data(json.utf8)) == plain)
  }

  @Test func tagsAndImportanceRoundTrip() throws {
    let tagged = try BeliefDefinition.binary("k", statement: "s", tags: ["x"], importance: 3)
    let data = try JSONEncoder().encode(tagged)
    #expect(try JSONDecoder().decode(BeliefDefinition.self, from: data) == tagged)
  }

  @Test func decodingValidatesTagsAndImportance() {
    let json = #"{"key":"k","statement":"s","outcomes":["true","false"],"baseRates":[0.5,0.5],"#
    let cases: [(tail: String, expected: ModelError)] = [
      (
        #""importance":0}"#,
        .numberOutOfRange(field: "importance of belief k", value: 0, allowed: "greater than 0")
      ),
      (
        #""tags":["a","a"]}"#,
        .invalidText(field: "tags of belief k", reason: #""a" is listed twice"#)
      ),
    ]
    for (tail, expected) in cases {
      let failure = DecodingFailure.of {
        try JSONDecoder().decode(BeliefDefinition.self, from: Data((json + tail).utf8))
      }
      #expect(failure == .model(expected), "\(tail)")
    }
  }
}
