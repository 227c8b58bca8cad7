public import Hummingbird
public import HummingbirdAuth
public import ServiceAccess

/// The request context of the service: Hummingbird's core context plus the tenant the bearer
/// token authenticated, if any (hummingbird-auth's `AuthRequestContext`).
///
/// Routes under `/v1` other than `GET /v1/health` refuse a request whose ``identity`` is
/// `nil` with 401; handlers then work on that tenant's store only.
///
/// ```swift
/// let router = Router(context: TenantRequestContext.self)
/// ```
public struct TenantRequestContext: AuthRequestContext, RequestContext {
  /// Hummingbird's per-request storage.
  public var coreContext: CoreRequestContextStorage
  /// The authenticated tenant; `nil` until the authenticator found a valid token.
  public var identity: TenantID?

  /// Creates the context of a new request, not yet authenticated.
  ///
  /// - Parameter source: The channel and logger of the request.
  public init(source: Source) {
    self.coreContext = .init(source: source)
    self.identity = nil
  }
}
