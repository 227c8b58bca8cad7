import Foundation
import Hummingbird
import Testing

@testable import SelfModelHTTP

/// The OpenAPI document against the code: the routes the router registers and the document's
/// operations are the same set, every operation but the three public ones needs the bearer
/// token and documents its 401, and every reference resolves.
@Suite struct ContractTests {
  /// `Sources/SelfModelHTTP/openapi.json`, read from the package.
  static func documentData() throws -> Data {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try Data(
      contentsOf: package.appendingPathComponent("Sources/SelfModelHTTP/openapi.json"))
  }

  /// The document as JSON objects.
  static func document() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: documentData()) as? [String: Any])
  }

  /// `METHOD /path/{parameter}` of every operation in the document, with its operation object.
  static func operations() throws -> [String: [String: Any]] {
    let paths = try #require(try document()["paths"] as? [String: [String: Any]])
    var operations: [String: [String: Any]] = [:]
    for (path, item) in paths {
      for (method, operation) in item where method != "parameters" {
        operations["\(method.uppercased()) \(path)"] = try #require(operation as? [String: Any])
      }
    }
    return operations
  }

  @Test func theRoutesTheServerRegistersAreTheDocumentsOperations() async throws {
    let harness = try await Harness.make()
    let router = SelfModelService.router(
      stores: harness.stores, tokens: harness.tokens, configuration: harness.configuration)
    let registered = Set(
      router.routes.map { route in
        let segments = "\(route.path)".split(separator: "/").map { segment in
          segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }
        return "\(route.method.rawValue) /\(segments.joined(separator: "/"))"
      })
    #expect(registered.count == 20)
    #expect(registered == Set(try Self.operations().keys))
    await harness.stores.shutdown()
    try? FileManager.default.removeItem(at: harness.folder.deletingLastPathComponent())
  }

  @Test func everyOperationButThePublicOnesNeedsTheTokenAndDocumentsItsErrors() throws {
    let document = try Self.document()
    #expect(document["openapi"] as? String == "3.1.0")
    #expect(document["security"] as? [[String: [String]]] == [["bearerAuth": []]])
    let publicOperations = ["GET /openapi.json", "GET /v1/health", "GET /v1/ready"]
    for (name, operation) in try Self.operations() {
      let responses = try #require(operation["responses"] as? [String: Any], "\(name)")
      if publicOperations.contains(name) {
        #expect((operation["security"] as? [Any])?.isEmpty == true, "\(name)")
      } else {
        #expect(operation["security"] == nil, "\(name) must use the global bearer scheme")
        for status in ["400", "401", "404", "500", "503"] {
          #expect(responses[status] != nil, "\(name) does not document \(status)")
        }
      }
    }
  }

  @Test func everyReferenceResolves() throws {
    let text = String(decoding: try Self.documentData(), as: UTF8.self)
    let components = try #require(try Self.document()["components"] as? [String: [String: Any]])
    let pattern = #/"\$ref": "#/components/(\w+)/(\w+)"/#
    var count = 0
    for match in text.matches(of: pattern) {
      count += 1
      #expect(
        components[String(match.output.1)]?[String(match.output.2)] != nil,
        "unresolved \(match.output.0)")
    }
    #expect(count > 50)
  }
}
