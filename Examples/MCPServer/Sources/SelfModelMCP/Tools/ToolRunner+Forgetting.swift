import MCP
import SelfModel
import SelfModelStore

/// What `forget` removed.
struct ForgetResult: Codable {
  var forgotten: [EvidenceID]
}

extension ToolRunner {
  /// `forget`: one evidence item, or all of one agent source's.
  func forget(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(ForgetInput.self, "forget", arguments)
    try permit(input.user, scope)
    let forgotten: [Evidence]
    switch (input.evidenceId, input.source) {
    case (let id?, nil):
      let item = try await stored { () async throws(StoreError) in
        try await store.forget(evidence: id, for: input.user)
      }
      forgotten = item.map { [$0] } ?? []
    case (nil, let source?):
      _ = try policy.writableSource(source)
      forgotten = try await stored { () async throws(StoreError) in
        try await store.forget(source: source, for: input.user)
      }
    default:
      throw .invalidArguments(
        tool: "forget", reason: "give exactly one of \"evidenceId\" and \"source\"")
    }
    let ids = forgotten.map(\.id)
    let text =
      ids.isEmpty
      ? "nothing to forget (already gone)"
      : "forgot \(ids.count) evidence item(s); no file of the store keeps them"
    return Self.success(text, ForgetResult(forgotten: ids))
  }
}
