import Hummingbird
import HummingbirdAuth
import ServiceAccess

/// Authentication switched off (``ServerConfiguration/unauthenticatedTenant``): every request
/// works on one tenant's store, whatever `Authorization` header it carries.
struct FixedTenantMiddleware<Context: AuthRequestContext<TenantID>>: RouterMiddleware {
  /// The tenant every request works on.
  let tenant: TenantID

  init(_ tenant: TenantID) { self.tenant = tenant }

  func handle(
    _ request: Request, context: Context,
    next: @concurrent (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    context.identity = tenant
    return try await next(request, context)
  }
}
