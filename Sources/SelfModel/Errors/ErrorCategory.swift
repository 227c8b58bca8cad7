/// What kind of failure an error is, independent of the module that threw it: the seam an HTTP
/// service maps to a status code and a client maps to "fix the request", "retry" or "report".
///
/// Both `ModelError` and the store's `StoreError` expose a `category`. A service then needs one
/// switch (or just ``httpStatus``) instead of one per error case:
///
/// ```swift
/// do throws(ModelError) {
///   try model.record(evidence, at: now)
/// } catch {
///   let status = error.category.httpStatus  // 400, 404, 409, 503 or 500
///   if error.category.isRetryable { /* try again later */ }
/// }
/// ```
public enum ErrorCategory: String, Sendable, Hashable, Codable, CaseIterable {
  /// The caller's input is invalid (a malformed id, a probability outside 0...1, an unknown
  /// outcome): sending the same request again fails the same way. Suggested status 400.
  case invalidInput
  /// The request names something that does not exist (a user, a belief, a source). Suggested
  /// status 404.
  case notFound
  /// The request contradicts what is already stored (a user that exists, an evidence id reused
  /// for different content, an incompatible redeclaration). Suggested status 409.
  case conflict
  /// The service cannot do it now but may later (the store is closed, locked, failed or
  /// refusing writes, the disk is full, a backend is unreachable): retry with backoff, or on
  /// another instance. Suggested status 503.
  case unavailable
  /// Something is wrong on the server's side (damaged files, an I/O error): not the caller's
  /// fault, and not fixed by retrying. Suggested status 500.
  case `internal`

  /// The HTTP status code that fits the category: 400, 404, 409, 503 or 500.
  ///
  /// ```swift
  /// ErrorCategory.conflict.httpStatus  // 409
  /// ```
  public var httpStatus: Int {
    switch self {
    case .invalidInput: 400
    case .notFound: 404
    case .conflict: 409
    case .unavailable: 503
    case .internal: 500
    }
  }

  /// Whether the same request may succeed if retried later: `true` only for
  /// ``unavailable``.
  ///
  /// ```swift
  /// ErrorCategory.unavailable.isRetryable  // true
  /// ```
  public var isRetryable: Bool { self == .unavailable }

  /// A short title for a problem document, such as `"Invalid input"`.
  ///
  /// ```swift
  /// ErrorCategory.notFound.title  // "Not found"
  /// ```
  public var title: String {
    switch self {
    case .invalidInput: "Invalid input"
    case .notFound: "Not found"
    case .conflict: "Conflict"
    case .unavailable: "Service unavailable"
    case .internal: "Internal error"
    }
  }
}
