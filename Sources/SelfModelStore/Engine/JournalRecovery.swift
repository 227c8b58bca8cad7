/// What ``JournalFile/open(path:fileSystem:baseSequence:salvage:binding:)`` found and did.
package struct JournalRecovery: Sendable, Hashable {
  /// The valid records, in order.
  package let records: [JournalRecord]
  /// Bytes cut off the journal on open, from its logical end to the last non-zero byte of the
  /// file: a torn tail, or everything from the damage on in salvage mode. They are overwritten
  /// with zeros, not truncated (the file keeps its preallocated size). 0 for a clean file,
  /// whose free space after the logical end is all zero.
  package let truncatedBytes: Int
  /// The offset of the damage that salvage mode cut off, else `nil`.
  package let salvagedFrom: Int?
  /// The path of the copy of the damaged file that salvage mode kept, else `nil`.
  package let damagedCopy: String?
  /// The sequence number the next record would get (set by ``JournalFile/inspect(path:fileSystem:binding:)``).
  package var nextSequence: UInt64?

  /// Creates a recovery report.
  ///
  /// - Parameters:
  ///   - records: The valid records.
  ///   - truncatedBytes: Bytes cut off (erased).
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
