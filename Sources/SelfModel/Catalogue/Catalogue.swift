/// The app's schema, declared once and shared by every user: belief definitions, sources and
/// the default ``RevisionPolicy``, under a version number.
///
/// A real service has one set of beliefs for all its users. It lives in the app's code and
/// changes with app releases. A ``UserModel`` built on a catalogue reads its definitions and
/// sources from it and adds only what is specific to its user, so 100,000 users on an
/// 847-belief catalogue hold one copy of the 847 definitions, not 100,000.
///
/// Versions are whole numbers. Version 0 is ``empty``, the catalogue of a model that declares
/// everything itself. A store makes a version store-wide with `publish(_:)`; a new version
/// must be a compatible successor of the current one (see ``successor(of:)``).
///
/// **Removed entries are retired, not lost.** A belief or source that a newer version no
/// longer lists stays in ``retiredBeliefs`` or ``retiredSources``. Evidence that users recorded
/// about it is kept in their ledgers but hidden: it counts toward no estimate until the entry
/// is listed again (with the same outcomes) or the evidence is forgotten. A retired belief can
/// never come back with different outcomes, so hidden evidence always stays valid.
///
/// The JSON form is stable and documented in `Docs/Concepts.md`:
///
/// ```json
/// {"format":"selfmodel.catalogue","formatVersion":1,"version":2,"policy":{…},
///  "beliefs":[…],"sources":[…],"retiredBeliefs":[…],"retiredSources":[…]}
/// ```
///
/// ```swift
/// let catalogue = try Catalogue(
///   version: 1,
///   beliefs: [.binary("preference.concise", statement: "Prefers concise answers")],
///   sources: [Source(id: "clicks", kind: .behavior, reliability: 0.6)],
///   policy: RevisionPolicy(halfLifeBySourceKind: [.behavior: 14 * 86_400]))
/// var model = try UserModel(user: "user-42", catalogue: catalogue)
/// ```
public struct Catalogue: Sendable {
  /// The value of the `format` field in the JSON form.
  public static let formatName = "selfmodel.catalogue"
  /// The newest JSON format version this library writes (a catalogue is written in its
  /// ``requiredFormatVersion``).
  public static let currentFormatVersion = 3
  /// The JSON format versions this library reads.
  public static let readableFormatVersions = 1...3
  /// The most beliefs (listed and retired together) a catalogue may hold.
  public static let maximumBeliefs = 100_000
  /// The most sources (listed and retired together) a catalogue may hold.
  public static let maximumSources = 10_000

  /// The catalogue of version 0: no beliefs, no sources, the default policy.
  public static let empty = Catalogue(uncheckedStorage: CatalogueStorage())

  let storage: CatalogueStorage

  private init(uncheckedStorage storage: CatalogueStorage) {
    self.storage = storage
  }

  /// Creates a catalogue after validating it.
  ///
  /// - Parameters:
  ///   - version: The version number, 0 or more. Stores accept only versions newer than the
  ///     one they hold.
  ///   - beliefs: The listed belief definitions, keys unique.
  ///   - sources: The listed sources, ids unique.
  ///   - policy: The default revision policy of every model built on the catalogue.
  ///   - retiredBeliefs: Beliefs a past version listed and this one does not. Usually empty:
  ///     ``successor(of:)`` fills it in when a store publishes.
  ///   - retiredSources: Sources a past version listed and this one does not.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for a negative version,
  ///   ``ModelError/duplicateBelief(_:)`` for a key listed twice (retired ones included),
  ///   ``ModelError/incompatibleCatalogue(reason:)`` for a repeated source or a catalogue over
  ///   the size limits, and the ``ModelError`` from ``RevisionPolicy/validate()``.
  public init(
    version: Int, beliefs: [BeliefDefinition], sources: [Source] = [],
    policy: RevisionPolicy = RevisionPolicy(), retiredBeliefs: [BeliefDefinition] = [],
    retiredSources: [Source] = []
  ) throws(ModelError) {
    guard version >= 0 else {
      throw .numberOutOfRange(field: "catalogue version", value: Double(version), allowed: ">= 0")
    }
    try policy.validate()
    guard beliefs.count + retiredBeliefs.count <= Self.maximumBeliefs else {
      throw .incompatibleCatalogue(
        reason:
          "\(beliefs.count + retiredBeliefs.count) beliefs; the maximum is \(Self.maximumBeliefs)")
    }
    guard sources.count + retiredSources.count <= Self.maximumSources else {
      throw .incompatibleCatalogue(
        reason:
          "\(sources.count + retiredSources.count) sources; the maximum is \(Self.maximumSources)")
    }
    storage = try CatalogueStorage(
      version: version, beliefs: beliefs, sources: sources, policy: policy,
      retiredBeliefs: retiredBeliefs, retiredSources: retiredSources)
  }

  /// The version number; 0 for ``empty``.
  public var version: Int { storage.version }
  /// The listed belief definitions, in the order given.
  public var beliefs: [BeliefDefinition] { storage.beliefs }
  /// The listed sources, in the order given.
  public var sources: [Source] { storage.sources }
  /// The default revision policy of every model built on this catalogue.
  public var policy: RevisionPolicy { storage.policy }
  /// Beliefs that an earlier version listed and this one does not. Evidence about them is
  /// kept but hidden.
  public var retiredBeliefs: [BeliefDefinition] { storage.retiredBeliefs }
  /// Sources that an earlier version listed and this one does not. Evidence from them is
  /// kept but hidden.
  public var retiredSources: [Source] { storage.retiredSources }

  /// The listed definition of `key`, or `nil` if the catalogue does not list it.
  ///
  /// - Parameter key: A belief key.
  /// - Returns: Its definition.
  public func definition(for key: BeliefKey) -> BeliefDefinition? {
    storage.beliefIndex[key].map { storage.beliefs[$0] }
  }

  /// The listed source with `id`, or `nil`.
  ///
  /// - Parameter id: A source id.
  /// - Returns: The source.
  public func source(_ id: SourceID) -> Source? {
    storage.sourceIndex[id].map { storage.sources[$0] }
  }

  /// The retired definition of `key`, or `nil` if `key` is not retired.
  ///
  /// - Parameter key: A belief key.
  /// - Returns: The definition it had when it was last listed.
  public func retiredDefinition(for key: BeliefKey) -> BeliefDefinition? {
    storage.retiredBeliefIndex[key].map { storage.retiredBeliefs[$0] }
  }

  /// The retired source with `id`, or `nil`.
  ///
  /// - Parameter id: A source id.
  /// - Returns: The source as it was when it was last listed.
  public func retiredSource(_ id: SourceID) -> Source? {
    storage.retiredSourceIndex[id].map { storage.retiredSources[$0] }
  }

  /// Whether the two catalogues have the same content apart from their version numbers.
  ///
  /// - Parameter other: Another catalogue.
  /// - Returns: `true` when beliefs, sources, policy and retired entries are equal.
  public func hasSameContent(as other: Catalogue) -> Bool {
    storage === other.storage || storage.content == other.storage.content
  }
}

extension Catalogue: Hashable {
  /// Two catalogues are equal when their versions and contents are.
  public static func == (lhs: Catalogue, rhs: Catalogue) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.version == rhs.version && lhs.storage.content == rhs.storage.content)
  }

  /// Hashes the version and the numbers of listed beliefs and sources (equal catalogues hash
  /// equally; the contents are compared by `==`).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(version)
    hasher.combine(storage.beliefs.count)
    hasher.combine(storage.sources.count)
  }
}
