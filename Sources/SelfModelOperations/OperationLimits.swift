/// The bounds of every number and list a caller sets, stated once for every edge.
///
/// The HTTP service and the MCP server enforce these through ``Operations`` and write their
/// schemas from them (their tests compare the two), so a client meets the same limits on every
/// edge. Each bound is chosen so that no accepted request costs more than a few milliseconds of
/// a 1,000-belief user's time on a two-core machine.
///
/// ```swift
/// var limits = OperationLimits.standard
/// limits.maximumBatchSize = 100
/// let operations = Operations(store: store, limits: limits)
/// ```
public struct OperationLimits: Sendable, Hashable, Codable {
  /// The most evidence items one record call takes (all or none).
  public var maximumBatchSize: Int
  /// The most beliefs a prompt context's budget asks for.
  public var maximumPromptBeliefs: Int
  /// The most characters a prompt context's budget allows.
  public var maximumPromptCharacters: Int
  /// The most excluded entries a prompt context reports.
  public var maximumPromptExcluded: Int
  /// The most evidence items an explanation lists.
  public var maximumExplanationItems: Int
  /// The most questions a next-questions call returns.
  public var maximumQuestions: Int
  /// The most candidates a ranking or a reaction's response holds.
  public var maximumCandidates: Int
  /// The most users one page lists.
  public var maximumPageSize: Int

  /// The limits every edge uses unless configured otherwise.
  public static let standard = OperationLimits(
    maximumBatchSize: 1_000, maximumPromptBeliefs: 1_000, maximumPromptCharacters: 1_000_000,
    maximumPromptExcluded: 1_000, maximumExplanationItems: 1_000, maximumQuestions: 1_000,
    maximumCandidates: 100, maximumPageSize: 1_000)

  /// Creates limits.
  ///
  /// - Parameters:
  ///   - maximumBatchSize: Evidence items per record call.
  ///   - maximumPromptBeliefs: Beliefs per prompt context.
  ///   - maximumPromptCharacters: Characters per prompt context.
  ///   - maximumPromptExcluded: Excluded entries per prompt context.
  ///   - maximumExplanationItems: Evidence items per explanation.
  ///   - maximumQuestions: Questions per next-questions call.
  ///   - maximumCandidates: Candidates per ranking or reaction.
  ///   - maximumPageSize: Users per page.
  public init(
    maximumBatchSize: Int, maximumPromptBeliefs: Int, maximumPromptCharacters: Int,
    maximumPromptExcluded: Int, maximumExplanationItems: Int, maximumQuestions: Int,
    maximumCandidates: Int, maximumPageSize: Int
  ) {
    self.maximumBatchSize = maximumBatchSize
    self.maximumPromptBeliefs = maximumPromptBeliefs
    self.maximumPromptCharacters = maximumPromptCharacters
    self.maximumPromptExcluded = maximumPromptExcluded
    self.maximumExplanationItems = maximumExplanationItems
    self.maximumQuestions = maximumQuestions
    self.maximumCandidates = maximumCandidates
    self.maximumPageSize = maximumPageSize
  }
}
