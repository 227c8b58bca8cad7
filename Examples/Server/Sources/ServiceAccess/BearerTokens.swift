import Foundation
import SelfModel

/// The MCP server's bearer tokens, each bound to the users it may touch (a
/// ``BearerTokenTable``).
///
/// The file form is `{"tokens": [{"token": "…", "users": ["user-42"]}]}`; a token with
/// `"users": ["*"]` may touch every user. Tokens are checked and compared as the HTTP
/// service's are (``BearerTokenRules``); the scheme `Bearer` is matched in any case.
///
/// ```swift
/// let tokens = try BearerTokens(["token-for-user-42-0123456789": .only(["user-42"])])
/// tokens.scope(forAuthorization: "Bearer token-for-user-42-0123456789")  // .only(["user-42"])
/// ```
public struct BearerTokens: Sendable {
  private struct File: Decodable {
    struct Entry: Decodable {
      var token: String
      var users: [String]
    }
    var tokens: [Entry]
  }

  private let table: BearerTokenTable<UserScope>

  /// Creates a table of tokens.
  ///
  /// - Parameter scopes: Token -> the users it may touch.
  /// - Throws: ``TenantTokensError`` for the reasons of ``BearerTokenTable/init(_:)``.
  public init(_ scopes: [String: UserScope]) throws(TenantTokensError) {
    let sorted = scopes.sorted { $0.key < $1.key }
    table = try BearerTokenTable(
      sorted.enumerated().map { (token: $1.key, grant: $1.value, label: "token \($0)") })
  }

  /// Reads a tokens file.
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The table.
  /// - Throws: ``TenantTokensError`` when the file cannot be read or parsed, names a user
  ///   that is not a valid id, or for the reasons of ``init(_:)``.
  public static func load(from path: String) throws(TenantTokensError) -> BearerTokens {
    let file: File
    do {
      file = try JSONDecoder().decode(
        File.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw TenantTokensError(
        #"cannot read \#(path) as {"tokens": [{"token": "…", "users": ["user"]}]}"#)
    }
    var scopes: [String: UserScope] = [:]
    for (index, entry) in file.tokens.enumerated() {
      let scope = try entry.users == ["*"] ? .all : Self.users(entry.users, index: index)
      guard scopes.updateValue(scope, forKey: entry.token) == nil else {
        throw TenantTokensError("token \(index) is listed twice")
      }
    }
    return try BearerTokens(scopes)
  }

  private static func users(_ names: [String], index: Int) throws(TenantTokensError) -> UserScope {
    do {
      return .only(Set(try names.map { try UserID($0) }))
    } catch {
      throw TenantTokensError("token \(index) names a user that is not a valid id")
    }
  }

  /// The scope of an `Authorization` header's bearer token, or `nil` when it is missing or
  /// unknown.
  ///
  /// - Parameter header: The header's value, `Bearer <token>` (the scheme in any case).
  /// - Returns: The users the token may touch.
  public func scope(forAuthorization header: String?) -> UserScope? {
    grant(forAuthorization: header)?.scope
  }

  /// The token an `Authorization` header presents (its position in the table, which a
  /// session is bound to) and its scope, or `nil` when it is missing or unknown.
  ///
  /// - Parameter header: The header's value.
  /// - Returns: The token's index and scope.
  public func grant(forAuthorization header: String?) -> (index: Int, scope: UserScope)? {
    guard let token = BearerTokenRules.token(inAuthorization: header),
      let found = table.grant(forToken: token)
    else { return nil }
    return (found.index, found.grant)
  }
}
