/// The shared, immutable storage of a ``Catalogue``: its entries and their lookup tables.
///
/// Every ``UserModel`` built on a catalogue holds a reference to one `CatalogueStorage`, so
/// the definitions and the tables that find them exist once per process, not once per user.
final class CatalogueStorage: Sendable {
  /// The part of a catalogue that equality compares, apart from its version.
  struct Content: Sendable, Hashable {
    var beliefs: [BeliefDefinition]
    var sources: [Source]
    var policy: RevisionPolicy
    var retiredBeliefs: [BeliefDefinition]
    var retiredSources: [Source]
  }

  let version: Int
  let content: Content
  let beliefIndex: [BeliefKey: Int]
  let sourceIndex: [SourceID: Int]
  let retiredBeliefIndex: [BeliefKey: Int]
  let retiredSourceIndex: [SourceID: Int]
  /// The reliability of each listed source under ``policy``, in the order of ``sources``.
  let reliabilities: [Double]

  var beliefs: [BeliefDefinition] { content.beliefs }
  var sources: [Source] { content.sources }
  var policy: RevisionPolicy { content.policy }
  var retiredBeliefs: [BeliefDefinition] { content.retiredBeliefs }
  var retiredSources: [Source] { content.retiredSources }

  /// The storage of the empty catalogue, version 0.
  init() {
    version = 0
    content = Content(
      beliefs: [], sources: [], policy: RevisionPolicy(), retiredBeliefs: [], retiredSources: [])
    beliefIndex = [:]
    sourceIndex = [:]
    retiredBeliefIndex = [:]
    retiredSourceIndex = [:]
    reliabilities = []
  }

  init(
    version: Int, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy,
    retiredBeliefs: [BeliefDefinition], retiredSources: [Source]
  ) throws(ModelError) {
    var beliefIndex: [BeliefKey: Int] = [:]
    var retiredBeliefIndex: [BeliefKey: Int] = [:]
    beliefIndex.reserveCapacity(beliefs.count)
    for (index, definition) in beliefs.enumerated() {
      guard beliefIndex.updateValue(index, forKey: definition.key) == nil else {
        throw .duplicateBelief(definition.key)
      }
    }
    for (index, definition) in retiredBeliefs.enumerated() {
      guard beliefIndex[definition.key] == nil,
        retiredBeliefIndex.updateValue(index, forKey: definition.key) == nil
      else { throw .duplicateBelief(definition.key) }
    }
    var sourceIndex: [SourceID: Int] = [:]
    var retiredSourceIndex: [SourceID: Int] = [:]
    for (index, source) in sources.enumerated() {
      guard sourceIndex.updateValue(index, forKey: source.id) == nil else {
        throw .incompatibleCatalogue(reason: "source \(source.id) is listed twice")
      }
    }
    for (index, source) in retiredSources.enumerated() {
      guard sourceIndex[source.id] == nil,
        retiredSourceIndex.updateValue(index, forKey: source.id) == nil
      else { throw .incompatibleCatalogue(reason: "source \(source.id) is listed twice") }
    }
    self.version = version
    self.content = Content(
      beliefs: beliefs, sources: sources, policy: policy, retiredBeliefs: retiredBeliefs,
      retiredSources: retiredSources)
    self.beliefIndex = beliefIndex
    self.sourceIndex = sourceIndex
    self.retiredBeliefIndex = retiredBeliefIndex
    self.retiredSourceIndex = retiredSourceIndex
    self.reliabilities = sources.map { policy.reliability(of: $0) }
  }
}
