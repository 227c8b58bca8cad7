public import Foundation

/// The HTTP service's bearer tokens, each bound to one tenant (a ``BearerTokenTable``).
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

  private let table: BearerTokenTable<TenantID>

  /// Every tenant that has at least one token, by name.
  public let tenants: [TenantID]

  /// Creates a table.
  ///
  /// - Parameter tokens: Each tenant's tokens.
  /// - Throws: ``TenantTokensError`` when there is no tenant, a tenant has no token, or for
  ///   the reasons of ``BearerTokenTable/init(_:)`` (a weak token, one listed twice).
  public init(_ tokens: [TenantID: [String]]) throws(TenantTokensError) {
    guard !tokens.isEmpty else { throw TenantTokensError("no tenant has a token") }
    var entries: [(token: String, grant: TenantID, label: String)] = []
    for (tenant, list) in tokens.sorted(by: { $0.key < $1.key }) {
      guard !list.isEmpty else { throw TenantTokensError("tenant \(tenant) has no token") }
      for (index, token) in list.enumerated() {
        entries.append((token, tenant, "token \(index) of tenant \(tenant)"))
      }
    }
    self.table = try BearerTokenTable(entries)
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
    table.grant(forToken: token)?.grant
  }
}
