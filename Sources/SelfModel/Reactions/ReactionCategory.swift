/// The five cases of the reaction likelihood model, each with its own weight (and optionally
/// its own source) in ``ReactionLikelihood``.
///
/// ```swift
/// var likelihood = ReactionLikelihood()
/// likelihood.sourceOverrides[.rejected] = "reactions.rejected"
/// ```
public enum ReactionCategory: String, Sendable, Hashable, Codable, CaseIterable {
  /// An accepted answer: evidence for each stance.
  case accepted
  /// A rejected answer: evidence against each stance.
  case rejected
  /// An edited answer, for a stance the edit kept.
  case editKept
  /// An edited answer, for a stance the edit reversed.
  case editChanged
  /// A rating: for or against each stance, in proportion to the distance from the middle of
  /// the scale.
  case rated
}
