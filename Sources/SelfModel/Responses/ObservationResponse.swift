/// An ``ObservationResult`` as a response body: which ids were recorded or were duplicates,
/// and for each belief that changed, the estimates before and after and each outcome's shift
/// by name.
///
/// ```swift
/// let result = try await store.record(evidence, for: user, at: now)
/// let body = try JSONEncoder().encode(try result.response())
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct ObservationResponse: Sendable, Hashable, Codable {
  /// How one outcome's probability moved.
  public struct Shift: Sendable, Hashable, Codable {
    /// The outcome's name.
    public let outcome: String
    /// Its probability before.
    public let before: Double
    /// Its probability after.
    public let after: Double
    /// `after - before`.
    public let shift: Double
  }

  /// How one belief changed.
  public struct Change: Sendable, Hashable, Codable {
    /// The belief.
    public let belief: BeliefKey
    /// Each outcome's probability shift, in the belief's order.
    public let shifts: [Shift]
    /// `after.uncertainty - before.uncertainty`.
    public let uncertaintyShift: Double
    /// The estimate before the evidence.
    public let before: EstimateResponse
    /// The estimate after it.
    public let after: EstimateResponse
  }

  /// The ids recorded now.
  public let recorded: [EvidenceID]
  /// The ids the ledger already held (counted once).
  public let duplicates: [EvidenceID]
  /// One change per belief the evidence touched.
  public let changes: [Change]

  /// Builds the response of `result`.
  ///
  /// ```swift
  /// let response = try ObservationResponse(result)
  /// ```
  ///
  /// - Parameters:
  ///   - result: The result.
  ///   - level: The credibility of the estimates' intervals; default ``BeliefEstimate/defaultCredibleLevel`` (0.95).
  /// - Throws: A number error for an invalid `level`.
  public init(_ result: ObservationResult, level: Double = BeliefEstimate.defaultCredibleLevel)
    throws(ModelError)
  {
    recorded = result.recorded
    duplicates = result.duplicates
    var changes: [Change] = []
    for change in result.changes {
      let before = change.before.probabilities
      let after = change.after.probabilities
      let shifts = change.after.outcomes.indices.map { index in
        Shift(
          outcome: change.after.outcomes[index], before: before.element(at: index),
          after: after[index], shift: after[index] - before.element(at: index))
      }
      changes.append(
        Change(
          belief: change.key, shifts: shifts, uncertaintyShift: change.uncertaintyShift,
          before: try EstimateResponse(change.before, level: level),
          after: try EstimateResponse(change.after, level: level)))
    }
    self.changes = changes
  }
}
