import SelfModel
import Synchronization

/// The durable models a worker publishes for reads, so that a read does not queue behind the
/// worker while it syncs a group commit.
///
/// A worker publishes a user's model here once a read has asked for the user, and again each
/// time a write to the user becomes durable, before the write is acknowledged: a read served
/// from here sees every acknowledged write and nothing that is not yet durable. Publishing
/// copies no evidence (the ledger is shared between copies of a model). A user leaves with
/// its cache slot: evicted, failed, deleted or replaced.
///
/// Each published model comes with a new ``DerivedCache``: values derived from one durable
/// state are served only while that state is the published one.
final class ReadViews: Sendable {
  private let models = Mutex<[UserID: UserView]>([:])

  /// The published model of `user`, if any.
  func model(for user: UserID) -> UserModel? {
    models.withLock { $0[user]?.model }
  }

  /// The published model of `user` with its derived values, if any.
  func view(for user: UserID) -> UserView? {
    models.withLock { $0[user] }
  }

  /// Publishes `model` as its user's durable state, with an empty cache of derived values.
  func publish(_ model: UserModel) {
    let view = UserView(model: model)
    models.withLock { $0[model.user] = view }
  }

  /// Withdraws the model of `user`.
  func withdraw(_ user: UserID) {
    _ = models.withLock { $0.removeValue(forKey: user) }
  }

  /// Withdraws every model.
  func withdrawAll() {
    models.withLock { $0.removeAll() }
  }
}
