import Logging
import SelfModelStore

/// Bridges the store's events to log lines: damage repaired or salvaged and a failed store
/// are warnings or errors, compactions and slow syncs are info, each with its figures as
/// metadata.
enum StoreLogging {
  /// An observer that logs every event through `logger`.
  static func observer(_ logger: Logger) -> StoreObserver {
    StoreObserver { event in
      logger.log(level: level(of: event.kind), "store: \(event)", metadata: metadata(of: event))
    }
  }

  /// The level an event is logged at.
  static func level(of kind: StoreEvent.Kind) -> Logger.Level {
    switch kind {
    case .storeFailed: .error
    case .tornTailRepaired, .journalSalvaged, .slowSync: .warning
    case .compacted, .closed: .info
    }
  }

  private static func metadata(of event: StoreEvent) -> Logger.Metadata {
    var metadata: Logger.Metadata = ["store.event": "\(event.kind.rawValue)"]
    if let user = event.user { metadata["store.user"] = "\(user)" }
    if let bytes = event.bytes { metadata["store.bytes"] = "\(bytes)" }
    if let records = event.records { metadata["store.records"] = "\(records)" }
    if let duration = event.duration { metadata["store.duration"] = "\(duration)" }
    return metadata
  }
}
