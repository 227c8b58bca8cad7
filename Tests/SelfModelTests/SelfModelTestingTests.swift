import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct SequentialIDsTests {
  @Test func countsFromOneWithSixDigits() {
    let ids = SequentialIDs(prefix: "e")
    #expect(ids.next() == "e-000001")
    #expect(ids.next() == "e-000002")
    #expect(ids.next(as: SourceID.self) == "e-000003")
    #expect(ids.count == 3)
  }

  @Test func resumesAndGrowsPastSixDigits() {
    let ids = SequentialIDs(prefix: "batch.7", start: 999_999)
    #expect(ids.next() == "batch.7-1000000")
  }

  @Test func neverRepeatsAcrossTasks() async {
    let ids = SequentialIDs(prefix: "t")
    let all = await withTaskGroup(of: [EvidenceID].self) { group in
      for _ in 0..<8 { group.addTask { (0..<250).map { _ in ids.next() } } }
      var collected: [EvidenceID] = []
      for await part in group { collected += part }
      return collected
    }
    #expect(Set(all).count == 2_000)
    #expect(ids.count == 2_000)
  }
}

@Suite struct SeededRandomTests {
  /// Reference outputs of SplitMix64 computed in Python.
  static let reference: [UInt64: [UInt64]] = [
    0: [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F],
    42: [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52],
  ]

  @Test(arguments: reference.keys.sorted())
  func matchesTheReferenceSequence(_ seed: UInt64) {
    var random = SeededRandom(seed: seed)
    #expect((0..<3).map { _ in random.next() } == Self.reference[seed])
  }

  @Test func sameSeedSameShuffle() {
    var a = SeededRandom(seed: 7)
    var b = SeededRandom(seed: 7)
    #expect(Array(0..<50).shuffled(using: &a) == Array(0..<50).shuffled(using: &b))
    #expect(a == b)
  }
}

@Suite struct UserModelBuilderTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)

  @Test func buildsWhatItWasTold() throws {
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "user")
    let model = try UserModelBuilder(user: "u")
      .policy(RevisionPolicy(priorWeight: 4))
      .binary("k", baseRate: 0.25)
      .categorical("tone", ["formal", "casual"])
      .source("user", kind: .userStated, reliability: 0.9)
      .evidence(make.holds("k"), make.outcome("casual", for: "tone"))
      .build()
    #expect(model.user == "u")
    #expect(model.policy.priorWeight == 4)
    #expect(model.beliefs.map(\.key) == ["k", "tone"])
    #expect(model.definition(for: "k")?.baseRates == [0.25, 0.75])
    #expect(model.definition(for: "k")?.statement == "Test belief k")
    #expect(model.source("user")?.reliability == 0.9)
    #expect(model.evidence.map(\.id) == ["e-000001", "e-000002"])
  }

  @Test func buildAtChecksTheClockAndBuildReplays() throws {
    let clock = ManualClock(start: Self.now)
    let make = EvidenceFactory(clock: clock, source: "s")
    clock.advance(byDays: 1)
    let future = make.holds("k")
    let builder = UserModelBuilder(user: "u").binary("k").source("s", kind: .behavior).evidence(
      future)
    #expect(throws: ModelError.self) { try builder.build(at: Self.now) }
    #expect(try builder.build().evidence == [future])
  }

  @Test func reportsTheFirstBadPart() {
    #expect(throws: ModelError.tooFewOutcomes(belief: "k", count: 1)) {
      try UserModelBuilder(user: "u").categorical("k", ["only"]).build()
    }
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "reliability of source s", value: 2, allowed: "0...1")
    ) {
      try UserModelBuilder(user: "u").source("s", kind: .thirdParty, reliability: 2).build()
    }
  }
}

@Suite struct EvidenceFactoryTests {
  @Test func stampsClockTimesAndSequentialIDs() {
    let clock = ManualClock(start: Date(timeIntervalSince1970: 1_000))
    let make = EvidenceFactory(clock: clock, ids: SequentialIDs(prefix: "x"), source: "user")
    let first = make.holds("k", weight: 2, age: 100)
    clock.advance(by: 50)
    let second = make.soft(["a": 0.5, "b": 0.5], for: "c", source: "bot")
    #expect(first.id == "x-000001" && second.id == "x-000002")
    #expect(first.observedAt == Date(timeIntervalSince1970: 900))
    #expect(first.recordedAt == Date(timeIntervalSince1970: 1_000))
    #expect(first.weight == 2 && first.source == "user" && first.content == .holds)
    #expect(second.observedAt == Date(timeIntervalSince1970: 1_050))
    #expect(second.source == "bot")
    #expect(make.doesNotHold("k").content == .doesNotHold)
  }
}

@Suite struct ManualClockTests {
  @Test func movesOnlyWhenTold() {
    let clock = ManualClock(start: Date(timeIntervalSince1970: 0))
    #expect(clock.now == Date(timeIntervalSince1970: 0))
    clock.advance(byDays: 2)
    #expect(clock.now == Date(timeIntervalSince1970: 172_800))
    clock.set(to: Date(timeIntervalSince1970: 5))
    clock.advance(by: -5)
    #expect(clock.now == Date(timeIntervalSince1970: 0))
  }
}
