import Foundation
import Hummingbird
import SelfModel
import SelfModelOperations

/// The handlers of the API, a transport over `Operations`: each reads the path, the query and
/// the body into the operation's request value (``RequestInput``), calls one operation, and
/// encodes its response value with `OperationCoding` (``JSONResponse``). Validation, limits,
/// defaults and JSON shapes are the library's; the routes that call the handlers are listed in
/// one place, ``APIRoutes``.
struct APIHandlers: Sendable {
  /// The operations over the request's tenant's store.
  let operations: Operations
  /// The time to evaluate and record at: the server's clock, a fixed one in tests.
  let clock: @Sendable () -> Date
  /// The transport's limits: body sizes.
  let limits: RequestLimits
  /// The gate imports pass to decode and refold, so that they leave work threads free.
  let imports: WorkGate

  /// The user named in the path.
  func pathUser(_ context: some RequestContext) throws(HTTPProblem) -> UserID {
    try RequestInput.identifier("user", in: context)
  }
}
