import SelfModelStore
import Testing

@testable import SelfModelPostgres

@Suite struct PostgresErrorMappingTests {
  @Test(arguments: [
    ("40001", StoreError.Code.serializationFailure), ("40P01", .serializationFailure),
    ("57014", .timedOut), ("55P03", .timedOut), ("57P01", .connectionLost),
    ("57P03", .connectionLost), ("08006", .connectionLost), ("53100", .diskFull),
    ("53300", .unavailable), ("23505", .ioFailure), ("42P01", .ioFailure),
  ])
  func serverStatesMapToTypedCodes(state: String, code: StoreError.Code) {
    #expect(PostgresErrorMapping.serverCode(state) == code)
  }

  @Test func retryableCodesAreTheTransientOnes() {
    for state in ["40001", "57014", "57P01", "08006", "53300"] {
      #expect(StoreError(PostgresErrorMapping.serverCode(state), operation: "record").isRetryable)
    }
    #expect(!StoreError(PostgresErrorMapping.serverCode("42P01"), operation: "x").isRetryable)
  }

  @Test(arguments: [
    ("selfmodel", true), ("_x9", true), ("t_c0123456789a", true), ("", false), ("9a", false),
    ("Upper", false), ("semi;colon", false), ("quo\"te", false),
    (String(repeating: "a", count: 64), false),
  ])
  func schemaNamesAreChecked(name: String, valid: Bool) {
    #expect(PostgresStoreOptions.isValidSchema(name) == valid)
  }
}
