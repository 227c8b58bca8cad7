import SelfModel
import Testing

@testable import ServiceAccess

/// The one token component both services use: the same rules for the HTTP service's tenant
/// tokens and the MCP server's user-scoped tokens.
@Suite struct ServiceAccessTests {
  static let shortest = String(repeating: "a", count: BearerTokenRules.minimumLength)
  static let tooShort = String(repeating: "a", count: BearerTokenRules.minimumLength - 1)

  @Test func bothServicesRefuseTheSameShortTokenAndAcceptTheSameLongOne() throws {
    #expect(BearerTokenRules.minimumLength == 24)
    let tenant = try TenantID("acme")
    #expect(throws: TenantTokensError("token 0 of tenant acme is shorter than 24 characters")) {
      _ = try TenantTokens([tenant: [Self.tooShort]])
    }
    #expect(throws: TenantTokensError("token 0 is shorter than 24 characters")) {
      _ = try BearerTokens([Self.tooShort: .all])
    }
    #expect(try TenantTokens([tenant: [Self.shortest]]).tenant(forToken: Self.shortest) == tenant)
    let scoped = try BearerTokens([Self.shortest: .only(["u1"])])
    #expect(scoped.scope(forAuthorization: "Bearer \(Self.shortest)") == .only(["u1"]))
  }

  @Test func aTableFindsEachTokenByItsWholeValueAndIndex() throws {
    let table = try BearerTokenTable([
      (token: "first-token-0123456789abc", grant: "one", label: "token 0"),
      (token: "second-token-0123456789ab", grant: "two", label: "token 1"),
    ])
    #expect(table.grant(forToken: "second-token-0123456789ab")?.index == 1)
    #expect(table.grant(forToken: "second-token-0123456789ab")?.grant == "two")
    #expect(table.grant(forToken: "second-token-0123456789a") == nil)
    #expect(table.grant(forToken: "second-token-0123456789abc") == nil)
    #expect(throws: TenantTokensError("token 1 is listed twice")) {
      _ = try BearerTokenTable([
        (token: "first-token-0123456789abc", grant: 1, label: "token 0"),
        (token: "first-token-0123456789abc", grant: 2, label: "token 1"),
      ])
    }
    #expect(
      throws: TenantTokensError("token 0 may hold only A-Z a-z 0-9 - . _ ~ + / and = padding")
    ) {
      _ = try BearerTokenTable([(token: "a token with spaces in it 0", grant: 1, label: "token 0")])
    }
  }

  @Test(
    arguments: [
      ("Bearer abc", "abc"), ("bearer abc", "abc"), ("BEARER  abc", "abc"), ("Basic abc", nil),
      ("Bearer", nil), ("Bearer ", nil), ("Bearerabc", nil), ("", nil),
    ] as [(String, String?)])
  func theAuthorizationHeaderPresentsAToken(header: String, token: String?) {
    #expect(BearerTokenRules.token(inAuthorization: header).map(String.init) == token)
  }
}
