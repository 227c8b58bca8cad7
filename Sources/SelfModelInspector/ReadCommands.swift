import Foundation
import SelfModel
import SelfModelStore

/// The read-only commands: they read the files through `StoreInspector`, without the lock.
enum ReadCommands {
  /// One row of `show`.
  struct Row: Encodable {
    let belief: String
    let outcome: String
    let probability: Double
    let confidence: Double
    let lower: Double
    let upper: Double
  }

  /// `users`: every user, then the damaged folders.
  static func users(_ invocation: Invocation) throws -> Int32 {
    let page = try StoreInspector(root: invocation.store).users()
    if invocation.json {
      try Inspector.printJSON(["users": page.users.map(\.rawValue), "damaged": page.damaged])
    } else {
      for user in page.users { print(user.rawValue) }
      for path in page.damaged { print("damaged: \(path)") }
    }
    return page.damaged.isEmpty ? 0 : 1
  }

  /// `show USER`: a table of beliefs.
  static func show(_ invocation: Invocation) throws -> Int32 {
    let user = try UserID(try invocation.argument(0, "a user"))
    let model = try StoreInspector(root: invocation.store).model(for: user)
    var rows: [Row] = []
    for estimate in try model.estimates(at: invocation.at ?? Date()) {
      for (outcome, probability) in zip(estimate.outcomes, estimate.probabilities) {
        let interval = try estimate.credibleInterval(for: outcome)
        rows.append(
          Row(
            belief: estimate.key.rawValue, outcome: outcome, probability: probability,
            confidence: estimate.confidence, lower: interval.lowerBound,
            upper: interval.upperBound))
      }
    }
    if invocation.json { try Inspector.printJSON(rows) } else { print(TextTable.render(rows)) }
    return 0
  }

  /// `explain USER BELIEF`: the evidence behind a belief.
  static func explain(_ invocation: Invocation) throws -> Int32 {
    let user = try UserID(try invocation.argument(0, "a user"))
    let key = try BeliefKey(try invocation.argument(1, "a belief"))
    let model = try StoreInspector(root: invocation.store).model(for: user)
    let explanation = try model.explain(key, at: invocation.at ?? Date())
    if invocation.json {
      try Inspector.printJSON(explanation)
      return 0
    }
    let estimate = explanation.estimate
    let shares = zip(estimate.outcomes, estimate.probabilities).map { "\($0) \(percent($1))" }
    print(
      "\(key.rawValue): \(shares.joined(separator: ", ")); confidence \(percent(estimate.confidence))"
    )
    for item in explanation.contributions {
      let evidence = item.evidence
      print(
        "  \(evidence.id.rawValue)  weight now \(String(format: "%.3f", item.currentWeight))"
          + "  from \(evidence.source.rawValue)  decay \(String(format: "%.3f", item.decayFactor))"
          + "  shift \(item.probabilityShift.map { String(format: "%+.3f", $0) })")
    }
    return 0
  }

  /// `verify`: every file's checksums and bindings; exit 1 if anything is damaged.
  static func verify(_ invocation: Invocation) throws -> Int32 {
    let damage = try StoreInspector(root: invocation.store).verify()
    if invocation.json {
      try Inspector.printJSON(["damaged": damage])
    } else if damage.isEmpty {
      print("ok: no damaged files")
    } else {
      for item in damage { print("damaged: \(item.path): \(item.detail)") }
    }
    return damage.isEmpty ? 0 : 1
  }

  /// `catalogue`: the catalogue in force, with its retired entries.
  static func catalogue(_ invocation: Invocation) throws -> Int32 {
    let catalogue = try StoreInspector(root: invocation.store).catalogue()
    if invocation.json {
      try Inspector.printJSON(catalogue)
      return 0
    }
    print("catalogue version \(catalogue.version)")
    for belief in catalogue.beliefs {
      print(
        "belief  \(belief.key) [\(belief.outcomes.joined(separator: " | "))]: \(belief.statement)")
    }
    for source in catalogue.sources {
      print("source  \(source.id) (\(source.kind.rawValue), reliability \(source.reliability))")
    }
    for belief in catalogue.retiredBeliefs { print("retired belief  \(belief.key)") }
    for source in catalogue.retiredSources { print("retired source  \(source.id)") }
    return 0
  }

  /// `export USER`: the export document on standard output.
  static func export(_ invocation: Invocation) throws -> Int32 {
    let user = try UserID(try invocation.argument(0, "a user"))
    let model = try StoreInspector(root: invocation.store).model(for: user)
    let data = try ExportDocument(snapshot: model.snapshot).encoded()
    print(String(decoding: data, as: UTF8.self))
    return 0
  }

  /// A probability as a percentage with one decimal.
  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
