/// One record of a journal: its sequence number and its payload.
package struct JournalRecord: Sendable, Hashable {
  /// The record's sequence number; consecutive within a journal.
  package let sequence: UInt64
  /// The bytes appended (an ``OperationCodec`` payload in the store).
  package let payload: [UInt8]

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - sequence: Its sequence number.
  ///   - payload: Its bytes.
  package init(sequence: UInt64, payload: [UInt8]) {
    self.sequence = sequence
    self.payload = payload
  }
}
