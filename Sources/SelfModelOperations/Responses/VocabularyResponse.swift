public import SelfModel

/// The catalogue's beliefs and sources as an agent needs them to start: keys, statements,
/// outcomes, contexts and tags, and which sources exist.
///
/// ```json
/// {"version": 2, "beliefs": [{"key": "preference.concise", "statement": "Prefers concise
///  answers", "outcomes": ["true", "false"], "contexts": [], "tags": []}],
///  "sources": [{"id": "clicks", "kind": "behavior", "reliability": 0.6}]}
/// ```
public struct VocabularyResponse: Sendable, Hashable, Codable {
  /// One belief of the catalogue.
  public struct Belief: Sendable, Hashable, Codable {
    /// The key.
    public var key: BeliefKey
    /// What it says, for people and prompts.
    public var statement: String
    /// Its outcomes, in order.
    public var outcomes: [String]
    /// The situations it has a prior for.
    public var contexts: [ContextID]
    /// Its tags.
    public var tags: [String]
  }

  /// The catalogue's version.
  public var version: Int
  /// Its beliefs, in the catalogue's order.
  public var beliefs: [Belief]
  /// Its sources.
  public var sources: [Source]

  /// Describes a catalogue.
  ///
  /// - Parameter catalogue: The catalogue.
  public init(_ catalogue: Catalogue) {
    version = catalogue.version
    beliefs = catalogue.beliefs.map { definition in
      Belief(
        key: definition.key, statement: definition.statement, outcomes: definition.outcomes,
        contexts: definition.contexts.keys.sorted { $0.rawValue < $1.rawValue },
        tags: definition.tags)
    }
    sources = catalogue.sources
  }
}
