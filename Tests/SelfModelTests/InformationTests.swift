import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The seeded SplitMix64 generator from SelfModelTesting.
typealias MetricsTestRandom = SeededRandom

extension SeededRandom {
  /// A distribution over `count` outcomes; about one entry in five is exactly 0.
  mutating func distribution(count: Int) -> [Double] {
    var weights = (0..<count).map { _ in Double.random(in: 0...1, using: &self) }
    for index in weights.indices where Int.random(in: 0..<5, using: &self) == 0 {
      weights[index] = 0
    }
    if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }
}

/// The ``ModelError`` `body` threw, or `nil` when it returned (any other error is an issue).
func thrownModelError<T>(
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) -> ModelError? {
  do {
    _ = try body()
    return nil
  } catch let error as ModelError {
    return error
  } catch {
    Issue.record("expected a ModelError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// Whether `error` is ``ModelError/invalidDistribution(field:reason:)`` for `field`.
func isInvalidDistribution(_ error: ModelError?, field: String) -> Bool {
  if case .invalidDistribution(let actual, _) = error { return actual == field }
  return false
}

/// Compares a computed value with a reference value; JSON `null` expects `nil`.
func expectReference(
  _ actual: Double?, _ expected: JSONValue, _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if expected.isNull {
    #expect(actual == nil, "\(label)", sourceLocation: sourceLocation)
  } else if let expectedValue = expected.double, let actual {
    #expect(
      isClose(actual, expectedValue), "\(label): \(actual) vs \(expectedValue)",
      sourceLocation: sourceLocation)
  } else {
    Issue.record(
      "\(label): got \(String(describing: actual)), expected \(expected)",
      sourceLocation: sourceLocation)
  }
}

@Suite struct InformationReferenceTests {
  @Test func bernoulliPairs() throws {
    let cases = ReferenceVectors.cases("drift", "bernoulli_pairs")
    #expect(cases.count == 8)
    for item in cases {
      let name = item["name"].string ?? "?"
      let p = try #require(item["inputs"]["p"].double)
      let q = try #require(item["inputs"]["q"].double)
      let expected = item["expected"]
      let pDistribution = [p, 1 - p]
      let qDistribution = [q, 1 - q]
      let klPQNats = try Information.kullbackLeiblerDivergence(
        pDistribution, from: qDistribution, base: M_E)
      let klQPNats = try Information.kullbackLeiblerDivergence(
        qDistribution, from: pDistribution, base: M_E)
      let klPQBits = try Information.kullbackLeiblerDivergence(pDistribution, from: qDistribution)
      let jsBits = try Information.jensenShannonDivergence(pDistribution, qDistribution)
      let jsNats = try Information.jensenShannonDivergence(pDistribution, qDistribution, base: M_E)
      let psi = try Information.populationStabilityIndex(
        expected: pDistribution, actual: qDistribution)
      expectReference(klPQNats, expected["kl_p_q_nats"], "\(name) kl_p_q_nats")
      expectReference(klQPNats, expected["kl_q_p_nats"], "\(name) kl_q_p_nats")
      expectReference(klPQBits, expected["kl_p_q_bits"], "\(name) kl_p_q_bits")
      expectReference(jsBits, expected["js_divergence_bits"], "\(name) js_divergence_bits")
      expectReference(jsBits.squareRoot(), expected["js_distance_bits"], "\(name) js_distance_bits")
      expectReference(jsNats, expected["js_divergence_nats"], "\(name) js_divergence_nats")
      expectReference(psi, expected["psi_2bin_nats"], "\(name) psi_2bin_nats")
    }
  }

  @Test func binnedPopulations() throws {
    let cases = ReferenceVectors.cases("drift", "binned_populations")
    #expect(cases.count == 3)
    for item in cases {
      let name = item["name"].string ?? "?"
      let expected = item["expected"]
      let old = try Information.histogramProportions(item["inputs"]["old_probabilities"].doubles)
      let new = try Information.histogramProportions(item["inputs"]["new_probabilities"].doubles)
      let expectedOld = expected["old_bin_proportions"].doubles
      let expectedNew = expected["new_bin_proportions"].doubles
      #expect(
        old.count == 10 && expectedOld.count == 10 && new.count == 10 && expectedNew.count == 10)
      for (actual, reference) in zip(old, expectedOld) {
        #expect(isClose(actual, reference), "\(name) old")
      }
      for (actual, reference) in zip(new, expectedNew) {
        #expect(isClose(actual, reference), "\(name) new")
      }
      let raw = try Information.populationStabilityIndex(expected: old, actual: new)
      let floored = try Information.populationStabilityIndex(
        expected: old, actual: new, floor: 1e-4)
      let js = try Information.jensenShannonDivergence(old, new)
      expectReference(raw, expected["psi_raw_nats"], "\(name) psi_raw_nats")
      expectReference(floored, expected["psi_eps_1e-4_nats"], "\(name) psi_eps_1e-4_nats")
      expectReference(js, expected["js_divergence_bits"], "\(name) js_divergence_bits")
    }
  }
}

@Suite struct InformationCaseTests {
  // Values from scipy 1.17.1: scipy.stats.entropy(a, base=2), entropy(a), entropy(b, base=10),
  // entropy(a, b, base=2), entropy(b, a, base=2), jensenshannon(a, b, base=2) ** 2 and
  // jensenshannon(a, b) ** 2; PSI with floor 1e-3 computed with numpy.
  private let a = [0.5, 0.25, 0.125, 0.125, 0.0]
  private let b = [0.1, 0.2, 0.3, 0.2, 0.2]

  @Test func categoricalValues() throws {
    #expect(isClose(try Information.entropy(a), 1.75))
    #expect(isClose(try Information.entropy(a, base: M_E), 1.2130075659799042))
    #expect(isClose(try Information.entropy(b, base: 10), 0.6762456261857126))
    #expect(isClose(try Information.kullbackLeiblerDivergence(a, from: b), 0.9988077822972179))
    #expect(try Information.kullbackLeiblerDivergence(b, from: a) == .infinity)
    #expect(isClose(try Information.jensenShannonDivergence(a, b), 0.24007923904736292))
    #expect(isClose(try Information.jensenShannonDivergence(a, b, base: M_E), 0.1664102476566567))
    let psi = try Information.populationStabilityIndex(expected: a, actual: b, floor: 1e-3)
    #expect(isClose(psi, 1.8977547997127724))
    #expect(try Information.populationStabilityIndex(expected: a, actual: b) == .infinity)
  }

  @Test func extremes() throws {
    #expect(try Information.entropy([1]) == 0)
    #expect(try Information.entropy([0, 1, 0]) == 0)
    #expect(try Information.jensenShannonDivergence([1, 0], [0, 1]) == 1)
    #expect(try Information.kullbackLeiblerDivergence([0.3, 0.7], from: [0.3, 0.7]) == 0)
    #expect(try Information.populationStabilityIndex(expected: [0, 1], actual: [0, 1]) == 0)
  }

  @Test func histogramOnBinEdges() throws {
    // numpy 2.4.6: numpy.histogram(values, bins=numpy.linspace(0, 1, 11))[0] / 11, and the same
    // with linspace(0, 1, 6). 0.3 < 0.30000000000000004 falls into [0.2, 0.3); 1.0 is in the last.
    let values = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    let ten = try Information.histogramProportions(values)
    let counts = [1, 1, 2, 0, 1, 2, 1, 0, 1, 2].map { Double($0) / 11 }
    #expect(zip(ten, counts).allSatisfy { isClose($0, $1) } && ten.count == 10)
    let five = try Information.histogramProportions(values, bins: 5)
    let fiveCounts = [2, 2, 3, 1, 3].map { Double($0) / 11 }
    #expect(zip(five, fiveCounts).allSatisfy { isClose($0, $1) } && five.count == 5)
    #expect(try Information.histogramProportions([0.5], bins: 1) == [1])
  }
}

@Suite struct InformationPropertyTests {
  @Test func divergenceLaws() throws {
    var random = MetricsTestRandom(seed: 0x5EED_0001)
    for _ in 0..<1_000 {
      let count = Int.random(in: 1...8, using: &random)
      let p = random.distribution(count: count)
      let q = random.distribution(count: count)
      let forward = try Information.jensenShannonDivergence(p, q)
      let backward = try Information.jensenShannonDivergence(q, p)
      #expect(abs(forward - backward) <= 1e-12)
      #expect((0...1).contains(forward))
      #expect(try Information.jensenShannonDivergence(p, p) <= 1e-15)
      let entropy = try Information.entropy(p)
      #expect(entropy >= 0 && entropy <= log2(Double(count)) + 1e-12)
      let kl = try Information.kullbackLeiblerDivergence(p, from: q, base: M_E)
      let reverse = try Information.kullbackLeiblerDivergence(q, from: p, base: M_E)
      #expect(kl >= 0 && reverse >= 0)
      let psi = try Information.populationStabilityIndex(expected: p, actual: q)
      #expect(isClose(psi, kl + reverse, tolerance: 1e-9))
    }
  }

  @Test func histogramProportionsSumToOne() throws {
    var random = MetricsTestRandom(seed: 0x5EED_0002)
    for _ in 0..<1_000 {
      let values = (0..<Int.random(in: 1...50, using: &random)).map { _ in
        Double(Int.random(in: 0...20, using: &random)) / 20
      }
      let proportions = try Information.histogramProportions(
        values, bins: Int.random(in: 1...12, using: &random))
      #expect(abs(proportions.reduce(0, +) - 1) <= 1e-12)
    }
  }
}

@Suite struct InformationBadInputTests {
  @Test func rejectsBadEntries() {
    #expect(
      thrownModelError { try Information.entropy([.nan, 1]) } == .nonFiniteNumber(field: "p[0]"))
    #expect(
      thrownModelError { try Information.entropy([0, .infinity]) }
        == .nonFiniteNumber(field: "p[1]"))
    #expect(
      thrownModelError { try Information.entropy([-0.1, 1.1]) }
        == .numberOutOfRange(field: "p[0]", value: -0.1, allowed: "0...1"))
    #expect(
      thrownModelError {
        try Information.kullbackLeiblerDivergence([0.5, 0.5], from: [1.1, -0.1])
      }
        == .numberOutOfRange(field: "q[0]", value: 1.1, allowed: "0...1"))
    #expect(
      thrownModelError { try Information.histogramProportions([0.5, 1.1]) }
        == .numberOutOfRange(field: "values[1]", value: 1.1, allowed: "0...1"))
    #expect(
      thrownModelError { try Information.histogramProportions([.nan]) }
        == .nonFiniteNumber(field: "values[0]"))
  }

  @Test func rejectsBadShapes() {
    #expect(
      thrownModelError { try Information.entropy([]) }
        == .invalidDistribution(field: "p", reason: "it is empty"))
    #expect(
      isInvalidDistribution(thrownModelError { try Information.entropy([0.5, 0.4]) }, field: "p"))
    #expect(
      isInvalidDistribution(thrownModelError { try Information.entropy([0.7, 0.7]) }, field: "p"))
    #expect(
      thrownModelError { try Information.jensenShannonDivergence([0.5, 0.5], [0.2, 0.3, 0.5]) }
        == .invalidDistribution(field: "q", reason: "it has 3 entries but p has 2"))
    #expect(
      isInvalidDistribution(
        thrownModelError {
          try Information.populationStabilityIndex(expected: [1], actual: [0.5, 0.5])
        },
        field: "actual"))
    #expect(
      isInvalidDistribution(
        thrownModelError {
          try Information.populationStabilityIndex(expected: [0.2, 0.2], actual: [0.5, 0.5])
        },
        field: "expected"))
    #expect(
      thrownModelError { try Information.histogramProportions([]) }
        == .undefined(quantity: "histogram proportions", reason: "there are no values"))
  }

  @Test func rejectsBadParameters() {
    #expect(
      thrownModelError { try Information.entropy([1], base: 1) }
        == .numberOutOfRange(field: "base", value: 1, allowed: "greater than 1"))
    #expect(
      thrownModelError { try Information.entropy([1], base: .nan) }
        == .nonFiniteNumber(field: "base"))
    #expect(
      thrownModelError { try Information.kullbackLeiblerDivergence([1], from: [1], base: -2) }
        == .numberOutOfRange(field: "base", value: -2, allowed: "greater than 1"))
    #expect(
      thrownModelError {
        try Information.populationStabilityIndex(expected: [1], actual: [1], floor: 1.5)
      }
        == .numberOutOfRange(field: "floor", value: 1.5, allowed: "0...1"))
    #expect(
      thrownModelError {
        try Information.populationStabilityIndex(expected: [1], actual: [1], floor: .nan)
      }
        == .nonFiniteNumber(field: "floor"))
    #expect(
      thrownModelError { try Information.histogramProportions([0.5], bins: 0) }
        == .numberOutOfRange(field: "bins", value: 0, allowed: "1 or more"))
  }
}
