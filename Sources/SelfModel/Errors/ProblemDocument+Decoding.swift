extension ProblemDocument {
  /// The problem document for a request body that failed to decode: the model error's problem
  /// when a SelfModel value failed validation (see `ModelError.init(unwrapping:)`), otherwise a
  /// `malformedDocument` problem; either way ``ErrorCategory/invalidInput`` (400) with a
  /// `path` member holding the coding path, such as `stances.1.importance`.
  ///
  /// ```swift
  /// do {
  ///   let candidate = try JSONDecoder().decode(Candidate.self, from: body)
  /// } catch let error as DecodingError {
  ///   return problemResponse(ProblemDocument(decodingError: error))
  /// }
  /// ```
  ///
  /// - Parameter error: The decoding error.
  public init(decodingError error: DecodingError) {
    let context: DecodingError.Context?
    switch error {
    case .dataCorrupted(let found), .keyNotFound(_, let found), .typeMismatch(_, let found),
      .valueNotFound(_, let found):
      context = found
    @unknown default:
      context = nil
    }
    var path = context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } ?? []
    if case .keyNotFound(let key, _) = error { path.append(key.stringValue) }
    if let cause = ModelError(unwrapping: error) {
      self = cause.problem
      self.category = .invalidInput
      self.status = ErrorCategory.invalidInput.httpStatus
      self.title = ErrorCategory.invalidInput.title
      self.retryable = false
    } else {
      self.init(
        code: "malformedDocument", category: .invalidInput,
        detail: context?.debugDescription ?? "the document could not be decoded")
    }
    if !path.isEmpty { members["path"] = path.joined(separator: ".") }
  }
}
