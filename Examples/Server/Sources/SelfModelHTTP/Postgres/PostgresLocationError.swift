/// Why a PostgreSQL URL or a tenant's schema name was refused at launch.
///
/// The message never contains the URL's password.
///
/// ```swift
/// do {
///   _ = try PostgresLocation(url: "mysql://db/app")
/// } catch {
///   print(error)  // the PostgreSQL URL must start with postgres:// or postgresql://
/// }
/// ```
public struct PostgresLocationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, after "the PostgreSQL URL " for a URL.
  public let message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - message: What is wrong.
  ///   - aboutURL: Whether `message` is about the URL (it then reads after "the PostgreSQL
  ///     URL ").
  public init(_ message: String, aboutURL: Bool = true) {
    self.message = aboutURL ? "the PostgreSQL URL \(message)" : message
  }

  /// The message.
  public var description: String { message }
}
