/// What an AI product showed the user for one request: one or more candidate answers, each
/// with the stances it takes. Reactions refer to one of them.
///
/// ```swift
/// let response = try AssistantResponse(id: "req-981", candidates: [short, detailed])
/// try model.record(
///   Reaction(candidate: "short", kind: .accepted, observedAt: now), to: response, at: now)
/// ```
public struct AssistantResponse: Sendable, Hashable, Codable {
  /// The response's identifier.
  public let id: ResponseID
  /// The candidates shown, ids unique.
  public let candidates: [Candidate]

  /// Creates a response after validating it.
  ///
  /// - Parameters:
  ///   - id: The identifier.
  ///   - candidates: At least one candidate, ids unique.
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` when `candidates` is empty or two
  ///   share an id.
  public init(id: ResponseID, candidates: [Candidate]) throws(ModelError) {
    guard !candidates.isEmpty else {
      throw .undefined(quantity: "response \(id)", reason: "it has no candidates")
    }
    var seen = Set<CandidateID>()
    for candidate in candidates where !seen.insert(candidate.id).inserted {
      throw .undefined(
        quantity: "response \(id)", reason: "candidate \(candidate.id) is listed twice")
    }
    self.id = id
    self.candidates = candidates
  }

  /// The candidate with `id`.
  ///
  /// - Parameter id: A candidate id.
  /// - Returns: The candidate.
  /// - Throws: ``ModelError/unknownCandidate(response:candidate:)`` (category
  ///   ``ErrorCategory/notFound``) when the response has no such candidate.
  public func candidate(_ id: CandidateID) throws(ModelError) -> Candidate {
    guard let candidate = candidates.first(where: { $0.id == id }) else {
      throw .unknownCandidate(response: self.id, candidate: id)
    }
    return candidate
  }
}
