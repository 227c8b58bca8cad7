/// The two user-modelling tasks of the data's README, one binary belief per student each.
enum LearningTask: String, Sendable, Hashable, CaseIterable {
  /// "Scores at least 70 on their coursework": one event per scored, non-banked submission,
  /// at the submission day.
  case mastery
  /// "Submits work by the deadline": one event per TMA/CMA with a due day and student
  /// registered for it, at the due day.
  case onTime = "on time"

  /// The belief key of the task.
  var beliefKey: String { self == .mastery ? "mastery" : "on-time" }

  /// The statement of the task's belief.
  var statement: String {
    self == .mastery
      ? "Scores at least 70 on their coursework" : "Submits work by the deadline"
  }
}
