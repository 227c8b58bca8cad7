import Foundation
import Testing

@testable import SelfModel

/// What replaying a journal record checks again (`replayRecord`, the store's load path): the
/// item's own values, always; the time against the policy's future tolerance, never (it read
/// the clock when the record was written).
@Suite struct JournalReplayChecksTests {
  static let now = Date(timeIntervalSince1970: 1_767_225_600)

  static func model(futureTolerance: TimeInterval = 300) throws -> UserModel {
    var model = try UserModel(
      user: "u", policy: RevisionPolicy(futureTolerance: futureTolerance))
    try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
    return model
  }

  static func item(weight: Double = 1, observedAt: Date = now) -> Evidence {
    Evidence(
      id: "e1", belief: "preference.concise", content: .holds, weight: weight, source: "user",
      observedAt: observedAt)
  }

  /// A CRC-32C catches damage, not a crafted journal: a weight no write could have stored is
  /// refused on replay, and the model stays without it.
  @Test(arguments: [Double.nan, -1, 0, 2e6, Double.infinity])
  func aWeightNoWriteCouldStoreIsRefused(weight: Double) throws {
    var model = try Self.model()
    #expect(throws: ModelError.self) {
      try model.replayRecord([Self.item(weight: weight)], at: Self.now)
    }
    #expect(model.evidence.isEmpty)
  }

  @Test func aTimeOutsideTheRangeIsRefused() throws {
    var model = try Self.model()
    let item = Self.item(observedAt: Date(timeIntervalSinceReferenceDate: .infinity))
    let error = #expect(throws: ModelError.self) {
      try model.replayRecord([item], at: Self.now)
    }
    guard case .nonFiniteNumber = error else {
      Issue.record("expected nonFiniteNumber, got \(String(describing: error))")
      return
    }
  }

  /// A record accepted when it was written stays accepted after the policy's future tolerance
  /// shrinks: the check read the clock of the write, so replay does not make it again.
  @Test func theFutureToleranceIsNotCheckedAgain() throws {
    let ahead = Self.item(observedAt: Self.now + 200)
    var strict = try Self.model(futureTolerance: 60)
    #expect(throws: ModelError.self) { try strict.append(ahead, at: Self.now) }
    try strict.replayRecord([ahead], at: Self.now)
    #expect(strict.evidence.map(\.id) == ["e1"])
  }
}
