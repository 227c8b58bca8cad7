import Foundation
import SelfModel

/// Shared fixtures of the dynamic-belief tests: a model with one dynamic belief and helpers
/// that record answers.
enum DynamicFixture {
  static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
  static let key: BeliefKey = "skill.fractions"

  static func parameters(
    prior: Double = 0.3, learn: Double = 0.1, forget: Double = 0.05, guess: Double = 0.2,
    slip: Double = 0.1
  ) throws -> KnowledgeTracing.Parameters {
    try KnowledgeTracing.Parameters(
      prior: prior, learn: learn, forget: forget, guess: guess, slip: slip)
  }

  static func definition(_ parameters: KnowledgeTracing.Parameters) throws -> BeliefDefinition {
    try .dynamic(key, statement: "Can add fractions", parameters: parameters)
  }

  /// A model declaring the dynamic belief, a counted one, and two sources.
  static func model(_ parameters: KnowledgeTracing.Parameters) throws -> UserModel {
    var model = try UserModel(user: "learner")
    try model.declare(try definition(parameters))
    try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try model.register(Source(id: "quiz", kind: .behavior, reliability: 1))
    try model.register(Source(id: "tutor", kind: .modelInference, reliability: 0.4))
    return model
  }

  /// The answer evidence `id`, observed `seconds` after ``start``.
  static func answer(
    _ id: String, _ holds: Bool, at seconds: Double, source: SourceID = "quiz"
  ) throws -> Evidence {
    Evidence(
      id: try EvidenceID(id), belief: key, content: holds ? .holds : .doesNotHold,
      source: source, observedAt: start + seconds)
  }

  /// The current time of every recording: after all answers.
  static var now: Date { start + 1_000_000 }
}
