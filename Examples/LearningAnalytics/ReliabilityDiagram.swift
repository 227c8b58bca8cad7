import Foundation

/// A reliability diagram as SVG: for each model, the observed frequency of `true` against the
/// mean predicted probability in each of 10 equal-width bins (dot area ~ the bin's share of
/// events), the diagonal of perfect calibration, axes with ticks and tick labels every 0.1,
/// axis titles, a title and a legend.
struct ReliabilityDiagram: Sendable {
  /// One model's curve.
  struct Series: Sendable, Hashable {
    /// The legend's name.
    let name: String
    /// An SVG colour, such as "#2471a3".
    let color: String
    /// The model's non-empty bins.
    let bins: [ReliabilityBin]
  }

  /// The title above the plot.
  let title: String
  /// The curves.
  let series: [Series]
  /// The side of the square plot area, in pixels.
  let size = 400.0
  /// The space left of and below the plot area for ticks and titles.
  let margin = 60.0

  /// The x pixel of probability `p`.
  func x(_ p: Double) -> Double { margin + p * size }
  /// The y pixel of frequency `f`.
  func y(_ f: Double) -> Double { margin / 2 + (1 - f) * size }

  private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String)
    -> String
  { SVGMarkup.line(x1, y1, x2, y2, color) }

  private func text(_ content: String, x: Double, y: Double, anchor: String, extra: String = "")
    -> String
  { SVGMarkup.text(content, x: x, y: y, anchor: anchor, extra: extra) }

  /// The SVG document.
  func svg() -> String {
    let width = Int(size + margin * 1.5)
    let height = Int(size + margin * 2)
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "font-family=\"sans-serif\" font-size=\"12\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      text(title, x: x(0.5), y: 18, anchor: "middle", extra: " font-weight=\"bold\""),
    ]
    lines += axes()
    for (offset, series) in series.enumerated() { lines += curve(series, offset: offset) }
    return (lines + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  private func axes() -> [String] {
    var lines = [
      line(x(0), y(0), x(1), y(0), "black"), line(x(0), y(0), x(0), y(1), "black"),
      line(x(0), y(0), x(1), y(1), "#999\" stroke-dasharray=\"4 4"),
    ]
    for tick in 0...10 {
      let value = Double(tick) / 10
      let label = String(format: "%.1f", value)
      lines.append(line(x(value), y(0), x(value), y(0) + 5, "black"))
      lines.append(text(label, x: x(value), y: y(0) + 18, anchor: "middle"))
      lines.append(line(x(0) - 5, y(value), x(0), y(value), "black"))
      lines.append(text(label, x: x(0) - 8, y: y(value) + 4, anchor: "end"))
    }
    lines.append(
      text("mean predicted probability P(true)", x: x(0.5), y: y(0) + 40, anchor: "middle"))
    lines.append(
      "<text x=\"16\" y=\"\(y(0.5))\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 \(y(0.5)))\">observed frequency of true</text>")
    return lines
  }

  private func curve(_ series: Series, offset: Int) -> [String] {
    let total = Double(series.bins.reduce(0) { $0 + $1.count })
    let points = series.bins.map { "\(x($0.meanProbability)),\(y($0.observedFrequency))" }
    var lines = [
      "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
        + "stroke=\"\(series.color)\" stroke-width=\"2\"/>"
    ]
    for bin in series.bins {
      let radius = String(format: "%.1f", 2 + 8 * sqrt(Double(bin.count) / max(total, 1)))
      lines.append(
        "<circle cx=\"\(x(bin.meanProbability))\" cy=\"\(y(bin.observedFrequency))\" "
          + "r=\"\(radius)\" fill=\"\(series.color)\" fill-opacity=\"0.6\"/>")
    }
    let legendY = y(1) + 16 + 18 * Double(offset)
    lines.append(line(x(0.03), legendY - 4, x(0.09), legendY - 4, series.color))
    lines.append(text(series.name, x: x(0.11), y: legendY, anchor: "start"))
    return lines
  }
}
