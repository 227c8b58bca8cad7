import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// What a single record reports when an item is both a repeat of an id and invalid now: the
/// id's verdict wins, on every recording path (`record` of one item, of a batch, `append`, a
/// store's journal replay), whichever order a path checks the item and looks up its id in.
@Suite struct RecordingOrderTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)

  func model() throws -> UserModel {
    try UserModelBuilder(user: "u")
      .binary("k", baseRate: 0.5)
      .source("user", kind: .userStated, reliability: 1)
      .build()
  }

  func item(_ id: EvidenceID, belief: BeliefKey = "k", at time: Date = now) -> Evidence {
    Evidence(id: id, belief: belief, content: .holds, source: "user", observedAt: time)
  }

  /// The four paths, each returning whether the item counted as a duplicate.
  static let paths: [(String, @Sendable (inout UserModel, Evidence, Date) throws -> Bool)] = [
    ("record one", { model, item, now in try model.record(item, at: now).duplicates == [item.id] }),
    (
      "record batch",
      { model, item, now in try model.record([item], at: now).duplicates == [item.id] }
    ),
    ("append", { model, item, now in try !model.append(item, at: now) }),
    (
      "journal replay",
      { model, item, now in
        let count = model.evidence.count
        try model.replayRecord(item, at: now)
        return model.evidence.count == count
      }
    ),
  ]

  @Test func aRepeatThatWouldFailNowIsStillADuplicate() throws {
    for (name, path) in Self.paths {
      var model = try model()
      let first = item("e1")
      try model.record(first, at: Self.now)
      let before = model
      // An hour before the item's time, it lies in the future beyond the tolerance: recorded
      // anew it would fail, repeated it is the same observation.
      let earlier = Self.now.addingTimeInterval(-3_600)
      #expect(throws: ModelError.self, "\(name)") {
        var probe = model
        try probe.record(item("e2"), at: earlier)
      }
      #expect(try path(&model, first, earlier), "\(name)")
      #expect(model == before, "\(name)")
    }
  }

  @Test func anIDReusedForOtherContentIsRefusedAsSuchEvenWhenTheContentIsInvalid() throws {
    for (name, path) in Self.paths {
      var model = try model()
      try model.record(item("e1"), at: Self.now)
      let before = model
      // Valid other content, then content about a belief the model does not know.
      let other = Evidence(
        id: "e1", belief: "k", content: .doesNotHold, source: "user", observedAt: Self.now)
      #expect(throws: ModelError.evidenceIDReused("e1"), "\(name)") {
        _ = try path(&model, other, Self.now)
      }
      #expect(throws: ModelError.evidenceIDReused("e1"), "\(name)") {
        _ = try path(&model, item("e1", belief: "unknown"), Self.now)
      }
      #expect(model == before, "\(name)")
    }
  }

  @Test func aNewInvalidItemGetsItsOwnError() throws {
    for (name, path) in Self.paths {
      var model = try model()
      try model.record(item("e1"), at: Self.now)
      let before = model
      #expect(throws: ModelError.unknownBelief("unknown"), "\(name)") {
        _ = try path(&model, item("e2", belief: "unknown"), Self.now)
      }
      #expect(model == before, "\(name)")
      #expect(try !path(&model, item("e3"), Self.now), "\(name)")
      #expect(model.evidence("e3") != nil, "\(name)")
    }
  }
}
