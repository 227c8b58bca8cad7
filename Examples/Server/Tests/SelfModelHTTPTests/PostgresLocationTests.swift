import Foundation
import SelfModelHTTP
import ServiceAccess
import Testing

/// `--postgres URL`: what is parsed, what is refused, and that no message shows the password.
@Suite struct PostgresLocationTests {
  @Test func aFullURLIsParsedAndShownWithoutItsPassword() throws {
    let location = try PostgresLocation(
      url: "postgres://app:p%40ss%2Fword@db.internal:6543/selfmodel?sslmode=disable")
    #expect(location.username == "app")
    #expect(location.password == "p@ss/word")
    #expect(location.host == "db.internal")
    #expect(location.port == 6543)
    #expect(location.database == "selfmodel")
    #expect(location.tls == .disable)
    #expect(location.description == "postgres://app@db.internal:6543/selfmodel?sslmode=disable")
    #expect(!location.description.contains("p@ss"))
  }

  @Test func thePortDefaultsTo5432AndTLSIsRequiredUnlessDisabled() throws {
    let location = try PostgresLocation(url: "postgresql://app@127.0.0.1/selfmodel")
    #expect(location.port == 5432)
    #expect(location.password == nil)
    #expect(location.tls == .require)
    #expect(try PostgresLocation(url: "postgres://a@h/d?sslmode=verify-full").tls == .require)
    let v6 = try PostgresLocation(url: "postgres://a@[::1]:5433/d?sslmode=disable")
    #expect(v6.host == "::1")
    #expect(v6.description == "postgres://a@[::1]:5433/d?sslmode=disable")
  }

  @Test(arguments: [
    ("mysql://app:hunter2@db/app", "must start with postgres://"),
    ("postgres://db/app", "names no user"),
    ("postgres://app:hunter2@/app", "names no host"),
    ("postgres://app:hunter2@db", "names no database"),
    ("postgres://app:hunter2@db/", "names no database"),
    ("postgres://app:hunter2@db/a/b", "names no database"),
    ("postgres://app:hunter2@db:0/app", "outside 1...65535"),
    ("postgres://app:hunter2@db:70000/app", "outside 1...65535"),
    ("postgres://app:hunter2@db/app?sslmode=prefer", "use disable or require"),
    ("postgres://app:hunter2@db/app?application_name=x", "only sslmode is understood"),
    ("postgres://app:hunter2@db:port/app", "is not a URL"),
    ("", "must start with postgres://"),
  ])
  func aBadURLIsRefusedWithoutShowingItsPassword(url: String, reason: String) {
    #expect {
      try PostgresLocation(url: url)
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix("the PostgreSQL URL ") && message.contains(reason)
        && !message.contains("hunter2") && !message.contains("ter2")
    }
  }

  @Test func eachTenantGetsItsOwnSchema() throws {
    let schemas = try PostgresTenancy.schemas(for: [TenantID("acme-eu"), TenantID("0globex")])
    #expect(schemas[try TenantID("acme-eu")] == "selfmodel_acme_eu")
    #expect(schemas[try TenantID("0globex")] == "selfmodel_0globex")
    let longest = try TenantID(String(repeating: "a", count: PostgresTenancy.longestTenant))
    #expect(try PostgresTenancy.schemas(for: [longest])[longest]?.utf8.count == 63)
  }

  @Test func tenantsThatWouldShareASchemaOrNotFitOneAreRefused() throws {
    #expect {
      try PostgresTenancy.schemas(for: [TenantID("acme-eu"), TenantID("acme_eu")])
    } throws: { error in
      "\(error)".contains("acme-eu and acme_eu would share the PostgreSQL schema selfmodel_acme_eu")
    }
    let long = try TenantID(String(repeating: "a", count: PostgresTenancy.longestTenant + 1))
    #expect(throws: PostgresLocationError.self) { try PostgresTenancy.schemas(for: [long]) }
  }

  @Test func theConnectionsAreSharedByTheTenantsAtLeastOneEach() {
    #expect(PostgresTenancy.connectionsPerTenant(total: 20, tenants: 1) == 20)
    #expect(PostgresTenancy.connectionsPerTenant(total: 20, tenants: 3) == 6)
    #expect(PostgresTenancy.connectionsPerTenant(total: 4, tenants: 10) == 1)
  }
}
