import SelfModel

extension ContextPriorFit {
  /// (successes, events) per finest context.
  static func counts(_ events: [LearningEvent], by key: (LearningEvent) -> String = context(of:))
    -> [String: (Int, Int)]
  {
    var result: [String: (Int, Int)] = [:]
    for event in events {
      let (k, n) = result[key(event), default: (0, 0)]
      result[key(event)] = (k + (event.outcome ? 1 : 0), n + 1)
    }
    return result
  }

  /// The nodes of every context 2013B has: types, positions, module x types, finest ones.
  static func fit(
    _ training: [LearningEvent], kept: [LearningEvent], structural: Set<String>,
    beliefRate: Double
  ) throws -> [String: ContextNode] {
    var nodes: [String: ContextNode] = [:]
    var typeMeans: [String: Double] = [:]
    let keptTypes = counts(kept, by: { "type:\($0.type)" })
    for (type, (k, n)) in counts(training, by: { "type:\($0.type)" }) {
      let (k, n) = keptTypes[type] ?? (k, n)
      typeMeans[type] = (Double(k) + beliefRate) / Double(n + 1)
      let events = training.filter { "type:\($0.type)" == type }
      nodes[type] = ContextNode(baseRate: typeMeans[type], priorWeight: try weight(events))
    }
    try addGroups(&nodes, training: training, kept: kept, typeMeans: typeMeans)
    try addStructuralGroups(&nodes, training: training, typeMeans: typeMeans)
    for (context, (k, n)) in counts(training) where structural.contains(context) {
      let parts = context.split(separator: "/")
      let type = "type:" + parts[1].dropFirst(5)
      let parent = parts.prefix(2).joined(separator: "/")
      nodes[context] = ContextNode(
        baseRate: (Double(k) + (typeMeans[type] ?? beliefRate)) / Double(n + 1),
        parent: nodes[parent] == nil ? type : parent)
    }
    return nodes
  }

  /// Module x types whose every position is structural (not among the kept events): their
  /// own `(K + m_type) / (N + 1)` and `W_c` (1,000: all outcomes equal).
  private static func addStructuralGroups(
    _ nodes: inout [String: ContextNode], training: [LearningEvent], typeMeans: [String: Double]
  ) throws {
    let all = counts(training, by: { "module:\($0.assessment.module)/type:\($0.type)" })
    for (name, (k, n)) in all where nodes[name] == nil {
      let type = "type:" + (name.split(separator: "/").last?.dropFirst(5) ?? "")
      let events = training.filter { "module:\($0.assessment.module)/type:\($0.type)" == name }
      nodes[name] = ContextNode(
        baseRate: (Double(k) + (typeMeans[type] ?? 0.5)) / Double(n + 1),
        priorWeight: try weight(events) ?? degenerateWeight, parent: type)
    }
  }

  /// Positions and module x types under each type, then the finest contexts under each
  /// module x type, each shrunk toward its parent.
  private static func addGroups(
    _ nodes: inout [String: ContextNode], training: [LearningEvent], kept: [LearningEvent],
    typeMeans: [String: Double]
  ) throws {
    let positions = counts(kept, by: { "type:\($0.type)/pos:\($0.assessment.position)" })
    let moduleTypes = counts(kept, by: { "module:\($0.assessment.module)/type:\($0.type)" })
    for (type, mean) in typeMeans {
      for (name, rate) in shrunk(positions.filter { $0.key.hasPrefix(type + "/") }, toward: mean) {
        nodes[name] = ContextNode(baseRate: rate, parent: type)
      }
      for (name, rate) in shrunk(moduleTypes.filter { $0.key.hasSuffix("/" + type) }, toward: mean)
      {
        let events = training.filter { "module:\($0.assessment.module)/type:\($0.type)" == name }
        nodes[name] = ContextNode(
          baseRate: rate, priorWeight: try weight(events) ?? degenerateWeight, parent: type)
      }
    }
    let fine = counts(kept)
    for (name, node) in nodes where name.hasPrefix("module:") {
      let children = fine.filter { $0.key.hasPrefix(name + "/") }
      for (context, rate) in shrunk(children, toward: node.baseRate ?? 0.5) {
        nodes[context] = ContextNode(baseRate: rate, parent: name)
      }
    }
  }

  /// `m_c = (K_c + kappa m) / (N_c + kappa)` for each sibling `c`; `kappa` is the prior weight
  /// of a beta-binomial fitted over the siblings (each one unit), 1 if that is not possible.
  static func shrunk(_ siblings: [String: (Int, Int)], toward mean: Double) -> [String: Double] {
    var counts = BetaBinomialCounts()
    for (k, n) in siblings.values { try? counts.add(successes: k, trials: n) }
    let fitted = siblings.count > 1 ? (try? BetaBinomialFit(fitting: counts))?.priorWeight : nil
    let kappa = max(fitted ?? 1, 1)
    return siblings.mapValues { (Double($0.0) + kappa * mean) / (Double($0.1) + kappa) }
  }

  /// The prior weight of a `BetaBinomialFit` over each student's (successes, trials) among
  /// `events`; `nil` when every outcome is equal (the fit has no finite maximum).
  static func weight(_ events: [LearningEvent]) throws -> Double? {
    var perStudent: [Int: (Int, Int)] = [:]
    for event in events {
      let (k, n) = perStudent[event.student, default: (0, 0)]
      perStudent[event.student] = (k + (event.outcome ? 1 : 0), n + 1)
    }
    var counts = BetaBinomialCounts()
    for (k, n) in perStudent.values { try counts.add(successes: k, trials: n) }
    guard counts.successes > 0, counts.successes < counts.trials else { return nil }
    return try BetaBinomialFit(fitting: counts).priorWeight
  }
}
