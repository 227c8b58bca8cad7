extension PolicyTuning: Codable {
  private enum CodingKeys: String, CodingKey {
    case before, after, backtestBefore, backtestAfter, parameters, evaluations, tunedDefinitions
  }

  /// Decodes a tuning result; `tunedDefinitions` may be missing (documents written before it
  /// existed) and reads as empty.
  ///
  /// - Throws: A `DecodingError` for a missing or invalid field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      before: try container.decode(RevisionPolicy.self, forKey: .before),
      after: try container.decode(RevisionPolicy.self, forKey: .after),
      backtestBefore: try container.decode(Backtest.self, forKey: .backtestBefore),
      backtestAfter: try container.decode(Backtest.self, forKey: .backtestAfter),
      parameters: try container.decode([TunedParameter].self, forKey: .parameters),
      evaluations: try container.decode(Int.self, forKey: .evaluations),
      tunedDefinitions: try container.decodeIfPresent(
        [BeliefDefinition].self, forKey: .tunedDefinitions) ?? [])
  }

  /// Encodes every field.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(before, forKey: .before)
    try container.encode(after, forKey: .after)
    try container.encode(backtestBefore, forKey: .backtestBefore)
    try container.encode(backtestAfter, forKey: .backtestAfter)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(evaluations, forKey: .evaluations)
    try container.encode(tunedDefinitions, forKey: .tunedDefinitions)
  }
}
