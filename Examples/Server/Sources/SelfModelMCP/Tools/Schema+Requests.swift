import MCP
import SelfModel
import SelfModelOperations

/// The schemas of the library's values that the operations' request values hold, in the
/// library's JSON form (`OperationCoding`), with the numbers from `OperationLimits`.
extension Schema {
  /// A credible level in (0, 1).
  static let level: Value = [
    "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1,
    "description": "The credible level of every interval in the answer (default 0.95).",
  ]

  /// A `PromptBudget`: `{"beliefs": n, "characters": m}`.
  static func budget(_ limits: OperationLimits) -> Value {
    object(
      [
        "beliefs": integer(
          "How many beliefs at most.", range: 1...limits.maximumPromptBeliefs),
        "characters": integer(
          "How many characters (Unicode grapheme clusters) of text at most; none: no limit.",
          range: 1...limits.maximumPromptCharacters),
      ], required: ["beliefs"])
  }

  /// An `EvidenceContent`: exactly one of its four forms.
  static let content: Value = [
    "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
    "description": """
    Exactly one of {"outcome": name}, {"distribution": {name: p}}, {"likelihoodRatio": \
    {"outcome": name, "ratio": r}} (or "logRatio") and {"jeffrey": {name: p}}.
    """,
    "properties": [
      "outcome": outcome, "distribution": distribution, "jeffrey": distribution,
      "likelihoodRatio": [
        "type": "object", "required": ["outcome"],
        "properties": [
          "outcome": outcome, "ratio": ["type": "number", "exclusiveMinimum": 0],
          "logRatio": ["type": "number"],
        ],
      ],
    ],
  ]

  /// An `Evidence` item as an agent records it.
  static func evidence(_ policy: AgentPolicy) -> Value {
    object(
      [
        "id": identifier("A unique id for this observation; reuse it when retrying"),
        "belief": identifier("The belief key (list_beliefs lists them)"),
        "content": content, "weight": weight,
        "source": identifier("The agent source to record as: one of \(policy.sourceList)"),
        "observedAt": timestamp("When it happened."),
        "context": writingContext, "note": note,
        "metadata": [
          "type": "object", "additionalProperties": ["type": "string"],
          "description": "Free string pairs kept with the item.",
        ],
      ], required: ["id", "belief", "content", "source", "observedAt"])
  }

  /// A `Reaction`: the candidate, its `ReactionKind`, the time.
  static let reaction: Value = object(
    [
      "candidate": identifier("The id of the candidate the user reacted to"),
      "kind": [
        "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
        "description": """
        Exactly one of {"accepted": {}}, {"rejected": {}}, {"edited": {"contradicting": \
        [belief keys whose stance the edit reversed]}} and {"rated": {"value": 4, "scale": \
        [1, 5]}} (worst < best, the value within).
        """,
        "properties": [
          "accepted": ["type": "object"], "rejected": ["type": "object"],
          "edited": object(
            ["contradicting": strings("Reversed beliefs.", items: identifier("A belief key"))],
            required: ["contradicting"]),
          "rated": object(
            [
              "value": ["type": "number"],
              "scale": [
                "type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2,
              ],
            ], required: ["value", "scale"]),
        ],
      ],
      "observedAt": timestamp("When the user reacted; keep it for retries."),
    ], required: ["candidate", "kind", "observedAt"])

  /// An `AssistantResponse`: the response shown and its candidates.
  static func response(_ limits: OperationLimits) -> Value {
    object(
      [
        "id": identifier("The id of the response shown"),
        "candidates": [
          "type": "array", "minItems": 1, "maxItems": .int(limits.maximumCandidates),
          "items": candidate,
          "description": "The candidate answers of the response, each with its stances.",
        ],
      ], required: ["id", "candidates"])
  }

  /// A `ReactionLikelihood`: the source and weights of reaction evidence.
  static func likelihood(_ policy: AgentPolicy) -> Value {
    let number: Value = ["type": "number", "minimum": 0]
    return object(
      [
        "source": identifier(
          "The agent source to record as: one of \(policy.sourceList) (default \(policy.reactionSourceName))"
        ),
        "sourceOverrides": [
          "type": "object", "additionalProperties": ["type": "string"],
          "description":
            "Per category (accepted, rejected, editKept, editChanged, rated): a source.",
        ],
        "acceptedWeight": number, "rejectedWeight": number, "editKeptWeight": number,
        "editChangedWeight": number, "ratingWeight": number,
      ], required: [])
  }
}
