public import SelfModel
import Synchronization

/// A deterministic generator of evidence ids: `e-000001`, `e-000002`, and so on.
///
/// Tests that record evidence need ids that are unique, valid and the same on every run.
/// `SequentialIDs` hands them out in order from a counter kept in a `Mutex`, so one generator
/// can be shared by several tasks and still never repeat an id.
///
/// The prefix must consist of characters an `Identifier` allows (ASCII letters, digits and
/// `- _ . : @ + / =`) and be at most 240 bytes long; anything else is a programming error and
/// stops the test with a precondition failure.
///
/// ```swift
/// let ids = SequentialIDs(prefix: "e")
/// ids.next()  // "e-000001"
/// ids.next()  // "e-000002"
/// ```
public final class SequentialIDs: Sendable {
  /// The text before the dash and the counter.
  public let prefix: String
  private let counter: Mutex<Int>

  /// Creates a generator whose first id is `prefix-000001` (or the number after `start`).
  ///
  /// - Parameters:
  ///   - prefix: A valid identifier fragment, such as `"e"` or `"user-7.e"`.
  ///   - start: The number of ids already handed out; the next id gets `start + 1` (default 0).
  ///
  /// ```swift
  /// let resumed = SequentialIDs(prefix: "e", start: 41)
  /// resumed.next()  // "e-000042"
  /// ```
  public init(prefix: String, start: Int = 0) {
    precondition(start >= 0, "SequentialIDs needs a start of 0 or more, got \(start)")
    precondition(prefix.utf8.count <= 240, "SequentialIDs prefix is too long")
    precondition(
      (try? EvidenceID(prefix)) != nil, "SequentialIDs prefix \"\(prefix)\" is not a valid id")
    self.prefix = prefix
    counter = Mutex(start)
  }

  /// The number of ids handed out so far (including the `start` offset).
  public var count: Int { counter.withLock { $0 } }

  /// The next evidence id.
  ///
  /// The counter is zero-padded to six digits and grows beyond them as needed
  /// (`e-1000000` follows `e-999999`).
  ///
  /// - Returns: A fresh, valid `EvidenceID`.
  ///
  /// ```swift
  /// let id = SequentialIDs(prefix: "clicks").next()  // "clicks-000001"
  /// ```
  public func next() -> EvidenceID {
    next(as: EvidenceID.self)
  }

  /// The next identifier of any kind, for sources, beliefs or users that a test makes in bulk.
  ///
  /// - Parameter kind: The identifier type to produce, such as `SourceID.self`.
  /// - Returns: A fresh identifier that shares the counter with ``next()``.
  ///
  /// ```swift
  /// let sources = SequentialIDs(prefix: "s")
  /// let first = sources.next(as: SourceID.self)  // "s-000001"
  /// ```
  public func next<Kind: IdentifierTag>(as kind: Identifier<Kind>.Type) -> Identifier<Kind> {
    let number = counter.withLock { value -> Int in
      value += 1
      return value
    }
    return Self.identifier("\(prefix)-\(Self.padded(number))")
  }

  private static func padded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  private static func identifier<Kind: IdentifierTag>(_ raw: String) -> Identifier<Kind> {
    do {
      return try Identifier<Kind>(raw)
    } catch {
      preconditionFailure("SequentialIDs produced an invalid id \"\(raw)\": \(error)")
    }
  }
}
