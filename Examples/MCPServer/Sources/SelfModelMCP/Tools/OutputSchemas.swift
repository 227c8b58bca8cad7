import MCP

/// The JSON schemas of the tools' structured results (`outputSchema`): always an object, the
/// library's JSON for the result. Failed calls carry a problem document instead and are
/// flagged `isError`, which MCP clients do not check against these schemas.
enum OutputSchemas {
  static let number: Value = ["type": "number"]
  static let integer: Value = ["type": "integer"]
  static let text: Value = ["type": "string"]
  static let flag: Value = ["type": "boolean"]
  static let texts: Value = ["type": "array", "items": text]
  static let anyObject: Value = ["type": "object"]

  /// An object whose listed properties are required and typed; further members are allowed.
  static func object(_ properties: [String: Value], optional: [String: Value] = [:]) -> Value {
    [
      "type": "object", "properties": .object(properties.merging(optional) { $1 }),
      "required": .array(properties.keys.sorted().map(Value.string)),
    ]
  }

  static func array(_ items: Value) -> Value { ["type": "array", "items": items] }

  static let reason: Value = [
    "type": "object", "minProperties": 1, "maxProperties": 1,
    "description": """
    Why the belief was considered: {"key": {}}, {"keyPrefix": {"prefix": …}}, \
    {"tag": {"name": …}}, {"relevance": {"score": …}} or {"anyBelief": {}}.
    """,
    "properties": [
      "key": anyObject, "anyBelief": anyObject,
      "keyPrefix": object(["prefix": text]), "tag": object(["name": text]),
      "relevance": object(["score": number]),
    ],
    "additionalProperties": false,
  ]

  static let contextEntry: Value = object(
    [
      "key": text, "statement": text, "outcome": text, "probability": number,
      "baseRate": number, "confidence": number, "totalEvidence": number, "freshness": number,
      "informativeness": number, "isContested": flag, "isStale": flag, "score": number,
      "reasons": array(reason), "line": text,
    ],
    optional: [
      "exclusion": [
        "type": "string", "enum": ["overBeliefBudget", "overCharacterBudget", "noEvidence"],
      ]
    ])

  static let getContext: Value = object([
    "evaluatedAt": text, "entries": array(contextEntry), "excluded": array(contextEntry),
    "relevantCount": integer, "text": text,
  ])

  static let estimate: Value = object(
    [
      "belief": text, "evaluatedAt": text, "mostLikely": text, "confidence": number,
      "uncertainty": number, "totalEvidence": number, "priorWeight": number,
      "outcomes": array(object(["outcome": text, "probability": number])),
    ], optional: ["context": text, "opinion": anyObject])

  static let observation: Value = object([
    "recorded": texts, "duplicates": texts,
    "changes": array(object(["belief": text, "shifts": array(anyObject)])),
  ])

  static let explanation: Value = object([
    "estimate": estimate,
    "contributions": array(
      object([
        "evidence": text, "source": text, "observedAt": text, "weight": number,
        "reliability": number, "decayFactor": number, "currentWeight": number,
      ])),
  ])

  static let nextQuestion: Value = object([
    "questions": array(
      object([
        "belief": text, "form": anyObject, "probabilities": array(number),
        "expectedInformationGain": number, "importance": number, "value": number,
      ]))
  ])

  static let forget: Value = object(["forgotten": texts])

  static let listBeliefs: Value = object([
    "catalogueVersion": integer, "total": integer, "agentSources": texts,
    "beliefs": array(
      object(
        [
          "key": text, "statement": text, "outcomes": texts, "tags": texts,
          "importance": number, "contexts": texts,
        ])),
  ])

  static let createUser: Value = object(["user": text, "created": flag])
}
