public import Foundation

/// How fast one source's evidence fades: a half-life in seconds, or no decay at all.
///
/// ``RevisionPolicy/halfLifeBySource`` holds one per source. "No decay" is a value of its own
/// (``noDecay``), not a missing entry, so a per-source rule can switch decay off for one source
/// even when its kind or the policy's default decays.
///
/// The JSON form is the number of seconds, or the string `"none"`:
///
/// ```json
/// {"clicks": 1209600, "exams": "none"}
/// ```
///
/// ```swift
/// var policy = RevisionPolicy()
/// policy.halfLifeBySource["clicks"] = .seconds(14 * 86_400)
/// policy.halfLifeBySource["exams"] = .noDecay
/// ```
public enum HalfLife: Sendable, Hashable {
  /// Evidence weighs half as much after this many seconds (finite, greater than 0).
  case seconds(TimeInterval)
  /// Evidence keeps its full weight forever.
  case noDecay

  /// The half-life in seconds, or `nil` for no decay (the convention of
  /// ``RevisionPolicy/halfLife(for:source:sourceKind:)``).
  public var timeInterval: TimeInterval? {
    switch self {
    case .seconds(let value): value
    case .noDecay: nil
    }
  }

  /// The half-life of `seconds`, or no decay when it is `nil` or `+infinity`.
  ///
  /// ```swift
  /// HalfLife(3_600) == .seconds(3_600)
  /// HalfLife(nil) == .noDecay
  /// ```
  ///
  /// - Parameter seconds: Seconds, `nil` or `+infinity` for no decay.
  public init(_ seconds: TimeInterval?) {
    if let seconds, seconds != .infinity { self = .seconds(seconds) } else { self = .noDecay }
  }
}

extension HalfLife: Codable {
  /// Decodes a number of seconds, or the string `"none"` for no decay. The number is checked
  /// by ``RevisionPolicy/validate()``.
  ///
  /// - Throws: `DecodingError.dataCorrupted` for any other string or type.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let seconds = try? container.decode(Double.self) {
      self = .seconds(seconds)
      return
    }
    guard try container.decode(String.self) == "none" else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a half-life is a number of seconds or \"none\"")
    }
    self = .noDecay
  }

  /// Encodes the number of seconds, or `"none"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .seconds(let value): try container.encode(value)
    case .noDecay: try container.encode("none")
    }
  }
}
