/// Walks a journal's frames and applies the torn-tail-versus-damage rule.
///
/// A record is torn if the file ends inside it, or if every byte from its start to the end of
/// the file is zero. Any other failure (length checksum, frame checksum, a sequence number
/// that is not the next one, a length over 64 MiB) is damage, even in the last record: that
/// record was written whole and may have been acknowledged.
struct JournalScanner {
  /// What a scan found.
  struct Outcome {
    /// The valid records, in order.
    var records: [JournalRecord] = []
    /// The end of the last valid record: where the file should end.
    var validLength: Int
    /// Where damage starts and what it is, if any.
    var damage: (offset: Int, reason: String)?
  }

  /// Scans the frames after the header.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - baseSequence: The header's base sequence.
  /// - Returns: The records and where the valid part ends.
  static func scan(_ bytes: UnsafeRawBufferPointer, baseSequence: UInt64) -> Outcome {
    var outcome = Outcome(validLength: JournalFormat.headerSize)
    var offset = JournalFormat.headerSize
    var expected = baseSequence
    while offset < bytes.count {
      switch frame(in: bytes, at: offset, expected: expected) {
      case .record(let payload, let size):
        outcome.records.append(JournalRecord(sequence: expected, payload: payload))
        offset += size
        expected &+= 1
        outcome.validLength = offset
      case .torn:
        return outcome
      case .damage(let reason):
        outcome.damage = (offset, reason)
        return outcome
      }
    }
    return outcome
  }

  /// What one frame turned out to be.
  enum Frame {
    /// A valid record and its frame size.
    case record([UInt8], size: Int)
    /// A torn tail.
    case torn
    /// Damage.
    case damage(String)
  }

  /// Classifies the frame at `offset`.
  static func frame(in bytes: UnsafeRawBufferPointer, at offset: Int, expected: UInt64) -> Frame {
    let remaining = bytes.count - offset
    if remaining < 8 { return .torn }
    let length: UInt32 = JournalFormat.load(bytes, offset)
    let lengthChecksum: UInt32 = JournalFormat.load(bytes, offset + 4)
    guard CRC32C.update(0, .init(rebasing: bytes[offset..<offset + 4])) == lengthChecksum else {
      return isZero(bytes[offset...]) ? .torn : .damage("length checksum mismatch")
    }
    guard Int(length) <= JournalFormat.maximumPayloadLength else {
      return .damage("impossible payload length \(length)")
    }
    let size = JournalFormat.frameOverhead + Int(length)
    if remaining < size { return .torn }
    let end = offset + size - 4
    let stored: UInt32 = JournalFormat.load(bytes, end)
    guard CRC32C.update(0, .init(rebasing: bytes[offset..<end])) == stored else {
      return .damage("record checksum mismatch")
    }
    let sequence: UInt64 = JournalFormat.load(bytes, offset + 8)
    guard sequence == expected else {
      return .damage("sequence \(sequence) where \(expected) was expected")
    }
    return .record(Array(bytes[offset + 16..<end]), size: size)
  }

  /// Whether every byte is zero.
  private static func isZero(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
    bytes.allSatisfy { $0 == 0 }
  }
}
