import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  /// Dates a database column could round: fractions below a microsecond, the neighbours of
  /// a round second, before 1970 and 2001, and the edges of the range the model allows.
  static let awkwardDates: [Date] = [
    now.addingTimeInterval(-0.123_456_789),
    now.addingTimeInterval(-1e-7),
    Date(timeIntervalSinceReferenceDate: now.timeIntervalSinceReferenceDate.nextDown),
    Date(timeIntervalSinceReferenceDate: -1e10),
    Date(timeIntervalSinceReferenceDate: (-1e10).nextUp),
    Date(timeIntervalSinceReferenceDate: -978_307_200.000_000_5),
    Date(timeIntervalSinceReferenceDate: -0.000_000_001),
    Date(timeIntervalSinceReferenceDate: 0.1 + 0.2),
  ]

  /// Evidence observed and recorded at the awkward dates, with soft content, notes and
  /// metadata, so every field must round-trip exactly.
  static func awkwardEvidence() throws -> [Evidence] {
    try awkwardDates.enumerated().map { index, date in
      Evidence(
        id: try EvidenceID("d\(index)"), belief: index % 2 == 0 ? concise : formal,
        content: index % 3 == 0
          ? .distribution(["true": 0.1 + 0.2, "false": 0.7]) : .holds,
        weight: 1.0 / 3.0, source: "user", observedAt: date,
        recordedAt: date.addingTimeInterval(1e-6), note: index == 1 ? "note é ✓" : nil,
        metadata: index == 2 ? ["k": "v", "ü": "\u{1F600}"] : [:])
    }
  }

  /// Evidence with awkward dates comes back bit for bit, so a retry is a duplicate, not a
  /// reused id, on this handle and after export and import.
  func subSecondAndExtremeDates() async throws {
    try await makeUser(alice)
    let items = try Self.awkwardEvidence()
    try await store.record(items, for: alice, at: Self.now)
    try await expectExactly(items, in: store)
    let again = try await store.record(items, for: alice, at: Self.now)
    try expect(
      again.duplicates == items.map(\.id) && again.recorded.isEmpty,
      "a retry of the same evidence was not all duplicates: \(again)")
    // Export documents write Timestamp strings, which are exact except within half a second
    // before 2001-01-01 (see `Timestamp.string(from:)`): that item stays out of the export.
    let inexact = items.filter { (-0.5..<0).contains($0.observedAt.timeIntervalSinceReferenceDate) }
    for item in inexact { try await store.forget(evidence: item.id, for: alice) }
    let exported = items.filter { !inexact.contains($0) }
    let document = try await store.exportUser(alice)
    _ = try await store.importUser(document, replacing: true)
    try await expectExactly(exported, in: store)
    let retried = try await store.record(items[0], for: alice, at: Self.now)
    try expect(retried.duplicates == [items[0].id], "after import, a retry was \(retried)")
  }

  /// Requires `alice`'s ledger on `handle` to equal `items`, dates compared bit for bit.
  func expectExactly(_ items: [Evidence], in handle: any UserModelStore) async throws {
    let stored = try await handle.model(for: alice).evidence
    try expect(stored.count == items.count, "\(stored.count) of \(items.count) items came back")
    for (got, wanted) in zip(stored, items) {
      let bits = { (date: Date) in date.timeIntervalSinceReferenceDate.bitPattern }
      try expect(
        bits(got.observedAt) == bits(wanted.observedAt)
          && bits(got.recordedAt) == bits(wanted.recordedAt),
        "\(wanted.id): observedAt \(got.observedAt.timeIntervalSinceReferenceDate), wanted "
          + "\(wanted.observedAt.timeIntervalSinceReferenceDate)")
      try expect(got == wanted, "\(wanted.id) came back as \(got)")
    }
  }
}
