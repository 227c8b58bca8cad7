import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct PromptSelectorTests {
  static let now = Date(timeIntervalSince1970: 1_767_225_600)
  static let day: TimeInterval = 86_400

  /// Six beliefs: concise (strong yes), emoji (strong no), tone (categorical), humour
  /// (contested), examples (stale), jokes (no evidence).
  static func model() throws -> UserModel {
    var model = try UserModel(
      user: "u", policy: RevisionPolicy(halfLifeBySourceKind: [.behavior: 7 * day]))
    try model.declare(
      .binary("style.concise", statement: "Prefers concise answers", tags: ["style"]))
    try model.declare(.binary("style.emoji", statement: "Likes emoji", tags: ["style"]))
    try model.declare(
      BeliefDefinition(
        key: "style.tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"],
        tags: ["style", "chat"], importance: 2))
    try model.declare(.binary("chat.humour", statement: "Enjoys humour", tags: ["chat"]))
    try model.declare(.binary("coding.examples", statement: "Wants code examples"))
    try model.declare(.binary("coding.jokes", statement: "Wants jokes in code comments"))
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 1))
    var items: [Evidence] = []
    func add(
      _ key: BeliefKey, _ content: EvidenceContent, _ count: Int, source: SourceID = "user",
      daysAgo: Double = 0
    ) throws {
      for index in 0..<count {
        items.append(
          Evidence(
            id: try EvidenceID("\(key)-\(items.count)-\(index)"), belief: key, content: content,
            source: source, observedAt: now.addingTimeInterval(-daysAgo * day)))
      }
    }
    try add("style.concise", .holds, 9)
    try add("style.emoji", .doesNotHold, 6)
    try add("style.tone", .outcome("casual"), 3)
    try add("chat.humour", .holds, 4)
    try add("chat.humour", .doesNotHold, 4)
    try add("coding.examples", .holds, 6, source: "clicks", daysAgo: 21)
    try model.record(items, at: now)
    return model
  }

  @Test func selectsByTagRanksAndHedges() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(for: PromptQuery(tags: ["style"]))
    // The tone belief is less certain but twice as important.
    #expect(context.entries.map(\.key) == ["style.tone", "style.concise", "style.emoji"])
    let lines = context.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(
      lines[1] == "- likely: Preferred tone: casual (p 0.73, some evidence; why: tag \"style\")")
    #expect(
      lines[2]
        == "- almost certainly: Prefers concise answers (p 0.91, strong evidence; why: tag \"style\")"
    )
    #expect(
      lines[3] == "- very likely not: Likes emoji (p 0.88, some evidence; why: tag \"style\")")
    #expect(context.entries.allSatisfy { $0.reasons == [.tag("style")] })
  }

  @Test func contestedAndStaleBeliefsAreMarkedAndNeverStatedAsFacts() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(
      for: PromptQuery(keys: ["chat.humour", "coding.examples"]))
    let humour = try #require(context.entries.first { $0.key == "chat.humour" })
    #expect(humour.isContested && !humour.isStale)
    #expect(humour.line.hasPrefix("- [contested] may: Enjoys humour"))
    let examples = try #require(context.entries.first { $0.key == "coding.examples" })
    #expect(examples.isStale && !examples.isContested)
    #expect(examples.line.hasPrefix("- [stale] may: Wants code examples"))
    #expect(isClose(examples.freshness, 0.125))
  }

  @Test func budgetsAreRespectedAndExclusionsListed() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let request = PromptQuery(
      keyPrefixes: ["style.", "coding."], budget: PromptBudget(beliefs: 2), excludedLimit: 5)
    let context = try selector.prompt(for: request)
    #expect(context.entries.count == 2)
    #expect(context.relevantCount == 5)
    #expect(
      context.excluded.map(\.exclusion) == [.overBeliefBudget, .overBeliefBudget, .noEvidence])
    #expect(context.excluded.last?.key == "coding.jokes")
    let tight = try selector.prompt(
      for: PromptQuery(
        keyPrefixes: ["style."], budget: PromptBudget(beliefs: 10, characters: 200),
        excludedLimit: 5))
    #expect(tight.text.count <= 200)
    #expect(tight.entries.count == 1)
    #expect(tight.excluded.allSatisfy { $0.exclusion == .overCharacterBudget })
  }

  /// A budget too small for any line: the text stays within it and says how many relevant
  /// beliefs it cut, instead of claiming that nothing is known.
  @Test(arguments: [40, 60, 120, 160])
  func aTinyCharacterBudgetIsHonouredAndExplained(characters: Int) throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(
      for: PromptQuery(
        keyPrefixes: ["style."], budget: PromptBudget(beliefs: 10, characters: characters)))
    let unlimited = try selector.prompt(for: PromptQuery(keyPrefixes: ["style."]))
    #expect(context.text.count <= characters)
    #expect(!context.text.contains("nothing relevant"))
    let cut = unlimited.entries.count - context.entries.count
    #expect(cut > 0)
    let more = context.entries.isEmpty ? "" : "more "
    let closing = "- \(cut) \(more)relevant belief(s) left out by the character budget"
    #expect(closing.hasPrefix(context.text) || context.text.contains(closing), "\(context.text)")
  }

  @Test func aRelevanceFunctionSelectsAndExplains() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let request = PromptQuery(relevance: { $0.statement.contains("code") ? 0.7 : nil })
    let context = try selector.prompt(for: request)
    #expect(context.entries.map(\.key) == ["coding.examples"])
    #expect(context.entries.first?.reasons == [.relevance(0.7)])
  }

  @Test func anEmptyRequestConsidersEveryBelief() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(for: PromptQuery())
    #expect(context.entries.count == 5 && context.relevantCount == 6)
    #expect(context.entries.allSatisfy { $0.reasons == [.anyBelief] })
  }

  @Test func nothingRelevantSaysSo() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(for: PromptQuery(tags: ["nope"]))
    #expect(context.entries.isEmpty)
    #expect(context.text.hasSuffix("- nothing relevant is known yet"))
  }

  @Test func jsonCarriesTheNumbers() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let context = try selector.prompt(for: PromptQuery(keys: ["style.concise"]))
    let json = try context.json()
    #expect(json.contains("\"probability\" : 0.9090909090909091"))
    let decoded = try JSONDecoder.iso8601.decode(PromptContext.self, from: Data(json.utf8))
    #expect(decoded.entries.map(\.key) == ["style.concise"])
  }

  @Test func badInputIsATypedError() throws {
    let selector = try PromptSelector(model: Self.model(), at: Self.now)
    let bad: [(PromptQuery, ModelError)] = [
      (PromptQuery(keys: ["missing"]), .unknownBelief("missing")),
      (
        PromptQuery(budget: PromptBudget(beliefs: 0)),
        .numberOutOfRange(field: "budget.beliefs", value: 0, allowed: "1 or more")
      ),
      (
        PromptQuery(budget: PromptBudget(beliefs: 3, characters: -1)),
        .numberOutOfRange(field: "budget.characters", value: -1, allowed: "1 or more")
      ),
      (
        PromptQuery(excludedLimit: -1),
        .numberOutOfRange(field: "excludedLimit", value: -1, allowed: "0 or more")
      ),
      (PromptQuery(tags: [""]), .invalidText(field: "tag", reason: "it is empty")),
    ]
    for (request, error) in bad {
      #expect(throws: error) { try selector.prompt(for: request) }
    }
    #expect(throws: ModelError.self) {
      try selector.prompt(for: PromptQuery(relevance: { _ in .nan }))
    }
    #expect(throws: ModelError.self) {
      try selector.prompt(for: PromptQuery(relevance: { _ in 1.5 }))
    }
    #expect(throws: ModelError.self) {
      try PromptSelector(
        model: Self.model(), at: Self.now, options: PromptOptions(staleFreshness: 2))
    }
  }

  @Test(arguments: 0..<30)
  func contextsAreDeterministicAndWithinBudget(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let model = try Self.randomModel(&random)
    let budget = PromptBudget(
      beliefs: Int.random(in: 1...8, using: &random),
      characters: Bool.random(using: &random) ? Int.random(in: 150...900, using: &random) : nil)
    let request = PromptQuery(
      keyPrefixes: ["b.1"], tags: ["t\(seed % 3)"], budget: budget, excludedLimit: 3)
    let first = try PromptSelector(model: model, at: Self.now).prompt(for: request)
    let second = try PromptSelector(model: model, at: Self.now).prompt(for: request)
    #expect(first == second)
    #expect(first.entries.count <= budget.beliefs)
    if let characters = budget.characters {
      #expect(first.text.count <= characters)
    }
    #expect(first.entries.allSatisfy { !$0.reasons.isEmpty && $0.exclusion == nil })
    let scores = first.entries.map(\.score)
    #expect(scores == scores.sorted(by: >))
  }

  /// The selector counts a line's characters as its precomputed prefix plus its reasons; with
  /// statements, outcomes and tags that carry combining marks, emoji and CJK, that count must
  /// still be the text's, so a budget exactly the text's length keeps every line and one less
  /// drops the last.
  @Test func characterBudgetsCountGraphemesInNonASCIIText() throws {
    var model = try UserModel(user: "u")
    try model.register(Source(id: "s", kind: .behavior, reliability: 1))
    let statements = ["Cafe\u{301} au lait", "Likes 👩‍💻 pairing", "好みの口調", "e\u{301}\u{302}"]
    for (index, statement) in statements.enumerated() {
      try model.declare(
        .binary(
          BeliefKey("k.\(index)"), statement: statement, tags: ["ta\u{301}g", "🏷️"],
          importance: Double(4 - index)))
      try model.record(
        Evidence(
          id: EvidenceID("e\(index)"), belief: BeliefKey("k.\(index)"), content: .holds,
          source: "s", observedAt: Self.now),
        at: Self.now)
    }
    let selector = try PromptSelector(model: model, at: Self.now)
    let all = try selector.prompt(for: PromptQuery(tags: ["ta\u{301}g", "🏷️"]))
    #expect(all.entries.count == 4)
    let lengths = all.entries.map { 1 + $0.line.count }
    #expect(all.text.count == all.text.split(separator: "\n")[0].count + lengths.reduce(0, +))
    let exact = try selector.prompt(
      for: PromptQuery(
        tags: ["ta\u{301}g", "🏷️"], budget: PromptBudget(beliefs: 20, characters: all.text.count)))
    #expect(exact == all)
    let short = try selector.prompt(
      for: PromptQuery(
        tags: ["ta\u{301}g", "🏷️"],
        budget: PromptBudget(beliefs: 20, characters: all.text.count - 1)))
    #expect(short.entries.map(\.key) == all.entries.dropLast().map(\.key))
  }

  static func randomModel(_ random: inout SeededRandom) throws -> UserModel {
    var model = try UserModel(user: "u")
    try model.register(Source(id: "s", kind: .behavior, reliability: 1))
    for index in 0..<40 {
      try model.declare(
        .binary(
          BeliefKey("b.\(index)"), statement: "Statement \(index)",
          baseRate: Double.random(in: 0.1...0.9, using: &random), tags: ["t\(index % 3)"],
          importance: Double.random(in: 0.5...3, using: &random)))
    }
    for index in 0..<120 {
      try model.record(
        Evidence(
          id: EvidenceID("e\(index)"),
          belief: BeliefKey("b.\(Int.random(in: 0..<40, using: &random))"),
          content: Bool.random(using: &random) ? .holds : .doesNotHold, source: "s",
          observedAt: now),
        at: now)
    }
    return model
  }
}

extension JSONDecoder {
  static var iso8601: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }
}
