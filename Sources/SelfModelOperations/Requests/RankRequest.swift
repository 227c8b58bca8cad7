public import SelfModel

/// Candidate answers ranked by how well they fit the user, best first: `POST /v1/users/{user}/rankings`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct RankRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The candidates, at most `OperationLimits/maximumCandidates`.
  public var candidates: [Candidate]
  /// The credible level of the score ranges (default 0.95); `level`, as in every other
  /// request.
  public var level: Double?
  /// The situation to estimate in.
  public var context: ContextID?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - candidates: The candidates.
  ///   - level: The credible level.
  ///   - context: The situation.
  public init(
    user: UserID, candidates: [Candidate], level: Double? = nil, context: ContextID? = nil
  ) {
    self.user = user
    self.candidates = candidates
    self.level = level
    self.context = context
  }

  private enum CodingKeys: String, CodingKey {
    case user, candidates, level, context
    /// The earlier name of `level`, refused with a message that names the new one (a client
    /// that still sends it would otherwise get the default level without a word).
    case credibleLevel
  }

  /// Decodes a request; `credibleLevel`, the earlier name of `level`, is a decoding error
  /// that says so.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a missing `user` or `candidates`, a value of the wrong
  ///   type, or `credibleLevel`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard !container.contains(.credibleLevel) else {
      throw DecodingError.dataCorruptedError(
        forKey: .credibleLevel, in: container,
        debugDescription: "credibleLevel is now named level, as in every other request")
    }
    user = try container.decode(UserID.self, forKey: .user)
    candidates = try container.decode([Candidate].self, forKey: .candidates)
    level = try container.decodeIfPresent(Double.self, forKey: .level)
    context = try container.decodeIfPresent(ContextID.self, forKey: .context)
  }

  /// Encodes the request (`level`, never `credibleLevel`).
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(user, forKey: .user)
    try container.encode(candidates, forKey: .candidates)
    try container.encodeIfPresent(level, forKey: .level)
    try container.encodeIfPresent(context, forKey: .context)
  }
}
