/// A sum of non-negative terms that does not depend on their order: each term is rounded down
/// to a multiple of `2^-36` (about `1.5e-11`) and the multiples are added exactly in 128 bits,
/// so pages of users counted in any order and merged give the same bits.
struct FixedPointSum: Sendable, Hashable, Codable {
  private static let scale = 0x1p36
  private var high: UInt64 = 0
  private var low: UInt64 = 0

  /// Adds `term`, in `0 ..< 2^27` (at most `1e6 ln 10^50`).
  mutating func add(_ term: Double) {
    precondition(term >= 0 && term < 0x1p27, "fixed-point term out of range: \(term)")
    add(high: 0, low: UInt64(term * Self.scale))
  }

  /// Adds another sum.
  mutating func add(_ other: FixedPointSum) {
    add(high: other.high, low: other.low)
  }

  private mutating func add(high otherHigh: UInt64, low otherLow: UInt64) {
    let (sum, overflow) = low.addingReportingOverflow(otherLow)
    low = sum
    high &+= otherHigh &+ (overflow ? 1 : 0)
  }

  /// The sum.
  var value: Double { (Double(high) * 0x1p64 + Double(low)) / Self.scale }
}
