import MCP
import SelfModel

/// Small builders for the tools' JSON schemas, written from the library's limits
/// (``ModelLimits``) so that a schema states exactly what the server enforces.
enum Schema {
  /// The identifier rule, in words.
  static let identifierRule =
    "1 to \(ModelLimits.maximumIdentifierBytes) bytes of A-Z a-z 0-9 . _ : @ + / = -"

  /// An identifier (user, belief, evidence, source, context, candidate or response id).
  static func identifier(_ description: String) -> Value {
    [
      "type": "string", "description": .string("\(description) (\(identifierRule))."),
      "minLength": 1, "maxLength": .int(ModelLimits.maximumIdentifierBytes),
      "pattern": .string(ModelLimits.identifierPattern),
    ]
  }

  static let user = identifier("The user's id, such as \"user-42\"")

  /// An RFC 3339 time (`OperationCoding`) within the range the model accepts.
  static func timestamp(_ description: String) -> Value {
    let range = ModelLimits.timeRange
    return [
      "type": "string", "format": "date-time",
      "description": .string(
        """
        \(description) RFC 3339 with an offset, such as "2026-05-08T10:00:00Z" (fractions of a \
        second allowed), between \(range.earliest) and \(range.latest), and at most the \
        catalogue policy's futureTolerance (default 300 s) ahead of the server's clock.
        """),
    ]
  }

  /// A context id: the situation to estimate in (reading tools).
  static let readingContext = identifier(
    """
    The situation to estimate in, such as "surface:onboarding": beliefs whose catalogue entry \
    lists it start from its prior, the others from their own. A context no belief lists is \
    the error unknownContext
    """)

  /// A context id: the label of written evidence.
  static let writingContext = identifier(
    "The context the observation came from, such as \"surface:chat\"; any valid id")

  static let weight: Value = [
    "type": "number", "exclusiveMinimum": 0, "maximum": .double(ModelLimits.maximumWeight),
    "description": .string(
      "How many plain observations it is worth: greater than 0, at most 1,000,000 (default 1)."),
  ]

  static let note: Value = [
    "type": "string", "minLength": 1, "maxLength": .int(ModelLimits.maximumNoteBytes),
    "description": .string(
      """
      A short human note: at most \(ModelLimits.maximumNoteBytes) UTF-8 bytes, not blank, no \
      control characters but newline and tab.
      """),
  ]

  /// An outcome name and a distribution over outcomes, as a stance or observation carries.
  static let outcome: Value = [
    "type": "string", "minLength": 1, "maxLength": .int(ModelLimits.maximumOutcomeBytes),
    "description": "An outcome of the belief, such as \"true\" (list_beliefs lists them).",
  ]

  static let distribution: Value = [
    "type": "object", "minProperties": 1,
    "description":
      "Outcome -> probability, each in [0, 1], summing to 1 (within 1e-9); unnamed outcomes get 0.",
    "additionalProperties": ["type": "number", "minimum": 0, "maximum": 1],
  ]

  static let candidate: Value = object(
    [
      "id": identifier("The candidate's id"),
      "label": string("A short label for people."),
      "stances": [
        "type": "array", "items": stance,
        "description": "What the candidate asserts; every belief must exist (list_beliefs).",
      ],
    ], required: ["id", "stances"])

  static let stance: Value = object(
    [
      "belief": identifier("The belief key the candidate takes a stance on"),
      "assertion": [
        "type": "object", "minProperties": 1, "maxProperties": 1,
        "description": "Exactly one of {\"outcome\": name} or {\"distribution\": {name: p}}.",
        "properties": ["outcome": outcome, "distribution": distribution],
        "additionalProperties": false,
      ],
      "isDenial": [
        "type": "boolean", "description": "The candidate denies the assertion (default false).",
      ],
      "importance": [
        "type": "number", "minimum": 0,
        "description": "How much the stance matters, finite and at least 0 (default 1).",
      ],
    ], required: ["belief", "assertion"])

  static func object(_ properties: [String: Value], required: [String]) -> Value {
    [
      "type": "object", "properties": .object(properties),
      "required": .array(required.map(Value.string)), "additionalProperties": false,
    ]
  }

  /// An input schema: an object of `properties` with one example.
  static func input(_ properties: [String: Value], required: [String], example: Value) -> Value {
    guard case .object(var schema) = object(properties, required: required) else { return [:] }
    schema["examples"] = [example]
    return .object(schema)
  }

  /// A key prefix a request names (at most as long as a key).
  static let keyPrefix: Value = [
    "type": "string", "minLength": 1, "maxLength": .int(ModelLimits.maximumIdentifierBytes),
  ]

  /// A tag a request names.
  static let tag: Value = [
    "type": "string", "minLength": 1, "maxLength": .int(ModelLimits.maximumTagBytes),
  ]

  static func string(_ description: String) -> Value {
    ["type": "string", "description": .string(description)]
  }

  static func strings(_ description: String, items: Value) -> Value {
    ["type": "array", "description": .string(description), "items": items]
  }

  static func integer(_ description: String, range: ClosedRange<Int>) -> Value {
    [
      "type": "integer", "description": .string(description), "minimum": .int(range.lowerBound),
      "maximum": .int(range.upperBound),
    ]
  }
}
