import Foundation
import ServiceAccess
import Testing

@testable import SelfModelHTTP

@Suite struct TenantTokensTests {
  @Test func aTokensFileBindsEachTokenToItsTenant() throws {
    let json = #"""
      {"tenants": [
        {"tenant": "acme", "tokens": ["acme-token-one-0123456789", "acme-token-two-0123456789"]},
        {"tenant": "globex_2", "tokens": ["Z2xvYmV4LXRva2VuLTAxMjM0NTY3ODk="]}
      ]}
      """#
    let tokens = try TenantTokens.parse(Data(json.utf8))
    #expect(tokens.tenants.map(\.rawValue) == ["acme", "globex_2"])
    #expect(tokens.tenant(forToken: "acme-token-two-0123456789")?.rawValue == "acme")
    #expect(tokens.tenant(forToken: "Z2xvYmV4LXRva2VuLTAxMjM0NTY3ODk=")?.rawValue == "globex_2")
    #expect(tokens.tenant(forToken: "acme-token-two-012345678") == nil)
    #expect(tokens.tenant(forToken: "") == nil)
  }

  @Test(arguments: [
    (#"{"tenants": []}"#, "no tenant"),
    (#"{"tenants": [{"tenant": "acme", "tokens": []}]}"#, "has no token"),
    (#"{"tenants": [{"tenant": "acme", "tokens": ["short"]}]}"#, "shorter than 24"),
    (
      #"{"tenants": [{"tenant": "acme", "tokens": ["has a space in it 0123456789"]}]}"#,
      "may hold only"
    ),
    (
      #"{"tenants": [{"tenant": "../etc", "tokens": ["acme-token-one-0123456789"]}]}"#,
      "tenant name"
    ),
    (#"{"tenants": [{"tenant": "Acme", "tokens": ["acme-token-one-0123456789"]}]}"#, "tenant name"),
    (
      #"{"tenants": [{"tenant": "a", "tokens": ["acme-token-one-0123456789"]}, {"tenant": "b", "tokens": ["acme-token-one-0123456789"]}]}"#,
      "listed twice"
    ),
    (#"{"tokens": {}}"#, "expected"),
  ])
  func aBadTokensFileIsRefusedWithoutNamingTheToken(json: String, reason: String) {
    #expect {
      _ = try TenantTokens.parse(Data(json.utf8))
    } throws: { error in
      let description = "\(error)"
      return description.contains(reason) && !description.contains("acme-token-one")
    }
  }

  @Test func aMissingFileIsAnError() {
    #expect(throws: TenantTokensError.self) {
      _ = try TenantTokens.load(from: "/nonexistent/selfmodel-tokens.json")
    }
  }
}
