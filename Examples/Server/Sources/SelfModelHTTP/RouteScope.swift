import Foundation
import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess

/// What every authenticated route does before its handler: find the tenant's operations (one
/// `Operations` per tenant store, made once), build the handlers over them, and run the
/// handler under the request deadline on the work threads.
struct RouteScope: Sendable {
  /// A handler of ``APIHandlers``, given the handlers of the request's tenant.
  typealias Handler =
    @Sendable (APIHandlers, Request, TenantRequestContext) async throws -> Response

  /// Each tenant's store.
  let stores: TenantStores
  /// Each tenant's operations, over its store.
  let operations: [TenantID: Operations]
  /// The time to evaluate and record at.
  let clock: @Sendable () -> Date
  /// Body and parameter limits.
  let limits: RequestLimits
  /// The longest a request may take.
  let deadline: Duration
  /// The threads handlers run on, apart from health and authentication.
  let executor: WorkExecutor
  /// How many imports decode and refold at once.
  let imports: WorkGate

  /// A scope over `stores`, with one `Operations` per tenant bounded by `operationLimits`.
  init(
    stores: TenantStores, operationLimits: OperationLimits, clock: @escaping @Sendable () -> Date,
    limits: RequestLimits, deadline: Duration, executor: WorkExecutor, importPermits: Int = 1
  ) {
    self.stores = stores
    var operations: [TenantID: Operations] = [:]
    for tenant in stores.tenants {
      guard let store = stores.store(for: tenant) else { continue }
      operations[tenant] = Operations(store: store, limits: operationLimits)
    }
    self.operations = operations
    self.clock = clock
    self.limits = limits
    self.deadline = deadline
    self.executor = executor
    self.imports = WorkGate(permits: importPermits)
  }

  /// Runs `handler` on the request's tenant's store; 401 if the request has no tenant. With
  /// `namesInBody`, a name in the body that the user's model does not know (a belief,
  /// source, candidate or context) is a 422, not the 404 of a missing resource.
  func serve(
    _ request: Request, _ context: TenantRequestContext, namesInBody: Bool,
    _ handler: @escaping Handler
  ) async throws -> Response {
    let handlers = try handlers(for: context)
    // The body is the connection's own stream: it is read here, in the request's task and
    // under the deadline, never by a handler that the deadline may leave running after the
    // answer (Hummingbird goes on reading the connection once the response is written). The
    // lines form of an import streams: its handler reads it inside `BodyReading.during`, which
    // an answer at the deadline waits for.
    let started = ContinuousClock.now
    var read = request
    if let limit = bodyLimit(of: request) {
      read.body = RequestBody(
        buffer: try await RequestDeadline.collect(request.body, upTo: limit, within: deadline))
    }
    let request = read
    let remaining = max(deadline - (ContinuousClock.now - started), .milliseconds(1))
    return try await RequestDeadline.run(remaining, on: executor) {
      do {
        return try await handler(handlers, request, context)
      } catch {
        guard namesInBody else { throw error }
        throw HTTPProblem(unknownNameInBody: error)
      }
    }
  }

  /// How much of `request`'s body is read before its handler runs: the import limit for an
  /// import sent as JSON, the body limit for any other `POST` or `PUT`, nothing for a body in
  /// the lines form (it streams) or a method without a body.
  private func bodyLimit(of request: Request) -> Int? {
    guard request.method == .post || request.method == .put else { return nil }
    guard !RequestInput.isMediaType(ExportLineWriter.mediaType, request) else { return nil }
    return request.uri.path.hasSuffix("/imports")
      ? limits.maximumImportBytes : limits.maximumBodyBytes
  }

  private func handlers(for context: TenantRequestContext) throws(HTTPProblem) -> APIHandlers {
    guard let tenant = context.identity else {
      throw HTTPProblem.unauthorized(tokenPresented: false)
    }
    guard let operations = operations[tenant] else {
      throw HTTPProblem(
        code: "tenantStoreMissing", category: .internal,
        detail: "the server failed to answer the request")
    }
    return APIHandlers(operations: operations, clock: clock, limits: limits, imports: imports)
  }
}
