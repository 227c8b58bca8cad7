import MCP
import SelfModel

/// A `PromptContext` as the SDK's `Value`, built field by field: the same shape as the
/// context's `Codable` JSON (dates as ISO 8601 strings), without the SDK's generic
/// `Value(_:)`, which goes through JSON and cost 18 ms for a 25-entry context (B14).
enum ContextValue {
  static func make(_ context: PromptContext) -> Value {
    [
      "evaluatedAt": .string(Timestamp.string(from: context.evaluatedAt)),
      "entries": .array(context.entries.map(entry)),
      "excluded": .array(context.excluded.map(entry)),
      "relevantCount": .int(context.relevantCount),
      "text": .string(context.text),
    ]
  }

  static func entry(_ entry: PromptEntry) -> Value {
    var object: [String: Value] = [
      "key": .string(entry.key.rawValue), "statement": .string(entry.statement),
      "outcome": .string(entry.outcome), "probability": .double(entry.probability),
      "baseRate": .double(entry.baseRate), "confidence": .double(entry.confidence),
      "totalEvidence": .double(entry.totalEvidence), "freshness": .double(entry.freshness),
      "informativeness": .double(entry.informativeness), "isContested": .bool(entry.isContested),
      "isStale": .bool(entry.isStale), "score": .double(entry.score),
      "reasons": .array(entry.reasons.map(reason)), "line": .string(entry.line),
    ]
    if let exclusion = entry.exclusion { object["exclusion"] = .string(exclusion.rawValue) }
    return .object(object)
  }

  /// The library's `Codable` shape of a reason: `{"tag": {"name": "style"}}`, `{"key": {}}`.
  static func reason(_ reason: PromptReason) -> Value {
    switch reason {
    case .key: ["key": [:]]
    case .keyPrefix(let prefix): ["keyPrefix": ["prefix": .string(prefix)]]
    case .tag(let tag): ["tag": ["name": .string(tag)]]
    case .relevance(let value): ["relevance": ["score": .double(value)]]
    case .anyBelief: ["anyBelief": [:]]
    }
  }
}
