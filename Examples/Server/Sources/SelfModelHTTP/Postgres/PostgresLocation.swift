import Foundation

/// Where the service's PostgreSQL database is: what `selfmodel-server --postgres URL` reads.
///
/// The URL has the form `postgres://user:password@host:port/database?sslmode=disable`
/// (`postgresql://` works too). User, host and database are required; the port defaults to
/// 5432; user and password may be percent-encoded (`p%40ss` for `p@ss`). The only query
/// parameter is `sslmode`: `disable` (plain TCP, for loopback or a private network) or
/// `require` (the default; TLS with the server's certificate and host name verified against
/// the system's trust roots, what libpq calls `verify-full`, which is accepted as a synonym).
///
/// ``description`` never shows the password, so the value can be logged.
///
/// ```swift
/// let location = try PostgresLocation(
///   url: "postgres://app:secret@db.internal:5432/selfmodel?sslmode=require")
/// print(location)  // postgres://app@db.internal:5432/selfmodel?sslmode=require
/// ```
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  /// Whether the connection is encrypted.
  public enum TLSMode: String, Sendable, Hashable {
    /// Plain TCP.
    case disable
    /// TLS, the server's certificate and host name verified.
    case require
  }

  /// The server's host name or address (an IPv6 address without its brackets).
  public var host: String
  /// The server's port.
  public var port: Int
  /// The user to connect as.
  public var username: String
  /// The user's password, if the URL has one.
  public var password: String?
  /// The database.
  public var database: String
  /// Whether to use TLS.
  public var tls: TLSMode

  /// Parses a `postgres://` URL.
  ///
  /// - Parameter text: The URL.
  /// - Throws: ``PostgresLocationError`` naming what is wrong; the message never contains the
  ///   password.
  public init(url text: String) throws(PostgresLocationError) {
    guard let components = URLComponents(string: text) else {
      throw PostgresLocationError(
        "is not a URL (percent-encode @ : / # ? in the user and password, e.g. %40 for @)")
    }
    guard let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme)
    else { throw PostgresLocationError("must start with postgres:// or postgresql://") }
    guard let user = Self.decoded(components.percentEncodedUser), !user.isEmpty else {
      throw PostgresLocationError("names no user (postgres://user@host/database)")
    }
    self.username = user
    self.password = Self.decoded(components.percentEncodedPassword)
    self.host = try Self.host(components)
    self.port = components.port ?? 5432
    guard (1...65_535).contains(port) else {
      throw PostgresLocationError("has port \(port), outside 1...65535")
    }
    self.database = try Self.database(components)
    self.tls = try Self.tlsMode(components.queryItems ?? [])
  }

  /// The URL without its password: `postgres://user@host:port/database?sslmode=mode`.
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(username)@\(shownHost):\(port)/\(database)?sslmode=\(tls.rawValue)"
  }

  private static func decoded(_ text: String?) -> String? {
    guard let text else { return nil }
    return text.removingPercentEncoding
  }

  private static func host(_ components: URLComponents) throws(PostgresLocationError) -> String {
    var host = components.percentEncodedHost ?? ""
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty, let decoded = host.removingPercentEncoding, !decoded.isEmpty else {
      throw PostgresLocationError("names no host (postgres://user@host/database)")
    }
    return decoded
  }

  private static func database(
    _ components: URLComponents
  ) throws(PostgresLocationError) -> String {
    let path = components.percentEncodedPath
    guard path.hasPrefix("/"), let name = String(path.dropFirst()).removingPercentEncoding,
      !name.isEmpty, !name.contains("/")
    else { throw PostgresLocationError("names no database (postgres://user@host/database)") }
    return name
  }

  private static func tlsMode(_ items: [URLQueryItem]) throws(PostgresLocationError) -> TLSMode {
    var mode = TLSMode.require
    for item in items {
      guard item.name == "sslmode" else {
        throw PostgresLocationError(
          "has the parameter \(item.name.prefix(40)); only sslmode is understood")
      }
      switch item.value {
      case "disable": mode = .disable
      case "require", "verify-full": mode = .require
      default:
        throw PostgresLocationError(
          "has sslmode=\((item.value ?? "").prefix(40)); use disable or require")
      }
    }
    return mode
  }
}
