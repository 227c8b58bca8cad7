import Foundation
import SelfModel

/// The priors row's population and context priors, fitted on 2013B in the example (written
/// before the library's `PopulationPriorFit` existed; the "library fit on 2013B" row shows that
/// `PopulationPriorFit` gives the same base rates); the shape follows the study's hierarchy.
///
/// Contexts, finest first: `module:BBB/type:TMA/pos:3` (the third TMA of BBB) under
/// `module:BBB/type:TMA` under `type:TMA`; a position whose module x type was not in 2013B hangs
/// under `type:TMA/pos:3`, itself under `type:TMA`. Base rates are 2013B rates shrunk toward
/// the parent's, `m_c = (K_c + kappa m_parent) / (N_c + kappa)`, with `kappa` the prior weight
/// of a `BetaBinomialFit` over the sibling contexts (each context one unit; `kappa = 1` with
/// one sibling or a failed fit). A position with at least 50 events all equal is *structural*
/// (a CMA never submitted by its due day): it keeps `(K + m_type) / (N + 1)` and is left out
/// of its parents' rates. Prior weights: `W_c` of each module x type and each type is the
/// `BetaBinomialFit` over its students' (successes, trials) in 2013B, 1,000 when every outcome
/// was equal (no finite maximum); positions inherit it. ``scaled(by:)`` then multiplies them.
struct ContextPriorFit: Sendable {
  /// The documented prior weight of a context whose 2013B outcomes were all equal.
  static let degenerateWeight = 1_000.0
  /// How many equal outcomes make a position structural.
  static let structuralMinimum = 50

  /// Every context of the belief, fitted and 2013J-only ones, by name.
  private(set) var nodes: [String: ContextNode]
  /// The belief's own base rate (2013B, structural positions left out).
  let baseRate: Double
  /// The belief's own prior weight: `BetaBinomialFit` over every 2013B student.
  let priorWeight: Double
  /// 2013B events per module x type, the weights of ``scaled(by:)``'s averages.
  let moduleTypeCounts: [String: Int]
  /// The structural positions (finest contexts), kept out of their parents' rates.
  let structural: Set<String>

  /// The finest context of `event`: `module:M/type:T/pos:k`.
  static func context(of event: LearningEvent) -> String {
    "module:\(event.assessment.module)/type:\(event.type)/pos:\(event.assessment.position)"
  }

  /// Fits on `training` (2013B) and adds a node for every context of `all` that 2013B lacks.
  init(training: [LearningEvent], all: [LearningEvent]) throws {
    let counts = Self.counts(training)
    let structural = Set(
      counts.filter {
        $0.value.1 >= Self.structuralMinimum && ($0.value.0 == 0 || $0.value.0 == $0.value.1)
      }
      .keys)
    let kept = training.filter { !structural.contains(Self.context(of: $0)) }
    self.structural = structural
    baseRate = Double(kept.filter(\.outcome).count) / Double(max(kept.count, 1))
    priorWeight = try Self.weight(training) ?? Self.degenerateWeight
    moduleTypeCounts = Self.counts(
      training, by: { "module:\($0.assessment.module)/type:\($0.type)" }
    )
    .mapValues(\.1)
    nodes = try Self.fit(training, kept: kept, structural: structural, beliefRate: baseRate)
    for event in all where nodes[Self.context(of: event)] == nil {
      let type = "type:\(event.type)"
      let position = "\(type)/pos:\(event.assessment.position)"
      let moduleType = "module:\(event.assessment.module)/\(type)"
      let parent = [moduleType, position, type].first { nodes[$0] != nil }
      nodes[Self.context(of: event)] = ContextNode(parent: parent)
    }
  }

  /// The fit with each module x type's `W_c` multiplied by `multipliers[c]` (default 1), and
  /// each type's by the event-weighted geometric mean of its module x types' multipliers.
  func scaled(by multipliers: [String: Double]) -> ContextPriorFit {
    var copy = self
    var logSums: [String: (Double, Int)] = [:]
    for (context, multiplier) in multipliers {
      copy.nodes[context]?.priorWeight = nodes[context]?.priorWeight.map { $0 * multiplier }
      guard let type = nodes[context]?.parent, let n = moduleTypeCounts[context] else { continue }
      let (sum, total) = logSums[type, default: (0, 0)]
      logSums[type] = (sum + Double(n) * log(multiplier), total + n)
    }
    for (type, (sum, total)) in logSums where total > 0 {
      copy.nodes[type]?.priorWeight = nodes[type]?.priorWeight.map { $0 * exp(sum / Double(total)) }
    }
    return copy
  }

  /// Hangs `context` under `parent`, adding it without priors of its own if it is new.
  mutating func setParent(of context: String, to parent: String) {
    nodes[context, default: ContextNode()].parent = parent
  }

  /// The task's belief with these priors, for the library.
  func definition(for task: LearningTask) throws -> BeliefDefinition {
    var contexts: [ContextID: ContextPrior] = [:]
    for (name, node) in nodes {
      contexts[try ContextID(name)] = ContextPrior(
        baseRates: node.baseRate.map { [$0, 1 - $0] }, priorWeight: node.priorWeight,
        parent: try node.parent.map { (parent) throws in try ContextID(parent) })
    }
    return try .binary(
      BeliefKey(task.beliefKey), statement: task.statement, baseRate: baseRate,
      priorWeight: priorWeight, contexts: contexts)
  }
}
