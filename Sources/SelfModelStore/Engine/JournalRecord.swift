/// One record of a journal: its sequence number and its payload.
///
/// A record read from a journal file holds a slice of the bytes read at open, not a copy of its
/// own: a million-record replay made a million small arrays before (B4c).
package struct JournalRecord: Sendable, Hashable {
  /// The record's sequence number; consecutive within a journal.
  package let sequence: UInt64
  /// The bytes appended (an ``OperationCodec`` payload in the store), in place: a slice of the
  /// journal file's bytes, which it keeps alive.
  package let bytes: ArraySlice<UInt8>

  /// The bytes appended, as an array of their own (a copy of ``bytes``).
  package var payload: [UInt8] { Array(bytes) }

  /// Creates a record holding a copy of `payload`.
  ///
  /// - Parameters:
  ///   - sequence: Its sequence number.
  ///   - payload: Its bytes.
  package init(sequence: UInt64, payload: [UInt8]) {
    self.init(sequence: sequence, bytes: payload[...])
  }

  /// Creates a record over bytes read from somewhere else (a slice of a whole journal file).
  ///
  /// - Parameters:
  ///   - sequence: Its sequence number.
  ///   - bytes: Its bytes.
  package init(sequence: UInt64, bytes: ArraySlice<UInt8>) {
    self.sequence = sequence
    self.bytes = bytes
  }
}
