extension QuestionValue {
  private enum CodingKeys: String, CodingKey {
    case prior, answers
  }

  /// Decodes and validates a question's prior and answer model.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` wrapping a ``ModelError`` for a prior or rate
  ///   outside `0...1`, or the decoder's error when a
  ///   field is missing or has the wrong type.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        prior: container.decode(Double.self, forKey: .prior),
        answers: container.decode(AnswerReliability.self, forKey: .answers))
    }
  }

  /// Encodes the prior and the answer model; the derived quantities are recomputed on decoding.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(prior, forKey: .prior)
    try container.encode(answers, forKey: .answers)
  }
}
