/// One claim a candidate makes about the user: which belief, what it asserts (or denies), and
/// how much it matters.
///
/// A candidate reply that "gives a short, formal answer" takes two stances: it asserts that the
/// user prefers concise answers, and that the user's preferred tone is `formal`. Deriving
/// stances from text is the host application's job (often an LLM's); scoring them against a
/// ``UserModel`` is ``AlignmentScorer``'s.
///
/// The assertion is an ``EvidenceContent``: one outcome, or a distribution over outcomes. Its
/// *compatibility vector* over the belief's `K` outcomes is
///
///     q_k = mass the assertion puts on outcome k          (asserts)
///     q_k = 1 - mass the assertion puts on outcome k      (denies)
///
/// and the probability that the user holds what the candidate asserts is `sum_k p_k q_k`. A
/// denial is the exact negation of the assertion: its signed agreement is the assertion's with
/// the sign flipped (see ``AlignmentScorer``).
///
/// ```swift
/// let concise = try Stance(belief: "preference.concise", asserts: .holds, importance: 2)
/// let notFormal = try Stance(belief: "preference.tone", denies: .outcome("formal"))
/// let hedged = try Stance(
///   belief: "preference.tone", asserts: .distribution(["casual": 0.8, "playful": 0.2]))
/// ```
public struct Stance: Sendable, Hashable {
  /// The belief the stance is about.
  public let belief: BeliefKey
  /// The outcome or distribution over outcomes the stance asserts (or, when ``isDenial``,
  /// denies).
  public let assertion: EvidenceContent
  /// Whether the stance denies ``assertion`` instead of asserting it.
  public let isDenial: Bool
  /// How much the stance matters, finite and at least 0; only ratios between a candidate's
  /// stances matter.
  public let importance: Double
  /// ``KeyHash`` of ``belief``, computed once so that scoring does no string hashing.
  let keyHash: UInt64

  /// Creates a stance that asserts `assertion` about `belief`.
  ///
  /// Outcome names are checked against the belief when the stance is scored, because a stance
  /// is written without a model at hand.
  ///
  /// ```swift
  /// let stance = try Stance(belief: "preference.concise", asserts: .holds, importance: 2)
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - assertion: One outcome, or a distribution whose masses are in `0...1` and sum to 1.
  ///   - importance: Finite and at least 0 (default 1).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)``,
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a negative importance or a
  ///   mass outside `0...1`, and ``ModelError/invalidDistribution(field:reason:)`` for an
  ///   empty distribution, one that does not sum to 1, or a likelihood ratio or Jeffrey
  ///   target (evidence contents a stance cannot assert).
  public init(belief: BeliefKey, asserts assertion: EvidenceContent, importance: Double = 1)
    throws(ModelError)
  {
    try self.init(belief: belief, assertion: assertion, isDenial: false, importance: importance)
  }

  /// Creates a stance that denies `assertion` about `belief`: the candidate takes the user
  /// *not* to hold it.
  ///
  /// ```swift
  /// let stance = try Stance(belief: "preference.tone", denies: .outcome("formal"))
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - assertion: What is denied: one outcome, or a distribution (masses in `0...1`, sum 1).
  ///   - importance: Finite and at least 0 (default 1).
  /// - Throws: The same errors as ``init(belief:asserts:importance:)``.
  public init(belief: BeliefKey, denies assertion: EvidenceContent, importance: Double = 1)
    throws(ModelError)
  {
    try self.init(belief: belief, assertion: assertion, isDenial: true, importance: importance)
  }

  /// Creates a stance after validating it; the designated initialiser.
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - assertion: One outcome or a distribution.
  ///   - isDenial: Whether the stance denies the assertion.
  ///   - importance: Finite and at least 0.
  /// - Throws: The same errors as ``init(belief:asserts:importance:)``.
  public init(
    belief: BeliefKey, assertion: EvidenceContent, isDenial: Bool, importance: Double
  ) throws(ModelError) {
    let field = "importance of the stance on \(belief)"
    try Check.finite(importance, field: field)
    guard importance >= 0 else {
      throw .numberOutOfRange(field: field, value: importance, allowed: "0 or more")
    }
    switch assertion {
    case .outcome: break
    case .distribution(let masses): try Self.validate(masses, belief: belief)
    case .likelihoodRatio, .jeffrey:
      throw .invalidDistribution(
        field: "assertion of the stance on \(belief)",
        reason: "a stance asserts an outcome or a distribution, not a likelihood or a target")
    }
    self.belief = belief
    self.assertion = assertion
    self.isDenial = isDenial
    self.importance = importance
    self.keyHash = KeyHash.of(belief)
  }

  /// The opposite stance: an assertion becomes a denial and vice versa, with the same belief
  /// and importance.
  ///
  /// Its signed agreement with any model is exactly the negative of this stance's, so a
  /// candidate made of negated stances scores exactly `-score`.
  ///
  /// ```swift
  /// let yes = try Stance(belief: "preference.concise", asserts: .holds)
  /// yes.negated.isDenial  // true
  /// ```
  public var negated: Stance {
    Stance(
      validBelief: belief, assertion: assertion, isDenial: !isDenial, importance: importance,
      keyHash: keyHash)
  }

  private init(
    validBelief belief: BeliefKey, assertion: EvidenceContent, isDenial: Bool,
    importance: Double, keyHash: UInt64
  ) {
    self.belief = belief
    self.assertion = assertion
    self.isDenial = isDenial
    self.importance = importance
    self.keyHash = keyHash
  }

  private static func validate(_ masses: [String: Double], belief: BeliefKey) throws(ModelError) {
    let field = "asserted distribution of the stance on \(belief)"
    guard !masses.isEmpty else { throw .invalidDistribution(field: field, reason: "it is empty") }
    let sorted = masses.sorted { $0.key < $1.key }
    for (name, mass) in sorted {
      try Check.unitInterval(mass, field: "\(field)[\(name)]")
    }
    try Check.distribution(sorted.map(\.value), field: field)
  }
}
