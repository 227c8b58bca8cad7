import MCP
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess

extension ToolRunner {
  /// `record_observation`: `Operations.record(_:at:)`, every item as an agent source the
  /// operator allows.
  func recordObservation(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let request = try decode(RecordRequest.self, "record_observation", arguments)
    try permit(request.user, scope)
    try await permitWriting(as: request.evidence.map(\.source), for: request.user)
    let moment = now()
    return try await answer { () async throws(StoreError) in
      try await operations.record(request, at: moment)
    }
  }

  /// `record_reaction`: `Operations.react(_:at:)`, recorded as the operator's reaction source
  /// unless the call's likelihood names another source agents may write as.
  func recordReaction(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    var request = try decode(ReactRequest.self, "record_reaction", arguments)
    try permit(request.user, scope)
    var likelihood = ReactionLikelihood(source: try policy.writableSource(policy.reactionSource))
    if let asked = request.likelihood { likelihood = asked }
    try await permitWriting(
      as: [likelihood.source] + likelihood.sourceOverrides.values, for: request.user)
    request.likelihood = likelihood
    let moment = now()
    return try await answer { [request] () async throws(StoreError) in
      try await operations.react(request, at: moment)
    }
  }

  /// `forget`: `Operations.forget(_:)`; a whole source only if agents may write as it.
  func forget(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let request = try decode(ForgetRequest.self, "forget", arguments)
    try permit(request.user, scope)
    if let source = request.source { _ = try policy.writableSource(source) }
    return try await answer { () async throws(StoreError) in
      try await operations.forget(request)
    }
  }

  /// Refuses a source agents may not write as: one the operator did not list, or one the
  /// user's model registers as user-stated (whatever the operator's list says).
  func permitWriting(as sources: [SourceID], for user: UserID) async throws(ToolError) {
    for source in sources { _ = try policy.writableSource(source) }
    let stated: SourceID?
    do {
      stated = try await store.read(user: user, operation: "permitWriting") { view in
        sources.first { view.model.source($0)?.kind == .userStated }
      }
    } catch { throw .store(error) }
    if let stated { throw .sourceNotWritable(stated) }
  }
}
