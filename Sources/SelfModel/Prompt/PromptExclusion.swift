/// Why a relevant belief was left out of a request's context.
///
/// ```swift
/// context.excluded.first?.exclusion  // .overBeliefBudget
/// ```
public enum PromptExclusion: String, Sendable, Hashable, Codable {
  /// The belief budget was already used by higher-ranked beliefs.
  case overBeliefBudget
  /// Its line did not fit in the characters left.
  case overCharacterBudget
  /// The belief has no evidence: only its base rate is known.
  case noEvidence
}
