import Foundation
import MCP
import SelfModel
import SelfModelStore

extension ToolRunner {
  /// Decodes a tool's arguments; a value the library rejects is its ``ModelError``.
  func decode<Input: Decodable>(_ type: Input.Type, _ tool: String, _ arguments: [String: Value])
    throws(ToolError) -> Input
  {
    do {
      let data = try JSONEncoder().encode(Value.object(arguments))
      return try JSONDecoder().decode(Input.self, from: data)
    } catch {
      if let cause = ModelError(unwrapping: error) { throw .model(cause) }
      throw .invalidArguments(tool: tool, reason: Self.describe(error))
    }
  }

  /// A decoding error as a short sentence naming the argument.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, _): return "missing argument \"\(key.stringValue)\""
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

  /// Runs a model computation, its error as a ``ToolError``.
  func model<T>(_ body: () throws(ModelError) -> T) throws(ToolError) -> T {
    do { return try body() } catch { throw .model(error) }
  }

  /// Runs a store call, its error as a ``ToolError``.
  func stored<T>(_ body: () async throws(StoreError) -> T) async throws(ToolError) -> T {
    do { return try await body() } catch { throw .store(error) }
  }

  /// The user's model, and a check that `source` is an agent source in it (never a
  /// user-stated one, whatever the operator's list says).
  func writableModel(_ user: UserID, source: SourceID) async throws(ToolError) -> UserModel {
    let model = try await stored { () async throws(StoreError) in try await store.model(for: user) }
    guard let registered = model.source(source) else { throw .model(.unknownSource(source)) }
    guard registered.kind != .userStated else { throw .sourceNotWritable(source) }
    return model
  }
}
