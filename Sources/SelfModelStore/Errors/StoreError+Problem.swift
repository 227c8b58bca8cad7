public import SelfModel

extension StoreError {
  /// What kind of failure this is, for mapping to a status code or a retry decision.
  ///
  /// | Category | Codes |
  /// | --- | --- |
  /// | `invalidInput` | ``Code/invalidArgument``; ``Code/newerFormat`` and ``Code/unknownFormat`` of an imported document |
  /// | `notFound` | ``Code/userNotFound`` |
  /// | `conflict` | ``Code/userAlreadyExists``, ``Code/catalogueConflict``, ``Code/catalogueOutdated`` |
  /// | `unavailable` | ``Code/unavailable``, ``Code/locked``, ``Code/closed``, ``Code/storeFailed``, ``Code/diskFull``, ``Code/connectionLost``, ``Code/timedOut``, ``Code/serializationFailure`` |
  /// | `internal` | ``Code/ioFailure``, ``Code/corruptFile``; ``Code/newerFormat`` and ``Code/unknownFormat`` of the store's own files |
  ///
  /// ``Code/rejectedByModel`` takes the category of its ``modelError``.
  ///
  /// ```swift
  /// do throws(StoreError) {
  ///   try await store.record(evidence, for: user, at: now)
  /// } catch {
  ///   return Response(status: error.category.httpStatus, body: error.problem)
  /// }
  /// ```
  public var category: ErrorCategory {
    // One line per category: a new code joins the list of its category.
    switch code {
    case .invalidArgument: .invalidInput
    case .newerFormat, .unknownFormat: operation == "import" ? .invalidInput : .internal
    case .userNotFound, .evidenceNotFound: .notFound
    case .userAlreadyExists, .catalogueConflict, .catalogueOutdated: .conflict
    case .unavailable, .locked, .closed, .storeFailed, .diskFull: .unavailable
    case .connectionLost, .timedOut, .serializationFailure: .unavailable
    case .ioFailure, .corruptFile: .internal
    case .rejectedByModel: modelError?.category ?? .invalidInput
    }
  }

  /// Whether retrying later may succeed: `true` for the `ErrorCategory/unavailable`
  /// category. A store that failed (``Code/storeFailed``) or was closed serves again only
  /// once reopened, so a retry should go through the code that reopens it or to another
  /// instance.
  ///
  /// ```swift
  /// if error.isRetryable { try await Task.sleep(for: .milliseconds(100)) }
  /// ```
  public var isRetryable: Bool { category.isRetryable }

  /// The error as an RFC 9457 problem document. Its `ProblemDocument/code` is the store's
  /// code (or, for ``Code/rejectedByModel``, the model's case); its members name the
  /// `operation`, the `user`, and the model error's belief, source or evidence. File paths,
  /// offsets, `errno` and the ``detail`` of unavailable and internal errors are left out: log
  /// ``description`` for those.
  ///
  /// ```swift
  /// let problem = StoreError(.userNotFound, operation: "model", user: "user-42").problem
  /// problem.status           // 404
  /// problem.members["user"]  // "user-42"
  /// ```
  public var problem: ProblemDocument {
    var members = modelError?.problem.members ?? [:]
    members["operation"] = operation
    if let user { members["user"] = user.rawValue }
    var detail = ["\(operation) failed: \(code.rawValue)"]
    if let modelError { detail.append(modelError.description) }
    // Server-side detail (paths, causes) is for logs: only the caller's mistakes explain more.
    if let words = self.detail, !isServerSide { detail.append(words) }
    let name = code == .rejectedByModel ? (modelError?.code ?? code.rawValue) : code.rawValue
    return ProblemDocument(
      code: name, category: category, detail: detail.joined(separator: "; "), members: members)
  }

  private var isServerSide: Bool { category == .unavailable || category == .internal }
}
