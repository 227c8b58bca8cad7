/// How ``PopulationPriorFit`` counts evidence and fits: the policy for degenerate fits, the
/// fewest users a context needs for a `W` of its own, and whether old outcomes count less.
///
/// ```swift
/// let options = PopulationFitOptions(degenerateFits: .structural(weight: 1_000))
/// ```
public struct PopulationFitOptions: Sendable, Hashable, Codable {
  /// What to do when a belief or context is degenerate (default ``DegenerateFitPolicy/refuse``).
  public var degenerateFits: DegenerateFitPolicy
  /// The fewest users with a trial a context needs for its `W` to be fitted and published;
  /// a context with fewer gets its shrunk base rates and inherits `W` from its parent (one
  /// user's counts cannot show how users differ). At least 1; default 10.
  public var minimumUsersForWeight: Int
  /// How outcomes fade with age, or `nil` (default) for whole-number, undecayed counts
  /// (the fit of earlier versions, bit for bit).
  public var decay: PopulationDecay?

  /// Creates options.
  ///
  /// - Parameters:
  ///   - degenerateFits: The policy for degenerate fits.
  ///   - minimumUsersForWeight: The fewest users for a context's own `W`; values below 1
  ///     count as 1.
  ///   - decay: How outcomes fade with age, or `nil` for none.
  public init(
    degenerateFits: DegenerateFitPolicy = .refuse, minimumUsersForWeight: Int = 10,
    decay: PopulationDecay? = nil
  ) {
    self.degenerateFits = degenerateFits
    self.minimumUsersForWeight = max(minimumUsersForWeight, 1)
    self.decay = decay
  }
}
