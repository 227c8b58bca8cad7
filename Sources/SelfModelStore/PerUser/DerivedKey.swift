/// What a ``DerivedCache`` value was derived for: a kind and the parts that select it.
///
/// ```swift
/// let key = DerivedKey("prompt-selector", ["surface:onboarding", "2026-12-06T22:00:00Z"])
/// ```
public struct DerivedKey: Sendable, Hashable {
  /// The kind of value ("prompt-selector").
  public var kind: String
  /// What selects one value of that kind (a context, an instant, options).
  public var parts: [String]

  /// Creates a key.
  ///
  /// - Parameters:
  ///   - kind: The kind of value.
  ///   - parts: What selects one value of that kind.
  public init(_ kind: String, _ parts: [String] = []) {
    self.kind = kind
    self.parts = parts
  }
}
