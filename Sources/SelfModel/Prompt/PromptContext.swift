public import Foundation

/// The beliefs chosen for one request, rendered as plain text with calibrated hedging and
/// available as numbers (it encodes to JSON).
///
/// ```swift
/// let context = try selector.prompt(for: request)
/// prompt += context.text
/// let json = try context.json()  // the same entries with their numbers
/// ```
public struct PromptContext: Sendable, Hashable, Codable {
  /// The moment the model was evaluated at.
  public let evaluatedAt: Date
  /// The included beliefs, highest score first.
  public let entries: [PromptEntry]
  /// Relevant beliefs left out, highest score first, at most the request's
  /// ``PromptQuery/excludedLimit``.
  public let excluded: [PromptEntry]
  /// The number of beliefs the request found relevant (included, excluded and not listed).
  public let relevantCount: Int
  /// The text for a prompt: a header line, then one line per included belief.
  public let text: String

  /// Creates a context (normally made by ``PromptSelector/prompt(for:)``).
  ///
  /// - Parameters:
  ///   - evaluatedAt: The moment.
  ///   - entries: The included beliefs.
  ///   - excluded: The listed excluded beliefs.
  ///   - relevantCount: The number of relevant beliefs.
  ///   - text: The rendered text.
  public init(
    evaluatedAt: Date, entries: [PromptEntry], excluded: [PromptEntry], relevantCount: Int,
    text: String
  ) {
    self.evaluatedAt = evaluatedAt
    self.entries = entries
    self.excluded = excluded
    self.relevantCount = relevantCount
    self.text = text
  }

  /// The context as JSON with sorted keys and ISO 8601 dates.
  ///
  /// - Returns: The JSON text.
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` if encoding fails (it does not for
  ///   contexts built by ``PromptSelector``, whose numbers are all finite).
  public func json() throws(ModelError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    do {
      return String(decoding: try encoder.encode(self), as: UTF8.self)
    } catch {
      throw .undefined(quantity: "prompt context JSON", reason: "\(error)")
    }
  }
}
