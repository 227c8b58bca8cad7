public import Foundation

extension UserModel {
  /// Appends one piece of evidence to the ledger and folds it in, without the before/after
  /// report of ``record(_:at:)-(Evidence,_)``: the lean path for replays and for servers that
  /// record many observations and read estimates separately.
  ///
  /// It validates exactly like ``record(_:at:)-(Evidence,_)`` and is idempotent in the same
  /// way: an id already recorded with the same content changes nothing.
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - now: The current time, for the future-tolerance check.
  /// - Returns: `true` if the evidence was recorded, `false` if it was a duplicate.
  /// - Throws: The ``ModelError`` naming what was wrong; the model is unchanged. An id already
  ///   recorded with other content is ``ModelError/evidenceIDReused(_:)``, whether or not the
  ///   new content is valid.
  @discardableResult
  public mutating func append(_ evidence: Evidence, at now: Date) throws(ModelError) -> Bool {
    ledger.prefetch(evidence.id)
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    guard let resolved = try resolveUnlessRepeated(evidence, now: now) else { return false }
    if let earlier = ledger.insert(evidence) {
      guard ledger[earlier] == evidence else { throw .evidenceIDReused(evidence.id) }
      return false
    }
    apply(resolved)
    return true
  }
}

extension UserModel {
  /// Resolves `evidence` (see `resolve(_:now:)`); when it fails, a repeat of an item recorded
  /// earlier is a duplicate even so, and an id reused for other content is refused as such.
  /// The id is looked up only then, after the checks, so that its index slot can load while
  /// they run (`Ledger.prefetch(_:)`).
  ///
  /// - Returns: The resolved item, or `nil` for a repeat of an item recorded earlier that
  ///   would fail now.
  @inline(__always)
  func resolveUnlessRepeated(_ evidence: Evidence, now: Date) throws(ModelError)
    -> ResolvedEvidence?
  {
    do {
      return try resolve(evidence, now: now)
    } catch {
      try acceptRepeat(of: evidence, afterFailing: error)
      return nil
    }
  }

  /// The verdict on an item that failed its checks with `error`: it returns if the ledger
  /// holds the same item under its id (a repeat is a duplicate even if it would fail now),
  /// and throws ``ModelError/evidenceIDReused(_:)`` if it holds other content, else `error`.
  /// Every recording path (`append`, `record`, the journal replay) decides this here.
  func acceptRepeat(of item: Evidence, afterFailing error: ModelError) throws(ModelError) {
    guard let earlier = ledger.item(withID: item.id) else { throw error }
    guard earlier == item else { throw .evidenceIDReused(item.id) }
  }

  /// Reserves room for `count` more evidence items in the ledger and its index, so replaying a
  /// journal of known length neither regrows nor rehashes them (and leaves no growth slack in
  /// memory).
  ///
  /// - Parameter count: The number of items about to be recorded.
  package mutating func reserveCapacity(forAdditionalEvidence count: Int) {
    guard count > 0 else { return }
    ledger.reserveCapacity(count)
  }
}
