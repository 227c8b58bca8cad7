/// How a reaction to a candidate becomes evidence about the beliefs the candidate's stances
/// touched: the documented likelihood model of the personalization loop.
///
/// **Direction.** A stance has a compatibility vector `q` over its belief's outcomes (see
/// ``Stance``): `q_k` is the mass the assertion puts on outcome `k`, or `1 - mass` for a
/// denial. A positive reaction is evidence with content proportional to `q` (the user holds
/// what the stance asserted); a negative one, proportional to `1 - q` (anything else). A hard
/// single-outcome assertion thus gives hard evidence (`.holds`, or the other outcomes
/// spread evenly), and a stance that asserted a distribution gives soft evidence (accepting a
/// 70/30 stance adds 0.7/0.3).
///
/// **Diagnosticity.** Each item's weight is
///
///     w = categoryWeight * importance_i / max_j importance_j      (j over the candidate's stances)
///
/// | reaction | direction | category weight (default) |
/// |---|---|---|
/// | accepted | for every stance | ``acceptedWeight`` (1.0) |
/// | rejected | against every stance | ``rejectedWeight`` (1.0): as diagnostic as an acceptance when acceptance grows with the share of matching stances |
/// | edited, stance kept | for | ``editKeptWeight`` (0.5): keeping is weaker than accepting |
/// | edited, stance reversed | against | ``editChangedWeight`` (1.0): the edit says exactly which |
/// | rated `v` on `lo...hi` | for if `s > 0`, against if `s < 0` | ``ratingWeight`` (1.0) times `abs(s)`, `s = 2 (v - lo) / (hi - lo) - 1` |
///
/// A middle rating, a zero weight or a stance of importance 0 gives no evidence; stances on
/// beliefs the model has not declared are skipped (the ``AlignmentScorer`` counts them as
/// unknown too). The source's reliability multiplies every weight, as for any evidence.
///
/// **Tuning.** The weights are plain parameters an app can set. To fit them from outcomes,
/// route each category to its own source with ``sourceOverrides`` (for example a `.behavior`
/// source `reactions.rejected`); a ``PolicyTuner`` run on the users' ledgers then fits each
/// source's reliability by minimising backtest log loss, which is that category's weight
/// scaled, and the tuned policy applies it to every past and future item. See
/// `Docs/Personalization.md`.
///
/// **Ids.** Item ids are `rx:<response>/<candidate>/<kind>/<belief>` (or `rx:` and a 64-bit
/// FNV-1a hash of that text when it exceeds 256 bytes): a retried reaction produces the same
/// items and counts once; a second, different reaction of the same kind to the same candidate
/// is refused with ``ModelError/evidenceIDReused(_:)`` (forget the first to change it).
///
/// ```swift
/// var likelihood = ReactionLikelihood(source: "reactions")
/// likelihood.rejectedWeight = 0.3
/// let items = try likelihood.evidence(for: reaction, to: response, in: model)
/// ```
public struct ReactionLikelihood: Sendable, Hashable, Codable {
  /// The source reaction evidence comes from, unless ``sourceOverrides`` names another
  /// (default `reactions`); it must be registered in the model.
  public var source: SourceID
  /// Per-category sources, so that a ``PolicyTuner`` can fit each category's reliability.
  public var sourceOverrides: [ReactionCategory: SourceID]
  /// Weight of an acceptance, per stance (default 1).
  public var acceptedWeight: Double
  /// Weight of a rejection, per stance (default 1).
  public var rejectedWeight: Double
  /// Weight of an edit for a stance it kept (default 0.5).
  public var editKeptWeight: Double
  /// Weight of an edit against a stance it reversed (default 1).
  public var editChangedWeight: Double
  /// Weight of a best or worst rating (default 1); ratings in between scale linearly to 0 at
  /// the middle of the scale.
  public var ratingWeight: Double

  /// Creates a likelihood model; every argument has the documented default.
  ///
  /// - Parameters:
  ///   - source: The source of reaction evidence.
  ///   - sourceOverrides: Per-category sources.
  ///   - acceptedWeight: Weight of an acceptance.
  ///   - rejectedWeight: Weight of a rejection.
  ///   - editKeptWeight: Weight of a kept stance in an edit.
  ///   - editChangedWeight: Weight of a reversed stance in an edit.
  ///   - ratingWeight: Weight of an extreme rating.
  public init(
    source: SourceID = "reactions", sourceOverrides: [ReactionCategory: SourceID] = [:],
    acceptedWeight: Double = 1, rejectedWeight: Double = 1, editKeptWeight: Double = 0.5,
    editChangedWeight: Double = 1, ratingWeight: Double = 1
  ) {
    self.source = source
    self.sourceOverrides = sourceOverrides
    self.acceptedWeight = acceptedWeight
    self.rejectedWeight = rejectedWeight
    self.editKeptWeight = editKeptWeight
    self.editChangedWeight = editChangedWeight
    self.ratingWeight = ratingWeight
  }

  /// The weight of one category.
  ///
  /// - Parameter category: The category.
  /// - Returns: Its weight.
  public func weight(of category: ReactionCategory) -> Double {
    switch category {
    case .accepted: acceptedWeight
    case .rejected: rejectedWeight
    case .editKept: editKeptWeight
    case .editChanged: editChangedWeight
    case .rated: ratingWeight
    }
  }

  /// The source of one category's evidence.
  ///
  /// - Parameter category: The category.
  /// - Returns: ``sourceOverrides`` for it, or ``source``.
  public func source(of category: ReactionCategory) -> SourceID {
    sourceOverrides[category] ?? source
  }

  /// Checks that every weight is finite and at least 0.
  ///
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)``.
  public func validate() throws(ModelError) {
    for category in ReactionCategory.allCases {
      let value = weight(of: category)
      let field = "reaction weight of \(category.rawValue)"
      try Check.finite(value, field: field)
      guard value >= 0 && value <= Check.maximumWeight else {
        throw .numberOutOfRange(field: field, value: value, allowed: "0...1000000")
      }
    }
  }
}
