extension UserModel {
  /// Forgets one evidence item: afterwards the model is as if it had never been recorded.
  ///
  /// - Parameter id: The evidence id.
  /// - Returns: The forgotten evidence, or `nil` if the ledger did not hold it.
  @discardableResult
  public mutating func forget(evidence id: EvidenceID) -> Evidence? {
    guard let item = ledger.item(withID: id) else { return nil }
    remove { $0.id == id }
    return item
  }

  /// Forgets every evidence item from `source`. The source stays registered, so new evidence
  /// from it is still accepted; the model is as if its past evidence had never been recorded.
  ///
  /// - Parameter source: The source.
  /// - Returns: The forgotten evidence, in ledger order.
  @discardableResult
  public mutating func forget(source: SourceID) -> [Evidence] {
    let removed = ledger.filter { $0.source == source }
    if !removed.isEmpty { remove { $0.source == source } }
    return removed
  }

  private mutating func remove(where predicate: (Evidence) -> Bool) {
    let affected = Set(ledger.filter(predicate).map(\.belief))
    ledger.removeAll(where: predicate)
    for key in affected {
      if let index = beliefIndex(of: key) { (tallies[index], dynamicStates[index]) = (nil, nil) }
    }
    refold(where: { affected.contains($0.belief) })
  }
}
