public import SelfModel

/// Something a ``FileStore`` did or suffered that operators want to see: a repaired journal,
/// a compaction, a slow `fsync`, the store refusing writes. Delivered to
/// ``FileStore/Options/observer``.
///
/// Each event carries the figures that apply to its kind (`nil` otherwise): the ``user``, the
/// ``path`` of the file, a byte count, a record count, a duration and, for a failure, the
/// ``error``. Bridge events to logging and metrics in your app; the store depends on neither.
///
/// ```swift
/// let observer = StoreObserver { event in
///   switch event.kind {
///   case .slowSync: logger.warning("\(event)")
///   case .storeFailed: logger.critical("\(event)")
///   default: logger.info("\(event)")
///   }
/// }
/// let store = try FileStore(at: folder, options: .init(observer: observer))
/// ```
public struct StoreEvent: Sendable, Hashable, CustomStringConvertible {
  /// What happened.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Loading a user found a torn tail (a crash mid-append) and erased it: ``bytes`` were
    /// cut off, ``records`` valid records were kept. Only unacknowledged writes are lost.
    case tornTailRepaired
    /// Loading a user in ``FileStore/Recovery/salvage`` mode found damage at ``offset``, kept
    /// a copy of the journal at ``copy`` and cut it at the damage: ``bytes`` were cut off,
    /// ``records`` valid records were kept.
    case journalSalvaged
    /// A user's journal was compacted into a snapshot: ``records`` journal records and
    /// ``bytes`` journal bytes folded in, taking ``duration``.
    case compacted
    /// A journal sync (`fdatasync`) took ``duration``, at least
    /// ``FileStore/Options/slowSyncThreshold``.
    case slowSync
    /// A write or sync failed after bytes may have reached a file: the store refuses writes
    /// from now on (``StoreError/Code/storeFailed``) until reopened. ``error`` is the cause.
    case storeFailed
    /// The store was closed.
    case closed
  }

  /// What happened.
  public let kind: Kind
  /// The user concerned, if any.
  public let user: UserID?
  /// The file concerned, if any.
  public let path: String?
  /// Bytes cut off (repair, salvage) or compacted.
  public let bytes: Int?
  /// Records kept (repair, salvage) or compacted.
  public let records: Int?
  /// How long it took (compaction, slow sync).
  public let duration: Duration?
  /// Where salvage found the damage.
  public let offset: Int?
  /// The copy of a salvaged journal.
  public let copy: String?
  /// The cause of a failure.
  public let error: StoreError?

  /// Creates an event.
  ///
  /// - Parameters:
  ///   - kind: What happened.
  ///   - user: The user concerned.
  ///   - path: The file concerned.
  ///   - bytes: Bytes cut off or compacted.
  ///   - records: Records kept or compacted.
  ///   - duration: How long it took.
  ///   - offset: Where salvage found damage.
  ///   - copy: The salvaged journal's copy.
  ///   - error: The cause of a failure.
  public init(
    _ kind: Kind, user: UserID? = nil, path: String? = nil, bytes: Int? = nil,
    records: Int? = nil, duration: Duration? = nil, offset: Int? = nil, copy: String? = nil,
    error: StoreError? = nil
  ) {
    self.kind = kind
    self.user = user
    self.path = path
    self.bytes = bytes
    self.records = records
    self.duration = duration
    self.offset = offset
    self.copy = copy
    self.error = error
  }

  /// One line naming the kind and every figure, such as
  /// `"slowSync; user user-42; file …/journal; duration 0.31 seconds"`.
  public var description: String {
    var parts = [kind.rawValue]
    if let user { parts.append("user \(user)") }
    if let path { parts.append("file \(path)") }
    if let bytes { parts.append("\(bytes) bytes") }
    if let records { parts.append("\(records) records") }
    if let duration { parts.append("duration \(duration)") }
    if let offset { parts.append("offset \(offset)") }
    if let copy { parts.append("copy \(copy)") }
    if let error { parts.append("cause: \(error)") }
    return parts.joined(separator: "; ")
  }
}
