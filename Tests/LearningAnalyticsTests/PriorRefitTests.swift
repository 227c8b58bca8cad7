import SelfModel
import Testing

@testable import LearningAnalytics

@Suite struct PriorRefitTests {
  static func event(
    _ student: Int, _ day: Int, _ outcome: Bool, module: String = "AAA", type: String = "TMA",
    position: Int, id: Int
  ) -> LearningEvent {
    let scored = day >= 242
    var assessment = Assessment(
      module: module, presentation: scored ? "2013J" : "2013B", id: id, type: type, due: day)
    assessment.position = position
    return LearningEvent(
      student: student, day: day, outcome: outcome, isScored: scored, assessment: assessment)
  }

  /// 60 students in 2013B: two TMAs (2 in 3 pass the first, 1 in 2 the second) and a CMA
  /// nobody passes (structural). In 2013J, students 0-29 take TMA 1 on day 250 (`day250`
  /// their outcomes) and students 30-59 TMA 2 on day 260; every 2013J student has 2013B
  /// history.
  static func events(day250: (Int) -> Bool = { $0 % 2 == 0 }) -> [LearningEvent] {
    let training = (0..<60).flatMap { student in
      [
        event(student, 10, student % 3 != 0, position: 1, id: 1),
        event(student, 20, false, type: "CMA", position: 1, id: 2),
        event(student, 30, student % 2 == 0, position: 2, id: 3),
      ]
    }
    let scored =
      (0..<30).map { event($0, 250, day250($0), position: 1, id: 4) }
      + (30..<60).map { event($0, 260, $0 % 4 == 0, position: 2, id: 5) }
    return (training + scored).sorted { $0.day < $1.day }
  }

  static func predictions(_ events: [LearningEvent], _ schedule: RefitReplay.Schedule) throws
    -> [Double]
  {
    let replay = LibraryReplay(task: .onTime, events: events, studentIDs: Array(0..<60))
    let fit = try ContextPriorFit(training: events.filter { !$0.isScored }, all: events)
    let refit = try PriorRefit(fit, task: .onTime)
    let replayed = RefitReplay(replay: replay, refit: refit, structural: fit.structural)
    return try replayed.predictions(policy: RevisionPolicy(), schedule: schedule).0
  }

  /// The refit before day d reads no evidence of day d or later: changing day 250's outcomes
  /// leaves day 250's predictions as they were, and moves day 260's predictions of students
  /// who had no event on day 250 only when the priors are refitted daily.
  @Test func aRefitReadsOnlyEarlierDays() throws {
    let flipped = Self.events { $0 % 2 != 0 }
    let daily = try Self.predictions(Self.events(), .daily)
    let dailyFlipped = try Self.predictions(flipped, .daily)
    #expect(daily.count == 60)
    for index in 0..<30 { #expect(daily[index] == dailyFlipped[index]) }
    for index in 30..<60 { #expect(abs(daily[index] - dailyFlipped[index]) > 1e-9) }
    let once = try Self.predictions(Self.events(), .once)
    let onceFlipped = try Self.predictions(flipped, .once)
    #expect(once == onceFlipped)
  }

  /// Without refits the day-by-day replay predicts exactly as the per-student one.
  @Test func withoutRefitsItIsTheContextReplay() throws {
    let events = Self.events()
    let replay = LibraryReplay(task: .onTime, events: events, studentIDs: Array(0..<60))
    let fit = try ContextPriorFit(training: events.filter { !$0.isScored }, all: events)
    let refit = try PriorRefit(fit, task: .onTime)
    let expected = try ContextReplay(replay: replay).estimates(refit.base, policy: RevisionPolicy())
    { _ in true }
    let got = try Self.predictions(events, .never)
    let scored = zip(events, expected).filter { $0.0.isScored }.map(\.1.probability)
    #expect(got.count == scored.count)
    for (a, b) in zip(got, scored) { #expect(abs(a - b) < 1e-12) }
  }

  /// A refit replaces base rates, keeps every W, parent and structural position's prior, and
  /// pools a position over modules, shrunk toward the type.
  @Test func aRefitReplacesBaseRatesOnly() throws {
    let events = Self.events()
    let fit = try ContextPriorFit(training: events.filter { !$0.isScored }, all: events)
      .scaled(by: ["module:AAA/type:TMA": 3])
    let refit = try PriorRefit(fit, task: .onTime)
    let replay = LibraryReplay(task: .onTime, events: events, studentIDs: Array(0..<60))
    let models = try (0..<60).map { student in
      try UserModel(
        user: UserID("s\(student)"), catalogue: refit.base,
        evidence: events.filter {
          $0.student == student && !fit.structural.contains(ContextPriorFit.context(of: $0))
        }.map { try replay.evidence($0, context: ContextID(ContextPriorFit.context(of: $0))) })
    }
    let next = try refit.catalogue(
      replacing: refit.base, version: 2, models: models, at: LibraryReplay.date(ofDay: 0))
    let before = try #require(refit.base.definition(for: "on-time"))
    let after = try #require(next.definition(for: "on-time"))
    #expect(next.version == 2 && after.priorWeight == before.priorWeight)
    #expect(Set(after.contexts.keys) == Set(before.contexts.keys))
    for (context, prior) in before.contexts {
      #expect(after.contexts[context]?.priorWeight == prior.priorWeight)
      #expect(after.contexts[context]?.parent == prior.parent)
    }
    let cma: ContextID = "module:AAA/type:CMA/pos:1"
    #expect(after.contexts[cma]?.baseRates == before.contexts[cma]?.baseRates)
    // Positions pool 2013B and 2013J: TMA 1 55 of 90, TMA 2 37 of 90, the type 92 of 180.
    let type = try #require(after.contexts["type:TMA"]?.baseRates?[0])
    let first = try #require(after.contexts["type:TMA/pos:1"]?.baseRates?[0])
    let second = try #require(after.contexts["type:TMA/pos:2"]?.baseRates?[0])
    #expect(abs(type - 92.0 / 180) < 0.01)
    #expect(type < first && first <= 55.0 / 90 + 1e-12)
    #expect(37.0 / 90 - 1e-12 <= second && second < type)
    #expect(abs(first - (before.contexts["type:TMA/pos:1"]?.baseRates?[0] ?? 0)) > 1e-6)
  }
}
