/// How reliable a user's yes/no answer is about a binary belief `H`.
///
/// `sensitivity = P(yes | H)`, the chance the user says yes when `H` holds, and
/// `specificity = P(no | not H)`, the chance the user says no when it does not. A perfectly
/// reliable answer has both equal to 1; an answer with `sensitivity + specificity = 1` carries no
/// information at all.
///
/// ```swift
/// let answers = try AnswerReliability(sensitivity: 0.9, specificity: 0.8)
/// ```
public struct AnswerReliability: Sendable, Hashable, Codable {
  /// `P(yes | H)`, in `0...1`.
  public let sensitivity: Double
  /// `P(no | not H)`, in `0...1`.
  public let specificity: Double

  /// An answer that always tells the truth: sensitivity and specificity both 1.
  public static var perfect: Self { Self(validSensitivity: 1, specificity: 1) }

  /// Creates an answer model after validating both rates.
  ///
  /// - Parameters:
  ///   - sensitivity: `P(yes | H)`, in `0...1`.
  ///   - specificity: `P(no | not H)`, in `0...1`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` when either rate is NaN,
  ///   infinite or outside `0...1`.
  public init(sensitivity: Double, specificity: Double) throws(ModelError) {
    try Information.validateProbability(sensitivity, field: "sensitivity")
    try Information.validateProbability(specificity, field: "specificity")
    self.init(validSensitivity: sensitivity, specificity: specificity)
  }

  private init(validSensitivity sensitivity: Double, specificity: Double) {
    self.sensitivity = sensitivity
    self.specificity = specificity
  }
}
