import SelfModelStore
import ServiceAccess
import Synchronization

/// The last probe's failure of each tenant's store (see ``TenantStores/probe()``).
final class StoreReachability: Sendable {
  private let state = Mutex<[TenantID: StoreError]>([:])

  /// Each tenant whose last probe failed, with the failure.
  var failures: [TenantID: StoreError] { state.withLock { $0 } }

  /// Records a probe's outcome: `nil` when the store answered.
  func record(_ failure: StoreError?, for tenant: TenantID) {
    state.withLock { $0[tenant] = failure }
  }
}
