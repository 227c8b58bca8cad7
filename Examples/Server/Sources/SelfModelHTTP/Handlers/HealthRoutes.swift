import Foundation
import Hummingbird
import SelfModelStore
import ServiceAccess

/// `GET /v1/health` and `GET /v1/ready`: unauthenticated, cheap, and run on Swift's
/// cooperative pool rather than the work threads, so they answer while handlers are stuck.
enum HealthRoutes {
  /// Health: 200 `ok`, or 503 `failed` naming each tenant whose store stopped writing (a
  /// restart reopens it). Readiness: the same, and 503 `draining` once shutdown began.
  static func register(
    on group: RouterGroup<TenantRequestContext>, stores: TenantStores, lifecycle: DrainState
  ) {
    group.get("health") { _, _ in try response(stores, ok: "ok", draining: false) }
    group.get("ready") { _, _ in
      try response(stores, ok: "ready", draining: lifecycle.isDraining)
    }
  }

  private static func response(
    _ stores: TenantStores, ok: String, draining: Bool
  ) throws -> Response {
    let failures = stores.failures.map { failure in
      TenantFailure(
        tenant: failure.tenant.rawValue, code: failure.error.code.rawValue,
        reason: reason(failure.error))
    }
    if !failures.isEmpty {
      return try JSONResponse.make(
        HealthResponse(status: "failed", failures: failures), status: .serviceUnavailable)
    }
    if draining {
      return try JSONResponse.make(HealthResponse(status: "draining"), status: .serviceUnavailable)
    }
    return try JSONResponse.make(HealthResponse(status: ok))
  }

  /// The operation and system error of `error`, without its path.
  private static func reason(_ error: StoreError) -> String {
    var words = "\(error.operation) failed"
    if let number = error.errno {
      words += ": errno \(number) (\(String(cString: strerror(number))))"
    }
    return words
  }
}
