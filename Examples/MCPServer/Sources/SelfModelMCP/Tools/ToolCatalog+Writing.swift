import MCP
import SelfModel

extension ToolCatalog {
  static func recordObservation(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "record_observation",
      description: """
        Record what the agent observed about the user as evidence on one belief, as the \
        agent's own source (never as the user). Give exactly one of outcome and distribution \
        (for uncertain observations). The id makes a retry count once; the same id with other \
        content is the error evidenceIDReused.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "id": Schema.identifier("A unique id for this observation; reuse it when retrying"),
          "belief": Schema.identifier("The belief key (list_beliefs lists them)"),
          "outcome": Schema.outcome,
          "distribution": Schema.distribution,
          "weight": Schema.weight,
          "source": Schema.identifier(
            "The agent source to record as: one of \(policy.sourceList) (default the first)"),
          "observedAt": Schema.timestamp("When it happened (default: the server's clock)."),
          "note": Schema.note,
          "context": Schema.writingContext,
        ], required: ["user", "id", "belief"],
        example: [
          "user": "user-42", "id": "obs-2026-05-08-1", "belief": "style.concise",
          "outcome": "true", "observedAt": "2026-05-08T10:00:00Z",
        ]),
      annotations: .init(destructiveHint: false, idempotentHint: true),
      outputSchema: OutputSchemas.observation)
  }

  static func recordReaction(_ policy: AgentPolicy) -> Tool {
    Tool(
      name: "record_reaction",
      description: """
        Record how the user reacted to a candidate answer (accepted, rejected, edited, rated): \
        evidence on the beliefs the candidate's stances touch. Every stance of the reacted-to \
        candidate must name a known belief (else unknownBelief, nothing recorded). Retrying \
        with the same responseId, candidate, reaction and observedAt counts once.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "responseId": Schema.identifier("The id of the response shown"),
          "candidates": [
            "type": "array", "minItems": 1, "items": Schema.candidate,
            "description": "The candidate answers of the response, each with its stances.",
          ],
          "candidate": Schema.identifier("The id of the candidate the user reacted to"),
          "reaction": [
            "type": "string", "enum": ["accepted", "rejected", "edited", "rated"],
            "description": "What the user did.",
          ],
          "contradicting": Schema.strings(
            "For an edit: the beliefs whose stance the edit reversed (each a stance of the candidate).",
            items: Schema.identifier("A belief key")),
          "rating": [
            "type": "number",
            "description": "For a rating (required then): the value, within the scale.",
          ],
          "scale": [
            "type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2,
            "description": "For a rating: [worst, best], worst < best (default [1, 5]).",
          ],
          "source": Schema.identifier(
            "The agent source to record as: one of \(policy.sourceList)"),
          "observedAt": Schema.timestamp("When the user reacted; keep it for retries."),
          "context": Schema.writingContext,
        ], required: ["user", "responseId", "candidates", "candidate", "reaction", "observedAt"],
        example: reactionExample),
      annotations: .init(destructiveHint: false, idempotentHint: true),
      outputSchema: OutputSchemas.observation)
  }

  static let reactionExample: Value = [
    "user": "user-42", "responseId": "resp-7", "candidate": "short", "reaction": "accepted",
    "observedAt": "2026-05-08T10:05:00Z",
    "candidates": [
      [
        "id": "short", "label": "Two lines",
        "stances": [["belief": "style.concise", "assertion": ["outcome": "true"]]],
      ],
      [
        "id": "long",
        "stances": [["belief": "style.concise", "assertion": ["outcome": "false"]]],
      ],
    ],
  ]
}
