import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

@testable import SelfModelHTTP

/// The lines form of export and import (`application/x-ndjson`).
@Suite struct StreamedPortabilityTests {
  static let lines = "application/x-ndjson"

  /// A harness whose JSON import limit (64 KiB) is smaller than the export of `items` items.
  private func makeHarness(user: UserID, items: Int) async throws -> Harness {
    let harness = try await Harness.make { $0.maximumImportBytes = 64 << 10 }
    try await harness.store.createUser(user)
    var batch: [Evidence] = []
    for index in 0..<items {
      batch.append(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: "preference.concise",
          content: index % 3 == 0 ? .doesNotHold : .holds, source: "user",
          observedAt: Harness.now.addingTimeInterval(-Double(index) - 0.25)))
      if batch.count == 1_000 || index == items - 1 {
        try await harness.store.record(batch, for: user, at: Harness.now)
        batch = []
      }
    }
    return harness
  }

  private func send(
    _ client: any TestClientProtocol, _ uri: String, body: String,
    contentType: String = Self.lines
  ) async throws -> TestResponse {
    try await client.execute(
      uri: uri, method: .post,
      headers: [.contentType: contentType, .authorization: "Bearer \(Harness.acmeToken)"],
      body: ByteBuffer(string: body))
  }

  private func exportLines(_ client: any TestClientProtocol, _ user: String) async throws
    -> String
  {
    let response = try await client.execute(
      uri: "/v1/users/\(user)/export", method: .get,
      headers: [.accept: Self.lines, .authorization: "Bearer \(Harness.acmeToken)"])
    #expect(response.status == .ok)
    #expect(response.headers[.contentType] == Self.lines)
    return text(response)
  }

  @Test func anExportLargerThanTheJSONLimitMovesThroughTheLinesForm() async throws {
    let harness = try await makeHarness(user: "big", items: 3_000)
    try await harness.run { client in
      let json = text(try await client.send(.get, "/v1/users/big/export"))
      #expect(json.utf8.count > 64 << 10)
      let refused = try await client.send(.post, "/v1/imports?replace=true", json: json)
      #expect(refused.status == .contentTooLarge)

      let document = try await exportLines(client, "big")
      #expect(document.split(separator: "\n").count == 3_001)
      let estimates = text(try await client.send(.get, "/v1/users/big/estimates"))
      #expect(try await client.send(.delete, "/v1/users/big").status == .noContent)
      let imported = try await send(client, "/v1/imports", body: document)
      #expect(imported.status == .created)
      #expect(text(try await client.send(.get, "/v1/users/big/export")) == json)
      #expect(try await send(client, "/v1/imports", body: document).status == .conflict)
      let replaced = try await send(client, "/v1/imports?replace=true", body: document)
      #expect(replaced.status == .created)
      #expect(text(try await client.send(.get, "/v1/users/big/estimates")) == estimates)

      // Under a new id: the user is named once, in the header.
      let renamed = document.replacingOccurrences(of: #""user":"big""#, with: #""user":"copy""#)
      #expect(try await send(client, "/v1/imports", body: renamed).status == .created)
      let copied = text(try await client.send(.get, "/v1/users/copy/estimates"))
      #expect(copied == estimates.replacingOccurrences(of: "\"big\"", with: "\"copy\""))
    }
  }

  @Test func aStreamCutShortIsMalformedAndWritesNothing() async throws {
    let harness = try await makeHarness(user: "cut", items: 20)
    try await harness.run { client in
      let document = try await exportLines(client, "cut")
      #expect(try await client.send(.delete, "/v1/users/cut").status == .noContent)
      let lastLine = try #require(document.dropLast().lastIndex(of: "\n"))
      for body in [
        String(document.dropLast()), String(document[..<lastLine]) + "\n",
        String(document[...document.index(lastLine, offsetBy: 12)]),
      ] {
        let response = try await send(client, "/v1/imports", body: body)
        #expect(response.status == .badRequest)
        let problem = try problem(response)
        #expect(problem.code == "malformedDocument")
        #expect(!problem.detail.contains("DecodingError"))
        #expect(try await client.send(.get, "/v1/users/cut").status == .notFound)
      }
    }
  }

  @Test func aLineOverTheLineLimitIs413NamingIt() async throws {
    try await Harness.make().run { client in
      let line = String(repeating: "a", count: ExportLineReader.standardMaximumLineBytes + 1)
      let response = try await send(client, "/v1/imports", body: line + "\n")
      #expect(response.status == .contentTooLarge)
      let problem = try problem(response)
      #expect(problem.code == "lineTooLarge")
      #expect(problem.members["maximumLineBytes"] == "4194304")
    }
  }

  @Test func repeatedKeysAndOtherMediaTypesAreRefused() async throws {
    let harness = try await makeHarness(user: "dup", items: 2)
    try await harness.run { client in
      let document = try await exportLines(client, "dup")
      #expect(try await client.send(.delete, "/v1/users/dup").status == .noContent)
      let doubled = document.replacingOccurrences(of: #"{"belief""#, with: #"{"id":"x","belief""#)
      let response = try await send(client, "/v1/imports", body: doubled)
      #expect(response.status == .badRequest)
      #expect(try problem(response).detail.contains(#"the key "id" occurs twice"#))
      let plain = try await send(client, "/v1/imports", body: document, contentType: "text/plain")
      #expect(plain.status == .unsupportedMediaType)
      #expect(try problem(plain).code == "unsupportedMediaType")
      #expect(try await client.send(.get, "/v1/users/dup").status == .notFound)
    }
  }

  @Test func theDocumentStatesTheLinesFormAndItsLimits() throws {
    let paths = try #require(ContractTests.document()["paths"] as? [String: Any])
    let imports = try OpenAPILimitsTests.member(
      paths, "/v1/imports", "post", "requestBody", "content")
    let form = try OpenAPILimitsTests.member(imports, Self.lines)
    #expect(form["x-maximumLineBytes"] as? Int == ExportLineReader.standardMaximumLineBytes)
    #expect(form["x-maximumItems"] as? Int == ExportLineReader.standardMaximumItems)
    let export = try OpenAPILimitsTests.member(
      paths, "/v1/users/{user}/export", "get", "responses", "200", "content")
    #expect(export[Self.lines] != nil)
  }
}
