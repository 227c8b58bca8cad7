public import Foundation

/// The bearer tokens the service accepts, each bound to one tenant.
///
/// A tenant may have several tokens (to rotate one without downtime); a token belongs to one
/// tenant. Tokens come from a JSON file or an environment variable, never from the code:
///
/// ```json
/// {"tenants": [{"tenant": "acme", "tokens": ["<at least 24 characters>"]}]}
/// ```
///
/// Looking a token up compares it with every known token in constant time per byte and never
/// stops early, so the time taken does not tell how much of a guess was right.
///
/// ```swift
/// let tokens = try TenantTokens.load(from: "/etc/selfmodel/tokens.json")
/// tokens.tenant(forToken: "…")  // the tenant, or nil
/// ```
public struct TenantTokens: Sendable {
  private struct File: Decodable {
    struct Entry: Decodable {
      var tenant: String
      var tokens: [String]
    }
    var tenants: [Entry]
  }

  /// The shortest token accepted, in bytes.
  public static let minimumTokenLength = 24

  private let entries: [(token: [UInt8], tenant: TenantID)]

  /// Every tenant that has at least one token, by name.
  public let tenants: [TenantID]

  /// Creates a table.
  ///
  /// - Parameter tokens: Each tenant's tokens.
  /// - Throws: ``TenantTokensError`` when there is no tenant, a tenant has no token, a token
  ///   is shorter than ``minimumTokenLength`` or holds a character outside RFC 6750's
  ///   `b64token` (`A-Z a-z 0-9 - . _ ~ + /`, then `=` padding), or a token is listed twice.
  public init(_ tokens: [TenantID: [String]]) throws(TenantTokensError) {
    guard !tokens.isEmpty else { throw TenantTokensError("no tenant has a token") }
    var entries: [(token: [UInt8], tenant: TenantID)] = []
    var seen: Set<String> = []
    for (tenant, list) in tokens.sorted(by: { $0.key < $1.key }) {
      guard !list.isEmpty else { throw TenantTokensError("tenant \(tenant) has no token") }
      for (index, token) in list.enumerated() {
        try Self.check(token, tenant: tenant, index: index)
        guard seen.insert(token).inserted else {
          throw TenantTokensError("token \(index) of tenant \(tenant) is listed twice")
        }
        entries.append((Array(token.utf8), tenant))
      }
    }
    self.entries = entries
    self.tenants = tokens.keys.sorted()
  }

  /// Reads a tokens file.
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The table.
  /// - Throws: ``TenantTokensError`` when the file cannot be read or parsed, or for the
  ///   reasons of ``init(_:)``.
  public static func load(from path: String) throws(TenantTokensError) -> TenantTokens {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw TenantTokensError("cannot read the tokens file \(path)")
    }
    return try parse(data)
  }

  /// Parses the JSON form.
  ///
  /// - Parameter data: `{"tenants": [{"tenant": "…", "tokens": ["…"]}]}`.
  /// - Returns: The table.
  /// - Throws: ``TenantTokensError`` when the JSON is malformed, or for the reasons of
  ///   ``init(_:)``.
  public static func parse(_ data: Data) throws(TenantTokensError) -> TenantTokens {
    let file: File
    do {
      file = try JSONDecoder().decode(File.self, from: data)
    } catch {
      throw TenantTokensError(
        #"expected {"tenants": [{"tenant": "name", "tokens": ["token"]}]}"#)
    }
    var table: [TenantID: [String]] = [:]
    for entry in file.tenants {
      let tenant = try TenantID(entry.tenant)
      guard table[tenant] == nil else {
        throw TenantTokensError("tenant \(tenant) is listed twice")
      }
      table[tenant] = entry.tokens
    }
    return try TenantTokens(table)
  }

  /// The tenant a bearer token belongs to.
  ///
  /// - Parameter token: The token presented, without the `Bearer ` prefix.
  /// - Returns: Its tenant, or `nil` for an unknown token.
  public func tenant(forToken token: String) -> TenantID? {
    let presented = Array(token.utf8)
    var found: TenantID?
    for entry in entries where Self.constantTimeEqual(entry.token, presented) {
      found = entry.tenant
    }
    return found
  }

  private static func check(
    _ token: String, tenant: TenantID, index: Int
  ) throws(TenantTokensError) {
    guard token.utf8.count >= minimumTokenLength else {
      throw TenantTokensError(
        "token \(index) of tenant \(tenant) is shorter than \(minimumTokenLength) characters")
    }
    let body = token.utf8.reversed().drop { $0 == UInt8(ascii: "=") }
    guard !body.isEmpty, body.allSatisfy(isTokenByte) else {
      throw TenantTokensError(
        "token \(index) of tenant \(tenant) may hold only A-Z a-z 0-9 - . _ ~ + / and = padding")
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

  private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }
}
