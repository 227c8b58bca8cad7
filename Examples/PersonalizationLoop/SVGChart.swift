/// A minimal SVG line chart with axes, ticks, labels and a legend, for the example's plots.
struct SVGChart {
  struct Series {
    var name: String
    var color: String
    var values: [Double]
  }

  var title: String
  var yLabel: String
  var yRange: ClosedRange<Double>
  var series: [Series]
  var width = 640.0
  var height = 300.0
  let margin = (left: 60.0, right: 150.0, top: 30.0, bottom: 45.0)

  /// The chart as an SVG `<g>` group translated down by `offset`.
  func group(offset: Double) -> String {
    var svg = "<g transform=\"translate(0,\(offset))\">\n"
    svg += text(width / 2 - 40, 18, title, size: 14, anchor: "middle")
    svg += axes()
    for (index, line) in series.enumerated() {
      svg += polyline(line)
      let y = margin.top + 20 + Double(index) * 18
      let x = width - margin.right + 12
      svg += "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x + 18)\" y2=\"\(y)\" stroke=\"\(line.color)\" "
      svg += "stroke-width=\"2\"/>\n"
      svg += text(x + 24, y + 4, line.name, size: 11, anchor: "start")
    }
    return svg + "</g>\n"
  }

  private var plotWidth: Double { width - margin.left - margin.right }
  private var plotHeight: Double { height - margin.top - margin.bottom }
  private var count: Int { series.map(\.values.count).max() ?? 1 }

  private func x(_ round: Int) -> Double {
    margin.left + plotWidth * Double(round - 1) / Double(max(1, count - 1))
  }

  private func y(_ value: Double) -> Double {
    let span = yRange.upperBound - yRange.lowerBound
    return margin.top + plotHeight * (1 - (value - yRange.lowerBound) / span)
  }

  private func axes() -> String {
    let bottom = margin.top + plotHeight
    var svg = "<line x1=\"\(margin.left)\" y1=\"\(bottom)\" x2=\"\(margin.left + plotWidth)\" "
    svg += "y2=\"\(bottom)\" stroke=\"black\"/>\n"
    svg += "<line x1=\"\(margin.left)\" y1=\"\(margin.top)\" x2=\"\(margin.left)\" "
    svg += "y2=\"\(bottom)\" stroke=\"black\"/>\n"
    for round in stride(from: 0, through: count, by: max(1, count / 10)) {
      let position = x(max(1, round))
      svg += "<line x1=\"\(position)\" y1=\"\(bottom)\" x2=\"\(position)\" y2=\"\(bottom + 5)\" "
      svg += "stroke=\"black\"/>\n"
      svg += text(position, bottom + 18, "\(max(1, round))", size: 10, anchor: "middle")
    }
    let step = (yRange.upperBound - yRange.lowerBound) / 5
    for index in 0...5 {
      let value = yRange.lowerBound + Double(index) * step
      svg += "<line x1=\"\(margin.left - 5)\" y1=\"\(y(value))\" x2=\"\(margin.left)\" "
      svg += "y2=\"\(y(value))\" stroke=\"black\"/>\n"
      svg += text(margin.left - 8, y(value) + 4, decimal(value), size: 10, anchor: "end")
    }
    svg += text(margin.left + plotWidth / 2, bottom + 36, "round", size: 12, anchor: "middle")
    let middle = margin.top + plotHeight / 2
    svg += "<text x=\"16\" y=\"\(middle)\" font-size=\"12\" text-anchor=\"middle\" "
    svg += "transform=\"rotate(-90 16 \(middle))\">\(yLabel)</text>\n"
    return svg
  }

  private func polyline(_ line: Series) -> String {
    let points = line.values.enumerated().map { "\(x($0.offset + 1)),\(y($0.element))" }
    return "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.5\" points=\""
      + points.joined(separator: " ") + "\"/>\n"
  }

  private func text(_ x: Double, _ y: Double, _ content: String, size: Int, anchor: String)
    -> String
  {
    "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" "
      + "font-family=\"sans-serif\">\(content)</text>\n"
  }

  /// Wraps chart groups, stacked vertically, in an SVG document.
  static func document(_ charts: [SVGChart]) -> String {
    let width = charts.map(\.width).max() ?? 640
    let height = charts.reduce(0) { $0 + $1.height }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
    svg +=
      "viewBox=\"0 0 \(width) \(height)\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    var offset = 0.0
    for chart in charts {
      svg += chart.group(offset: offset)
      offset += chart.height
    }
    return svg + "</svg>\n"
  }
}

/// `value` with two decimals.
func decimal(_ value: Double, digits: Int = 2) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = "\(rounded)"
  let parts = text.split(separator: ".")
  if parts.count == 2, parts[1].count < digits {
    text += String(repeating: "0", count: digits - parts[1].count)
  }
  return text
}
