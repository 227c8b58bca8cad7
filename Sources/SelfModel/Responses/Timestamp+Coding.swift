public import Foundation

extension Timestamp {
  /// The date strategy of every JSON document the library writes: ``string(from:)``.
  ///
  /// ```swift
  /// let encoder = JSONEncoder()
  /// encoder.dateEncodingStrategy = Timestamp.encodingStrategy()
  /// ```
  ///
  /// - Returns: The strategy.
  public static func encodingStrategy() -> JSONEncoder.DateEncodingStrategy {
    .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(string(from: date))
    }
  }

  /// The date strategy of every JSON document the library reads: a ``date(from:)`` string, or
  /// (unless `acceptingSeconds` is `false`) a number of seconds since 2001-01-01, the form of
  /// Foundation's default strategy, which old export documents hold.
  ///
  /// ```swift
  /// let decoder = JSONDecoder()
  /// decoder.dateDecodingStrategy = Timestamp.decodingStrategy()
  /// ```
  ///
  /// - Parameter acceptingSeconds: Whether a number is read as seconds since 2001-01-01
  ///   (default `true`); `false` refuses it, as the operations' wire coding does.
  /// - Returns: The strategy; a string it cannot read is `DecodingError.dataCorrupted`
  ///   naming the text, a refused number `DecodingError.typeMismatch`.
  public static func decodingStrategy(acceptingSeconds: Bool = true)
    -> JSONDecoder.DateDecodingStrategy
  {
    .custom { decoder in
      let container = try decoder.singleValueContainer()
      if acceptingSeconds, let seconds = try? container.decode(Double.self) {
        return Date(timeIntervalSinceReferenceDate: seconds)
      }
      let text = try container.decode(String.self)
      guard let date = date(from: text) else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "not an RFC 3339 date-time: \(text)"))
      }
      return date
    }
  }
}
