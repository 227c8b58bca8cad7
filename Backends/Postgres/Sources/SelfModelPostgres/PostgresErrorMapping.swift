import PostgresNIO
import SelfModel
import SelfModelStore

/// Turns what postgres-nio throws into a `StoreError` that says whether a retry is safe.
///
/// | Failure | Code |
/// | --- | --- |
/// | connection refused, reset or closed; server shutting down or restarting (SQLSTATE class 08, 57P01-57P03) | `connectionLost` |
/// | the call's time limit; a statement or lock timeout (57014, 55P03) | `timedOut` |
/// | serialisation failure, deadlock (40001, 40P01) | `serializationFailure` |
/// | too many connections, out of memory (53000, 53200, 53300) | `unavailable` |
/// | disk full (53100) | `diskFull` |
/// | the client was shut down (pool closed) | `closed` |
/// | a row that does not decode | `corruptFile` |
/// | anything else | `ioFailure` |
enum PostgresErrorMapping {
  static func storeError(_ error: any Error, operation: String, user: UserID?) -> StoreError {
    if let error = error as? StoreError { return error }
    if let error = error as? PostgresTransactionError {
      let inner = error.closureError ?? error.beginError ?? error.commitError
      return inner.map { storeError($0, operation: operation, user: user) }
        ?? StoreError(.ioFailure, operation: operation, user: user, detail: "\(error)")
    }
    if let error = error as? PSQLError {
      return StoreError(
        code(of: error), operation: operation, user: user, detail: describe(error))
    }
    if error is PostgresDecodingError {
      return StoreError(
        .corruptFile, operation: operation, user: user, path: "database row",
        detail: "\(error)")
    }
    if error is CancellationError {
      return StoreError(.timedOut, operation: operation, user: user, detail: "cancelled")
    }
    return StoreError(.ioFailure, operation: operation, user: user, detail: "\(error)")
  }

  static func code(of error: PSQLError) -> StoreError.Code {
    switch error.code {
    case .server: serverCode(error.serverInfo?[.sqlState] ?? "")
    case .poolClosed: .closed
    case .queryCancelled: .timedOut
    case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
      .connectionLost
    default: .ioFailure
    }
  }

  static func serverCode(_ state: String) -> StoreError.Code {
    switch state {
    case "40001", "40P01": .serializationFailure
    case "57014", "55P03": .timedOut
    case "57P01", "57P02", "57P03": .connectionLost
    case "53100": .diskFull
    case "53000", "53200", "53300": .unavailable
    default: state.hasPrefix("08") ? .connectionLost : .ioFailure
    }
  }

  /// The server's SQLSTATE and message, or the client's code; never the query's binds.
  static func describe(_ error: PSQLError) -> String {
    if let info = error.serverInfo {
      return "SQLSTATE \(info[.sqlState] ?? "?"): \(info[.message] ?? "")"
    }
    return "postgres client: \(error.code)"
  }
}
