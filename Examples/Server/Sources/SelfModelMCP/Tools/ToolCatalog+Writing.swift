import MCP
import SelfModel
import SelfModelOperations

extension ToolCatalog {
  static func recordObservation(_ policy: AgentPolicy, _ limits: OperationLimits) -> Tool {
    Tool(
      name: "record_observation",
      description: """
        Record what the agent observed about the user as evidence (a batch, all or none), each \
        item as one of the agent's own sources (never as the user). The id makes a retry count \
        once; the same id with other content is the error evidenceIDReused.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user,
          "evidence": [
            "type": "array", "minItems": 1, "maxItems": .int(limits.maximumBatchSize),
            "items": Schema.evidence(policy), "description": "The evidence items.",
          ],
          "level": Schema.level,
        ], required: ["user", "evidence"],
        example: [
          "user": "user-42",
          "evidence": [
            [
              "id": "obs-2026-05-08-1", "belief": "style.concise",
              "content": ["outcome": "true"],
              "source": .string(policy.writableSources.first?.rawValue ?? "agent"),
              "observedAt": "2026-05-08T10:00:00Z",
            ]
          ],
        ]),
      annotations: .init(destructiveHint: false, idempotentHint: true))
  }

  static func recordReaction(_ policy: AgentPolicy, _ limits: OperationLimits) -> Tool {
    Tool(
      name: "record_reaction",
      description: """
        Record how the user reacted to a candidate answer (accepted, rejected, edited, rated): \
        evidence on the beliefs the candidate's stances touch, read and written in one step. \
        Every stance of the reacted-to candidate must name a known belief (else unknownBelief, \
        nothing recorded). Retrying with the same response, candidate, kind and observedAt \
        counts once.
        """,
      inputSchema: Schema.input(
        [
          "user": Schema.user, "response": Schema.response(limits), "reaction": Schema.reaction,
          "likelihood": Schema.likelihood(policy), "context": Schema.writingContext,
          "level": Schema.level,
        ], required: ["user", "response", "reaction"],
        example: reactionExample),
      annotations: .init(destructiveHint: false, idempotentHint: true))
  }

  static let reactionExample: Value = [
    "user": "user-42",
    "response": [
      "id": "resp-7",
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
    ],
    "reaction": [
      "candidate": "short", "kind": ["accepted": [:]], "observedAt": "2026-05-08T10:05:00Z",
    ],
  ]
}
