extension ModelError {
  /// The model error behind `error`: `error` itself, or the underlying error of a
  /// `DecodingError`'s context (searched through nested contexts); `nil` if there is none.
  ///
  /// Decoding a SelfModel value validates it like its initialiser does, and reports a
  /// violation as `DecodingError.dataCorrupted` with the coding path, keeping the
  /// `ModelError` as the context's `underlyingError`. Use this to get it back, for example to
  /// build a problem document for a bad request body:
  ///
  /// ```swift
  /// do {
  ///   let evidence = try JSONDecoder().decode(Evidence.self, from: body)
  /// } catch {
  ///   if let cause = ModelError(unwrapping: error) { return cause.problem }  // 400, names the field
  /// }
  /// ```
  ///
  /// - Parameter error: Any error.
  public init?(unwrapping error: any Error) {
    if let error = error as? ModelError {
      self = error
      return
    }
    guard let error = error as? DecodingError else { return nil }
    let context: DecodingError.Context
    switch error {
    case .dataCorrupted(let found), .keyNotFound(_, let found), .typeMismatch(_, let found),
      .valueNotFound(_, let found):
      context = found
    @unknown default:
      return nil
    }
    guard let underlying = context.underlyingError, let cause = Self(unwrapping: underlying)
    else { return nil }
    self = cause
  }

  /// Runs `body` (typically a `JSONDecoder` call) and rethrows a decoding error caused by a
  /// model error as that ``ModelError``; other errors pass through unchanged.
  ///
  /// ```swift
  /// let snapshot = try ModelError.unwrappingDecoding {
  ///   try JSONDecoder().decode(UserModelSnapshot.self, from: data)
  /// }
  /// ```
  ///
  /// - Parameter body: The decoding to run.
  /// - Returns: What `body` returns.
  /// - Throws: The ``ModelError`` behind a `DecodingError`, or `body`'s error.
  public static func unwrappingDecoding<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw Self(unwrapping: error) ?? error
    }
  }
}

extension DecodingError {
  /// Runs a `Decodable` initialiser's validation, turning a ``ModelError`` into
  /// `dataCorrupted` at the decoder's coding path, with the model error as the underlying
  /// error.
  static func validating<T>(_ decoder: any Decoder, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ModelError {
      throw DecodingError.dataCorrupted(
        Context(
          codingPath: decoder.codingPath, debugDescription: error.description,
          underlyingError: error))
    }
  }
}
