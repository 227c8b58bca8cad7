import SelfModel

/// The replay of the "priors refitted" rows, day by day over every student, as a product with
/// a nightly job runs: before a day with 2013J events, ``PriorRefit`` refits the base rates on
/// every student's evidence of earlier days and publishes a new catalogue version; each
/// student with an event that day `adopt`s it, every event of the day is predicted with
/// `estimate(for:in:at:)` in its context, then the day's items are recorded. With
/// ``Schedule/never`` it predicts exactly as ``ContextReplay`` on `refit.base`.
struct RefitReplay: Sendable {
  /// When the nightly job runs.
  enum Schedule: Sendable, Hashable {
    /// Never: the 2013B-tuned priors throughout.
    case never
    /// Once, before 2013J's first day: the library's fit on 2013B alone.
    case once
    /// Before every day that has a 2013J event.
    case daily

    /// Whether to refit before a day with 2013J events, after `refits` refits so far.
    func refits(after refits: Int) -> Bool {
      switch self {
      case .never: false
      case .once: refits == 0
      case .daily: true
      }
    }
  }

  /// Everything the replay carries from one day to the next.
  private struct State {
    /// Each student's model, all evidence so far, on the catalogue of its last event day.
    var models: [UserModel?]
    /// Each student's evidence so far outside the structural positions, what a refit reads.
    var fitModels: [UserModel?]
    /// The catalogue in force.
    var catalogue: Catalogue
    /// The refits so far.
    var refits = 0
  }

  /// The events and how to turn them into evidence.
  let replay: LibraryReplay
  /// The nightly job.
  let refit: PriorRefit
  /// The structural positions: their evidence stays out of the refit.
  let structural: Set<String>

  /// `P(true)` before each 2013J event, in the order of the scored events, and the number of
  /// refits.
  func predictions(policy: RevisionPolicy, schedule: Schedule) throws -> ([Double], Int) {
    let empty = [UserModel?](repeating: nil, count: replay.studentIDs.count)
    var state = State(models: empty, fitModels: empty, catalogue: refit.base)
    var result: [Double] = []
    var start = 0
    while start < replay.events.count {
      var end = start
      while end < replay.events.count, replay.events[end].day == replay.events[start].day {
        end += 1
      }
      let day = replay.events[start..<end]
      if day.contains(where: \.isScored), schedule.refits(after: state.refits) {
        state.catalogue = try refit.catalogue(
          replacing: state.catalogue, version: state.catalogue.version + 1,
          models: state.fitModels.compactMap { $0 },
          at: LibraryReplay.date(ofDay: replay.events[start].day))
        state.refits += 1
      }
      result += try predict(day, &state, policy: policy)
      try record(day, &state, policy: policy)
      start = end
    }
    return (result, state.refits)
  }

  /// The day's 2013J predictions, each student on the catalogue in force.
  private func predict(
    _ day: ArraySlice<LearningEvent>, _ state: inout State, policy: RevisionPolicy
  ) throws -> [Double] {
    let key = try BeliefKey(replay.task.beliefKey)
    var result: [Double] = []
    for event in day where event.isScored {
      var model =
        try state.models[event.student] ?? newModel(event.student, state.catalogue, policy)
      state.models[event.student] = nil  // one reference: no copy on write
      if model.catalogue.version < state.catalogue.version { try model.adopt(state.catalogue) }
      let context = try ContextID(ContextPriorFit.context(of: event))
      let estimate = try model.estimate(
        for: key, in: context, at: LibraryReplay.date(ofDay: event.day))
      result.append(estimate.probabilities[0])
      state.models[event.student] = model
    }
    return result
  }

  /// Records the day's items: every one in the student's model, the non-structural ones in
  /// the model the refit reads.
  private func record(
    _ day: ArraySlice<LearningEvent>, _ state: inout State, policy: RevisionPolicy
  ) throws {
    for event in day {
      let name = ContextPriorFit.context(of: event)
      let item = try replay.evidence(event, context: ContextID(name))
      let now = LibraryReplay.date(ofDay: event.day)
      var model =
        try state.models[event.student] ?? newModel(event.student, state.catalogue, policy)
      state.models[event.student] = nil
      try model.append(item, at: now)
      state.models[event.student] = model
      guard !structural.contains(name) else { continue }
      var fitModel =
        try state.fitModels[event.student] ?? newModel(event.student, refit.base, RevisionPolicy())
      state.fitModels[event.student] = nil
      try fitModel.append(item, at: now)
      state.fitModels[event.student] = fitModel
    }
  }

  private func newModel(_ student: Int, _ catalogue: Catalogue, _ policy: RevisionPolicy) throws
    -> UserModel
  {
    try UserModel(
      user: UserID("student-\(replay.studentIDs[student])"), catalogue: catalogue, policy: policy)
  }
}
