extension UserModel: Codable {
  private enum CatalogueKey: String, CodingKey {
    case catalogue
  }

  /// Decodes a model: its ``UserModelSnapshot`` fields, plus the catalogue it was built on
  /// under the key `catalogue` when the snapshot names a version above 0.
  ///
  /// - Throws: A `DecodingError`; what ``init(snapshot:catalogue:)`` refuses is
  ///   `dataCorrupted` with its ``ModelError`` as the underlying error.
  public init(from decoder: any Decoder) throws {
    let snapshot = try UserModelSnapshot(from: decoder)
    let container = try decoder.container(keyedBy: CatalogueKey.self)
    let catalogue =
      try container.decodeIfPresent(Catalogue.self, forKey: .catalogue) ?? .empty
    self = try DecodingError.validating(decoder) {
      try UserModel(snapshot: snapshot, catalogue: catalogue)
    }
  }

  /// Encodes the model's ``snapshot`` and, for a model on a catalogue, the catalogue itself,
  /// so the encoding stands alone.
  public func encode(to encoder: any Encoder) throws {
    try snapshot.encode(to: encoder)
    guard catalogue.version > 0 else { return }
    var container = encoder.container(keyedBy: CatalogueKey.self)
    try container.encode(catalogue, forKey: .catalogue)
  }
}

extension UserModel: Equatable {
  /// Two models are equal when their catalogues and snapshots are: same user, catalogue,
  /// own definitions, sources and policy, and ledger in the same order (and so the same
  /// tallies).
  public static func == (lhs: UserModel, rhs: UserModel) -> Bool {
    lhs.catalogue == rhs.catalogue && lhs.snapshot == rhs.snapshot
  }
}
