import MCP

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
}
