extension Array where Element == Double {
  /// `count` zeros, as `Array(repeating: 0, count: count)`.
  ///
  /// Up to eight outcomes it allocates through an array literal, whose buffer type the
  /// compiler resolves once: `Array(repeating:count:)` goes through the standard library's
  /// unspecialized allocation, which looks the buffer's generic metadata up at run time on
  /// every call (about 700 instructions here, more than the rest of folding an item). Reading
  /// an estimate allocates such an array per belief (B1b).
  ///
  /// - Parameter count: How many zeros, at least 0.
  /// - Returns: The zeros.
  static func zeros(_ count: Int) -> [Double] {
    switch count {
    case 1: return [0]
    case 2: return [0, 0]
    case 3: return [0, 0, 0]
    case 4: return [0, 0, 0, 0]
    case 5: return [0, 0, 0, 0, 0]
    case 6: return [0, 0, 0, 0, 0, 0]
    case 7: return [0, 0, 0, 0, 0, 0, 0]
    case 8: return [0, 0, 0, 0, 0, 0, 0, 0]
    default: return Array(repeating: 0, count: count)
    }
  }
}
