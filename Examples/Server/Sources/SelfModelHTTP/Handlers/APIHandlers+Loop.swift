import Foundation
import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `POST /v1/users/{user}/rankings`: candidate answers ranked by alignment, best first, in
  /// the body's `context` when it names one.
  func rank(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let body = try await RequestInput.body(
      RankingBody.self, of: request, limit: limits.maximumBodyBytes)
    let model = try await store.model(for: user)
    let scorer = try AlignmentScorer(
      model: model, in: body.context, at: clock(), credibleLevel: body.credibleLevel ?? 0.95)
    let ranked = try scorer.rank(body.candidates).map(\.response)
    return try JSONResponse.make(RankingResponse(user: user, ranked: ranked))
  }

  /// `GET /v1/users/{user}/next-questions?limit=&sensitivity=&specificity=&context=`: the
  /// beliefs most worth asking about in `context` (if given), weighted by each belief's
  /// importance.
  func nextQuestions(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let limit = try RequestInput.integer("limit", in: request, default: 5, range: 1...1_000)
    let situation: ContextID? = try RequestInput.identifier(query: "context", in: request)
    let answers = try AnswerReliability(
      sensitivity: RequestInput.number("sensitivity", in: request, default: 0.9),
      specificity: RequestInput.number("specificity", in: request, default: 0.9))
    let model = try await store.model(for: user)
    let importance = Dictionary(
      model.beliefs.map { ($0.key, $0.importance) }, uniquingKeysWith: { first, _ in first })
    let ranked = try NextQuestion.rank(
      model, in: situation, at: clock(), answers: answers, importance: importance)
    let questions = ranked.prefix(limit).map { question in
      QuestionResponse(question, outcomes: model.definition(for: question.belief)?.outcomes ?? [])
    }
    return try JSONResponse.make(NextQuestionsResponse(user: user, questions: questions))
  }

  /// `POST /v1/users/{user}/context`: the user's beliefs selected and rendered for a prompt,
  /// estimated in the body's `context` (a `ContextID`) when it names one.
  func context(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let body = try await RequestInput.body(
      ContextBody.self, of: request, limit: limits.maximumBodyBytes)
    if let problem = body.problem { throw problem }
    let selector = try PromptSelector(
      model: try await store.model(for: user), in: body.context, at: clock())
    return try JSONResponse.make(try selector.prompt(for: body.request))
  }

  /// `POST /v1/users/{user}/reactions`: a reaction to a candidate, recorded as evidence on
  /// the beliefs its stances touched (each item carrying the body's `context`, if any);
  /// retrying it counts once.
  func react(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let body = try await RequestInput.body(
      ReactionBody.self, of: request, limit: limits.maximumBodyBytes)
    let likelihood = body.likelihood ?? ReactionLikelihood()
    let model = try await store.model(for: user)
    let items = try likelihood.evidence(
      for: body.reaction, to: body.response, in: model, context: body.context)
    let result = try await store.record(items, for: user, at: clock())
    return try JSONResponse.make(try result.response(level: Self.defaultLevel))
  }
}
