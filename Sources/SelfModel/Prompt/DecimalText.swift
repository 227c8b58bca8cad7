/// Fixed-point formatting of numbers for prompt text, without Foundation's `String(format:)`
/// (slow on Linux, and locale-free here on purpose).
enum DecimalText {
  /// `value` with `digits` decimals (0 to 6), rounded half away from zero; non-finite values
  /// print as `nan`.
  static func format(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return "nan" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return "\(value)" }
    let units = Int(scaled)
    let power = Int(scale)
    let whole = units / power
    let sign = value < 0 && units > 0 ? "-" : ""
    guard digits > 0 else { return "\(sign)\(whole)" }
    var fraction = String(units % power)
    while fraction.count < digits { fraction = "0" + fraction }
    return "\(sign)\(whole).\(fraction)"
  }
}
