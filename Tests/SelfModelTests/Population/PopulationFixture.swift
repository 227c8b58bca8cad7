import Foundation
import SelfModel

/// The literal population of `Scripts/reference/population_priors.py`, as models: a binary
/// belief "mastery" with declared contexts and a three-outcome belief "tone".
enum PopulationFixture {
  static let mastery: BeliefKey = "mastery"
  static let tone: BeliefKey = "tone"
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  /// `MASTERY`: per user, (context, successes, trials).
  static let masteryUsers: [[(String, Int, Int)]] = [
    [("module:A/type:TMA", 4, 4), ("type:CMA", 1, 6)],
    [("module:A/type:TMA", 4, 5), ("module:B/type:TMA", 1, 4)],
    [("module:B/type:TMA", 2, 6), ("type:CMA", 0, 5)],
    [("module:A/type:TMA", 5, 6), ("type:CMA", 1, 4)],
    [("module:B/type:TMA", 0, 3)],
    [("type:CMA", 2, 7), ("module:A/type:TMA", 3, 3)],
    [("module:A/type:TMA", 1, 2), ("module:B/type:TMA", 1, 5), ("type:CMA", 0, 3)],
    [("module:B/type:TMA", 3, 4)],
    [("type:CMA", 0, 4)],
    [("module:A/type:TMA", 6, 7), ("type:CMA", 2, 5)],
  ]

  /// `TONE`: per user, (context, counts of warm, neutral, curt).
  static let toneUsers: [[(String, [Int])]] = [
    [("surface:chat", [3, 1, 0]), ("surface:mail", [0, 1, 3])],
    [("surface:chat", [4, 2, 0])],
    [("surface:mail", [1, 0, 5])],
    [("surface:chat", [2, 1, 1]), ("surface:mail", [0, 1, 2])],
    [("surface:chat", [5, 0, 1])],
    [("surface:mail", [1, 2, 4]), ("surface:chat", [3, 0, 1])],
    [("surface:chat", [6, 1, 1])],
    [("surface:mail", [0, 3, 3]), ("surface:chat", [2, 2, 0])],
  ]

  static func masteryDefinition() throws -> BeliefDefinition {
    try BeliefDefinition.binary(
      mastery, statement: "Scores at least 70", baseRate: 0.5,
      contexts: [
        "type:TMA": ContextPrior(),
        "module:A/type:TMA": ContextPrior(parent: "type:TMA"),
        "module:B/type:TMA": ContextPrior(parent: "type:TMA"),
      ])
  }

  static func catalogue(version: Int = 1) throws -> Catalogue {
    try Catalogue(
      version: version,
      beliefs: [
        masteryDefinition(),
        BeliefDefinition(
          key: tone, statement: "Prefers a tone", outcomes: ["warm", "neutral", "curt"]),
      ],
      sources: [Source(id: "s", kind: .behavior, reliability: 1)])
  }

  /// The items of one user: each (context, outcome, count) as one item whose weight is the
  /// count (whole-number weights count that many trials).
  static func evidence(user index: Int) throws -> [Evidence] {
    var items: [(BeliefKey, String, String, Int)] = []
    for (context, k, n) in masteryUsers[index] {
      items.append((mastery, context, "true", k))
      items.append((mastery, context, "false", n - k))
    }
    if index < toneUsers.count {
      for (context, counts) in toneUsers[index] {
        for (outcome, count) in zip(["warm", "neutral", "curt"], counts) {
          items.append((tone, context, outcome, count))
        }
      }
    }
    var result: [Evidence] = []
    for (position, item) in items.filter({ $0.3 > 0 }).enumerated() {
      result.append(
        Evidence(
          id: try EvidenceID("u\(index)-e\(position)"), belief: item.0,
          content: .outcome(item.2), weight: Double(item.3), source: "s", observedAt: now,
          context: try ContextID(item.1)))
    }
    return result
  }

  static func models(on catalogue: Catalogue) throws -> [UserModel] {
    try masteryUsers.indices.map { index in
      try UserModel(
        user: try UserID("user-\(index)"), catalogue: catalogue,
        evidence: try evidence(user: index))
    }
  }
}
