/// Which half-lives ``PolicyTuner`` tunes: one per source kind, or one per source.
///
/// ```swift
/// let tuner = PolicyTuner(halfLifeGrouping: .bySource)
/// ```
public enum HalfLifeGrouping: String, Sendable, Hashable, Codable, CaseIterable {
  /// One half-life per ``SourceKind`` (``RevisionPolicy/halfLifeBySourceKind``), for slots that
  /// no per-belief or per-source rule covers.
  case bySourceKind
  /// One half-life per source (``RevisionPolicy/halfLifeBySource``), which wins over every
  /// other rule, so every slot of the source follows it.
  case bySource
}
