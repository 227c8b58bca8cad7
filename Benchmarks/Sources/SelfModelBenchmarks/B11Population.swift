import BenchmarkSupport
import Foundation
import SelfModel

/// B11: fit population priors (``PopulationPriorFit``) over 100,000 users on a 300-belief
/// catalogue, generating the users page by page (seeded) so that no more than one page of
/// models exists at a time. The baseline, from the same run, is what every fit must pay
/// anyway: building the page's models and walking their ledgers. B11d fits the same users with
/// priors that forget (``PopulationDecay``), against B11 from the same run.
enum B11Population {
  static let beliefCount = 300
  static let beliefsPerUser = 30
  static let itemsPerBelief = 3
  static let contexts: [ContextID?] = ["module:0/type:A", "module:1/type:A", "type:B", nil]

  static func run(_ settings: Settings) throws -> [ResultRow] {
    let users = settings.count ?? (settings.quick ? 2_000 : 100_000)
    let pageSize = settings.quick ? 500 : 1_000
    let catalogue = try catalogue()
    var fit = PopulationPriorFit(catalogue: catalogue)
    // The same users fitted again with priors that forget (B11d): items are 0 to 59 days old.
    let decay = try PopulationDecay(halfLife: 30 * 86_400, at: Fixtures.start + 59 * 86_400)
    var decayedFit = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(decay: decay))
    var (building, walking, adding, addingDecayed) = (0.0, 0.0, 0.0, 0.0)
    var items = 0
    var firstPagePeak = 0
    for start in stride(from: 0, to: users, by: pageSize) {
      var page: [UserModel] = []
      building += try time { page = try models(start..<min(start + pageSize, users), catalogue) }
      walking += time { items += page.reduce(0) { $0 + walk($1) } }
      adding += try time { try fit.add(contentsOf: page) }
      addingDecayed += try time { try decayedFit.add(contentsOf: page) }
      if start == 0 { firstPagePeak = peakResidentBytes() }
    }
    var priors: PopulationPriors?
    let fitting = try time { priors = try fit.fit() }
    var decayedPriors: PopulationPriors?
    let fittingDecayed = try time { decayedPriors = try decayedFit.fit() }
    precondition(decayedPriors?.beliefs.count == beliefCount)
    let decayedTotal = addingDecayed + fittingDecayed
    let contextsFitted = priors?.beliefs.reduce(0) { $0 + $1.contexts.count } ?? 0
    precondition(priors?.beliefs.count == beliefCount && contextsFitted == beliefCount * 4)
    let total = adding + fitting
    let baseline = building + walking
    let endPeak = peakResidentBytes()
    let megabytes = { (bytes: Int) in Double(bytes) / 1_048_576 }
    print(
      "B11: \(users) users, \(items) items; build \(building) s, walk \(walking) s, "
        + "add \(adding) s, fit \(fitting) s; peak RSS after page 1 "
        + "\(megabytes(firstPagePeak)) MB, at the end \(megabytes(endPeak)) MB; with decay: add "
        + "\(addingDecayed) s, fit \(fittingDecayed) s")
    return [
      ResultRow(
        id: "B11",
        workload: "fit population priors: \(users / 1_000)k users x \(beliefCount) beliefs",
        value: total, unit: "s", baseline: "build + walk the pages' models",
        baselineValue: baseline, ratio: total / baseline, target: "<= 10 s", met: total <= 10),
      ResultRow(
        id: "B11d", workload: "  the same with priors that forget (half-life 30 d)",
        value: decayedTotal, unit: "s", baseline: "B11 (no decay), same run",
        baselineValue: total, ratio: decayedTotal / total, target: "<= 1.5x B11",
        met: decayedTotal <= 1.5 * total),
      ResultRow(
        id: "B11m", workload: "  peak RSS at the end (after page 1)", value: megabytes(endPeak),
        unit: "MB", baseline: "after page 1", baselineValue: megabytes(firstPagePeak),
        ratio: Double(endPeak) / Double(max(firstPagePeak, 1)), target: "one page",
        met: endPeak <= firstPagePeak + 64 * 1_048_576),
    ]
  }

  /// Sums something of every ledger item, so the walk cannot be optimised away.
  static func walk(_ model: UserModel) -> Int {
    model.evidence.reduce(0) { $0 &+ Int($1.weight) }
  }

  /// 270 binary beliefs and 30 with three outcomes, each declaring `type:A` and its two
  /// modules (evidence also names an undeclared `type:B`).
  static func catalogue() throws -> Catalogue {
    let contexts: [ContextID: ContextPrior] = [
      "type:A": ContextPrior(), "module:0/type:A": ContextPrior(parent: "type:A"),
      "module:1/type:A": ContextPrior(parent: "type:A"),
    ]
    let beliefs = try (0..<beliefCount).map { index in
      let key = try BeliefKey("belief.\(index)")
      return index % 10 == 9
        ? try BeliefDefinition(
          key: key, statement: "Belief \(index)", outcomes: ["a", "b", "c"], contexts: contexts)
        : try BeliefDefinition.binary(key, statement: "Belief \(index)", contexts: contexts)
    }
    return try Catalogue(
      version: 1, beliefs: beliefs, sources: [Source(id: "s", kind: .behavior, reliability: 1)])
  }

  /// The models of `users`, seeded by user number: each has three items on each of 30
  /// beliefs, with a user-specific rate around the belief's and context's.
  static func models(_ users: Range<Int>, _ catalogue: Catalogue) throws -> [UserModel] {
    try users.map { user in
      var random = BenchmarkRandom(seed: UInt64(user) &+ 11)
      var evidence: [Evidence] = []
      evidence.reserveCapacity(beliefsPerUser * itemsPerBelief)
      for slot in 0..<beliefsPerUser {
        let index = (user &* 7 &+ slot &* 10) % beliefCount
        let definition = catalogue.beliefs[index]
        let rate =
          0.2 + 0.6 * Double(index % 7) / 6 + Double.random(in: -0.15...0.15, using: &random)
        for item in 0..<itemsPerBelief {
          let context = contexts[(slot + item) % contexts.count]
          let shift = context == "type:B" ? -0.1 : 0.05
          let u = Double.random(in: 0..<1, using: &random)
          let outcome = definition.outcomes[
            u < rate + shift ? 0 : (definition.outcomes.count == 3 && u > 0.9 ? 2 : 1)]
          evidence.append(
            Evidence(
              id: try EvidenceID("\(slot)-\(item)"), belief: definition.key,
              content: .outcome(outcome), source: "s",
              observedAt: Fixtures.start + Double((user &+ slot &* 3 &+ item) % 60) * 86_400,
              context: context))
        }
      }
      return try UserModel(user: try UserID("u\(user)"), catalogue: catalogue, evidence: evidence)
    }
  }

  /// The process's peak resident set (`VmHWM` of `/proc/self/status`), or 0 where unknown.
  static func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
  }
}
