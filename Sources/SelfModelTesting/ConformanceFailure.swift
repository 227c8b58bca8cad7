/// A failed check of ``StoreConformance``: which behaviour a store got wrong, and how.
///
/// ```swift
/// do {
///   try await StoreConformance.run { InMemoryStore() }
/// } catch let failure as ConformanceFailure {
///   print(failure.check, failure.detail)
/// }
/// ```
public struct ConformanceFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The name of the failed check, such as `"forgetEqualsNeverSeen"`.
  public let check: String
  /// What was expected and what happened.
  public let detail: String

  /// Creates a failure.
  ///
  /// - Parameters:
  ///   - check: The check's name.
  ///   - detail: What went wrong.
  public init(check: String, detail: String) {
    self.check = check
    self.detail = detail
  }

  /// `"store conformance check <check> failed: <detail>"`.
  public var description: String { "store conformance check \(check) failed: \(detail)" }
}
