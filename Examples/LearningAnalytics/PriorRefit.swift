import Foundation
import SelfModel

/// The nightly job of the "priors refitted daily" row: the library's `PopulationPriorFit` over
/// the students' models, base rates only, published with
/// `PopulationPriors.catalogue(replacing:version:)`.
///
/// `base` is the catalogue of the priors row, fitted and tuned on 2013B (``ContextPriorFit``
/// scaled). A refit replaces the base rates of the belief and of every context the models have
/// evidence in, and keeps everything else of `base`: the tree, and every `W` and `W_c` (the
/// library's `W` fits are switched off, `minimumUsersForWeight` is `Int.max`, and publishing
/// keeps the replaced catalogue's weights, `priorWeights: .keepCurrent`). Two fits read
/// the same models, because `PopulationPriorFit` counts a context for its declared ancestors,
/// a tree: one with `base`'s tree, and one where every finest context hangs under its
/// position `type:T/pos:k`, whose rates pool the position over every module as the 2013B fit
/// does; the positions, and the finest contexts `base` hangs under them (modules new in
/// 2013J), take the second fit's rates. Models given to a refit hold no evidence of structural
/// positions (see ``ContextPriorFit/structural``), which keep their 2013B priors.
struct PriorRefit: Sendable {
  /// The catalogue of the priors row: its tree and weights.
  let base: Catalogue
  /// `base`'s contexts, with every finest context under its position.
  let positionTree: Catalogue
  /// The belief.
  let key: BeliefKey
  /// The half-life of the refit's outcomes (the "priors that forget" row), or `nil`: every
  /// outcome counts 1.
  var halfLife: Double?

  /// Structural fits get the documented 1,000 (none expected: structural evidence stays out);
  /// no context `W` is fitted; with ``halfLife``, outcomes fade from `time`.
  func options(at time: Date) throws -> PopulationFitOptions {
    PopulationFitOptions(
      degenerateFits: .structural(weight: ContextPriorFit.degenerateWeight),
      minimumUsersForWeight: .max,
      decay: try halfLife.map { try PopulationDecay(halfLife: $0 * 86_400, at: time) })
  }

  /// The refit of the priors row `fit` for `task`, forgetting with `halfLife` days.
  init(_ fit: ContextPriorFit, task: LearningTask, halfLife: Double? = nil) throws {
    self.halfLife = halfLife
    key = try BeliefKey(task.beliefKey)
    base = try Self.catalogue(fit.definition(for: task))
    var positions = fit
    for name in fit.nodes.keys where Self.isFinest(name) && !fit.structural.contains(name) {
      let position = Self.position(of: name)
      if fit.nodes[position] == nil {
        positions.setParent(of: position, to: String(position.split(separator: "/")[0]))
      }
      positions.setParent(of: name, to: position)
    }
    positionTree = try Self.catalogue(positions.definition(for: task))
  }

  /// A catalogue with the one belief and the one source.
  static func catalogue(_ definition: BeliefDefinition) throws -> Catalogue {
    try Catalogue(
      version: 1, beliefs: [definition],
      sources: [Source(id: LibraryReplay.source, kind: .behavior, reliability: 1)])
  }

  /// Whether `name` is a finest context, `module:M/type:T/pos:k`.
  static func isFinest(_ name: String) -> Bool { name.split(separator: "/").count == 3 }

  /// The position of a finest context: `type:T/pos:k`.
  static func position(of name: String) -> String {
    name.split(separator: "/").dropFirst().joined(separator: "/")
  }

  /// Whether a position, `type:T/pos:k`.
  static func isPosition(_ name: String) -> Bool {
    name.hasPrefix("type:") && name.split(separator: "/").count == 2
  }
}

extension PriorRefit {
  /// `current` with base rates refitted on `models` at `time`, as version `version`.
  func catalogue(replacing current: Catalogue, version: Int, models: [UserModel], at time: Date)
    throws -> Catalogue
  {
    let options = try options(at: time)
    var treeFit = PopulationPriorFit(catalogue: base, options: options)
    var positionFit = PopulationPriorFit(catalogue: positionTree, options: options)
    for model in models {
      try treeFit.add(model)
      try positionFit.add(model)
    }
    let tree = try treeFit.fit(belief: key)
    let positions = try positionFit.fit(belief: key)
    guard let definition = base.definition(for: key) else { throw ModelError.unknownBelief(key) }
    var contexts: [ContextID: FittedPrior] = [:]
    for (context, prior) in tree.contexts where definition.contexts[context] != nil {
      contexts[context] = prior
    }
    for (context, prior) in positions.contexts where takesPositionRates(context, definition) {
      contexts[context] = prior
    }
    let belief = FittedBelief(key: key, prior: tree.prior, contexts: contexts)
    let priors = PopulationPriors(
      catalogueVersion: base.version, users: treeFit.users,
      skippedEvidence: treeFit.skippedEvidence, beliefs: [belief], unobservedBeliefs: [])
    return try priors.catalogue(replacing: current, version: version, priorWeights: .keepCurrent)
  }

  /// Whether `context` is a position of `base`, or a finest context `base` hangs under one.
  private func takesPositionRates(_ context: ContextID, _ definition: BeliefDefinition) -> Bool {
    guard let prior = definition.contexts[context] else { return false }
    return Self.isPosition(context.rawValue)
      || prior.parent.map { Self.isPosition($0.rawValue) } ?? false
  }
}
