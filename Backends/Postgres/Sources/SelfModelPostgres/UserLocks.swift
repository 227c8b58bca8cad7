import SelfModel
import Synchronization

/// First-come, first-served locks per user within one instance, held across `await`s.
///
/// The database's compare-and-set already serialises writes to one user across instances;
/// queueing this instance's own writers to a user here first means they wait their turn
/// instead of racing each other on the row and retrying, so only writers of different
/// instances ever race.
final class UserLocks: Sendable {
  /// The users whose lock is held, each with the writers waiting for it, in order.
  private let held = Mutex<[UserID: [CheckedContinuation<Void, Never>]]>([:])

  /// Waits until this caller holds `user`'s lock.
  func acquire(_ user: UserID) async {
    await withCheckedContinuation { continuation in
      let isFree = held.withLock { held in
        guard held[user] != nil else {
          held[user] = []
          return true
        }
        held[user, default: []].append(continuation)
        return false
      }
      if isFree { continuation.resume() }
    }
  }

  /// Hands `user`'s lock to the next waiter, or frees it.
  func release(_ user: UserID) {
    let next = held.withLock { held -> CheckedContinuation<Void, Never>? in
      guard var waiting = held[user], !waiting.isEmpty else {
        held[user] = nil
        return nil
      }
      let first = waiting.removeFirst()
      held[user] = waiting
      return first
    }
    next?.resume()
  }
}
