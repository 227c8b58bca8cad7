import Hummingbird
import SelfModel
import SelfModelOperations

extension APIHandlers {
  /// `GET /v1/users/{user}/estimates?belief=&belief=&level=&context=`: `estimates` of the
  /// beliefs named (all when none), from the store's last durable state.
  func estimates(_ request: Request, context: some RequestContext) async throws -> Response {
    let keys: [BeliefKey] = try request.uri.queryParameters.getAll("belief").map {
      text throws(HTTPProblem) in try RequestInput.identifier(String(text), parameter: "belief")
    }
    let estimates = EstimatesRequest(
      user: try pathUser(context), beliefs: keys,
      context: try RequestInput.identifier(query: "context", in: request),
      level: try RequestInput.number("level", in: request))
    return try JSONResponse.make(try await operations.estimates(estimates, at: clock()))
  }

  /// `GET /v1/users/{user}/beliefs/{belief}/explanation?level=&context=&limit=`: `explain`, the
  /// estimate and each evidence item's part in it, largest first.
  func explanation(_ request: Request, context: some RequestContext) async throws -> Response {
    let explain = ExplainRequest(
      user: try pathUser(context), belief: try RequestInput.identifier("belief", in: context),
      context: try RequestInput.identifier(query: "context", in: request),
      level: try RequestInput.number("level", in: request),
      limit: try RequestInput.integer("limit", in: request))
    return try JSONResponse.make(try await operations.explain(explain, at: clock()))
  }
}
