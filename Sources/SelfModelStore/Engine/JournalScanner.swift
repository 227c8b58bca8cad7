/// Walks a journal's frames and applies the rule that tells the journal's end, a torn tail and
/// damage apart (`Docs/FileFormat.md`, "Where the journal ends").
///
/// The journal ends at the first frame that is not the valid next record. What follows is
/// classified by its *data end*, the end of the last non-zero byte of the file:
///
/// - nothing but zeros (the preallocated free space) is the normal end: nothing to erase;
/// - the start of one frame followed by zeros is a **torn** frame, an append that was never
///   acknowledged: the length is unreadable but only its 8 bytes hold data, or the file ends
///   inside the frame, or every byte from the frame's checksum field on is zero, or every byte
///   from a 512-byte boundary inside the frame on is zero (a write torn at a sector);
/// - anything else is **damage**, even in the last record: that record was written whole
///   (its checksum is there) and may have been acknowledged.
package struct JournalScanner {
  /// What a scan found.
  package struct Outcome {
    /// The valid records, in order, each a slice of the scanned bytes.
    package var records: [JournalRecord] = []
    /// The end of the last valid record: the journal's logical end, where the next record goes.
    var validLength: Int
    /// The end of the last non-zero byte at or after ``validLength``, or ``validLength`` when
    /// every later byte is zero: `validLength..<dataEnd` is the torn or damaged part that
    /// opening erases.
    var dataEnd: Int
    /// Where damage starts and what it is, if any.
    var damage: (offset: Int, reason: String)?
  }

  /// Scans the frames after the header.
  ///
  /// - Parameters:
  ///   - file: The whole file. Each record's payload is a slice of it, not a copy.
  ///   - baseSequence: The header's base sequence.
  ///   - start: The header's size, where the frames start.
  /// - Returns: The records, the logical end and what lies after it.
  package static func scan(
    _ file: [UInt8], baseSequence: UInt64, from start: Int = JournalFormat.headerSize
  ) -> Outcome {
    file.withUnsafeBytes { bytes in scan(bytes, of: file, baseSequence: baseSequence, from: start) }
  }

  /// Scans `bytes`, the bytes of `file`.
  private static func scan(
    _ bytes: UnsafeRawBufferPointer, of file: [UInt8], baseSequence: UInt64, from start: Int
  ) -> Outcome {
    var outcome = Outcome(validLength: start, dataEnd: start)
    var offset = start
    var expected = baseSequence
    while offset < bytes.count {
      switch frame(in: bytes, at: offset, expected: expected) {
      case .record(let payload, let size):
        outcome.records.append(JournalRecord(sequence: expected, bytes: file[payload]))
        offset += size
        expected &+= 1
        outcome.validLength = offset
        outcome.dataEnd = offset
      case .end(let dataEnd):
        outcome.dataEnd = dataEnd
        return outcome
      case .damage(let reason, let dataEnd):
        outcome.damage = (offset, reason)
        outcome.dataEnd = dataEnd
        return outcome
      }
    }
    return outcome
  }

  /// What one frame turned out to be.
  enum Frame {
    /// A valid record: where its payload lies in the file, and its frame size.
    case record(Range<Int>, size: Int)
    /// The journal's end: free space, or a torn frame whose bytes end at `dataEnd`.
    case end(dataEnd: Int)
    /// Damage; the file's non-zero bytes end at `dataEnd`.
    case damage(String, dataEnd: Int)
  }

  /// The smallest unit a disk writes whole: a crash tears a write at a multiple of it.
  static let sectorSize = 512

  /// Classifies the frame at `offset`.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - offset: Where the frame starts, before the end of `bytes`.
  ///   - expected: The sequence number the next record must carry.
  /// - Returns: The record, the end or damage.
  static func frame(in bytes: UnsafeRawBufferPointer, at offset: Int, expected: UInt64) -> Frame {
    let remaining = bytes.count - offset
    if remaining < 8 { return ending(bytes, at: offset, tornUpTo: bytes.count, "") }
    let length: UInt32 = JournalFormat.load(bytes, offset)
    let lengthChecksum: UInt32 = JournalFormat.load(bytes, offset + 4)
    guard CRC32C.update(0, .init(rebasing: bytes[offset..<offset + 4])) == lengthChecksum else {
      return ending(bytes, at: offset, tornUpTo: offset + 8, "length checksum mismatch")
    }
    guard Int(length) <= JournalFormat.maximumPayloadLength else {
      return ending(bytes, at: offset, tornUpTo: offset, "impossible payload length \(length)")
    }
    let size = JournalFormat.frameOverhead + Int(length)
    if remaining < size { return ending(bytes, at: offset, tornUpTo: bytes.count, "") }
    let end = offset + size - 4
    let stored: UInt32 = JournalFormat.load(bytes, end)
    let torn = max(end, (offset + size - 1) / sectorSize * sectorSize)
    guard CRC32C.update(0, .init(rebasing: bytes[offset..<end])) == stored else {
      return ending(bytes, at: offset, tornUpTo: torn, "record checksum mismatch")
    }
    let sequence: UInt64 = JournalFormat.load(bytes, offset + 8)
    guard sequence == expected else {
      let reason = "sequence \(sequence) where \(expected) was expected"
      return ending(bytes, at: offset, tornUpTo: torn, reason)
    }
    return .record(offset + 16..<end, size: size)
  }

  /// The verdict on an invalid frame at `offset`: the journal's end if no byte at or after
  /// `limit` is non-zero (the frame is free space or the start of a torn write), else damage.
  private static func ending(
    _ bytes: UnsafeRawBufferPointer, at offset: Int, tornUpTo limit: Int, _ reason: String
  ) -> Frame {
    let end = dataEnd(bytes, from: offset)
    guard end > offset, end > limit else { return .end(dataEnd: end) }
    return .damage(reason, dataEnd: end)
  }

  /// The end of the last non-zero byte at or after `offset`, or `offset` if there is none.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - offset: Where to stop looking.
  /// - Returns: An offset in `offset...bytes.count`.
  static func dataEnd(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
    var end = bytes.count
    while end - offset >= 8, bytes.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) == 0 {
      end -= 8
    }
    while end > offset, bytes[end - 1] == 0 { end -= 1 }
    return end
  }
}
