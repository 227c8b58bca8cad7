/// One belief in a ``PromptContext``: what the model believes, how sure it is, how it is
/// worded and why it was chosen (or left out).
///
/// ```swift
/// for entry in context.entries { print(entry.line) }
/// // - very likely: Prefers concise answers (p 0.86, strong evidence; why: tag "style")
/// ```
public struct PromptEntry: Sendable, Hashable, Codable {
  /// The belief's key.
  public let key: BeliefKey
  /// The belief's statement.
  public let statement: String
  /// The most likely outcome.
  public let outcome: String
  /// Its probability `p`.
  public let probability: Double
  /// Its base rate in the prior the estimate came from: the context's when the selector was
  /// built in one (``ContextPrior``), otherwise the belief's own.
  public let baseRate: Double
  /// `1 - u`.
  public let confidence: Double
  /// `T`, in plain observations.
  public let totalEvidence: Double
  /// `T(now) / T(last observed)`; 1 without decay or evidence.
  public let freshness: Double
  /// Distance from the base rates, in `0...1` (see ``PromptOptions``).
  public let informativeness: Double
  /// Whether the belief is contested (evidence on several sides).
  public let isContested: Bool
  /// Whether the belief's evidence has faded (see ``PromptOptions/staleFreshness``).
  public let isStale: Bool
  /// The ranking score (see ``PromptOptions``).
  public let score: Double
  /// Why the belief was considered.
  public let reasons: [PromptReason]
  /// Why it was left out, or `nil` when it is included.
  public let exclusion: PromptExclusion?
  /// The rendered line, with its hedging (see ``HedgingBands``).
  public let line: String

  /// Creates an entry (normally made by ``PromptSelector/prompt(for:)``).
  ///
  /// - Parameters:
  ///   - key: The key.
  ///   - statement: The statement.
  ///   - outcome: The most likely outcome.
  ///   - probability: Its probability.
  ///   - baseRate: Its base rate.
  ///   - confidence: The confidence.
  ///   - totalEvidence: `T`.
  ///   - freshness: The freshness.
  ///   - informativeness: The informativeness.
  ///   - marks: Whether it is contested and whether it is stale.
  ///   - score: The score.
  ///   - reasons: Why it was considered.
  ///   - exclusion: Why it was left out, if it was.
  ///   - line: The rendered line.
  public init(
    key: BeliefKey, statement: String, outcome: String, probability: Double, baseRate: Double,
    confidence: Double, totalEvidence: Double, freshness: Double, informativeness: Double,
    marks: (contested: Bool, stale: Bool), score: Double, reasons: [PromptReason],
    exclusion: PromptExclusion?, line: String
  ) {
    self.key = key
    self.statement = statement
    self.outcome = outcome
    self.probability = probability
    self.baseRate = baseRate
    self.confidence = confidence
    self.totalEvidence = totalEvidence
    self.freshness = freshness
    self.informativeness = informativeness
    self.isContested = marks.contested
    self.isStale = marks.stale
    self.score = score
    self.reasons = reasons
    self.exclusion = exclusion
    self.line = line
  }
}
