public import Foundation

/// The user's reaction to one candidate of an ``AssistantResponse``: the "after answering"
/// half of the personalization loop.
///
/// A retried reaction must carry the same ``observedAt`` (store it with the reaction): the
/// evidence it becomes is then identical and counts once.
///
/// ```swift
/// let reaction = Reaction(candidate: "short", kind: .rated(5, scale: 1...5), observedAt: now)
/// ```
public struct Reaction: Sendable, Hashable, Codable {
  /// The candidate reacted to.
  public var candidate: CandidateID
  /// How the user reacted.
  public var kind: ReactionKind
  /// When the user reacted.
  public var observedAt: Date

  /// Creates a reaction; it is validated when it becomes evidence.
  ///
  /// - Parameters:
  ///   - candidate: The candidate reacted to.
  ///   - kind: How.
  ///   - observedAt: When.
  public init(candidate: CandidateID, kind: ReactionKind, observedAt: Date) {
    self.candidate = candidate
    self.kind = kind
    self.observedAt = observedAt
  }
}
