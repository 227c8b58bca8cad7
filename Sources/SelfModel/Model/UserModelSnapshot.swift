/// The portable, versioned form of a ``UserModel``: everything needed to rebuild it exactly on
/// the catalogue it names.
///
/// A snapshot stores the catalogue version the model was built on, the user's own definitions
/// and sources, its own policy if it has one, and the evidence ledger, never probabilities and
/// never the catalogue's definitions: ``UserModel/init(snapshot:catalogue:)`` refolds the
/// ledger on the catalogue it is given, so a snapshot taken under one policy and read under a
/// tuned one stays consistent.
///
/// Format versions: a snapshot is written in the oldest version that holds it
/// (``formatVersion``, at most ``currentFormatVersion``); versions in
/// ``readableFormatVersions`` are read; a newer version is refused with
/// ``ModelError/unsupportedFormatVersion(found:supported:)`` before anything else is decoded.
/// Version 1 (before catalogues) has no `catalogueVersion` (read as 0) and always a `policy`.
/// Version 3 is written only when evidence carries a ``Evidence/context``, an own definition
/// has priors of its own (``BeliefDefinition/hasOwnPriors``) or the own policy sets half-lives
/// per source (``RevisionPolicy/hasPerSourceHalfLives``), so a library that predates them
/// refuses the file instead of dropping those fields. Version 4 is written only when the
/// ledger holds likelihood-ratio or Jeffrey evidence (``EvidenceContent/isVirtual``), which a
/// library that predates it could not decode. Version 5 is written only when an own
/// definition is dynamic (``BeliefKind/dynamic(_:)``), which a library that predates it would
/// read as counted.
///
/// ```swift
/// let data = try JSONEncoder().encode(model.snapshot)
/// let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
/// let copy = try UserModel(snapshot: snapshot, catalogue: model.catalogue)
/// ```
public struct UserModelSnapshot: Sendable, Hashable {
  /// The newest version this library writes.
  public static let currentFormatVersion = 5
  /// The versions this library reads.
  public static let readableFormatVersions = 1...5

  /// The format version of this snapshot: the version it was read in, or for a new snapshot the
  /// version it is written in.
  public let formatVersion: Int
  /// The user.
  public let user: UserID
  /// The version of the catalogue the model was built on; 0 for none.
  public let catalogueVersion: Int
  /// The user's own revision policy, or `nil` to follow the catalogue's.
  public let policy: RevisionPolicy?
  /// The user's own belief definitions in declaration order.
  public let beliefs: [BeliefDefinition]
  /// The user's own sources in registration order.
  public let sources: [Source]
  /// The evidence ledger in recording order.
  public let evidence: [Evidence]

  /// Creates a snapshot in the current format.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - catalogueVersion: The catalogue version the model is built on; 0 for none.
  ///   - policy: The user's own policy, or `nil` to follow the catalogue's.
  ///   - beliefs: The user's own definitions.
  ///   - sources: The user's own sources.
  ///   - evidence: The ledger.
  public init(
    user: UserID, catalogueVersion: Int = 0, policy: RevisionPolicy?,
    beliefs: [BeliefDefinition], sources: [Source], evidence: [Evidence]
  ) {
    self.formatVersion = Self.writtenVersion(policy: policy, beliefs: beliefs, evidence: evidence)
    self.user = user
    self.catalogueVersion = catalogueVersion
    self.policy = policy
    self.beliefs = beliefs
    self.sources = sources
    self.evidence = evidence
  }
}

extension UserModelSnapshot {
  /// The oldest version that holds these fields: 5 when an own definition is dynamic; 4 when evidence is likelihood-ratio or
  /// Jeffrey evidence; 3 when evidence carries a context, an own definition has priors of its
  /// own or the own policy sets half-lives per source; 2 otherwise.
  static func writtenVersion(
    policy: RevisionPolicy?, beliefs: [BeliefDefinition], evidence: [Evidence]
  ) -> Int {
    if beliefs.contains(where: \.kind.isDynamic) { return 5 }
    if evidence.contains(where: \.content.isVirtual) { return 4 }
    let needsThree =
      policy?.hasPerSourceHalfLives == true || beliefs.contains(where: \.hasOwnPriors)
      || evidence.contains { $0.context != nil }
    return needsThree ? 3 : 2
  }
}

extension UserModelSnapshot: Codable {
  private enum CodingKeys: String, CodingKey {
    case formatVersion, user, catalogueVersion, policy, beliefs, sources, evidence
  }

