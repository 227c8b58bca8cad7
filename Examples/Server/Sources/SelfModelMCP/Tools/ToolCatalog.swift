public import MCP
public import SelfModelOperations

/// The server's tools with their JSON schemas: what `tools/list` returns.
///
/// Each tool's arguments are one operation's request value (`SelfModelOperations`), in the
/// library's JSON form, and its answer is that operation's response value in the same JSON the
/// HTTP service answers with. The schemas' numbers come from `OperationLimits`, and the
/// writable sources from the operator's ``AgentPolicy``; each tool has an example. Every input
/// that names a user names it as `user`; ids an agent passes (evidence ids, response ids) make
/// a retried call count once.
public enum ToolCatalog {
  /// Every tool the policy offers, in a fixed order (`create_user` only when the policy
  /// allows agents to create users).
  ///
  /// - Parameters:
  ///   - policy: What agents may do.
  ///   - limits: The operations' limits (default `OperationLimits.standard`).
  /// - Returns: The tools.
  public static func tools(for policy: AgentPolicy, limits: OperationLimits = .standard)
    -> [Tool]
  {
    var tools = [
      listBeliefs, getContext(limits), recordObservation(policy, limits),
      recordReaction(policy, limits), explainBelief(limits), nextQuestion(limits), forget(policy),
    ]
    if policy.allowsCreatingUsers { tools.insert(createUser, at: 1) }
    return tools
  }

  static let listBeliefs = Tool(
    name: "list_beliefs",
    description: """
      The vocabulary: the catalogue's version, every belief with its statement, outcomes, \
      contexts and tags, and its sources (agents write only as the operator's agent sources). \
      Call it first: the other tools take these keys and outcomes.
      """,
    inputSchema: Schema.input([:], required: [], example: [:]),
    annotations: .init(readOnlyHint: true))

  static let createUser = Tool(
    name: "create_user",
    description: """
      Create a user with the catalogue's beliefs and no evidence, so that the other tools can \
      read and write it; answers what the model holds. A user that exists is the error \
      userAlreadyExists.
      """,
    inputSchema: Schema.input(
      ["user": Schema.user], required: ["user"], example: ["user": "user-42"]),
    annotations: .init(destructiveHint: false, idempotentHint: false))

  static func getContext(_ limits: OperationLimits) -> Tool {
    Tool(
      name: "get_context",
      description: """
        What the self-model knows about a user that matters for this request, as hedged text \
        to put in a prompt and as structured numbers (probability, confidence, freshness, why \
        chosen). Words are tied to documented bands: "almost certainly" (p >= 0.90), "very \
        likely" (>= 0.75), "likely" (>= 0.60), else "may"; contested and stale beliefs are \
        marked and never stated as facts. Name keys, key prefixes or tags; none selects all. \
        The text never exceeds budget.characters, and says how many relevant beliefs the \
        budget cut.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "keys": Schema.strings(
            "Belief keys the request is about.", items: Schema.identifier("A belief key")),
          "keyPrefixes": Schema.strings(
            "Key prefixes, such as \"style.\" (each at most 256 bytes).", items: Schema.keyPrefix),
          "tags": Schema.strings(
            "Belief tags, such as \"style\" (each at most 64 bytes).", items: Schema.tag),
          "budget": Schema.budget(limits),
          "excludedLimit": Schema.integer(
            "How many relevant but left-out beliefs to list, with why (default 0).",
            range: 0...limits.maximumPromptExcluded),
          "context": Schema.readingContext,
        ], required: ["user"],
        example: [
          "user": "user-42", "tags": ["style"], "budget": ["beliefs": 5, "characters": 600],
        ]),
      annotations: .init(readOnlyHint: true))
  }

  static func explainBelief(_ limits: OperationLimits) -> Tool {
    Tool(
      name: "explain_belief",
      description: """
        Why the model believes what it does about one belief: its estimate with a credible \
        interval at `level` and the evidence ranked by current contribution (source, weight in \
        plain observations, reliability and decay, each a factor in [0, 1]).
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user, "belief": Schema.identifier("The belief key"),
          "limit": Schema.integer(
            "How many evidence items at most (default all).",
            range: 1...limits.maximumExplanationItems),
          "level": Schema.level, "context": Schema.readingContext,
        ], required: ["user", "belief"],
        example: ["user": "user-42", "belief": "style.concise", "limit": 5]),
      annotations: .init(readOnlyHint: true))
  }

  static func nextQuestion(_ limits: OperationLimits) -> Tool {
    let reliability: Value = [
      "type": "number", "minimum": 0, "maximum": 1,
      "description": "How reliable the user's answers are (default the operator's, else 0.9).",
    ]
    return Tool(
      name: "next_question",
      description: """
        The questions worth asking the user next, ranked by value: the expected information \
        gain of the answer in bits (at most 1 for a yes/no question) times the belief's \
        importance in the catalogue. The result is {"user", "questions": [...]}, best first.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "limit": Schema.integer(
            "How many questions (default 5).", range: 1...limits.maximumQuestions),
          "sensitivity": reliability, "specificity": reliability,
          "context": Schema.readingContext,
        ], required: ["user"], example: ["user": "user-42", "limit": 3]),
      annotations: .init(readOnlyHint: true))
  }

  static func forget(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "forget",
      description: """
        Forget one evidence item (any source, for example when the user asks), or everything \
        one agent source recorded; give exactly one of evidence and source. The store keeps \
        no copy afterwards. An evidence id the ledger does not hold is evidenceNotFound.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "evidence": Schema.identifier("The evidence id to forget"),
          "source": Schema.identifier(
            "An agent source whose evidence to forget: one of \(policy.sourceList)"),
        ], required: ["user"], example: ["user": "user-42", "evidence": "obs-2026-05-08-1"]),
      annotations: .init(destructiveHint: true, idempotentHint: true))
  }
}
