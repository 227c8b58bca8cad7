import Testing

@testable import SelfModel

/// ``UnitHistogram`` (the decayed fit's open-addressing table) against a plain
/// `Dictionary<Int, Int>` count of the same seeded keys.
@Suite struct UnitHistogramTests {
  /// `count` keys in `1...range`, from a seeded generator (SplitMix64).
  static func keys(seed: UInt64, count: Int, range: Int) -> [Int] {
    var state = seed
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return 1 + Int(z % UInt64(range))
    }
  }

  @Test(arguments: [(UInt64(1), 10, 3), (2, 5_000, 3_072), (3, 20_000, 1_000_000)])
  func itCountsWhatADictionaryCounts(seed: UInt64, count: Int, range: Int) {
    let keys = Self.keys(seed: seed, count: count, range: range)
    var histogram = UnitHistogram()
    var reference: [Int: Int] = [:]
    for key in keys {
      histogram.add(key)
      reference[key, default: 0] += 1
    }
    let expected = reference.keys.sorted().map { ($0, reference[$0] ?? 0) }
    #expect(histogram.entries.count == reference.count)
    #expect(histogram.entries.map(\.key) == expected.map(\.0))
    #expect(histogram.entries.map(\.users) == expected.map(\.1))
  }

  /// Two halves merged in either order read back as the whole, entry for entry.
  @Test func halvesMergeToTheWhole() {
    let keys = Self.keys(seed: 7, count: 4_000, range: 500)
    var whole = UnitHistogram()
    var first = UnitHistogram()
    var second = UnitHistogram()
    for (index, key) in keys.enumerated() {
      whole.add(key)
      if index % 3 == 0 { first.add(key) } else { second.add(key) }
    }
    var forward = first
    forward.merge(second)
    var backward = second
    backward.merge(first)
    for merged in [forward, backward] {
      #expect(merged.entries.map(\.key) == whole.entries.map(\.key))
      #expect(merged.entries.map(\.users) == whole.entries.map(\.users))
    }
  }

  /// Keys added a row at a time, with header counters, read back as single adds do, and the
  /// header sums every row's increments, merged too.
  @Test func rowsAndHeadersCountWhatSingleAddsCount() {
    let keys = Self.keys(seed: 11, count: 3_000, range: 200)
    var single = UnitHistogram()
    var rows = UnitHistogram(header: 2)
    var (first, second) = (UnitHistogram(header: 2), UnitHistogram(header: 2))
    for start in stride(from: 0, to: keys.count, by: 3) {
      let row = Array(Set(keys[start..<min(start + 3, keys.count)])).sorted()
      for key in row { single.add(key) }
      let header = [row.count, 1]
      row.withUnsafeBufferPointer { keys in
        header.withUnsafeBufferPointer { header in
          rows.add(keys: keys, header: header)
          if start % 2 == 0 {
            first.add(keys: keys, header: header)
          } else {
            second.add(keys: keys, header: header)
          }
        }
      }
    }
    second.merge(first)
    for table in [rows, second] {
      #expect(table.entries.map(\.key) == single.entries.map(\.key))
      #expect(table.entries.map(\.users) == single.entries.map(\.users))
      #expect(table.header(0) == single.entries.reduce(0) { $0 + $1.users })
      #expect(table.header(1) == 1_000)
    }
  }
}
