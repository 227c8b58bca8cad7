public import Foundation
public import SelfModel

/// Makes evidence for tests: sequential ids, times read from a ``ManualClock``, and a default
/// source, so a test states only what matters to it.
///
/// Every item gets the next id from ``ids``. Unless told otherwise, it is observed and recorded
/// at the clock's current time; `age` moves the observation into the past (the item is still
/// recorded now, as when a backlog is imported).
///
/// ```swift
/// let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
/// let make = EvidenceFactory(clock: clock, source: "user")
/// try model.record(make.holds("preference.concise", weight: 3), at: clock.now)
/// clock.advance(byDays: 1)
/// try model.record(make.outcome("casual", for: "preference.tone"), at: clock.now)
/// ```
public struct EvidenceFactory: Sendable {
  /// The clock whose time new evidence carries.
  public let clock: ManualClock
  /// The id generator.
  public let ids: SequentialIDs
  /// The source used when a call names none.
  public let source: SourceID

  /// Creates a factory.
  ///
  /// - Parameters:
  ///   - clock: The clock to read times from.
  ///   - ids: The id generator (default: a fresh one with prefix `"e"`).
  ///   - source: The default source.
  ///
  /// ```swift
  /// let make = EvidenceFactory(clock: clock, ids: SequentialIDs(prefix: "ev"), source: "user")
  /// ```
  public init(clock: ManualClock, ids: SequentialIDs = SequentialIDs(prefix: "e"), source: SourceID)
  {
    self.clock = clock
    self.ids = ids
    self.source = source
  }

  /// Makes evidence with any content.
  ///
  /// - Parameters:
  ///   - belief: The belief it is about.
  ///   - content: What it says.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Its source; `nil` means ``source``.
  ///   - age: Seconds between the observation and the clock's time (default 0).
  ///   - note: An optional note.
  ///   - metadata: Optional metadata.
  /// - Returns: Evidence observed at `clock.now - age` and recorded at `clock.now`.
  ///
  /// ```swift
  /// let old = make.evidence("k", .holds, age: 3 * 86_400)
  /// ```
  public func evidence(
    _ belief: BeliefKey, _ content: EvidenceContent, weight: Double = 1, source: SourceID? = nil,
    age: TimeInterval = 0, note: String? = nil, metadata: [String: String] = [:]
  ) -> Evidence {
    let now = clock.now
    return Evidence(
      id: ids.next(), belief: belief, content: content, weight: weight,
      source: source ?? self.source, observedAt: now - age, recordedAt: now, note: note,
      metadata: metadata)
  }

  /// Makes evidence that a binary belief holds.
  ///
  /// - Parameters:
  ///   - belief: The binary belief.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Its source; `nil` means ``source``.
  ///   - age: Seconds between the observation and the clock's time (default 0).
  /// - Returns: The evidence.
  ///
  /// ```swift
  /// let yes = make.holds("preference.concise", weight: 2)
  /// ```
  public func holds(
    _ belief: BeliefKey, weight: Double = 1, source: SourceID? = nil, age: TimeInterval = 0
  ) -> Evidence {
    evidence(belief, .holds, weight: weight, source: source, age: age)
  }

  /// Makes evidence that a binary belief does not hold.
  ///
  /// - Parameters:
  ///   - belief: The binary belief.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Its source; `nil` means ``source``.
  ///   - age: Seconds between the observation and the clock's time (default 0).
  /// - Returns: The evidence.
  ///
  /// ```swift
  /// let no = make.doesNotHold("preference.concise")
  /// ```
  public func doesNotHold(
    _ belief: BeliefKey, weight: Double = 1, source: SourceID? = nil, age: TimeInterval = 0
  ) -> Evidence {
    evidence(belief, .doesNotHold, weight: weight, source: source, age: age)
  }

  /// Makes evidence for one named outcome.
  ///
  /// - Parameters:
  ///   - outcome: The outcome name.
  ///   - belief: The belief.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Its source; `nil` means ``source``.
  ///   - age: Seconds between the observation and the clock's time (default 0).
  /// - Returns: The evidence.
  ///
  /// ```swift
  /// let casual = make.outcome("casual", for: "preference.tone")
  /// ```
  public func outcome(
    _ outcome: String, for belief: BeliefKey, weight: Double = 1, source: SourceID? = nil,
    age: TimeInterval = 0
  ) -> Evidence {
    evidence(belief, .outcome(outcome), weight: weight, source: source, age: age)
  }

  /// Makes soft evidence: a distribution over outcomes, such as a classifier's output.
  ///
  /// - Parameters:
  ///   - distribution: Mass per outcome name, summing to 1.
  ///   - belief: The belief.
  ///   - weight: Plain observations it is worth (default 1).
  ///   - source: Its source; `nil` means ``source``.
  ///   - age: Seconds between the observation and the clock's time (default 0).
  /// - Returns: The evidence.
  ///
  /// ```swift
  /// let guess = make.soft(["formal": 0.7, "casual": 0.3], for: "preference.tone")
  /// ```
  public func soft(
    _ distribution: [String: Double], for belief: BeliefKey, weight: Double = 1,
    source: SourceID? = nil, age: TimeInterval = 0
  ) -> Evidence {
    evidence(belief, .distribution(distribution), weight: weight, source: source, age: age)
  }
}
