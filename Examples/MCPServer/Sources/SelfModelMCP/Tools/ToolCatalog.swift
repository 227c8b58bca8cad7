public import MCP

/// The server's tools with their JSON schemas: what `tools/list` returns.
///
/// The schemas are written from the library's limits (``Schema``) and the operator's
/// ``AgentPolicy``, each tool has an example and an `outputSchema` (``OutputSchemas``). Every
/// input that names a user names it as `user`; ids an agent passes (`id`, `responseId`) make a
/// retried call count once.
public enum ToolCatalog {
  /// Every tool the policy offers, in a fixed order (`create_user` only when the policy
  /// allows agents to create users).
  ///
  /// - Parameter policy: What agents may do.
  /// - Returns: The tools.
  public static func tools(for policy: AgentPolicy) -> [Tool] {
    var tools = [
      listBeliefs(policy), getContext(policy), recordObservation(policy), recordReaction(policy),
      explainBelief(policy), nextQuestion(policy), forget(policy),
    ]
    if policy.allowsCreatingUsers { tools.insert(createUser, at: 1) }
    return tools
  }

  static func listBeliefs(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "list_beliefs",
      description: """
        The vocabulary: every belief of the store's catalogue with its statement, outcomes, \
        tags, importance and the contexts it lists, and the sources agents may write as. \
        Call it first: the other tools take these keys and outcomes.
        """,
      inputSchema: Schema.input(
        [
          "keyPrefixes": Schema.strings(
            "Only beliefs whose key starts with one of these, such as \"style.\".",
            items: Schema.keyPrefix),
          "tags": Schema.strings(
            "Only beliefs with one of these tags.", items: Schema.tag),
          "limit": Schema.integer(
            "How many beliefs at most (default 200), in key order.",
            range: 1...policy.maximumListed),
        ], required: [], example: ["keyPrefixes": ["style."], "limit": 20]),
      annotations: .init(readOnlyHint: true), outputSchema: OutputSchemas.listBeliefs)
  }

  static let createUser = Tool(
    name: "create_user",
    description: """
      Create a user with the catalogue's beliefs and no evidence, so that the other tools can \
      read and write it. Creating a user that exists changes nothing (created: false).
      """,
    inputSchema: Schema.input(
      ["user": Schema.user], required: ["user"], example: ["user": "user-42"]),
    annotations: .init(destructiveHint: false, idempotentHint: true),
    outputSchema: OutputSchemas.createUser)

  static func getContext(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "get_context",
      description: """
        What the self-model knows about a user that matters for this request, as hedged text \
        to put in a prompt and as structured numbers (probability, confidence, freshness, why \
        chosen). Words are tied to documented bands: "almost certainly" (p >= 0.90), "very \
        likely" (>= 0.75), "likely" (>= 0.60), else "may"; contested and stale beliefs are \
        marked and never stated as facts. Name keys, key prefixes or tags; none selects all. \
        The text never exceeds `characters`, and says how many relevant beliefs that budget cut.
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
          "budget": Schema.integer(
            "How many beliefs at most (default 20).", range: 1...policy.maximumContextBeliefs),
          "characters": Schema.integer(
            "How many characters (Unicode grapheme clusters) of text at most; none: no limit.",
            range: 1...policy.maximumCharacters),
          "excludedLimit": Schema.integer(
            "How many relevant but left-out beliefs to list, with why (default 0).",
            range: 0...policy.maximumListed),
          "context": Schema.readingContext,
        ], required: ["user"],
        example: ["user": "user-42", "tags": ["style"], "budget": 5, "characters": 600]),
      annotations: .init(readOnlyHint: true), outputSchema: OutputSchemas.getContext)
  }

  static func explainBelief(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "explain_belief",
      description: """
        Why the model believes what it does about one belief: its estimate with a 90% credible \
        interval and the evidence ranked by current contribution (source, weight in plain \
        observations, reliability and decay, each a factor in [0, 1]).
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user, "belief": Schema.identifier("The belief key"),
          "limit": Schema.integer(
            "How many evidence items at most (default 10).", range: 1...policy.maximumListed),
          "context": Schema.readingContext,
        ], required: ["user", "belief"],
        example: ["user": "user-42", "belief": "style.concise", "limit": 5]),
      annotations: .init(readOnlyHint: true), outputSchema: OutputSchemas.explanation)
  }

  static func nextQuestion(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "next_question",
      description: """
        The questions worth asking the user next, ranked by value: the expected information \
        gain of the answer in bits (at most 1 for a yes/no question) times the belief's \
        importance. The result is {"questions": [...]}, best first.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "limit": Schema.integer(
            "How many questions (default 3).", range: 1...policy.maximumListed),
          "context": Schema.readingContext,
        ], required: ["user"], example: ["user": "user-42", "limit": 3]),
      annotations: .init(readOnlyHint: true), outputSchema: OutputSchemas.nextQuestion)
  }

  static func forget(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "forget",
      description: """
        Forget one evidence item (any source, for example when the user asks), or everything \
        one agent source recorded; give exactly one of evidenceId and source. The store keeps \
        no copy afterwards.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "evidenceId": Schema.identifier("The evidence id to forget"),
          "source": Schema.identifier(
            "An agent source whose evidence to forget: one of \(policy.sourceList)"),
        ], required: ["user"], example: ["user": "user-42", "evidenceId": "obs-2026-05-08-1"]),
      annotations: .init(destructiveHint: true, idempotentHint: true),
      outputSchema: OutputSchemas.forget)
  }
}
