import Foundation

extension ReactionLikelihood {
  /// The evidence a reaction becomes, one item per stance with a nonzero weight, in the
  /// candidate's stance order. Pure: the model is only read.
  ///
  /// Every stance of the candidate the user reacted to must name a belief the model declares:
  /// a stance on an unknown key (a typo, a belief not yet published) is an error, never
  /// silently dropped, so the caller learns that part of the reaction would be lost.
  ///
  /// ```swift
  /// let items = try ReactionLikelihood().evidence(for: reaction, to: response, in: model)
  /// ```
  ///
  /// - Parameters:
  ///   - reaction: The reaction.
  ///   - response: The response it is to.
  ///   - model: The user's model (for the beliefs' outcomes).
  ///   - context: The context the response was shown in (an app surface), carried by every item
  ///     (``Evidence/context``), or `nil` (default).
  /// - Returns: The evidence items (possibly none, for example for a middle rating).
  /// - Throws: ``ModelError/unknownCandidate(response:candidate:)`` when the response has no
  ///   such candidate; ``ModelError/unknownBelief(_:)`` when one of its stances names a belief
  ///   the model does not declare; ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a NaN or out-of-scale rating,
  ///   an empty scale or a bad weight; ``ModelError/undefined(quantity:reason:)`` when an edit
  ///   names a belief the candidate has no stance on; ``ModelError/unknownOutcome(belief:outcome:)``
  ///   for a stance outcome the belief lacks.
  public func evidence(
    for reaction: Reaction, to response: AssistantResponse, in model: UserModel,
    context: ContextID? = nil
  ) throws(ModelError) -> [Evidence] {
    try validate()
    try Check.finite(reaction.observedAt.timeIntervalSinceReferenceDate, field: "observedAt")
    let candidate = try response.candidate(reaction.candidate)
    try check(reaction.kind, candidate)
    for stance in candidate.stances where model.definition(for: stance.belief) == nil {
      throw .unknownBelief(stance.belief)
    }
    let maximum = candidate.stances.map(\.importance).max() ?? 0
    guard maximum > 0 else { return [] }
    var items: [Evidence] = []
    for stance in candidate.stances where stance.importance > 0 {
      guard let definition = model.definition(for: stance.belief) else {
        throw .unknownBelief(stance.belief)
      }
      let (category, signed) = Self.direction(of: reaction.kind, for: stance.belief)
      let weight = weight(of: category) * abs(signed) * stance.importance / maximum
      guard weight > 0 else { continue }
      let content = try Self.content(of: stance, in: definition, positive: signed > 0)
      items.append(
        Evidence(
          id: Self.id(response.id, candidate.id, reaction.kind, stance.belief),
          belief: stance.belief, content: content, weight: weight,
          source: source(of: category), observedAt: reaction.observedAt, context: context,
          metadata: [
            "response": response.id.rawValue, "candidate": candidate.id.rawValue,
            "reaction": reaction.kind.name,
          ]))
    }
    return items
  }

  private func check(_ kind: ReactionKind, _ candidate: Candidate) throws(ModelError) {
    switch kind {
    case .accepted, .rejected: return
    case .edited(let contradicting):
      for key in contradicting.sorted()
      where !candidate.stances.contains(where: { $0.belief == key }) {
        throw .undefined(
          quantity: "edit of candidate \(candidate.id)",
          reason: "it names belief \(key), on which the candidate takes no stance")
      }
    case .rated(let value, let scale):
      try Check.finite(value, field: "rating")
      try Check.finite(scale.lowerBound, field: "rating scale lower bound")
      try Check.finite(scale.upperBound, field: "rating scale upper bound")
      guard scale.upperBound > scale.lowerBound else {
        throw .numberOutOfRange(
          field: "rating scale", value: scale.upperBound - scale.lowerBound,
          allowed: "an upper bound above the lower bound")
      }
      guard scale.contains(value) else {
        throw .numberOutOfRange(
          field: "rating", value: value, allowed: "\(scale.lowerBound)...\(scale.upperBound)")
      }
    }
  }

  /// The category of a reaction for one stance, and its signed strength in `-1...1`.
  static func direction(of kind: ReactionKind, for belief: BeliefKey) -> (
    ReactionCategory, Double
  ) {
    switch kind {
    case .accepted: return (.accepted, 1)
    case .rejected: return (.rejected, -1)
    case .edited(let contradicting):
      return contradicting.contains(belief) ? (.editChanged, -1) : (.editKept, 1)
    case .rated(let value, let scale):
      let position = (value - scale.lowerBound) / (scale.upperBound - scale.lowerBound)
      return (.rated, 2 * position - 1)
    }
  }

  /// Content proportional to `q` (positive) or `1 - q` (negative); one outcome when all the
  /// mass is on one.
  static func content(of stance: Stance, in definition: BeliefDefinition, positive: Bool)
    throws(ModelError) -> EvidenceContent
  {
    let masses = try stance.assertion.masses(for: definition)
    let q = masses.map { stance.isDenial ? 1 - $0 : $0 }
    let direction = q.map { positive ? $0 : 1 - $0 }
    let total = direction.reduce(0, +)
    guard total > 0 else {
      throw .undefined(
        quantity: "reaction evidence on \(definition.key)", reason: "the stance leaves no outcome")
    }
    if let single = direction.firstIndex(where: { $0 == total }) {
      return .outcome(definition.outcomes[single])
    }
    var distribution: [String: Double] = [:]
    for (k, value) in direction.enumerated() where value > 0 {
      distribution[definition.outcomes[k]] = value / total
    }
    return .distribution(distribution)
  }

  /// `rx:<response>/<candidate>/<kind>/<belief>`, or a hash of it when too long.
  static func id(
    _ response: ResponseID, _ candidate: CandidateID, _ kind: ReactionKind, _ belief: BeliefKey
  ) -> EvidenceID {
    let raw = "rx:\(response.rawValue)/\(candidate.rawValue)/\(kind.name)/\(belief.rawValue)"
    if let id = try? EvidenceID(raw) { return id }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in raw.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return EvidenceID(unchecked: "rx:" + String(repeating: "0", count: 16 - hex.count) + hex)
  }
}
