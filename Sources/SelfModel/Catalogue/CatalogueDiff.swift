/// What changed between two catalogue versions: entries added, changed and removed, and
/// whether the default policy changed.
///
/// "Removed" entries are retired (see ``Catalogue``); "added" includes a retired entry listed
/// again. Key lists are sorted, so the JSON form is stable.
///
/// ```swift
/// let diff = next.changes(from: current)
/// print(diff.addedBeliefs, diff.removedBeliefs, diff.policyChanged)
/// ```
public struct CatalogueDiff: Sendable, Hashable, Codable {
  /// The version compared from.
  public let fromVersion: Int
  /// The version compared to.
  public let toVersion: Int
  /// Beliefs listed in the newer version and not in the older one.
  public let addedBeliefs: [BeliefKey]
  /// Beliefs listed in both whose definition (statement, base rates, tags, importance, a
  /// dynamic belief's knowledge-tracing parameters) changed. Outcomes and kind never change:
  /// that is refused.
  public let changedBeliefs: [BeliefKey]
  /// Beliefs listed in the older version and not in the newer one: retired.
  public let removedBeliefs: [BeliefKey]
  /// Sources listed in the newer version and not in the older one.
  public let addedSources: [SourceID]
  /// Sources listed in both whose kind or reliability changed.
  public let changedSources: [SourceID]
  /// Sources listed in the older version and not in the newer one: retired.
  public let removedSources: [SourceID]
  /// Whether the default revision policy changed.
  public let policyChanged: Bool

  /// Whether nothing but the version number changed.
  public var isEmpty: Bool {
    addedBeliefs.isEmpty && changedBeliefs.isEmpty && removedBeliefs.isEmpty
      && addedSources.isEmpty && changedSources.isEmpty && removedSources.isEmpty
      && !policyChanged
  }

  init(from older: Catalogue, to newer: Catalogue) {
    fromVersion = older.version
    toVersion = newer.version
    addedBeliefs = newer.beliefs.map(\.key).filter { older.definition(for: $0) == nil }.sorted()
    changedBeliefs = newer.beliefs.filter { definition in
      older.definition(for: definition.key).map { $0 != definition } ?? false
    }.map(\.key).sorted()
    removedBeliefs = older.beliefs.map(\.key).filter { newer.definition(for: $0) == nil }.sorted()
    addedSources = newer.sources.map(\.id).filter { older.source($0) == nil }.sorted()
    changedSources = newer.sources.filter { source in
      older.source(source.id).map { $0 != source } ?? false
    }.map(\.id).sorted()
    removedSources = older.sources.map(\.id).filter { newer.source($0) == nil }.sorted()
    policyChanged = older.policy != newer.policy
  }
}