  /// Decodes a snapshot, checking the format version first.
  ///
  /// - Throws: A `DecodingError`; a version this library cannot read
  ///   (``ModelError/unsupportedFormatVersion(found:supported:)``) or an invalid value inside
  ///   is `dataCorrupted` with that ``ModelError`` as its underlying error.
  public init(from decoder: any Decoder) throws {
    self = try DecodingError.validating(decoder) { try Self(validating: decoder) }
  }

  private init(validating decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .formatVersion)
    guard Self.readableFormatVersions.contains(version) else {
      throw ModelError.unsupportedFormatVersion(
        found: version, supported: Self.readableFormatVersions)
    }
    formatVersion = version
    user = try container.decode(UserID.self, forKey: .user)
    if version == 1 {
      catalogueVersion = 0
      policy = try container.decode(RevisionPolicy.self, forKey: .policy)
    } else {
      catalogueVersion = try container.decode(Int.self, forKey: .catalogueVersion)
      guard catalogueVersion >= 0 else {
        throw ModelError.corruptSnapshot(
          reason: "catalogue version \(catalogueVersion) is negative")
      }
      policy = try container.decodeIfPresent(RevisionPolicy.self, forKey: .policy)
    }
    beliefs = try container.decode([BeliefDefinition].self, forKey: .beliefs)
    sources = try container.decode([Source].self, forKey: .sources)
    evidence = try container.decode([Evidence].self, forKey: .evidence)
  }

  /// Encodes the snapshot in the oldest format that holds it (3 when evidence carries a
  /// context, an own definition has priors of its own or the own policy sets half-lives per
  /// source; 2 otherwise).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(
      Self.writtenVersion(policy: policy, beliefs: beliefs, evidence: evidence),
      forKey: .formatVersion)
    try container.encode(user, forKey: .user)
    try container.encode(catalogueVersion, forKey: .catalogueVersion)
    try container.encodeIfPresent(policy, forKey: .policy)
    try container.encode(beliefs, forKey: .beliefs)
    try container.encode(sources, forKey: .sources)
    try container.encode(evidence, forKey: .evidence)
  }
}

extension UserModel {
  /// The model's snapshot: catalogue version, own definitions and sources, own policy and
  /// ledger.
  public var snapshot: UserModelSnapshot {
    UserModelSnapshot(
      user: user, catalogueVersion: catalogue.version, policy: policyOverride,
      beliefs: ownDefinitions, sources: ownSources, evidence: ledger.items)
  }

  /// Rebuilds a model from a snapshot on `catalogue` by replaying its ledger.
  ///
  /// The catalogue may be newer than the one the snapshot names (the model then adopts it, as
  /// ``adopt(_:)`` does), never older. A version-1 snapshot's definitions and sources stay the
  /// user's own (dormant where the catalogue lists them with the same outcomes); its policy
  /// stays the user's own unless it equals the catalogue's.
  ///
  /// - Parameters:
  ///   - snapshot: The snapshot.
  ///   - catalogue: The catalogue to build on.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` if the catalogue is older than the
  ///   snapshot's, or ``ModelError`` naming the first inconsistency (a duplicate id, evidence
  ///   about an undeclared belief or from an unknown source, …).
  public init(snapshot: UserModelSnapshot, catalogue: Catalogue) throws(ModelError) {
    guard snapshot.catalogueVersion <= catalogue.version else {
      throw .incompatibleCatalogue(
        reason:
          "the model of \(snapshot.user) was built on catalogue version "
          + "\(snapshot.catalogueVersion), newer than version \(catalogue.version)")
    }
    var policy = snapshot.policy
    if snapshot.formatVersion == 1, catalogue.version > 0, policy == catalogue.policy {
      policy = nil
    }
    try self.init(
      user: snapshot.user, catalogue: catalogue, policy: policy, beliefs: snapshot.beliefs,
      sources: snapshot.sources, evidence: snapshot.evidence)
  }

  /// Rebuilds a model that declares everything itself (catalogue version 0) from a snapshot.
  ///
  /// - Parameter snapshot: The snapshot.
  /// - Throws: As ``init(snapshot:catalogue:)`` with ``Catalogue/empty``.
  public init(snapshot: UserModelSnapshot) throws(ModelError) {
    try self.init(snapshot: snapshot, catalogue: .empty)
  }
}
