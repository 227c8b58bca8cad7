import Foundation
import Testing

@testable import LearningAnalytics

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ReliabilityDiagramTests {
  let diagram = ReliabilityDiagram(
    title: "t & t",
    series: [
      .init(
        name: "reference", color: "#c0392b",
        bins: ReliabilityBin.bins([0.05, 0.15, 0.95], [false, true, true])),
      .init(name: "library", color: "#2471a3", bins: ReliabilityBin.bins([0.5], [true])),
    ])

  @Test func hasAxesTicksTitlesAndLegend() {
    let svg = diagram.svg()
    for label in ["0.0", "0.5", "1.0"] {
      // Every tick label appears on both axes.
      #expect(svg.components(separatedBy: ">\(label)</text>").count - 1 == 2)
    }
    #expect(svg.contains(">mean predicted probability P(true)</text>"))
    #expect(svg.contains(">observed frequency of true</text>"))
    #expect(svg.contains(">reference</text>") && svg.contains(">library</text>"))
    #expect(svg.contains(">t &amp; t</text>"))
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
  }

  @Test func pointsSitWhereTheBinsSay() {
    // Bin [0.1, 0.2): mean 0.15, all true: x = 60 + 0.15 * 400, y = 30 + 0 * 400.
    #expect(diagram.svg().contains("cx=\"120.0\" cy=\"30.0\""))
    #expect(diagram.x(0) == 60 && diagram.y(0) == 430)
  }

  @Test func isWellFormedXML() {
    let parser = XMLParser(data: Data(diagram.svg().utf8))
    #expect(parser.parse())
  }
}
