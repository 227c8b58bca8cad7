import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `GET /v1/users/{user}/estimates?belief=&belief=&level=&context=`: estimates of the beliefs
  /// named (all when none), served by the store without handing out the model. With a
  /// `context`, a belief that lists it starts from the context's prior, the others from their
  /// own; a context no belief asked for lists is a 404 `unknownContext`.
  func estimates(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let level = try RequestInput.number("level", in: request, default: Self.defaultLevel)
    let situation: ContextID? = try RequestInput.identifier(query: "context", in: request)
    let keys: [BeliefKey] = try request.uri.queryParameters.getAll("belief").map {
      text throws(HTTPProblem) in try RequestInput.identifier(String(text), parameter: "belief")
    }
    let estimates = try await store.estimates(
      for: user, beliefs: keys.isEmpty ? nil : keys, in: situation, at: clock())
    let responses = try estimates.map { estimate throws(ModelError) in
      try estimate.response(level: level)
    }
    return try JSONResponse.make(EstimatesResponse(user: user, estimates: responses))
  }

  /// `GET /v1/users/{user}/beliefs/{belief}/explanation?level=&context=`: the estimate (from
  /// the context's prior when `context` is given; a context the belief does not list is a 404
  /// `unknownContext`) and each evidence item's part in it, largest first.
  func explanation(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let belief: BeliefKey = try RequestInput.identifier("belief", in: context)
    let level = try RequestInput.number("level", in: request, default: Self.defaultLevel)
    let situation: ContextID? = try RequestInput.identifier(query: "context", in: request)
    let explanation = try await store.explanation(
      for: user, belief: belief, in: situation, at: clock())
    return try JSONResponse.make(try explanation.response(level: level))
  }
}
