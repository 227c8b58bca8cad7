/// What a ``UserModel`` keeps for one dynamic belief: its counted answers in
/// `(observedAt, id)` order and the filter's mastery after the last one.
///
/// An answer that sorts after the last one is one ``KnowledgeTracing/step(from:correct:parameters:)``,
/// O(1); one that sorts earlier (a late item) is inserted in place and the belief's answers
/// are filtered again, O(answers).
struct DynamicBeliefState: Sendable, Hashable {
  /// One counted answer.
  struct Entry: Sendable, Hashable {
    /// ``Evidence/observedAt``, seconds since the reference date.
    var observedAt: Double
    /// The evidence id, which breaks ties between equal times.
    var id: EvidenceID
    /// Whether the item was `.holds` (a correct answer).
    var holds: Bool

    /// Whether this entry sorts before `other` in `(observedAt, id)` order.
    func precedes(_ other: Entry) -> Bool {
      (observedAt, id) < (other.observedAt, other.id)
    }
  }

  /// The answers in `(observedAt, id)` order.
  private(set) var entries: [Entry] = []
  /// `P(L_{n+1})`: the mastery after the last answer, the prior with none.
  private(set) var mastery: Double
  /// The number of `.holds` answers.
  private(set) var holdsCount = 0

  /// A state with no answer.
  init(prior: Double) {
    mastery = prior
  }

  /// Adds an answer: one step when it sorts last, else a refilter.
  mutating func add(_ entry: Entry, parameters: KnowledgeTracing.Parameters) {
    if entry.holds { holdsCount += 1 }
    guard let last = entries.last, entry.precedes(last) else {
      entries.append(entry)
      mastery =
        KnowledgeTracing.step(from: mastery, correct: entry.holds, parameters: parameters)
        .masteryNext
      return
    }
    let position = entries.partitionPoint { $0.precedes(entry) }
    entries.insert(entry, at: position)
    mastery = Self.filter(entries, parameters: parameters).last?.masteryNext ?? parameters.prior
  }

  /// The filter's steps over `entries`, one per answer.
  static func filter(_ entries: [Entry], parameters: KnowledgeTracing.Parameters)
    -> [KnowledgeTracing.Step]
  {
    KnowledgeTracing.filter(entries.map(\.holds), parameters: parameters)
  }
}

extension Array {
  /// The first index whose element is not `belongsBefore` (binary search; the array must be
  /// partitioned by the predicate).
  fileprivate func partitionPoint(_ belongsBefore: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if belongsBefore(self[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
