import Hummingbird
import HummingbirdAuth
import ServiceAccess

/// hummingbird-auth's authenticator for the service's bearer tokens: an
/// `Authorization: Bearer <token>` header whose token the table knows sets the context's
/// identity to the token's tenant. A missing or unknown token leaves it `nil`, and
/// ``RequireTenantMiddleware`` answers 401.
struct BearerTenantAuthenticator<Context: AuthRequestContext<TenantID>>: AuthenticatorMiddleware {
  typealias Identity = TenantID

  /// The tokens and their tenants.
  let tokens: TenantTokens

  func authenticate(request: Request, context: Context) async throws -> TenantID? {
    guard let bearer = request.headers.bearer else { return nil }
    return tokens.tenant(forToken: bearer.token)
  }
}
