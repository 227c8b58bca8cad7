/// Why a belief was considered for a request's context.
///
/// ```swift
/// entry.reasons  // [.tag("style"), .relevance(0.82)]
/// ```
public enum PromptReason: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The request named the belief's key.
  case key
  /// The belief's key starts with this prefix, which the request named.
  case keyPrefix(String)
  /// The belief carries this tag, which the request named.
  case tag(String)
  /// The request's relevance function scored the belief this high (in `0...1`).
  case relevance(Double)
  /// The request named nothing, so every belief was considered.
  case anyBelief

  /// A short phrase, such as `tag "style"`.
  public var description: String {
    switch self {
    case .key: "named"
    case .keyPrefix(let prefix): "key prefix \"\(prefix)\""
    case .tag(let tag): "tag \"\(tag)\""
    case .relevance(let value): "relevance \(DecimalText.format(value))"
    case .anyBelief: "general"
    }
  }
}
