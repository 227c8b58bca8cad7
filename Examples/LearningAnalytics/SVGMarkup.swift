import Foundation

/// The SVG elements the example's charts draw with.
enum SVGMarkup {
  /// A line from `(x1, y1)` to `(x2, y2)`; `color` may carry more attributes after a quote.
  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String)
    -> String
  {
    "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(color)\"/>"
  }

  /// A text anchored at `(x, y)`, escaped.
  static func text(_ content: String, x: Double, y: Double, anchor: String, extra: String = "")
    -> String
  {
    let escaped = content.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;")
    return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\"\(extra)>\(escaped)</text>"
  }
}
