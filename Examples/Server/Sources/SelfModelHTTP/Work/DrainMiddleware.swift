import HTTPTypes
import Hummingbird
import SelfModel

/// While the service drains: a request that arrives gets a retryable 503 `draining` (with
/// `Retry-After`, from the problem middleware), and every response, including that of a
/// request that was in flight, carries `Connection: close`, so a keep-alive client learns
/// from its last response to reconnect elsewhere instead of meeting a closed socket.
struct DrainMiddleware<Context: RequestContext>: RouterMiddleware {
  /// Whether the service drains.
  let state: DrainState

  func handle(
    _ request: Request, context: Context,
    next: @concurrent (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard !state.isDraining else {
      var problem = HTTPProblem(
        code: "draining", category: .unavailable,
        detail: "the server is shutting down; retry, another instance will answer")
      problem.headers[.connection] = "close"
      throw problem
    }
    var response = try await next(request, context)
    if state.isDraining { response.headers[.connection] = "close" }
    return response
  }
}
