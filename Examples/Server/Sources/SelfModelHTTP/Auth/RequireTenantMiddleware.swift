import Hummingbird
import HummingbirdAuth
import ServiceAccess

/// Lets a request through only when the authenticator set a tenant; otherwise 401 with a
/// problem document and `WWW-Authenticate: Bearer` (RFC 6750), with
/// `error="invalid_token"` when a bearer token was presented but is not known.
struct RequireTenantMiddleware<Context: AuthRequestContext<TenantID>>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context,
    next: @concurrent (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard context.identity != nil else {
      throw HTTPProblem.unauthorized(tokenPresented: request.headers.bearer != nil)
    }
    return try await next(request, context)
  }
}
