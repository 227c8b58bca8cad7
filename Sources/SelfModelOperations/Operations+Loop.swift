public import Foundation
public import SelfModel
public import SelfModelStore

extension Operations {
  /// The user's beliefs selected and rendered for a prompt, within the request's budget.
  ///
  /// Runs inside the store on the user's durable state. The selector's setup (every belief's
  /// estimate and rendered line, about 6 ms for 1,000 beliefs) is cached with that state, per
  /// situation and evaluation instant, so a repeated prompt on an unchanged user costs only
  /// the selection. The instant is `now` rounded down to ``promptResolution``; the answer's
  /// `evaluatedAt` says which.
  ///
  /// - Parameters:
  ///   - request: The user, what is relevant, the budget, the situation.
  ///   - now: The time to evaluate at.
  /// - Returns: The prompt context.
  /// - Throws: `StoreError`: no such user, a budget outside the limits, an unknown belief or
  ///   context.
  public func promptContext(_ request: PromptRequest, at now: Date) async throws(StoreError)
    -> PromptContext
  {
    let user = request.user
    let budget = request.budget ?? PromptBudget(beliefs: 20)
    try OperationLimits.check(
      budget.beliefs, 1...limits.maximumPromptBeliefs, field: "budget.beliefs",
      operation: "promptContext", user: user)
    try OperationLimits.check(
      budget.characters, 1...limits.maximumPromptCharacters, field: "budget.characters",
      operation: "promptContext", user: user)
    try OperationLimits.check(
      request.excludedLimit, 0...limits.maximumPromptExcluded, field: "excludedLimit",
      operation: "promptContext", user: user)
    let selection = PromptQuery(
      keys: request.keys ?? [], keyPrefixes: request.keyPrefixes ?? [], tags: request.tags ?? [],
      budget: budget, excludedLimit: request.excludedLimit ?? 0)
    let instant = evaluationInstant(now)
    let context = request.context
    return try await store.read(user: user, operation: "promptContext") {
      view throws(StoreError) in
      try Self.model("promptContext", user) { () throws(ModelError) in
        let key = DerivedKey(
          "prompt-selector",
          [context?.rawValue ?? "", "\(instant.timeIntervalSinceReferenceDate.bitPattern)"])
        let selector = try view.cache.value(for: key) { () throws(ModelError) in
          try PromptSelector(model: view.model, in: context, at: instant)
        }
        return try selector.prompt(for: selection)
      }
    }
  }

  /// Candidate answers ranked by how well they fit the user, best first.
  ///
  /// - Parameters:
  ///   - request: The user, the candidates, the level, the situation.
  ///   - now: The time to evaluate at.
  /// - Returns: The ranking.
  /// - Throws: `StoreError`: no such user, too many candidates, an unknown context, a bad
  ///   level.
  public func rank(_ request: RankRequest, at now: Date) async throws(StoreError)
    -> RankingResponse
  {
    let user = request.user
    let level = request.level ?? BeliefEstimate.defaultCredibleLevel
    try OperationLimits.check(level: level, operation: "rank", user: user)
    try OperationLimits.check(
      count: request.candidates.count, maximum: limits.maximumCandidates, field: "candidates",
      operation: "rank", user: user)
    let ranked = try await store.read(user: user, operation: "rank") { view throws(StoreError) in
      try Self.model("rank", user) { () throws(ModelError) in
        let scorer = try AlignmentScorer(
          model: view.model, in: request.context, at: now, credibleLevel: level)
        return try scorer.rank(request.candidates).map(RankedCandidateResponse.init)
      }
    }
    return RankingResponse(user: user, ranked: ranked)
  }

  /// The beliefs most worth asking the user about: expected information gain of the answer
  /// (in bits, given how reliable the user's answers are) times the belief's importance in
  /// the catalogue.
  ///
  /// - Parameters:
  ///   - request: The user, how many, the answers' reliability, the situation.
  ///   - now: The time to evaluate at.
  /// - Returns: The questions, best first.
  /// - Throws: `StoreError`: no such user, a limit or reliability out of range, an unknown
  ///   context.
  public func nextQuestions(_ request: NextQuestionsRequest, at now: Date)
    async throws(StoreError) -> NextQuestionsResponse
  {
    let user = request.user
    let count = request.limit ?? 5
    try OperationLimits.check(
      count, 1...limits.maximumQuestions, field: "limit", operation: "nextQuestions", user: user)
    let answers = try Self.model("nextQuestions", user) { () throws(ModelError) in
      try AnswerReliability(
        sensitivity: request.sensitivity ?? 0.9, specificity: request.specificity ?? 0.9)
    }
    let questions = try await store.read(user: user, operation: "nextQuestions") {
      view throws(StoreError) in
      try Self.model("nextQuestions", user) { () throws(ModelError) in
        let model = view.model
        var importance: [BeliefKey: Double] = [:]
        for definition in model.beliefs { importance[definition.key] = definition.importance }
        let ranked = try NextQuestion.rank(
          model, in: request.context, at: now, answers: answers, importance: importance)
        return ranked.prefix(count).map { question in
          QuestionResponse(
            question, outcomes: model.definition(for: question.belief)?.outcomes ?? [])
        }
      }
    }
    return NextQuestionsResponse(user: user, questions: questions)
  }

  /// `now` rounded down to a multiple of ``promptResolution``.
  func evaluationInstant(_ now: Date) -> Date {
    guard promptResolution > 0 else { return now }
    let seconds = now.timeIntervalSinceReferenceDate
    let rounded = (seconds / promptResolution).rounded(.down) * promptResolution
    return rounded.isFinite ? Date(timeIntervalSinceReferenceDate: rounded) : now
  }
}
