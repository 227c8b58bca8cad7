import Foundation
import MCP
import SelfModel
import SelfModelStore

/// What `next_question` returns: an object, as MCP requires of structured content.
struct QuestionsResult: Codable {
  var questions: [NextQuestion]
}

extension ToolRunner {
  /// `get_context`: the calibrated context for a request (``PromptSelector``), in the
  /// situation `context` names if any.
  func getContext(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(GetContextInput.self, "get_context", arguments)
    try permit(input.user, scope)
    let beliefs = try bounded(input.budget ?? 20, "budget", 1...policy.maximumContextBeliefs)
    let characters = try input.characters.map { value throws(ToolError) in
      try bounded(value, "characters", 1...policy.maximumCharacters)
    }
    let excluded = try bounded(input.excludedLimit ?? 0, "excludedLimit", 0...policy.maximumListed)
    let model = try await stored { () async throws(StoreError) in
      try await store.model(for: input.user)
    }
    let request = PromptQuery(
      keys: input.keys ?? [], keyPrefixes: input.keyPrefixes ?? [], tags: input.tags ?? [],
      budget: PromptBudget(beliefs: beliefs, characters: characters), excludedLimit: excluded)
    let moment = now()
    let context = try self.model { () throws(ModelError) in
      try PromptSelector(model: model, in: input.context, at: moment).prompt(for: request)
    }
    return Self.success(context.text, value: ContextValue.make(context))
  }

  /// `explain_belief`: the estimate (in `context`, if given) and its evidence, ranked by
  /// contribution.
  func explainBelief(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(UserBeliefInput.self, "explain_belief", arguments)
    try permit(input.user, scope)
    guard let belief = input.belief else {
      throw .invalidArguments(tool: "explain_belief", reason: "missing argument \"belief\"")
    }
    let limit = try bounded(input.limit ?? 10, "limit", 1...policy.maximumListed)
    let moment = now()
    let full = try await stored { () async throws(StoreError) in
      try await store.explanation(for: input.user, belief: belief, in: input.context, at: moment)
    }
    let explanation = BeliefExplanation(
      estimate: full.estimate, contributions: Array(full.contributions.prefix(limit)))
    let response = try model { () throws(ModelError) in try ExplanationResponse(explanation) }
    return Self.success(Self.summary(of: explanation, total: full.contributions.count), response)
  }

  /// `next_question`: the most informative questions to ask (in `context`, if given).
  func nextQuestion(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(UserBeliefInput.self, "next_question", arguments)
    try permit(input.user, scope)
    guard input.belief == nil else {
      throw .invalidArguments(tool: "next_question", reason: "unknown argument \"belief\"")
    }
    let limit = try bounded(input.limit ?? 3, "limit", 1...policy.maximumListed)
    let model = try await stored { () async throws(StoreError) in
      try await store.model(for: input.user)
    }
    let moment = now()
    let questions = try self.model { () throws(ModelError) in
      var answers = try AnswerReliability(sensitivity: 0.9, specificity: 0.9)
      if let configured = policy.answers { answers = configured }
      let ranked = try NextQuestion.rank(
        model, in: input.context, at: moment, answers: answers)
      return Array(ranked.prefix(limit))
    }
    let lines = questions.map { question in
      "- ask about \(question.belief): expected gain \(Self.format(question.expectedInformationGain)) bits, value \(Self.format(question.value))"
    }
    return Self.success(
      (["Questions worth asking, best first:"] + lines).joined(separator: "\n"),
      QuestionsResult(questions: questions))
  }

  /// `value` if it lies in `range`.
  func bounded(_ value: Int, _ field: String, _ range: ClosedRange<Int>) throws(ToolError) -> Int {
    guard range.contains(value) else {
      throw .model(
        .numberOutOfRange(
          field: field, value: Double(value), allowed: "\(range.lowerBound)...\(range.upperBound)"))
    }
    return value
  }

  /// A few lines an agent can read: the estimate and the top evidence.
  static func summary(of explanation: BeliefExplanation, total: Int) -> String {
    let estimate = explanation.estimate
    let leading =
      estimate.probabilities.indices.max { estimate.probabilities[$0] < estimate.probabilities[$1] }
      ?? 0
    var lines = [
      "\(estimate.key): most likely \"\(estimate.outcomes[leading])\" (p \(format(estimate.probabilities[leading])), confidence \(format(estimate.confidence)), \(total) evidence items)"
    ]
    for item in explanation.contributions {
      lines.append(
        "- \(item.evidence.id) from \(item.evidence.source): weight now \(format(item.currentWeight)) (reliability \(format(item.reliability)), decay \(format(item.decayFactor)))"
      )
    }
    return lines.joined(separator: "\n")
  }

  /// Two decimals.
  static func format(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    return "\(scaled)"
  }
}
