public import Foundation
public import PostgresNIO

extension PostgresClient.Configuration {
  /// A configuration from libpq's environment variables, or `nil` when `PGHOST` is not set.
  ///
  /// `PGHOST` is a host name, or (starting with `/`) the folder of the server's unix socket;
  /// `PGPORT` defaults to 5432, `PGUSER` to `postgres`, `PGDATABASE` to the user's name;
  /// `PGPASSWORD` is used if set. TLS is off: use it for tests and local sockets, and build a
  /// configuration with TLS for servers across a network.
  ///
  /// ```swift
  /// guard let configuration = PostgresClient.Configuration.fromEnvironment() else { return }
  /// let store = try await PostgresStore(configuration: configuration)
  /// ```
  ///
  /// - Parameter environment: The variables (default: the process's).
  /// - Returns: The configuration, or `nil` without `PGHOST`.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> PostgresClient.Configuration? {
    guard let host = environment["PGHOST"], !host.isEmpty else { return nil }
    let port = environment["PGPORT"].flatMap(Int.init) ?? 5432
    let user = environment["PGUSER"] ?? "postgres"
    let password = environment["PGPASSWORD"]
    let database = environment["PGDATABASE"] ?? user
    if host.hasPrefix("/") {
      return .init(
        unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password,
        database: database)
    }
    return .init(
      host: host, port: port, username: user, password: password, database: database,
      tls: .disable)
  }
}
