/// What ``JournalFile/open(path:fileSystem:baseSequence:salvage:)`` found and did.
package struct JournalRecovery: Sendable, Hashable {
  /// The valid records, in order.
  package let records: [JournalRecord]
  /// Bytes removed from the end of the file on open: a torn tail, plus everything from the
  /// damage on in salvage mode; 0 for a clean file.
  package let truncatedBytes: Int
  /// The offset of the damage that salvage mode cut off, else `nil`.
  package let salvagedFrom: Int?
  /// The path of the copy of the damaged file that salvage mode kept, else `nil`.
  package let damagedCopy: String?

  /// Creates a recovery report.
  ///
  /// - Parameters:
  ///   - records: The valid records.
  ///   - truncatedBytes: Bytes removed.
  ///   - salvagedFrom: Where salvage cut.
  ///   - damagedCopy: The copy kept aside.
  package init(
    records: [JournalRecord], truncatedBytes: Int, salvagedFrom: Int? = nil,
    damagedCopy: String? = nil
  ) {
    self.records = records
    self.truncatedBytes = truncatedBytes
    self.salvagedFrom = salvagedFrom
    self.damagedCopy = damagedCopy
  }
}
