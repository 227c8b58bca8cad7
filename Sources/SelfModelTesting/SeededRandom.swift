/// A small, fast, seeded random number generator (SplitMix64) for reproducible tests.
///
/// The same seed always yields the same sequence, on every platform and every run, so a
/// property test that fails prints a seed that reproduces the failure. SplitMix64 (Steele,
/// Lea and Flood, 2014) passes BigCrush and needs only one `UInt64` of state:
///
///     state += 0x9E3779B97F4A7C15
///     z = state
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// It is not cryptographically secure; use it for tests and simulations only.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// let weight = Double.random(in: 0.1...10, using: &random)
/// let order = [1, 2, 3].shuffled(using: &random)
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
  /// The generator's current state; equal states produce equal sequences.
  public private(set) var state: UInt64

  /// Creates a generator from a seed.
  ///
  /// - Parameter seed: Any 64-bit value; 0 is fine.
  ///
  /// ```swift
  /// var random = SeededRandom(seed: 7)
  /// ```
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  ///
  /// - Returns: A uniformly distributed `UInt64`.
  ///
  /// ```swift
  /// var random = SeededRandom(seed: 0)
  /// random.next()  // 0xE220A8397B1DCDAF
  /// ```
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
