/// The bearer-token rules both services apply, stated once: which tokens are strong enough, how
/// an `Authorization` header presents one, and how a presented token is found without the time
/// taken telling how much of a guess was right.
///
/// Each token grants something: a tenant (the HTTP service, ``TenantTokens``) or a set of users
/// (the MCP server, ``BearerTokens``).
///
/// ```swift
/// let table = try BearerTokenTable([(token: "acme-token-one-0123456789", grant: 1,
///                                    label: "token 0")])
/// table.grant(forToken: "acme-token-one-0123456789")?.grant  // 1
/// ```
public struct BearerTokenTable<Grant: Sendable>: Sendable {
  private let entries: [(token: [UInt8], grant: Grant)]

  /// Creates a table, checking every token.
  ///
  /// - Parameter entries: Each token, what it grants, and how an error names it (never by
  ///   its value), in the order that fixes each token's index.
  /// - Throws: ``TenantTokensError`` when a token is shorter than
  ///   ``BearerTokenRules/minimumLength`` or holds a character outside RFC 6750's `b64token`
  ///   (`A-Z a-z 0-9 - . _ ~ + /`, then `=` padding), or a token is listed twice.
  public init(
    _ entries: [(token: String, grant: Grant, label: String)]
  ) throws(TenantTokensError) {
    var seen: Set<String> = []
    var checked: [(token: [UInt8], grant: Grant)] = []
    for entry in entries {
      try BearerTokenRules.check(entry.token, label: entry.label)
      guard seen.insert(entry.token).inserted else {
        throw TenantTokensError("\(entry.label) is listed twice")
      }
      checked.append((Array(entry.token.utf8), entry.grant))
    }
    self.entries = checked
  }

  /// What a presented token grants, with its index in the table.
  ///
  /// Compares the token with every known token in constant time per byte and never stops
  /// early.
  ///
  /// - Parameter token: The token presented, without the `Bearer ` prefix.
  /// - Returns: Its index and grant, or `nil` for an unknown token.
  public func grant(forToken token: some StringProtocol) -> (index: Int, grant: Grant)? {
    let presented = Array(token.utf8)
    var found: (index: Int, grant: Grant)?
    for (index, entry) in entries.enumerated()
    where BearerTokenRules.constantTimeEqual(entry.token, presented) {
      found = (index, entry.grant)
    }
    return found
  }
}

/// The rules of a bearer token, shared by ``BearerTokenTable`` and both services.
///
/// ```swift
/// BearerTokenRules.token(inAuthorization: "bearer abc")  // "abc"
/// ```
public enum BearerTokenRules {
  /// The shortest token accepted, in bytes: 24, for both services.
  public static let minimumLength = 24

  /// The token an `Authorization` header presents: `Bearer <token>`, the scheme in any case
  /// (RFC 9110, section 11.1), extra spaces before the token ignored.
  ///
  /// - Parameter header: The header's value, or `nil` when there is none.
  /// - Returns: The token, or `nil` when the header is missing, has another scheme or no token.
  public static func token(inAuthorization header: String?) -> Substring? {
    guard let header else { return nil }
    let scheme = header.prefix(7)
    guard scheme.count == 7, scheme.last == " ", scheme.dropLast().lowercased() == "bearer"
    else { return nil }
    let token = header.dropFirst(7).drop { $0 == " " }
    return token.isEmpty ? nil : token
  }

  /// Checks one token's strength and alphabet.
  ///
  /// - Parameters:
  ///   - token: The token.
  ///   - label: How an error names it.
  /// - Throws: ``TenantTokensError`` for a short token or a character outside `b64token`.
  static func check(_ token: String, label: String) throws(TenantTokensError) {
    guard token.utf8.count >= minimumLength else {
      throw TenantTokensError("\(label) is shorter than \(minimumLength) characters")
    }
    let body = token.utf8.reversed().drop { $0 == UInt8(ascii: "=") }
    guard !body.isEmpty, body.allSatisfy(isTokenByte) else {
      throw TenantTokensError("\(label) may hold only A-Z a-z 0-9 - . _ ~ + / and = padding")
    }
  }

  private static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
      UInt8(ascii: "+"), UInt8(ascii: "/"):
      true
    default: false
    }
  }

  static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }
}
