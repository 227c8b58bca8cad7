/// What ``UserModel/record(_:at:)-(Evidence,_)`` did: which evidence it recorded, which it
/// recognised as already recorded, and how each affected belief moved.
public struct ObservationResult: Sendable, Hashable, Codable {
  /// Ids newly added to the ledger, in order.
  public let recorded: [EvidenceID]
  /// Ids that were already recorded with the same content, and so changed nothing.
  public let duplicates: [EvidenceID]
  /// One entry per belief that received new evidence, in the order first touched.
  public let changes: [BeliefChange]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - recorded: Newly recorded ids.
  ///   - duplicates: Ids recognised as duplicates.
  ///   - changes: Per-belief changes.
  public init(recorded: [EvidenceID], duplicates: [EvidenceID], changes: [BeliefChange]) {
    self.recorded = recorded
    self.duplicates = duplicates
    self.changes = changes
  }
}

/// How one belief moved: its estimate before and after, both evaluated at the same moment.
public struct BeliefChange: Sendable, Hashable, Codable {
  /// The estimate before the change.
  public let before: BeliefEstimate
  /// The estimate after the change.
  public let after: BeliefEstimate

  /// Creates a change.
  ///
  /// - Parameters:
  ///   - before: The earlier estimate.
  ///   - after: The later estimate of the same belief.
  public init(before: BeliefEstimate, after: BeliefEstimate) {
    self.before = before
    self.after = after
  }

  /// The belief's key.
  public var key: BeliefKey { after.key }

  /// `after.p_k - before.p_k` for each outcome.
  public var probabilityShift: [Double] {
    zip(after.probabilities, before.probabilities).map { $0 - $1 }
  }

  /// `after.u - before.u`: negative when evidence made us surer.
  public var uncertaintyShift: Double { after.uncertainty - before.uncertainty }
}
