import Hummingbird
import SelfModel
import SelfModelOperations

extension APIHandlers {
  /// `POST /v1/users/{user}/rankings`: `rank`, candidate answers by alignment, best first.
  func rank(_ request: Request, context: some RequestContext) async throws -> Response {
    let rank = try await RequestInput.body(
      RankRequest.self, of: request, for: try pathUser(context), limit: limits.maximumBodyBytes)
    return try JSONResponse.make(try await operations.rank(rank, at: clock()))
  }

  /// `GET /v1/users/{user}/next-questions?limit=&sensitivity=&specificity=&context=`:
  /// `nextQuestions`, the beliefs most worth asking about.
  func nextQuestions(_ request: Request, context: some RequestContext) async throws -> Response {
    let questions = NextQuestionsRequest(
      user: try pathUser(context), limit: try RequestInput.integer("limit", in: request),
      sensitivity: try RequestInput.number("sensitivity", in: request),
      specificity: try RequestInput.number("specificity", in: request),
      context: try RequestInput.identifier(query: "context", in: request))
    return try JSONResponse.make(try await operations.nextQuestions(questions, at: clock()))
  }

  /// `POST /v1/users/{user}/context`: `promptContext`, the user's beliefs selected and
  /// rendered for a prompt.
  func promptContext(_ request: Request, context: some RequestContext) async throws -> Response {
    let prompt = try await RequestInput.body(
      PromptRequest.self, of: request, for: try pathUser(context), limit: limits.maximumBodyBytes)
    return try JSONResponse.make(try await operations.promptContext(prompt, at: clock()))
  }

  /// `POST /v1/users/{user}/reactions`: `react`, a reaction to a candidate recorded as
  /// evidence in one step inside the store; retrying it counts once.
  func react(_ request: Request, context: some RequestContext) async throws -> Response {
    let react = try await RequestInput.body(
      ReactRequest.self, of: request, for: try pathUser(context), limit: limits.maximumBodyBytes)
    return try JSONResponse.make(try await operations.react(react, at: clock()))
  }
}
