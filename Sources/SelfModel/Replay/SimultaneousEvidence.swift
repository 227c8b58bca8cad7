/// How a ``Backtest`` (and the ``PolicyTuner``'s replays) treat evidence about one belief of
/// one user observed at the same moment.
///
/// Real data is often stamped coarsely: submissions by day, events by batch. Under
/// ``inLedgerOrder`` the second item of a day is predicted from the first, which a live
/// system stamped that coarsely could not have done; ``predictedTogether`` scores such data
/// honestly.
public enum SimultaneousEvidence: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each item is predicted from every item before it in the replay order (`observedAt`,
  /// then ledger order), including items with the same `observedAt`. The default.
  case inLedgerOrder
  /// Items with the same `observedAt` do not see each other: every observed outcome at that
  /// moment is predicted from the evidence before the moment, then all of the moment's items
  /// are applied.
  case predictedTogether
}
