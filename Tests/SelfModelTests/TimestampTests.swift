import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct TimestampTests {
  @Test(arguments: [
    (0.0, "2001-01-01T00:00:00Z"),
    (0.25, "2001-01-01T00:00:00.25Z"),
    (-0.5, "2000-12-31T23:59:59.5Z"),
    (-978_307_200.0, "1970-01-01T00:00:00Z"),
    (760_000_000.0, "2025-01-31T07:06:40Z"),
    (4_107_542_400.0, "2131-03-02T00:00:00Z"),
  ])
  func formatsKnownDates(seconds: Double, text: String) {
    let date = Date(timeIntervalSinceReferenceDate: seconds)
    #expect(Timestamp.string(from: date) == text)
    #expect(Timestamp.date(from: text) == date)
  }

  @Test func agreesWithFoundationOnWholeSeconds() {
    let formatter = ISO8601DateFormatter()
    var random = SeededRandom(seed: 2026)
    for _ in 0..<500 {
      let seconds = Double(Int64.random(in: -3_000_000_000...3_000_000_000, using: &random))
      let date = Date(timeIntervalSinceReferenceDate: seconds)
      #expect(Timestamp.string(from: date) == formatter.string(from: date))
    }
  }

  @Test func roundTripsEveryBit() {
    var random = SeededRandom(seed: 2026)
    let samples =
      [1e-9, 1.5e-7, 0.1, 760_000_000.123456789, -0.75, Double.leastNonzeroMagnitude]
      + (0..<2_000).map {
        _ in Double.random(in: -4e9...4e9, using: &random)
      }
    for seconds in samples {
      let date = Date(timeIntervalSinceReferenceDate: seconds)
      let text = Timestamp.string(from: date)
      #expect(Timestamp.date(from: text)?.timeIntervalSinceReferenceDate == seconds, "\(text)")
      #expect(!text.contains("e"), "\(text)")
    }
  }

  @Test func parsesOffsetsAndRejectsJunk() {
    let utc = Timestamp.date(from: "2026-01-01T09:30:00.5Z")
    #expect(Timestamp.date(from: "2026-01-01T10:30:00.5+01:00") == utc)
    #expect(Timestamp.date(from: "2026-01-01T08:30:00.5-01:00") == utc)
    for junk in [
      "", "2026-01-01", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "x026-01-01T00:00:00Z",
      "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00Zjunk",
    ] {
      #expect(Timestamp.date(from: junk) == nil, "\(junk)")
    }
  }

  @Test func theWrapperReadsOldNumbersAndWritesStrings() throws {
    struct Event: Codable, Equatable {
      @TimestampCoded var at: Date
    }
    let old = try JSONDecoder().decode(Event.self, from: Data(#"{"at": 0.25}"#.utf8))
    #expect(old.at == Date(timeIntervalSinceReferenceDate: 0.25))
    let json = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
    #expect(json == #"{"at":"2001-01-01T00:00:00.25Z"}"#)
    #expect(try JSONDecoder().decode(Event.self, from: Data(json.utf8)) == old)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Event.self, from: Data(#"{"at": "yesterday"}"#.utf8))
    }
  }
}
