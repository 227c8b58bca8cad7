/// What a belief is about: its key, a human statement, its possible outcomes and their base
/// rates (the prior).
///
/// A binary belief ("prefers concise answers") has the outcomes ``trueOutcome`` and
/// ``falseOutcome``; a categorical one ("tone: formal | casual | playful") lists its outcomes.
/// Both use the same Dirichlet machinery; see ``UserModel``. Mutually exclusive statements
/// belong in one categorical belief, where they share probability mass instead of
/// contradicting each other.
///
/// ```swift
/// let concise = try BeliefDefinition.binary("preference.concise", statement: "Prefers concise answers")
/// let tone = try BeliefDefinition(
///   key: "preference.tone", statement: "Preferred tone",
///   outcomes: ["formal", "casual", "playful"])
/// ```
public struct BeliefDefinition: Sendable, Hashable {
  /// The outcome name a binary belief uses for "the statement holds".
  public static let trueOutcome = "true"
  /// The outcome name a binary belief uses for "the statement does not hold".
  public static let falseOutcome = "false"

  /// The belief's key, unique within a ``UserModel``.
  public let key: BeliefKey
  /// A human sentence saying what the belief is about.
  public let statement: String
  /// The possible outcomes, at least two, each name unique.
  public let outcomes: [String]
  /// The prior probability of each outcome, in the order of ``outcomes``; each strictly between
  /// 0 and 1, summing to 1.
  public let baseRates: [Double]
  /// Labels an application selects beliefs by (for example `"style"` or `"coding"`): at most
  /// 32, each 1 to 64 bytes without control characters, no two equal. Default none.
  public let tags: [String]
  /// How much the belief matters relative to others when a request's context is chosen,
  /// finite, greater than 0 and at most 1,000. Default 1.
  public let importance: Double
  /// The belief's own prior weight `W`, or `nil` (default) for the policy's
  /// ``RevisionPolicy/priorWeight``. Fitted from the population by `PopulationPriorFit`.
  public let priorWeight: Double?
  /// Contexts with a prior of their own (see ``ContextPrior``); ``prior(in:)`` resolves one.
  /// At most ``maximumContextCount``. Default none.
  public let contexts: [ContextID: ContextPrior]
  /// How the belief changes: ``BeliefKind/counted`` (default) or
  /// ``BeliefKind/dynamic(_:)``, set by
  /// ``dynamic(_:statement:parameters:tags:importance:)``.
  public internal(set) var kind: BeliefKind = .counted

  /// The most tags one belief may carry.
  public static let maximumTagCount = 32
  /// The largest ``importance`` a belief may have.
  public static let maximumImportance = 1_000.0

  /// Creates a belief definition after validating it.
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - statement: A human sentence, 1 to 1,000 bytes, no control characters.
  ///   - outcomes: Two or more distinct names of 1 to 64 bytes.
  ///   - baseRates: The prior of each outcome; `nil` means uniform. Each must be in `(0, 1)` and
  ///     they must sum to 1 within `1e-9`.
  ///   - tags: Labels to select the belief by, validated like outcome names; at most
  ///     ``maximumTagCount``, no duplicates (default none).
  ///   - importance: Relative importance in `(0, 1000]` (default 1).
  ///   - priorWeight: The belief's own `W`, finite and greater than 0, or `nil` (default) for
  ///     the policy's.
  ///   - contexts: Contexts with priors of their own (default none): base rates validated like
  ///     `baseRates`, weights like `priorWeight`, every parent listed, chains at most
  ///     ``maximumContextDepth`` long.
  /// - Throws: ``ModelError`` naming the first problem: ``ModelError/tooFewOutcomes(belief:count:)``,
  ///   ``ModelError/duplicateOutcome(belief:outcome:)``, ``ModelError/invalidText(field:reason:)``,
  ///   ``ModelError/invalidDistribution(field:reason:)``,
  ///   ``ModelError/unknownContext(belief:context:)`` for a parent that is not listed, and the
  ///   number errors.
  public init(
    key: BeliefKey, statement: String, outcomes: [String], baseRates: [Double]? = nil,
    tags: [String] = [], importance: Double = 1, priorWeight: Double? = nil,
    contexts: [ContextID: ContextPrior] = [:]
  ) throws(ModelError) {
    try Check.text(
      statement, field: "statement of belief \(key)", maximum: Check.maximumStatementLength)
    guard outcomes.count >= 2 else { throw .tooFewOutcomes(belief: key, count: outcomes.count) }
    var seen = Set<String>()
    for outcome in outcomes {
      try Check.text(
        outcome, field: "outcome name of belief \(key)", maximum: Check.maximumOutcomeLength)
      guard seen.insert(outcome).inserted else {
        throw .duplicateOutcome(belief: key, outcome: outcome)
      }
    }
    let rates = baseRates ?? Array(repeating: 1 / Double(outcomes.count), count: outcomes.count)
    try Self.validate(baseRates: rates, count: outcomes.count, field: "base rates of belief \(key)")
    try Self.validate(tags: tags, importance: importance, key: key)
    try Self.validate(
      priorWeight: priorWeight, contexts: contexts, outcomeCount: outcomes.count, key: key)
    self.key = key
    self.statement = statement
    self.outcomes = outcomes
    self.baseRates = rates
    self.tags = tags
    self.importance = importance
    self.priorWeight = priorWeight
    self.contexts = contexts
  }

