public import SelfModel

/// The single error type of the `SelfModelStore` module.
///
/// Every error carries a ``code`` (what went wrong), the ``operation`` that failed, and where
/// known the ``user``, the ``path`` of the file and the byte ``offset`` in it, and the
/// underlying cause (an `errno` or a `ModelError`). Its ``description`` is one sentence that
/// names all of them.
///
/// ```swift
/// do throws(StoreError) {
///   let store = try FileStore(at: folder)
/// } catch {
///   if error.code == .locked { print("another process owns \(folder)") }
///   if error.isRetryable { /* try again later */ }
/// }
/// ```
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Code: String, Sendable, Hashable, Codable {
    /// Another store instance (in this process or another) holds the folder's lock.
    case locked
    /// A system call failed; ``StoreError/errno`` says which error.
    case ioFailure
    /// The disk is full (`ENOSPC`) or over quota.
    case diskFull
    /// A file's bytes are damaged: bad checksum, impossible length or undecodable content,
    /// anywhere but a torn tail. ``StoreError/path`` and ``StoreError/offset`` name the spot.
    case corruptFile
    /// A file was written by a newer format than this library reads.
    case newerFormat
    /// A file's format is not one this library knows at all.
    case unknownFormat
    /// The user has no model in the store.
    case userNotFound
    /// The user already has a model in the store.
    case userAlreadyExists
    /// The user's ledger holds no evidence item with the id asked for (forgetting one item).
    case evidenceNotFound
    /// The model rejected the change; ``StoreError/modelError`` says why. Nothing was written.
    case rejectedByModel
    /// An earlier write, `fsync`, rename or removal failed after bytes may have reached the
    /// disk (or the store found its `LOCK` file deleted or replaced), so durability can no
    /// longer be promised: the store refuses writes until it is reopened. A write refused before
    /// anything was written never causes it. See `Docs/Operations.md`.
    case storeFailed
    /// The store was closed.
    case closed
    /// An argument was invalid (a zero page size, a malformed export document, a write whose
    /// journal record would exceed 64 MiB, …). Nothing was written.
    case invalidArgument
    /// A catalogue was refused: it changes an entry in a way that would invalidate recorded
    /// evidence, reuses the current version number with other content, or does not fit the
    /// model being imported or loaded. ``StoreError/modelError`` says which entry and why.
    /// Nothing was written.
    case catalogueConflict
    /// The store already holds a newer catalogue version than the one being published (an
    /// instance of an older release in a rolling deployment). Nothing was written; the store
    /// keeps serving the newer version, which every older one is compatible with.
    case catalogueOutdated
    /// The store cannot serve the call now but may later: retry with backoff. `FileStore`
    /// uses it for system calls that fail transiently (`EAGAIN`, `EBUSY`, `ENOMEM`, `EMFILE`
    /// or `ENFILE`), and stays writable after them; other backends use it for a lost
    /// connection or a timeout.
    case unavailable
    /// The connection to a database server broke (the server restarted, the network
    /// dropped) while the call was in flight. The store itself stays usable and reconnects.
    /// A write may or may not have been applied (``StoreError/isOutcomeUnknown``): retry it.
    /// Retrying is safe: a retried `record` reports items that did land as duplicates, and
    /// every other write either repeats harmlessly or reports what it found (for example
    /// ``userAlreadyExists`` for a `createUser` that did land).
    case connectionLost
    /// The call did not finish within the store's time limit (no connection could be had,
    /// or the server did not answer). As for ``connectionLost``, a write may or may not have
    /// been applied (``StoreError/isOutcomeUnknown``) and retrying it is safe.
    case timedOut
    /// The database aborted the call's transaction to keep concurrent transactions
    /// serialisable (a serialisation failure or a deadlock) and the store's own retries ran
    /// out. Nothing was written; retrying is safe.
    case serializationFailure
  }

  /// What went wrong.
  public let code: Code
  /// The store operation that failed, such as `"record"` or `"open"`.
  public let operation: String
  /// The user concerned, if any.
  public let user: UserID?
  /// The file concerned, if any.
  public let path: String?
  /// The byte offset in ``path`` where damage was found, if any.
  public let offset: Int?
  /// The `errno` of a failed system call, if any.
  public let errno: Int32?
  /// The model's error for ``Code/rejectedByModel``.
  public let modelError: ModelError?
  /// More detail in words.
  public let detail: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: What went wrong.
  ///   - operation: The failed operation.
  ///   - user: The user concerned.
  ///   - path: The file concerned.
  ///   - offset: The byte offset of damage.
  ///   - errno: The system error number.
  ///   - modelError: The model's error.
  ///   - detail: More detail.
  public init(
    _ code: Code, operation: String, user: UserID? = nil, path: String? = nil, offset: Int? = nil,
    errno: Int32? = nil, modelError: ModelError? = nil, detail: String? = nil
  ) {
    self.code = code
    self.operation = operation
    self.user = user
    self.path = path
    self.offset = offset
    self.errno = errno
    self.modelError = modelError
    self.detail = detail
  }

  /// Whether a write that threw this error may nevertheless have been applied:
  /// `true` for ``Code/connectionLost`` and ``Code/timedOut``, where the failure came after the
  /// request may have reached the database. Such a write should be retried (every store write
  /// is safe to retry; see ``Code/connectionLost``), never assumed lost.
  ///
  /// ```swift
  /// if error.isOutcomeUnknown { try await store.record(batch, for: user, at: now) }
  /// ```
  public var isOutcomeUnknown: Bool { code == .connectionLost || code == .timedOut }

  /// One sentence naming the code, operation, user, file, offset and cause.
  public var description: String {
    var parts = ["\(operation) failed: \(code.rawValue)"]
    if let user { parts.append("user \(user)") }
    if let path { parts.append("file \(path)") }
    if let offset { parts.append("offset \(offset)") }
    if let errno { parts.append("errno \(errno)") }
    if let modelError { parts.append(modelError.description) }
    if let detail { parts.append(detail) }
    return parts.joined(separator: "; ")
  }
}
