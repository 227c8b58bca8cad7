import Foundation
import Testing

/// A JSON value from `Resources/vectors.json` (a copy of `shared/reference/vectors.json`, made
/// with SciPy, scikit-learn and netcal). Non-finite numbers are the strings "+inf", "-inf",
/// "nan" and decode to the matching `Double`.
enum JSONValue: Decodable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      switch value {
      case "+inf": self = .number(.infinity)
      case "-inf": self = .number(-.infinity)
      case "nan": self = .number(.nan)
      default: self = .string(value)
      }
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  subscript(key: String) -> JSONValue {
    if case .object(let object) = self, let value = object[key] { return value }
    return .null
  }

  subscript(index: Int) -> JSONValue {
    if case .array(let array) = self, array.indices.contains(index) { return array[index] }
    return .null
  }

  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The number, or `nil` for JSON `null` or a non-number.
  var double: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var array: [JSONValue] {
    if case .array(let value) = self { return value }
    return []
  }

  var doubles: [Double] { array.compactMap(\.double) }

  var object: [String: JSONValue] {
    if case .object(let value) = self { return value }
    return [:]
  }
}

enum ReferenceVectors {
  /// The whole reference file, decoded once.
  static let root: JSONValue = {
    guard
      let url = Bundle.module.url(
        forResource: "vectors", withExtension: "json", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url),
      let value = try? JSONDecoder().decode(JSONValue.self, from: data)
    else {
      Issue.record("Resources/vectors.json is missing or unreadable")
      return .null
    }
    return value
  }()

  /// The cases of a section (`beta_bernoulli`) or subsection (`subjective_logic`, `mapping`).
  static func cases(_ path: String...) -> [JSONValue] {
    var value = root
    for component in path { value = value[component] }
    return value.array
  }
}

/// `|a - b| <= tolerance * max(1, |b|)`, with infinities equal only to themselves.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  if a.isInfinite || b.isInfinite { return a == b }
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  return abs(a - b) <= tolerance * max(1, abs(b))
}
