/// A streaming empirical-Bayes fit of population priors: add users' models one at a time (or a
/// page at a time), then ``fit()`` base rates and `W` per belief and per (belief, context).
///
/// **What is counted.** For each model, every ledger item about a belief the ``catalogue``
/// lists, that is in force for the model with the catalogue's outcomes (not retired, not
/// hidden by a belief of the user's own) and whose source is in force, counts as trials of
/// its outcome: a hard outcome (``EvidenceContent/outcome(_:)``) with a whole-number weight
/// `w` counts `w` trials (so the default weight 1 counts one); soft evidence
/// (``EvidenceContent/distribution(_:)``) and fractional weights are not counts of anything
/// and are skipped, and ``skippedEvidence`` says how many. Counts are undecayed and ignore
/// source reliability: the fit is of how often outcomes happen, not of the user's estimate.
/// An item counts for the belief, for its context, and for each of that context's declared
/// ancestors (``ContextPrior/parent``), once per user each.
///
/// **Memory.** Each (belief, context) keeps ``DirichletMultinomialCounts``: tables of how many
/// users had each count, so memory is bounded by the number of (belief, context, outcome,
/// count) cells, never by the number of users; one model is read at a time. Fits over pages
/// ``merge(_:)``, and the order users are added in does not change the result.
///
/// **Priors that forget.** With ``PopulationFitOptions/decay``, each outcome also counts
/// `2^(-age / halfLife)` of a trial at the fit's time, the fit's base rates, `W` and context
/// shrinkage use these fractional counts, and the whole-number counts are still reported
/// (``FittedPrior/outcomeTrials``) next to the decayed ones
/// (``FittedPrior/decayedOutcomeTrials``). See `Docs/Population.md`, "Priors that forget".
///
/// ```swift
/// var fit = PopulationPriorFit(catalogue: catalogue)
/// for model in page { try fit.add(model) }
/// let priors = try fit.fit()
/// let next = try priors.catalogue(replacing: catalogue, version: catalogue.version + 1)
/// ```
public struct PopulationPriorFit: Sendable {
  /// The catalogue whose beliefs are fitted (and into which the priors are published).
  public let catalogue: Catalogue
  /// How the fit counts and what it does with degenerate beliefs and contexts.
  public let options: PopulationFitOptions
  /// The models added.
  public private(set) var users = 0
  /// Evidence items of fitted beliefs that counted as no trial: soft evidence or a fractional
  /// weight.
  public private(set) var skippedEvidence = 0
  /// Counts per belief of ``catalogue``, in its order.
  var cells: [PopulationCells]
  /// Per belief: its outcomes.
  let outcomeNames: [[String]]
  /// The scratch table of the user being counted, reused from user to user.
  var userTrials: UserTrials
  /// The catalogue whose belief indices ``mapping`` translates, and the translation (model
  /// index to fitted index, or -1).
  private var mappedCatalogue: Catalogue?
  private var mapping: [Int] = []

  /// Creates an empty fit of `catalogue`'s beliefs.
  ///
  /// - Parameters:
  ///   - catalogue: The catalogue in force, whose beliefs are fitted.
  ///   - options: The options (default: refuse degenerate fits, 10 users for a context's `W`).
  public init(catalogue: Catalogue, options: PopulationFitOptions = PopulationFitOptions()) {
    self.catalogue = catalogue
    self.options = options
    // Catalogue validation guarantees at least two outcomes per belief.
    let isWeighted = options.decay != nil
    cells = catalogue.beliefs.compactMap {
      try? PopulationCells(
        outcomes: $0.outcomes.count, declaredParents: $0.contexts.compactMapValues(\.parent),
        isWeighted: isWeighted)
    }
    outcomeNames = catalogue.beliefs.map(\.outcomes)
    userTrials = UserTrials(beliefs: cells.count, isWeighted: isWeighted)
  }

  /// Counts one user's model.
  ///
  /// - Parameter model: The model; it may be on any catalogue version (beliefs are matched by
  ///   key and outcomes).
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` when one user's count
  ///   exceeds ``BetaBinomialCounts/maximumTrials``; ``ModelError/nonFiniteNumber(field:)``
  ///   for a weight that is not finite. Nothing of the model is counted then.
  public mutating func add(_ model: UserModel) throws(ModelError) {
    if mappedCatalogue?.storage !== model.catalogue.storage {
      mapping = beliefMapping(for: model.catalogue)
      mappedCatalogue = model.catalogue
    }
    let skipped = try countTrials(of: model, mapping: mapping)
    try addUserTrials(user: model.user)
    users += 1
    skippedEvidence += skipped
  }

  /// Counts every model of `models`, one at a time.
  ///
  /// - Parameter models: The models, for example one page of a store's users.
  /// - Throws: As ``add(_:)``; the models before the failing one stay counted.
  public mutating func add<Models: Sequence<UserModel>>(contentsOf models: Models)
    throws(ModelError)
  {
    for model in models { try add(model) }
  }

  /// Adds everything `other` counted (a fit of another page of users on the same catalogue).
  ///
  /// - Parameter other: The other fit.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` when its catalogue differs, or
  ///   its ``PopulationFitOptions/decay``.
  public mutating func merge(_ other: PopulationPriorFit) throws(ModelError) {
    guard catalogue.hasSameContent(as: other.catalogue) else {
      throw .incompatibleCatalogue(reason: "a population fit of another catalogue cannot merge")
    }
    guard options.decay == other.options.decay else {
      throw .incompatibleCatalogue(
        reason: "a population fit with another decay (half-life or time) cannot merge")
    }
    var updated = cells
    for index in updated.indices { try updated[index].merge(other.cells[index]) }
    cells = updated
    users += other.users
    skippedEvidence += other.skippedEvidence
  }
}
