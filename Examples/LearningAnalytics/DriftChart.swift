import Foundation
import SelfModel

/// The monitor's drift report as SVG: each model's weekly bias (mean prediction minus observed
/// rate, ``WeeklyBias``) against the week of 2013J, a dashed line at 0, axes with ticks and
/// labels, filled dots for the weeks whose own pairs alarm, a title and a legend.
struct DriftChart: Sendable {
  /// One model's line.
  struct Series: Sendable {
    /// The legend's name.
    let name: String
    /// An SVG colour.
    let color: String
    /// Its weekly report.
    let bias: WeeklyBias
  }

  /// The title above the plot.
  let title: String
  /// The lines.
  let series: [Series]
  /// Weeks with fewer scored events are left out of the chart (the printed table keeps them):
  /// a week of a few late submissions has a bias of +-0.9 that would squash every other week.
  var minimumEvents = 1
  let width = 560.0
  let height = 300.0
  let margin = 60.0

  /// The weeks of `series` that are drawn.
  func drawn(_ series: Series) -> [WeeklyBias.Week] {
    series.bias.weeks.filter { $0.summary.pairs >= minimumEvents }
  }

  /// The last week drawn.
  var lastWeek: Int { max(series.flatMap { drawn($0).map(\.week) }.max() ?? 1, 1) }
  /// The bias axis: symmetric, in steps of 0.05, covering every week drawn.
  var range: Double {
    let largest = series.flatMap { drawn($0).map { abs($0.summary.meanBias) } }.max() ?? 0
    return max(0.05, (largest / 0.05).rounded(.up) * 0.05)
  }
  /// The step between labelled bias ticks: 0.05, or coarser so that at most 8 fall on a side.
  var tickStep: Double { [0.05, 0.1, 0.25, 0.5].first { range / $0 <= 8.0001 } ?? 1 }

  func x(_ week: Double) -> Double { margin + week / Double(lastWeek) * width }
  func y(_ bias: Double) -> Double { margin / 2 + (range - bias) / (2 * range) * height }

  /// The SVG document.
  func svg() -> String {
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width + margin * 1.5))\" "
        + "height=\"\(Int(height + margin * 2.2 + 18 * Double(series.count)))\" "
        + "font-family=\"sans-serif\" font-size=\"12\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      SVGMarkup.text(
        title, x: x(Double(lastWeek) / 2), y: 18, anchor: "middle",
        extra: " font-weight=\"bold\""),
    ]
    lines += axes()
    for (offset, series) in series.enumerated() { lines += line(series, offset: offset) }
    return (lines + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  private func axes() -> [String] {
    let bottom = y(-range)
    var lines = [
      SVGMarkup.line(x(0), bottom, x(Double(lastWeek)), bottom, "black"),
      SVGMarkup.line(x(0), bottom, x(0), y(range), "black"),
      SVGMarkup.line(x(0), y(0), x(Double(lastWeek)), y(0), "#999\" stroke-dasharray=\"4 4"),
    ]
    let step = lastWeek > 20 ? 5 : 2
    for week in stride(from: 0, through: lastWeek, by: step) {
      lines.append(SVGMarkup.line(x(Double(week)), bottom, x(Double(week)), bottom + 5, "black"))
      lines.append(SVGMarkup.text("\(week)", x: x(Double(week)), y: bottom + 18, anchor: "middle"))
    }
    let ticks = Int((range / tickStep).rounded(.down))
    for tick in -ticks...ticks {
      let value = Double(tick) * tickStep
      lines.append(SVGMarkup.line(x(0) - 5, y(value), x(0), y(value), "black"))
      lines.append(
        SVGMarkup.text(String(format: "%+.2f", value), x: x(0) - 8, y: y(value) + 4, anchor: "end"))
    }
    let kept = minimumEvents > 1 ? " (weeks with \(minimumEvents) events or more)" : ""
    lines.append(
      SVGMarkup.text(
        "week of 2013J" + kept, x: x(Double(lastWeek) / 2), y: bottom + 38, anchor: "middle"))
    lines.append(
      "<text x=\"14\" y=\"\(y(0))\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 14 \(y(0)))\">bias: mean prediction - observed</text>")
    return lines
  }

  private func line(_ series: Series, offset: Int) -> [String] {
    let weeks = drawn(series)
    let points = weeks.map { "\(x(Double($0.week))),\(y($0.summary.meanBias))" }
    var lines = [
      "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
        + "stroke=\"\(series.color)\" stroke-width=\"2\"/>"
    ]
    for week in weeks {
      let fill = week.summary.isAlarm ? series.color : "white"
      lines.append(
        "<circle cx=\"\(x(Double(week.week)))\" cy=\"\(y(week.summary.meanBias))\" r=\"3.5\" "
          + "fill=\"\(fill)\" stroke=\"\(series.color)\"/>")
    }
    let legendY = y(-range) + 58 + 18 * Double(offset)
    lines.append(SVGMarkup.line(x(0), legendY - 4, x(0) + 30, legendY - 4, series.color))
    lines.append(
      SVGMarkup.text(
        series.name + " (filled: the week's bias alarms, alpha 0.01)", x: x(0) + 36, y: legendY,
        anchor: "start"))
    return lines
  }
}
