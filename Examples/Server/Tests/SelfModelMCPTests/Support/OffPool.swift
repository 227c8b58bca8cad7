import Foundation

/// Runs `body` on a thread of its own and waits for it without holding a thread.
///
/// A blocking read from a child's pipe or `waitUntilExit()` on a thread of Swift's cooperative
/// pool holds that thread until the child answers; the pool has one thread per core (two on a
/// 2-core machine), and every test of this process shares it, so two such waits stall every
/// other test, timing checks included. Blocking calls go through here instead.
func offPool<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
  await withCheckedContinuation { continuation in
    Thread { continuation.resume(returning: body()) }.start()
  }
}
