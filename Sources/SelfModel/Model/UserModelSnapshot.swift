/// The portable, versioned form of a ``UserModel``: everything needed to rebuild it exactly.
///
/// A snapshot stores definitions, sources, the policy and the evidence ledger, never
/// probabilities: ``UserModel/init(snapshot:)`` refolds the ledger, so a snapshot taken under
/// one policy and read under a tuned one stays consistent.
///
/// Format versions: ``currentFormatVersion`` is written; versions in
/// ``readableFormatVersions`` are read; a newer version is refused with
/// ``ModelError/unsupportedFormatVersion(found:supported:)`` before anything else is decoded.
///
/// ```swift
/// let data = try JSONEncoder().encode(model.snapshot)
/// let copy = try UserModel(snapshot: JSONDecoder().decode(UserModelSnapshot.self, from: data))
/// ```
public struct UserModelSnapshot: Sendable, Hashable {
  /// The version this library writes.
  public static let currentFormatVersion = 1
  /// The versions this library reads.
  public static let readableFormatVersions = 1...1

  /// The format version of this snapshot.
  public let formatVersion: Int
  /// The user.
  public let user: UserID
  /// The revision policy.
  public let policy: RevisionPolicy
  /// Belief definitions in declaration order.
  public let beliefs: [BeliefDefinition]
  /// Sources in registration order.
  public let sources: [Source]
  /// The evidence ledger in recording order.
  public let evidence: [Evidence]

  /// Creates a snapshot in the current format.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - policy: The policy.
  ///   - beliefs: The definitions.
  ///   - sources: The sources.
  ///   - evidence: The ledger.
  public init(
    user: UserID, policy: RevisionPolicy, beliefs: [BeliefDefinition], sources: [Source],
    evidence: [Evidence]
  ) {
    self.formatVersion = Self.currentFormatVersion
    self.user = user
    self.policy = policy
    self.beliefs = beliefs
    self.sources = sources
    self.evidence = evidence
  }
}

extension UserModelSnapshot: Codable {
  private enum CodingKeys: String, CodingKey {
    case formatVersion, user, policy, beliefs, sources, evidence
  }

  /// Decodes a snapshot, checking the format version first.
  ///
  /// - Throws: ``ModelError/unsupportedFormatVersion(found:supported:)`` for a version this
  ///   library cannot read, a `DecodingError` for malformed data, or a ``ModelError`` for an
  ///   invalid value inside.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .formatVersion)
    guard Self.readableFormatVersions.contains(version) else {
      throw ModelError.unsupportedFormatVersion(
        found: version, supported: Self.readableFormatVersions)
    }
    formatVersion = version
    user = try container.decode(UserID.self, forKey: .user)
    policy = try container.decode(RevisionPolicy.self, forKey: .policy)
    beliefs = try container.decode([BeliefDefinition].self, forKey: .beliefs)
    sources = try container.decode([Source].self, forKey: .sources)
    evidence = try container.decode([Evidence].self, forKey: .evidence)
  }

  /// Encodes the snapshot with its format version.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(user, forKey: .user)
    try container.encode(policy, forKey: .policy)
    try container.encode(beliefs, forKey: .beliefs)
    try container.encode(sources, forKey: .sources)
    try container.encode(evidence, forKey: .evidence)
  }
}

extension UserModel {
  /// The model's snapshot: definitions, sources, policy and ledger.
  public var snapshot: UserModelSnapshot {
    UserModelSnapshot(
      user: user, policy: policy, beliefs: definitions, sources: sourceTable, evidence: ledger)
  }

  /// Rebuilds a model from a snapshot by replaying its ledger.
  ///
  /// - Parameter snapshot: The snapshot.
  /// - Throws: ``ModelError`` naming the first inconsistency (a duplicate id, evidence about an
  ///   undeclared belief or from an unknown source, …).
  public init(snapshot: UserModelSnapshot) throws(ModelError) {
    try self.init(
      user: snapshot.user, policy: snapshot.policy, beliefs: snapshot.beliefs,
      sources: snapshot.sources, evidence: snapshot.evidence)
  }
}

extension UserModel: Codable {
  /// Decodes a ``UserModelSnapshot`` and rebuilds the model from it.
  ///
  /// - Throws: Whatever decoding the snapshot or ``init(snapshot:)`` throws.
  public init(from decoder: any Decoder) throws {
    try self.init(snapshot: UserModelSnapshot(from: decoder))
  }

  /// Encodes the model's ``snapshot``.
  public func encode(to encoder: any Encoder) throws {
    try snapshot.encode(to: encoder)
  }
}

extension UserModel: Equatable {
  /// Two models are equal when their snapshots are: same user, policy, definitions, sources and
  /// ledger in the same order (and so the same tallies).
  public static func == (lhs: UserModel, rhs: UserModel) -> Bool {
    lhs.snapshot == rhs.snapshot
  }
}
