import Foundation
import SelfModel
import Testing

/// The JSON forms of `ReactionKind` and `ReactionLikelihood`: named fields, an object for
/// `sourceOverrides`, defaults for absent fields, and the earlier synthesized forms (`_0`, a
/// flat array) still read.
@Suite struct ReactionCodingTests {
  static func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }

  @Test func kindsHaveNamedFieldsAndRoundTrip() throws {
    let kinds: [(ReactionKind, String)] = [
      (.accepted, #"{"accepted":{}}"#),
      (.rejected, #"{"rejected":{}}"#),
      (
        .edited(contradicting: ["b.two", "a.one"]),
        #"{"edited":{"contradicting":["a.one","b.two"]}}"#
      ),
      (.rated(4, scale: 1...5), #"{"rated":{"scale":[1,5],"value":4}}"#),
    ]
    for (kind, text) in kinds {
      #expect(try Self.json(kind) == text)
      #expect(try Self.decode(ReactionKind.self, text) == kind)
    }
  }

  @Test func theEarlierRatingFieldStillDecodes() throws {
    let kind = try Self.decode(ReactionKind.self, #"{"rated":{"_0":2.5,"scale":[0,10]}}"#)
    #expect(kind == .rated(2.5, scale: 0...10))
  }

  @Test(arguments: [
    #"{}"#, #"{"accepted":{},"rejected":{}}"#, #"{"rated":{"scale":[1,5]}}"#,
    #"{"rated":{"value":3}}"#, #"{"rated":{"value":3,"scale":[5,1]}}"#, #"{"edited":{}}"#,
    #"{"liked":{}}"#,
  ])
  func malformedKindsAreDecodingErrors(_ text: String) {
    #expect(throws: DecodingError.self) { try Self.decode(ReactionKind.self, text) }
  }

  @Test func likelihoodWritesOverridesAsAnObjectAndRoundTrips() throws {
    let likelihood = ReactionLikelihood(
      source: "rx", sourceOverrides: [.rejected: "rx.rejected", .rated: "rx.rated"],
      acceptedWeight: 0.8, rejectedWeight: 0.3, editKeptWeight: 0.25, editChangedWeight: 2,
      ratingWeight: 1.5)
    let text = try Self.json(likelihood)
    #expect(text.contains(#""sourceOverrides":{"rated":"rx.rated","rejected":"rx.rejected"}"#))
    #expect(try Self.decode(ReactionLikelihood.self, text) == likelihood)
  }

  @Test func absentFieldsTakeTheirDefaults() throws {
    #expect(try Self.decode(ReactionLikelihood.self, "{}") == ReactionLikelihood())
    let partial = try Self.decode(
      ReactionLikelihood.self, #"{"rejectedWeight":0.3,"sourceOverrides":{"editKept":"k"}}"#)
    #expect(partial == ReactionLikelihood(sourceOverrides: [.editKept: "k"], rejectedWeight: 0.3))
  }

  @Test func theEarlierFlatArrayStillDecodes() throws {
    let likelihood = try Self.decode(
      ReactionLikelihood.self, #"{"sourceOverrides":["rejected","rx.rejected","rated","rx.rated"]}"#
    )
    #expect(likelihood.sourceOverrides == [.rejected: "rx.rejected", .rated: "rx.rated"])
  }

  /// Each malformed likelihood with the error that names why.
  static let malformed: [(text: String, expected: DecodingFailure)] = [
    (#"{"sourceOverrides":{"liked":"x"}}"#, .corrupted),
    (#"{"sourceOverrides":["rejected"]}"#, .corrupted),
    (#"{"sourceOverrides":["rejected","a","rejected","b"]}"#, .corrupted),
    (
      #"{"sourceOverrides":{"rejected":"bad id"}}"#,
      .model(
        .invalidIdentifier(
          kind: "source id", value: "bad id", reason: "it contains the disallowed byte 0x20"))
    ),
    (#"{"sourceOverrides":"rejected"}"#, .wrongType),
    (#"{"ratingWeight":"high"}"#, .wrongType),
  ]

  @Test(arguments: 0..<malformed.count)
  func malformedLikelihoodsAreDecodingErrors(_ index: Int) {
    let (text, expected) = Self.malformed[index]
    #expect(DecodingFailure.of { try Self.decode(ReactionLikelihood.self, text) } == expected)
  }
}
