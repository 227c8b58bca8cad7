import Foundation
import MCP
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess

extension ToolRunner {
  /// Decodes a tool's arguments into an operation's request value with `OperationCoding`; a
  /// value the library rejects is its ``ModelError``.
  func decode<Request: Decodable>(
    _ type: Request.Type, _ tool: String, _ arguments: [String: Value]
  ) throws(ToolError) -> Request {
    do {
      let data = try JSONEncoder().encode(Value.object(arguments))
      return try OperationCoding.decoder().decode(Request.self, from: data)
    } catch {
      if let cause = ModelError(unwrapping: error) { throw .model(cause) }
      throw .invalidArguments(tool: tool, reason: Self.describe(error))
    }
  }

  /// A decoding error as a short sentence naming the argument.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, let context):
      let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
      return "missing argument \"\(path)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "argument \"\(path)\": \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  /// Refuses a user outside the caller's scope.
  func permit(_ user: UserID, _ scope: UserScope) throws(ToolError) {
    guard scope.permits(user) else { throw .userNotPermitted(user) }
  }

  /// Runs an operation and answers with its response encoded by `OperationCoding`, as the
  /// result's one text item; a `StoreError` becomes ``ToolError/store(_:)``.
  func answer<Response: Encodable>(
    _ operation: () async throws(StoreError) -> Response
  ) async throws(ToolError) -> CallTool.Result {
    let response: Response
    do { response = try await operation() } catch { throw .store(error) }
    let json: Data
    do {
      json = try OperationCoding.encode(response)
    } catch {
      throw .store(StoreError(.storeFailed, operation: "encode", user: nil, detail: "\(error)"))
    }
    return CallTool.Result(
      content: [.text(text: String(decoding: json, as: UTF8.self), annotations: nil, _meta: nil)],
      isError: false)
  }
}
