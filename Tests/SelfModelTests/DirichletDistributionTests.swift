import Foundation
import SelfModel
import Testing

/// A `dirichlet` reference case, wrapped so the test log names it.
struct DirichletCase: Sendable, CustomTestStringConvertible {
  let value: JSONValue
  var testDescription: String { value["name"].string ?? "unnamed" }
}

@Suite struct DirichletDistributionTests {
  static let referenceCases = ReferenceVectors.cases("dirichlet").map(DirichletCase.init)

  @Test func referenceSectionIsPresent() {
    #expect(Self.referenceCases.count == 3)
  }

  @Test(arguments: referenceCases)
  func matchesReference(_ reference: DirichletCase) throws {
    let inputs = reference.value["inputs"]
    let expected = reference.value["expected"]
    let prior = inputs["prior_alpha"].doubles
    let counts = inputs["counts"].doubles
    try #require(prior.count == counts.count)
    let posterior = try DirichletDistribution(alpha: zip(prior, counts).map { $0 + $1 })
    expectClose(posterior.alpha, expected["posterior_alpha"].doubles)
    expectClose(posterior.mean, expected["mean"].doubles)
    expectClose(posterior.variance, expected["variance"].doubles)
    if expected["map"].isNull {
      #expect(posterior.mode == nil)
    } else {
      expectClose(try #require(posterior.mode), expected["map"].doubles)
    }
  }

  @Test func marginalsAreBetaDistributions() throws {
    let dirichlet = try DirichletDistribution(alpha: [11, 6, 13])
    for index in dirichlet.alpha.indices {
      let marginal = try dirichlet.marginal(index)
      #expect(marginal.alpha == dirichlet.alpha[index])
      #expect(marginal.beta == 30 - dirichlet.alpha[index])
      #expect(isClose(marginal.mean, dirichlet.mean[index], tolerance: 1e-15))
      #expect(isClose(marginal.variance, dirichlet.variance[index], tolerance: 1e-15))
    }
  }

  @Test func marginalStaysValidWhenOneComponentDominates() throws {
    let dirichlet = try DirichletDistribution(alpha: [1e20, 1e-5])
    #expect(try dirichlet.marginal(0).beta == 1e-5)
    #expect(dirichlet.variance.allSatisfy { $0 > 0 })
  }

  @Test func twoComponentsMatchTheBetaDistribution() throws {
    let dirichlet = try DirichletDistribution(alpha: [6, 4])
    let beta = try BetaDistribution(alpha: 6, beta: 4)
    #expect(try dirichlet.marginal(0) == beta)
    #expect(dirichlet.mode == [0.625, 0.375])
    #expect(try DirichletDistribution(alpha: [1, 4]).mode == nil)
  }

  @Test(
    arguments: [
      (
        [],
        ModelError.invalidDistribution(
          field: "alpha", reason: "a Dirichlet needs at least 2 components, got 0")
      ),
      (
        [2],
        .invalidDistribution(
          field: "alpha", reason: "a Dirichlet needs at least 2 components, got 1")
      ),
      ([1, .nan], .nonFiniteNumber(field: "alpha[1]")),
      ([1, 2, -.infinity], .nonFiniteNumber(field: "alpha[2]")),
      ([-3, 2], .numberOutOfRange(field: "alpha[0]", value: -3, allowed: "> 0")),
      ([1, 0], .numberOutOfRange(field: "alpha[1]", value: 0, allowed: "> 0")),
    ] as [([Double], ModelError)])
  func rejectsBadParameters(_ alpha: [Double], _ error: ModelError) {
    #expect(throws: error) { try DirichletDistribution(alpha: alpha) }
  }

  @Test func roundTripsThroughJSON() throws {
    let dirichlet = try DirichletDistribution(alpha: [3.5, 1.75, 1.125])
    let data = try JSONEncoder().encode(dirichlet)
    #expect(try JSONDecoder().decode(DirichletDistribution.self, from: data) == dirichlet)
  }

  @Test(arguments: [
    (
      #"{"alpha": [1, -2]}"#,
      ModelError.numberOutOfRange(field: "alpha[1]", value: -2, allowed: "> 0")
    ),
    (#"{"alpha": ["nan", 2]}"#, .nonFiniteNumber(field: "alpha[0]")),
    (
      #"{"alpha": [1]}"#,
      .invalidDistribution(
        field: "alpha", reason: "a Dirichlet needs at least 2 components, got 1")
    ),
  ])
  func decodingValidates(_ json: String, _ error: ModelError) {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
    #expect(throws: error) {
      try ModelError.unwrappingDecoding {
        try decoder.decode(DirichletDistribution.self, from: Data(json.utf8))
      }
    }
  }

  private func expectClose(
    _ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (value, reference) in zip(actual, expected) {
      #expect(isClose(value, reference), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [-1, 3, Int.max])
  func anIndexOutsideTheComponentsThrows(_ index: Int) throws {
    let dirichlet = try DirichletDistribution(alpha: [11, 6, 13])
    #expect(
      throws: ModelError.numberOutOfRange(field: "index", value: Double(index), allowed: "0..<3")
    ) {
      try dirichlet.marginal(index)
    }
  }
}
