import MCP
import SelfModel

/// Small builders for the JSON schemas of the tools' inputs.
enum Schema {
  static let user = string("The user's id.")

  /// A context id: the library's identifier rules (1 to 256 of A-Z a-z 0-9 . _ : @ + / = -).
  static func context(_ description: String) -> Value {
    [
      "type": "string", "description": .string(description), "minLength": 1,
      "maxLength": .int(ContextID.maximumLength), "pattern": "^[A-Za-z0-9._:@+/=-]+$",
    ]
  }

  /// The `context` argument of the reading tools.
  static let readingContext = context(
    """
    The situation to estimate in, such as "surface:onboarding": beliefs whose catalogue entry \
    lists it start from its prior, the others from their own. A context no belief lists is \
    the error unknownContext.
    """)

  /// The `context` argument of the writing tools.
  static let writingContext = context(
    "The context the observation came from, such as \"surface:chat\"; any valid id.")

  static let candidate: Value = [
    "type": "object",
    "properties": [
      "id": string("The candidate's id."),
      "label": string("A short label."),
      "stances": array(of: stance),
    ],
    "required": ["id", "stances"],
  ]

  static let stance: Value = [
    "type": "object",
    "properties": [
      "belief": string("The belief key the candidate takes a stance on."),
      "assertion": [
        "type": "object",
        "description": "{\"outcome\": name} or {\"distribution\": {name: probability}}.",
      ],
      "isDenial": ["type": "boolean"],
      "importance": number("How much the stance matters (default 1)."),
    ],
    "required": ["belief", "assertion"],
  ]

  static func object(_ properties: [String: Value], required: [String]) -> Value {
    [
      "type": "object", "properties": .object(properties),
      "required": .array(required.map(Value.string)), "additionalProperties": false,
    ]
  }

  static func string(_ description: String) -> Value {
    ["type": "string", "description": .string(description)]
  }

  static func number(_ description: String) -> Value {
    ["type": "number", "description": .string(description)]
  }

  static func integer(_ description: String, minimum: Int) -> Value {
    ["type": "integer", "description": .string(description), "minimum": .int(minimum)]
  }

  static func array(of items: Value) -> Value {
    ["type": "array", "items": items]
  }
}
