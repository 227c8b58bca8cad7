import Foundation
import SelfModelTesting
import Testing

@testable import SelfModel

/// The counting walk of `PopulationPriorFit` (the ledger walked in place, contexts interned,
/// one scratch table reused from user to user) against a plain count of the public
/// `UserModel.evidence`, on a seeded random population.
@Suite struct PopulationCountingTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)
  static let contexts: [ContextID?] = [nil, "a", "a/b", "a/b/c", "x", "k", "k/1", "u:1"]

  /// Beliefs with a chain of declared contexts, a categorical one, one without contexts and
  /// one to be retired; two sources, one to be retired.
  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        .binary(
          "b.bin", statement: "Binary",
          contexts: [
            "a": ContextPrior(), "a/b": ContextPrior(parent: "a"),
            "a/b/c": ContextPrior(parent: "a/b"), "x": ContextPrior(),
          ]),
        BeliefDefinition(
          key: "b.cat", statement: "Categorical", outcomes: ["p", "q", "r", "s"],
          contexts: ["k": ContextPrior(), "k/1": ContextPrior(parent: "k")]),
        .binary("b.plain", statement: "No contexts"),
        .binary("b.gone", statement: "Retired later"),
      ],
      sources: [
        Source(id: "s", kind: .behavior, reliability: 1),
        Source(id: "old", kind: .behavior, reliability: 1),
      ])
  }

  /// The next version: `b.gone` and `old` retired, `b.new` added.
  static func successor(of catalogue: Catalogue) throws -> Catalogue {
    try Catalogue(
      version: 2,
      beliefs: Array(catalogue.beliefs.prefix(3)) + [.binary("b.new", statement: "New")],
      sources: [Source(id: "s", kind: .behavior, reliability: 1)]
    ).successor(of: catalogue)
  }

  /// Users with random items: outcomes and soft evidence, whole and fractional weights,
  /// contexts declared and not, own beliefs (one hiding `b.plain` with other outcomes), an own
  /// source; every third user moved to the successor catalogue.
  static func population(seed: UInt64, users: Int) throws -> (Catalogue, [UserModel]) {
    let catalogue = try catalogue()
    let next = try successor(of: catalogue)
    var random = SeededRandom(seed: seed)
    let models = try (0..<users).map { user in
      var model = try UserModel(
        user: try UserID("user-\(user)"), catalogue: catalogue,
        beliefs: user % 4 == 0
          ? [
            .binary("own.x", statement: "Own"),
            BeliefDefinition(key: "b.plain", statement: "Hides", outcomes: ["u", "v", "w"]),
          ] : [],
        sources: [Source(id: "mine", kind: .userStated, reliability: 0.9)])
      for index in 0..<Int.random(in: 0...40, using: &random) {
        try model.append(try item(index, of: model, using: &random), at: now)
      }
      if user % 3 == 0 { try model.adopt(next) }
      return model
    }
    return (catalogue, models)
  }

  static func item(
    _ index: Int, of model: UserModel, using random: inout SeededRandom
  ) throws -> Evidence {
    let definition = try #require(model.beliefs.randomElement(using: &random))
    let rest = 0.4 / Double(definition.outcomes.count - 1)
    let content: EvidenceContent =
      Int.random(in: 0..<10, using: &random) == 0
      ? .distribution(
        Dictionary(
          uniqueKeysWithValues: definition.outcomes.enumerated().map { ($1, $0 == 0 ? 0.6 : rest) }
        ))
      : .outcome(try #require(definition.outcomes.randomElement(using: &random)))
    return Evidence(
      id: try EvidenceID("e\(index)"), belief: definition.key, content: content,
      weight: try #require([1, 1, 1, 2, 3, 0.5, 1.5].randomElement(using: &random)),
      source: try #require(
        (["s", "s", "old", "mine"] as [SourceID]).randomElement(using: &random)),
      observedAt: now, context: contexts.randomElement(using: &random) ?? nil)
  }

  /// A plain count: per fitted belief, per context (`nil` the belief overall), the users'
  /// counts; and the items skipped.
  static func referenceCounts(
    _ models: [UserModel], catalogue: Catalogue
  ) throws -> ([[ContextID?: DirichletMultinomialCounts]], Int) {
    var result = catalogue.beliefs.map { _ in [ContextID?: DirichletMultinomialCounts]() }
    var skipped = 0
    for model in models {
      var user: [Int: [ContextID?: [Int]]] = [:]
      for item in model.evidence {
        guard let listed = model.catalogue.definition(for: item.belief),
          model.definition(for: item.belief)?.outcomes == listed.outcomes,
          let fitted = catalogue.beliefs.firstIndex(where: {
            $0.key == item.belief && $0.outcomes == listed.outcomes
          }),
          model.source(item.source) != nil
        else { continue }
        let definition = catalogue.beliefs[fitted]
        guard case .outcome(let name) = item.content,
          let outcome = definition.outcomes.firstIndex(of: name),
          item.weight == item.weight.rounded()
        else {
          skipped += 1
          continue
        }
        var chain: [ContextID?] = [nil]
        var context = item.context
        while let current = context {
          chain.append(current)
          context = definition.contexts[current]?.parent
        }
        for context in chain {
          user[fitted, default: [:]][
            context,
            default: Array(
              repeating: 0, count: definition.outcomes.count)][outcome] += Int(item.weight)
        }
      }
      for (belief, cells) in user {
        for (context, counts) in cells {
          if result[belief][context] == nil {
            result[belief][context] = try DirichletMultinomialCounts(outcomes: counts.count)
          }
          try result[belief][context]?.add(counts)
        }
      }
    }
    return (result, skipped)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func theWalkCountsWhatAPlainCountCounts(seed: UInt64) throws {
    let (catalogue, models) = try Self.population(seed: seed, users: 60)
    var fit = PopulationPriorFit(catalogue: catalogue)
    // Two pages merged, so interning in another order is covered too.
    var second = PopulationPriorFit(catalogue: catalogue)
    try fit.add(contentsOf: models[..<25].reversed())
    try second.add(contentsOf: models[25...])
    try fit.merge(second)
    let (reference, skipped) = try Self.referenceCounts(models, catalogue: catalogue)
    #expect(fit.users == models.count)
    #expect(fit.skippedEvidence == skipped && skipped > 0)
    for (index, cells) in fit.cells.enumerated() {
      #expect(cells.overall == reference[index][nil] ?? cells.overall.emptied)
      var contexts = reference[index]
      contexts[nil] = nil
      let expected = contexts.compactMap { context, counts in context.map { ($0, counts) } }
      #expect(cells.contexts == Dictionary(uniqueKeysWithValues: expected))
    }
    #expect(fit.cells[0].contexts.count == 7, "a, a/b, a/b/c and x declared, k, k/1, u:1 not")
  }

  /// A user over the trial limit is refused whole: what it interned or left in the scratch
  /// table changes nothing counted after it.
  @Test func aRefusedUserLeavesNoTrace() throws {
    let (catalogue, models) = try Self.population(seed: 4, users: 30)
    var heavy = try UserModel(user: "heavy", catalogue: catalogue)
    for (index, context) in (["a/b/c", "k/1", "z:9"] as [ContextID]).enumerated() {
      try heavy.append(
        Evidence(
          id: try EvidenceID("h\(index)"), belief: "b.bin", content: .holds, weight: 600_000,
          source: "s", observedAt: Self.now, context: context),
        at: Self.now)
    }
    var plain = PopulationPriorFit(catalogue: catalogue)
    try plain.add(contentsOf: models)
    var refused = PopulationPriorFit(catalogue: catalogue)
    try refused.add(contentsOf: models[..<10])
    #expect(throws: ModelError.self) { try refused.add(heavy) }
    try refused.add(contentsOf: models[10...])
    #expect(refused.users == plain.users && refused.skippedEvidence == plain.skippedEvidence)
    for (mine, other) in zip(refused.cells, plain.cells) {
      #expect(mine.overall == other.overall && mine.contexts == other.contexts)
    }
    #expect(refused.cells[0].contexts["z:9"] == nil)
    #expect(try refused.fit() == plain.fit())
  }
}
