extension ModelError {
  /// What kind of failure this is: most cases (an empty or degenerate population fit among
  /// them) are ``ErrorCategory/invalidInput``; an unknown
  /// belief, source, candidate or context is ``ErrorCategory/notFound``; a duplicate belief, an incompatible
  /// redeclaration, a reused evidence id, a change to a catalogue entry through a model or an
  /// incompatible catalogue is ``ErrorCategory/conflict``.
  ///
  /// ```swift
  /// ModelError.unknownBelief("preference.concise").category  // .notFound
  /// ```
  public var category: ErrorCategory {
    // One line per category: a new case joins the list of its category.
    switch self {
    case .invalidIdentifier, .nonFiniteNumber, .numberOutOfRange, .invalidText, .tooFewOutcomes,
      .duplicateOutcome, .invalidDistribution, .unknownOutcome, .evidenceFromFuture,
      .unsupportedFormatVersion, .corruptSnapshot, .undefined, .emptyPopulation, .degenerateFit,
      .unsupportedForDynamicBelief:
      .invalidInput
    case .unknownBelief, .unknownSource, .unknownCandidate, .unknownContext:
      .notFound
    case .duplicateBelief, .incompatibleRedeclaration, .evidenceIDReused, .definedByCatalogue,
      .incompatibleCatalogue:
      .conflict
    }
  }

  /// The case's name, such as `"unknownBelief"`: a stable code for clients and logs.
  ///
  /// ```swift
  /// ModelError.unknownSource("crm").code  // "unknownSource"
  /// ```
  public var code: String {
    if let label = Mirror(reflecting: self).children.first?.label { return label }
    return String(describing: self)
  }

  /// The error as an RFC 9457 problem document, with extension members naming the field,
  /// belief, outcome, source or evidence involved.
  ///
  /// ```swift
  /// let problem = ModelError.unknownOutcome(belief: "tone", outcome: "rude").problem
  /// problem.status              // 400
  /// problem.members["outcome"]  // "rude"
  /// ```
  public var problem: ProblemDocument {
    ProblemDocument(code: code, category: category, detail: description, members: members)
  }

  private var members: [String: String] {
    switch self {
    case .invalidIdentifier(let kind, let value, _): ["field": kind, "value": value]
    case .nonFiniteNumber(let field), .numberOutOfRange(let field, _, _),
      .invalidText(let field, _), .invalidDistribution(let field, _):
      ["field": field]
    case .tooFewOutcomes(let belief, _), .unknownBelief(let belief), .duplicateBelief(let belief),
      .incompatibleRedeclaration(let belief, _), .unsupportedForDynamicBelief(let belief, _):
      ["belief": belief.rawValue]
    case .duplicateOutcome(let belief, let outcome), .unknownOutcome(let belief, let outcome):
      ["belief": belief.rawValue, "outcome": outcome]
    case .unknownSource(let source): ["source": source.rawValue]
    case .unknownCandidate(let response, let candidate):
      ["response": response.rawValue, "candidate": candidate.rawValue]
    case .unknownContext(let belief?, let context):
      ["belief": belief.rawValue, "context": context.rawValue]
    case .unknownContext(nil, let context): ["context": context.rawValue]
    case .evidenceFromFuture(let evidence, let field, _):
      ["evidence": evidence.rawValue, "field": field]
    case .evidenceIDReused(let evidence): ["evidence": evidence.rawValue]
    case .undefined(let quantity, _): ["field": quantity]
    case .emptyPopulation(let belief?): ["belief": belief.rawValue]
    case .degenerateFit(let belief, let context, let outcome):
      ["belief": belief.rawValue, "outcome": outcome].merging(
        context.map { ["context": $0.rawValue] } ?? [:], uniquingKeysWith: { first, _ in first })
    default: [:]
    }
  }
}
