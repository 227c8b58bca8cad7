/// How much of a prompt a context may take: a number of beliefs and, optionally, a number of
/// characters of rendered text.
///
/// ```swift
/// let budget = PromptBudget(beliefs: 20, characters: 2_000)
/// ```
public struct PromptBudget: Sendable, Hashable, Codable {
  /// The most beliefs to include, at least 1.
  public var beliefs: Int
  /// The most characters (`String.count`) of ``PromptContext/text``, at least 1; `nil` means
  /// no limit.
  public var characters: Int?

  /// Creates a budget; it is validated when a context is built.
  ///
  /// - Parameters:
  ///   - beliefs: The most beliefs, at least 1.
  ///   - characters: The most characters of text, at least 1, or `nil` (default) for no limit.
  public init(beliefs: Int, characters: Int? = nil) {
    self.beliefs = beliefs
    self.characters = characters
  }

  /// Checks both limits.
  ///
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for an empty or negative
  ///   limit.
  public func validate() throws(ModelError) {
    guard beliefs >= 1 else {
      throw .numberOutOfRange(
        field: "budget.beliefs", value: Double(beliefs), allowed: "1 or more")
    }
    if let characters, characters < 1 {
      throw .numberOutOfRange(
        field: "budget.characters", value: Double(characters), allowed: "1 or more")
    }
  }
}
