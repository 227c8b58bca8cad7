extension Array where Element == Double {
  /// `count` zeros, as `Array(repeating: 0, count: count)`.
  ///
  /// Up to eight outcomes it allocates through an array literal, whose buffer type the
  /// compiler resolves once: `Array(repeating:count:)` goes through the standard library's
  /// unspecialized allocation, which looks the buffer's generic metadata up at run time on
  /// every call (about 700 instructions here, more than the rest of folding an item), and so
  /// does `Array(unsafeUninitializedCapacity:initializingWith:)` (measured: B1b +665). Reading
  /// an estimate allocates such an array per belief (B1b). The literal's elements are a zero
  /// computed at run time, so the array is a fresh buffer the caller can write to in place.
  ///
  /// - Parameter count: How many zeros, at least 0.
  /// - Returns: The zeros.
  static func zeros(_ count: Int) -> [Double] {
    // A zero the compiler cannot fold: a literal of constants becomes a read-only static
    // buffer, which the caller's first write copies (a second allocation, about 190
    // instructions, twice per B1b record).
    let z = Double(count) * 0
    switch count {
    case 1: return [z]
    case 2: return [z, z]
    case 3: return [z, z, z]
    case 4: return [z, z, z, z]
    case 5: return [z, z, z, z, z]
    case 6: return [z, z, z, z, z, z]
    case 7: return [z, z, z, z, z, z, z]
    case 8: return [z, z, z, z, z, z, z, z]
    default: return Array(repeating: 0, count: count)
    }
  }
}
