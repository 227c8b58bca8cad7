/// How the user reacted to an answer.
///
/// ```swift
/// let kinds: [ReactionKind] = [
///   .accepted, .rejected,
///   .edited(contradicting: ["style.tone"]),  // the edit changed the tone
///   .rated(4, scale: 1...5),
/// ]
/// ```
public enum ReactionKind: Sendable, Hashable, Codable {
  /// The user took the answer as it was.
  case accepted
  /// The user rejected the answer (thumbs down, regenerate, dismiss).
  case rejected
  /// The user kept the answer but edited it; `contradicting` names the beliefs whose stances
  /// the edit reversed (the others were kept). Each must be a belief the candidate has a
  /// stance on.
  case edited(contradicting: Set<BeliefKey>)
  /// The user rated the answer `value` on `scale` (lower bound worst, upper bound best).
  case rated(Double, scale: ClosedRange<Double>)

  /// The short name used in evidence ids and metadata: `accepted`, `rejected`, `edited`,
  /// `rated`.
  public var name: String {
    switch self {
    case .accepted: "accepted"
    case .rejected: "rejected"
    case .edited: "edited"
    case .rated: "rated"
    }
  }
}
