import SelfModel
import SelfModelTesting
import Testing

@Suite struct OpinionTests {
  @Test func evidenceMappingAndBack() throws {
    let opinion = try Opinion(positiveEvidence: 8, negativeEvidence: 2, baseRate: 0.5)
    #expect(isClose(opinion.projectedProbability, 0.75))
    let evidence = try #require(opinion.evidence())
    #expect(isClose(evidence.positive, 8) && isClose(evidence.negative, 2))
  }

  @Test func refusesInvalidMasses() {
    #expect(throws: ModelError.self) {
      try Opinion(belief: 0.5, disbelief: 0.5, uncertainty: 0.5, baseRate: 0.5)
    }
    #expect(throws: ModelError.self) {
      try Opinion(belief: 0.5, disbelief: 0.5, uncertainty: 0, baseRate: 1.5)
    }
    #expect(
      throws: ModelError.numberOutOfRange(field: "negative evidence", value: -1, allowed: ">= 0")
    ) {
      try Opinion(positiveEvidence: 1, negativeEvidence: -1, baseRate: 0.5)
    }
    #expect(throws: ModelError.nonFiniteNumber(field: "positive evidence")) {
      try Opinion(positiveEvidence: .infinity, negativeEvidence: 0, baseRate: 0.5)
    }
  }

  /// 1,000 seeded cases: with equal base rates, cumulative fusion adds evidence, is
  /// commutative, and has the vacuous opinion as identity; averaging fusion is commutative.
  @Test func fusionLaws() throws {
    var random = SeededRandom(seed: 2_016)
    let vacuous = try Opinion(belief: 0, disbelief: 0, uncertainty: 1, baseRate: 0.5)
    for _ in 0..<1_000 {
      let (r1, s1, r2, s2) = (
        Double.random(in: 0...50, using: &random), Double.random(in: 0...50, using: &random),
        Double.random(in: 0...50, using: &random), Double.random(in: 0...50, using: &random)
      )
      let a = try Opinion(positiveEvidence: r1, negativeEvidence: s1, baseRate: 0.5)
      let b = try Opinion(positiveEvidence: r2, negativeEvidence: s2, baseRate: 0.5)
      let pooled = try Opinion(positiveEvidence: r1 + r2, negativeEvidence: s1 + s2, baseRate: 0.5)
      let fused = a.cumulativelyFused(with: b)
      let swapped = b.cumulativelyFused(with: a)
      let identity = a.cumulativelyFused(with: vacuous)
      for (x, y) in [(fused, pooled), (swapped, pooled), (identity, a)] {
        #expect(isClose(x.belief, y.belief, tolerance: 1e-12))
        #expect(isClose(x.disbelief, y.disbelief, tolerance: 1e-12))
        #expect(isClose(x.uncertainty, y.uncertainty, tolerance: 1e-12))
        #expect(isClose(x.baseRate, y.baseRate, tolerance: 1e-12))
      }
      let average = a.averagingFused(with: b)
      let averageSwapped = b.averagingFused(with: a)
      #expect(isClose(average.belief, averageSwapped.belief, tolerance: 1e-12))
      #expect(
        isClose(average.belief + average.disbelief + average.uncertainty, 1, tolerance: 1e-12))
    }
  }

  @Test func fullTrustKeepsAnOpinionAndNoTrustMakesItVacuous() throws {
    let claim = try Opinion(belief: 0.6, disbelief: 0.2, uncertainty: 0.2, baseRate: 0.3)
    let full = try Opinion(belief: 1, disbelief: 0, uncertainty: 0, baseRate: 0.5)
    let none = try Opinion(belief: 0, disbelief: 1, uncertainty: 0, baseRate: 0.5)
    let kept = claim.discounted(by: full)
    #expect(kept.belief == claim.belief && kept.disbelief == claim.disbelief)
    #expect(isClose(kept.uncertainty, claim.uncertainty, tolerance: 1e-15))
    let ignored = claim.discounted(by: none)
    #expect(ignored.uncertainty == 1 && ignored.belief == 0 && ignored.baseRate == 0.3)
  }
}
