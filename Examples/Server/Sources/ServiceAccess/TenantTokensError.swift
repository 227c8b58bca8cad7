/// A tokens file or table a service refuses: unreadable, malformed, or holding a weak token,
/// a bad tenant or user name or a token listed twice. Neither service starts with one.
///
/// ```swift
/// do { _ = try TenantTokens.load(from: "tokens.json") } catch { print(error) }
/// ```
public struct TenantTokensError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, naming the tenant or the entry but never a token's value.
  public var reason: String

  /// Creates an error.
  ///
  /// - Parameter reason: What is wrong.
  public init(_ reason: String) { self.reason = reason }

  /// `tokens: <reason>`.
  public var description: String { "tokens: \(reason)" }
}
