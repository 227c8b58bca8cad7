import Foundation
import SelfModel

/// Bearer tokens for the HTTP transport, each bound to the users it may touch.
///
/// The file form is `{"tokens": [{"token": "…", "users": ["user-42"]}]}`; a token with
/// `"users": ["*"]` may touch every user. Tokens are compared in constant time; the scheme
/// `Bearer` is matched in any case (RFC 9110, section 11.1).
///
/// ```swift
/// let tokens = try BearerTokens(["s3cret": .only(["user-42"])])
/// tokens.scope(forAuthorization: "Bearer s3cret")  // .only(["user-42"])
/// ```
public struct BearerTokens: Sendable {
  private struct File: Decodable {
    struct Entry: Decodable {
      var token: String
      var users: [String]
    }
    var tokens: [Entry]
  }

  private let scopes: [(token: [UInt8], scope: UserScope)]

  /// Creates a table of tokens.
  ///
  /// - Parameter scopes: Token -> the users it may touch.
  /// - Throws: ``ToolError/invalidArguments(tool:reason:)`` for a token shorter than 16
  ///   characters.
  public init(_ scopes: [String: UserScope]) throws(ToolError) {
    for token in scopes.keys where token.utf8.count < 16 {
      throw .invalidArguments(tool: "tokens", reason: "a token needs at least 16 characters")
    }
    self.scopes = scopes.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
  }

  /// Reads a tokens file.
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The table.
  /// - Throws: A file or decoding error, or the error of ``init(_:)``.
  public static func load(from path: String) throws -> BearerTokens {
    let file = try JSONDecoder().decode(
      File.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
    var scopes: [String: UserScope] = [:]
    for entry in file.tokens {
      scopes[entry.token] =
        entry.users == ["*"] ? .all : .only(Set(try entry.users.map { try UserID($0) }))
    }
    return try BearerTokens(scopes)
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
  func grant(forAuthorization header: String?) -> (index: Int, scope: UserScope)? {
    guard let header else { return nil }
    let bytes = Array(header.utf8)
    guard bytes.count > 7, bytes[6] == UInt8(ascii: " "),
      String(decoding: bytes[0..<6], as: UTF8.self).lowercased() == "bearer"
    else { return nil }
    let presented = Array(bytes[7...].drop { $0 == UInt8(ascii: " ") })
    var found: (index: Int, scope: UserScope)?
    for (index, entry) in scopes.enumerated() where Self.constantTimeEqual(entry.token, presented) {
      found = (index, entry.scope)
    }
    return found
  }

  private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }
}
