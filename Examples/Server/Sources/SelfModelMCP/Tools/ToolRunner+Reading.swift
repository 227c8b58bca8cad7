import MCP
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess

extension ToolRunner {
  /// `create_user`: `Operations.createUser(_:)` with the catalogue's beliefs only (the schema
  /// offers `user` alone), where the operator allows it.
  func createUser(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let request = try decode(CreateUserRequest.self, "create_user", arguments)
    try permit(request.user, scope)
    return try await answer { () async throws(StoreError) in
      try await operations.createUser(request)
    }
  }

  /// `get_context`: `Operations.promptContext(_:at:)`.
  func getContext(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let request = try decode(PromptRequest.self, "get_context", arguments)
    try permit(request.user, scope)
    let moment = now()
    return try await answer { () async throws(StoreError) in
      try await operations.promptContext(request, at: moment)
    }
  }

  /// `explain_belief`: `Operations.explain(_:at:)`.
  func explainBelief(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let request = try decode(ExplainRequest.self, "explain_belief", arguments)
    try permit(request.user, scope)
    let moment = now()
    return try await answer { () async throws(StoreError) in
      try await operations.explain(request, at: moment)
    }
  }

  /// `next_question`: `Operations.nextQuestions(_:at:)`, with the operator's answer
  /// reliability (``AgentPolicy/answers``) where the call gives none.
  func nextQuestion(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    var request = try decode(NextQuestionsRequest.self, "next_question", arguments)
    try permit(request.user, scope)
    if let answers = policy.answers, request.sensitivity == nil, request.specificity == nil {
      request.sensitivity = answers.sensitivity
      request.specificity = answers.specificity
    }
    let moment = now()
    return try await answer { [request] () async throws(StoreError) in
      try await operations.nextQuestions(request, at: moment)
    }
  }
}
