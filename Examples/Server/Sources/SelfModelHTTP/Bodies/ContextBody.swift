import SelfModel

/// `POST /v1/users/{user}/context`: what a request is about, for the prompt context of the
/// user's beliefs (`PromptSelector`). Naming nothing considers every belief.
struct ContextBody: Sendable, Codable {
  /// Belief keys the request names.
  var keys: [BeliefKey]?
  /// Key prefixes.
  var keyPrefixes: [String]?
  /// Tags.
  var tags: [String]?
  /// The budget (default 20 beliefs, no character limit).
  var budget: PromptBudget?
  /// How many relevant but excluded beliefs to list (default 0).
  var excludedLimit: Int?
  /// The situation the prompt is for (a `ContextID` such as `surface:onboarding`, not the
  /// prompt context this route returns): beliefs that list it are estimated from its prior,
  /// the others from their own (default none).
  var context: ContextID?

  /// The largest belief budget, character budget and excluded limit accepted: the selector
  /// sizes its buffers by them, so an unchecked 10^16 would ask for petabytes.
  static let limits = (beliefs: 10_000, characters: 1_000_000, excluded: 10_000)

  /// A 400 naming the first field out of range, or `nil`.
  var problem: HTTPProblem? {
    let checks: [(String, Int?, Int)] = [
      ("budget.beliefs", budget?.beliefs, Self.limits.beliefs),
      ("budget.characters", budget?.characters, Self.limits.characters),
      ("excludedLimit", excludedLimit, Self.limits.excluded),
    ]
    for (field, value, maximum) in checks {
      guard let value, !(0...maximum).contains(value) else { continue }
      return HTTPProblem(
        code: "numberOutOfRange", category: .invalidInput,
        detail: "\(field) must be in 0...\(maximum)",
        members: ["field": field, "value": "\(value)"])
    }
    return nil
  }

  /// The library's request.
  var request: PromptQuery {
    PromptQuery(
      keys: keys ?? [], keyPrefixes: keyPrefixes ?? [], tags: tags ?? [],
      budget: budget ?? PromptBudget(beliefs: 20), excludedLimit: excludedLimit ?? 0)
  }
}
