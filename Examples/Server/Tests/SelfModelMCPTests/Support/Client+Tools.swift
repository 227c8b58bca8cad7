import Foundation
import MCP
import SelfModelOperations
import Testing

extension Client {
  /// Calls a tool and returns the whole result, structured content included.
  func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
    try await send(CallTool.request(.init(name: name, arguments: arguments))).value
  }
}

extension CallTool.Result {
  /// The text of the first content item.
  var text: String {
    guard case .text(let text, _, _)? = content.first else { return "" }
    return text
  }

  /// The problem code of a failed call.
  var code: String? { structuredContent?.objectValue?["code"]?.stringValue }

  /// The problem category of a failed call.
  var category: String? { structuredContent?.objectValue?["category"]?.stringValue }

  /// The answer as the operation's response value, after checking that the text is exactly
  /// that value's `OperationCoding` encoding (what the HTTP service answers).
  func response<Response: Codable>(
    _ type: Response.Type, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Response {
    #expect(isError == false, "\(text)", sourceLocation: sourceLocation)
    let value = try OperationCoding.decoder().decode(Response.self, from: Data(text.utf8))
    let again = String(decoding: try OperationCoding.encoder().encode(value), as: UTF8.self)
    #expect(again == text, sourceLocation: sourceLocation)
    return value
  }
}
