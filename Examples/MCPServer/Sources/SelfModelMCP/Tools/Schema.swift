import MCP

/// Small builders for the JSON schemas of the tools' inputs.
enum Schema {
  static let user = string("The user's id.")

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
