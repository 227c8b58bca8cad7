public import MCP

/// The server's tools with their JSON schemas: what `tools/list` returns.
///
/// Every input names the `user`; ids an agent passes (`id`, `responseId`) make a retried call
/// count once.
public enum ToolCatalog {
  /// Every tool, in a fixed order.
  public static let tools: [Tool] = [
    getContext, recordObservation, recordReaction, explainBelief, nextQuestion, forget,
  ]

  static let getContext = Tool(
    name: "get_context",
    description: """
      What the self-model knows about a user that matters for this request, as hedged text \
      to put in a prompt and as structured numbers (probability, confidence, freshness, why \
      chosen). Words are tied to documented bands: "almost certainly" (p >= 0.90), "very \
      likely" (>= 0.75), "likely" (>= 0.60), else "may"; contested and stale beliefs are \
      marked and never stated as facts. Name keys, key prefixes or tags; none selects all.
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user,
        "keys": Schema.array(of: Schema.string("A belief key the request is about.")),
        "keyPrefixes": Schema.array(of: Schema.string("A key prefix, such as \"style.\".")),
        "tags": Schema.array(of: Schema.string("A belief tag, such as \"style\".")),
        "budget": Schema.integer("How many beliefs at most (default 20).", minimum: 1),
        "characters": Schema.integer("How many characters of text at most.", minimum: 1),
        "excludedLimit": Schema.integer(
          "How many relevant but left-out beliefs to list (default 0).", minimum: 0),
        "context": Schema.readingContext,
      ], required: ["user"]),
    annotations: .init(readOnlyHint: true))

  static let recordObservation = Tool(
    name: "record_observation",
    description: """
      Record what the agent observed about the user as evidence on one belief, as the \
      agent's own source (never as the user). Give one outcome, or a distribution over \
      outcomes for uncertain observations. The id makes a retry count once.
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user,
        "id": Schema.string("A unique id for this observation; reuse it when retrying."),
        "belief": Schema.string("The belief key."),
        "outcome": Schema.string("The outcome observed, such as \"true\"."),
        "distribution": [
          "type": "object", "description": "Outcome -> probability, summing to 1.",
          "additionalProperties": ["type": "number"],
        ],
        "weight": Schema.number("How many plain observations it is worth (default 1)."),
        "source": Schema.string("An agent source the operator registered (default: the first)."),
        "observedAt": Schema.string("When it happened, ISO 8601 (default: now)."),
        "note": Schema.string("A short human note."),
        "context": Schema.writingContext,
      ], required: ["user", "id", "belief"]),
    annotations: .init(destructiveHint: false, idempotentHint: true))

  static let recordReaction = Tool(
    name: "record_reaction",
    description: """
      Record how the user reacted to a candidate answer (accepted, rejected, edited, rated): \
      evidence on the beliefs the candidate's stances touched. Retrying with the same \
      responseId, candidate, reaction and observedAt counts once.
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user,
        "responseId": Schema.string("The id of the response shown."),
        "candidates": Schema.array(of: Schema.candidate),
        "candidate": Schema.string("The id of the candidate the user reacted to."),
        "reaction": ["type": "string", "enum": ["accepted", "rejected", "edited", "rated"]],
        "contradicting": Schema.array(
          of: Schema.string("For an edit: a belief whose stance the edit reversed.")),
        "rating": Schema.number("For a rating: the value on the scale."),
        "scale": [
          "type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2,
          "description": "For a rating: [worst, best] (default [1, 5]).",
        ],
        "source": Schema.string("An agent source the operator registered."),
        "observedAt": Schema.string("When the user reacted, ISO 8601; keep it for retries."),
        "context": Schema.writingContext,
      ], required: ["user", "responseId", "candidates", "candidate", "reaction", "observedAt"]),
    annotations: .init(destructiveHint: false, idempotentHint: true))

  static let explainBelief = Tool(
    name: "explain_belief",
    description: """
      Why the model believes what it does about one belief: its estimate with a 90% credible \
      interval and the evidence ranked by current contribution (source, weight, decay).
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user, "belief": Schema.string("The belief key."),
        "limit": Schema.integer("How many evidence items at most (default 10).", minimum: 1),
        "context": Schema.readingContext,
      ], required: ["user", "belief"]),
    annotations: .init(readOnlyHint: true))

  static let nextQuestion = Tool(
    name: "next_question",
    description: """
      The questions worth asking the user next, ranked by expected information gain in bits \
      times importance.
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user,
        "limit": Schema.integer("How many questions (default 3).", minimum: 1),
        "context": Schema.readingContext,
      ], required: ["user"]),
    annotations: .init(readOnlyHint: true))

  static let forget = Tool(
    name: "forget",
    description: """
      Forget one evidence item (any source, for example when the user asks), or everything \
      one agent source recorded. The store keeps no copy afterwards.
      """,
    inputSchema: Schema.object(
      [
        "user": Schema.user,
        "evidenceId": Schema.string("The evidence id to forget."),
        "source": Schema.string("An agent source whose evidence to forget."),
      ], required: ["user"]),
    annotations: .init(destructiveHint: true, idempotentHint: true))
}