  /// Creates a binary belief with outcomes ``trueOutcome`` and ``falseOutcome``.
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - statement: What holds when the outcome is ``trueOutcome``.
  ///   - baseRate: The prior probability that the statement holds, in `(0, 1)`.
  ///   - tags: Labels to select the belief by (default none).
  ///   - importance: Relative importance in `(0, 1000]` (default 1).
  ///   - priorWeight: The belief's own `W`, or `nil` (default) for the policy's.
  ///   - contexts: Contexts with priors of their own (default none).
  /// - Returns: The definition.
  /// - Throws: Like ``init(key:statement:outcomes:baseRates:tags:importance:priorWeight:contexts:)``.
  public static func binary(
    _ key: BeliefKey, statement: String, baseRate: Double = 0.5, tags: [String] = [],
    importance: Double = 1, priorWeight: Double? = nil, contexts: [ContextID: ContextPrior] = [:]
  ) throws(ModelError) -> BeliefDefinition {
    try BeliefDefinition(
      key: key, statement: statement, outcomes: [trueOutcome, falseOutcome],
      baseRates: [baseRate, 1 - baseRate], tags: tags, importance: importance,
      priorWeight: priorWeight, contexts: contexts)
  }

  /// Whether the outcomes are exactly ``trueOutcome`` then ``falseOutcome``.
  public var isBinary: Bool { outcomes == [Self.trueOutcome, Self.falseOutcome] }

  /// The position of `outcome` in ``outcomes``, or `nil` if the belief has no such outcome.
  ///
  /// - Parameter outcome: An outcome name.
  /// - Returns: Its index.
  public func index(of outcome: String) -> Int? {
    outcomes.firstIndex(of: outcome)
  }

  private static func validate(tags: [String], importance: Double, key: BeliefKey)
    throws(ModelError)
  {
    guard tags.count <= maximumTagCount else {
      throw .invalidText(
        field: "tags of belief \(key)",
        reason: "\(tags.count) tags; the maximum is \(maximumTagCount)")
    }
    var seen = Set<String>()
    for tag in tags {
      try Check.text(tag, field: "tag of belief \(key)", maximum: Check.maximumOutcomeLength)
      guard seen.insert(tag).inserted else {
        throw .invalidText(field: "tags of belief \(key)", reason: "\"\(tag)\" is listed twice")
      }
    }
    let field = "importance of belief \(key)"
    try Check.positive(importance, field: field)
    guard importance <= maximumImportance else {
      throw .numberOutOfRange(field: field, value: importance, allowed: "0 < importance <= 1000")
    }
  }

  static func validate(baseRates: [Double], count: Int, field: String) throws(ModelError) {
    guard baseRates.count == count else {
      throw .invalidDistribution(
        field: field, reason: "\(baseRates.count) rates for \(count) outcomes")
    }
    try Check.distribution(baseRates, field: field)
    for (index, rate) in baseRates.enumerated() where rate <= 0 || rate >= 1 {
      throw .numberOutOfRange(field: "\(field)[\(index)]", value: rate, allowed: "0 < rate < 1")
    }
  }
}

extension BeliefDefinition: Codable {
  private enum CodingKeys: String, CodingKey {
    case key, statement, outcomes, baseRates, tags, importance, priorWeight, contexts, dynamic
  }

  /// Decodes a definition and validates it like
  /// ``init(key:statement:outcomes:baseRates:tags:importance:priorWeight:contexts:)``; missing
  /// `tags`, `importance`, `priorWeight` and `contexts` (files written before they existed)
  /// read as none, 1, `nil` and none. A `dynamic` member (knowledge-tracing parameters) makes
  /// it a dynamic belief, validated like
  /// ``dynamic(_:statement:parameters:tags:importance:)``; without it the belief is counted.
  ///
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.dynamic) {
      self = try Self(decodingDynamic: decoder)
      return
    }
    self = try DecodingError.validating(decoder) {
      try Self(
        key: container.decode(BeliefKey.self, forKey: .key),
        statement: container.decode(String.self, forKey: .statement),
        outcomes: container.decode([String].self, forKey: .outcomes),
        baseRates: container.decode([Double].self, forKey: .baseRates),
        tags: container.decodeIfPresent([String].self, forKey: .tags) ?? [],
        importance: container.decodeIfPresent(Double.self, forKey: .importance) ?? 1,
        priorWeight: container.decodeIfPresent(Double.self, forKey: .priorWeight),
        contexts: container.decodeIfPresent([ContextID: ContextPrior].self, forKey: .contexts)
          ?? [:])
    }
  }

  /// Encodes the key, statement, outcomes and base rates, then `tags`, `importance`,
  /// `priorWeight` and `contexts` only when they differ from their defaults (so documents
  /// without them stay byte-identical), and `dynamic` for a dynamic belief.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(key, forKey: .key)
    try container.encode(statement, forKey: .statement)
    try container.encode(outcomes, forKey: .outcomes)
    try container.encode(baseRates, forKey: .baseRates)
    if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    if importance != 1 { try container.encode(importance, forKey: .importance) }
    try container.encodeIfPresent(priorWeight, forKey: .priorWeight)
    if !contexts.isEmpty { try container.encode(contexts, forKey: .contexts) }
    if let parameters = kind.knowledgeTracingParameters {
      try container.encode(parameters, forKey: .dynamic)
    }
  }
}
