import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Audit finding 5: absurd times and ambiguous JSON are refused on import and on record.
@Suite struct ImportValidationTests {
  /// An export of `alice` holding one item with `metadata`, as a JSON string.
  static func exportText(metadata: [String: String] = [:]) async throws -> String {
    let store = InMemoryStore()
    try await StoreFixtures.makeUser("alice", in: store)
    let item = Evidence(
      id: "e1", belief: StoreFixtures.concise, content: .holds, source: "user",
      observedAt: StoreFixtures.now.addingTimeInterval(-60), metadata: metadata)
    try await store.record([item], for: "alice", at: StoreFixtures.now)
    return String(decoding: try await store.exportUser("alice"), as: UTF8.self)
  }

  static func importError(_ text: String) async -> StoreError? {
    let folder = StoreTestFolder("import-validation")
    defer { folder.remove() }
    guard let store = try? FileStore(at: folder.path) else { return nil }
    defer { store.close() }
    do {
      _ = try await store.importUser(Data(text.utf8), replacing: false)
      return nil
    } catch {
      return error
    }
  }

  @Test func anExportWithAnAbsurdTimeIsRefused() async throws {
    let text = try await Self.exportText()
    // Exports write ISO 8601 dates and still read seconds since 2001: try both forms.
    for replacement in ["\"observedAt\":1e300", "\"observedAt\":\"9999-12-31T00:00:00Z\""] {
      let absurd = text.replacingOccurrences(
        of: #""observedAt":"[^"]*""#, with: replacement, options: .regularExpression)
      try #require(absurd != text)
      let error = await Self.importError(absurd)
      #expect(error?.code == .rejectedByModel, "\(replacement)")
    }
  }

  @Test func aHugeFutureToleranceIsRefused() async throws {
    let store = InMemoryStore()
    let error = await #expect(throws: StoreError.self) {
      try await store.createUser("alice", policy: RevisionPolicy(futureTolerance: 1e300))
    }
    #expect(error?.code == .rejectedByModel)
  }

  @Test func evidenceAtAnAbsurdTimeIsRefusedWithinTheTolerance() async throws {
    let store = InMemoryStore()
    try await StoreFixtures.makeUser("alice", in: store)
    let far = Evidence(
      id: "far", belief: StoreFixtures.concise, content: .holds, source: "user",
      observedAt: Date(timeIntervalSinceReferenceDate: -1e300))
    let error = await #expect(throws: StoreError.self) {
      try await store.record([far], for: "alice", at: StoreFixtures.now)
    }
    #expect(error?.code == .rejectedByModel)
    let estimates = try await store.model(for: "alice").estimates(at: StoreFixtures.now)
    #expect(estimates.allSatisfy { $0.probabilities.allSatisfy(\.isFinite) })
  }

  @Test func aDuplicateKeyIsRefused() async throws {
    let text = try await Self.exportText()
    let doubled = text.replacingOccurrences(of: "\"weight\":1", with: "\"weight\":1,\"weight\":5")
    try #require(doubled != text)
    let error = await Self.importError(doubled)
    #expect(error?.code == .invalidArgument)
  }

  @Test func unicodeEquivalentMetadataKeysAreRefused() async throws {
    let composed = "\u{E9}"
    let text = try await Self.exportText(metadata: [composed: "a"])
    let pair = "\"\(composed)\":\"a\",\"e\u{301}\":\"b\""
    let doubled = text.replacingOccurrences(of: "\"\(composed)\":\"a\"", with: pair)
    try #require(doubled != text)
    let error = await Self.importError(doubled)
    #expect(error?.code == .invalidArgument)
  }

  @Test func escapedKeysAreCompared() {
    #expect(JSONDuplicateKeys.first(in: Array(#"{"a":1,"\u0061":2}"#.utf8)) == "a")
    #expect(JSONDuplicateKeys.first(in: Array(#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#.utf8)) == nil)
    #expect(JSONDuplicateKeys.first(in: Array(#"{"x":"\"}\"","x":1}"#.utf8)) == "x")
    // A value is skipped, not read: an escaped backslash at its end, a pair of escapes, a key
    // that is only an escape; a broken escape stops the scan (the decoder reports the JSON).
    #expect(JSONDuplicateKeys.first(in: Array(#"{"x":"\\","x":1}"#.utf8)) == "x")
    #expect(
      JSONDuplicateKeys.first(in: Array(#"{"x":"\ud83d\ude00","y":"é","\u0079":2}"#.utf8)) == "y")
    #expect(JSONDuplicateKeys.first(in: Array(#"{"x":"\u00","x":1}"#.utf8)) == nil)
    #expect(JSONDuplicateKeys.first(in: Array(#"{"x":"open"#.utf8)) == nil)
  }
}
