import Foundation
import SelfModel
import Testing

/// Bad input to the alignment and evaluation APIs: each is a typed ``ModelError``, never a trap.
@Suite struct AlignmentBadInputTests {
  let now = AlignmentExample.now

  @Test func stancesRejectBadNumbers() {
    #expect(throws: ModelError.nonFiniteNumber(field: "importance of the stance on b")) {
      try Stance(belief: "b", asserts: .holds, importance: .nan)
    }
    #expect(throws: ModelError.self) { try Stance(belief: "b", asserts: .holds, importance: -1) }
    #expect(throws: ModelError.self) {
      try Stance(belief: "b", asserts: .distribution(["true": 1.5, "false": -0.5]))
    }
    #expect(throws: ModelError.self) {
      try Stance(belief: "b", asserts: .distribution(["true": .nan, "false": 0.5]))
    }
    #expect(throws: ModelError.self) {
      try Stance(belief: "b", asserts: .distribution(["true": 0.5, "false": 0.4]))
    }
    #expect(throws: ModelError.self) { try Stance(belief: "b", asserts: .distribution([:])) }
  }

  @Test func candidatesRejectEmptyAndDuplicateStances() throws {
    #expect(
      throws: ModelError.undefined(
        quantity: "alignment of candidate c", reason: "it has no stances")
    ) {
      try Candidate(id: "c", stances: [])
    }
    let stance = try Stance(belief: "b", asserts: .holds)
    #expect(throws: ModelError.self) { try Candidate(id: "c", stances: [stance, stance]) }
    #expect(throws: ModelError.self) { try Candidate(id: "c", label: "", stances: [stance]) }
    let json = Data(#"{"id": "c", "stances": []}"#.utf8)
    #expect(throws: ModelError.self) {
      try ModelError.unwrappingDecoding { try JSONDecoder().decode(Candidate.self, from: json) }
    }
    let negative = Data(
      #"{"belief": "b", "assertion": {"outcome": "true"}, "importance": -2}"#.utf8)
    #expect(throws: ModelError.self) {
      try ModelError.unwrappingDecoding { try JSONDecoder().decode(Stance.self, from: negative) }
    }
  }

  @Test func scoringRejectsUnknownOutcomes() throws {
    let scorer = try AlignmentScorer(model: AlignmentExample.model(), at: now)
    let candidate = try Candidate(
      id: "c", stances: [try Stance(belief: "preference.tone", asserts: .outcome("rude"))])
    #expect(throws: ModelError.unknownOutcome(belief: "preference.tone", outcome: "rude")) {
      try scorer.score(candidate)
    }
    #expect(throws: ModelError.self) { try scorer.rank([candidate]) }
  }

  @Test func scorerRejectsBadLevelsAndTimes() throws {
    let model = try AlignmentExample.model()
    for level in [0, 1, -0.5, .nan, 2] {
      #expect(throws: ModelError.self) {
        try AlignmentScorer(model: model, at: now, credibleLevel: level)
      }
    }
    #expect(throws: ModelError.self) {
      try AlignmentScorer(model: model, at: Date(timeIntervalSinceReferenceDate: .nan))
    }
  }

  @Test func signedAgreementRejectsBadVectors() {
    let cases: [([Double], [Double], [Double])] = [
      ([0.5, 0.5], [0.5, 0.5], [1]),  // mismatched lengths
      ([0.5, 0.5, 0], [0.5, 0.5], [1, 0, 0]),  // mismatched lengths
      ([1], [1], [1]),  // one outcome
      ([.nan, 0.5], [0.5, 0.5], [1, 0]),  // NaN
      ([1.2, -0.2], [0.5, 0.5], [1, 0]),  // outside 0...1
      ([0.6, 0.6], [0.5, 0.5], [1, 0]),  // does not sum to 1
      ([0.5, 0.5], [0.5, 0.5], [2, 0]),  // compatibility outside 0...1
    ]
    for (p, a, q) in cases {
      #expect(throws: ModelError.self) {
        try AlignmentScorer.signedAgreement(probabilities: p, baseRates: a, compatibility: q)
      }
    }
  }

  @Test func evaluationRejectsBadInput() throws {
    let model = try AlignmentExample.model()
    #expect(throws: ModelError.self) {
      try Backtest(replaying: [model], under: RevisionPolicy(priorWeight: .nan))
    }
    #expect(throws: ModelError.self) {
      try PolicyTuner().tune([model], from: RevisionPolicy(priorWeight: -1))
    }
    #expect(throws: ModelError.self) {
      try PolicyTuner(reliabilityBounds: 0.1...5_000).tune([model], from: RevisionPolicy())
    }
    #expect(throws: ModelError.self) {
      try PolicyTuner(rounds: 0).tune([model], from: RevisionPolicy())
    }
    #expect(throws: ModelError.self) {
      try PolicyTuner(outcomeSourceKinds: []).tune([model], from: RevisionPolicy())
    }
    #expect(throws: ModelError.self) {
      try DriftReport(model: model, from: now, to: now, topCount: -1)
    }
    #expect(throws: ModelError.self) {
      try DriftReport(model: model, from: now, to: now, maximumFreshness: .nan)
    }
    #expect(throws: ModelError.self) {
      try NextQuestion.rank(model, at: now, answers: .perfect, importance: ["preference.tone": -1])
    }
    #expect(throws: ModelError.unknownBelief("nope")) {
      try NextQuestion.rank(model, at: now, answers: .perfect, importance: ["nope": 1])
    }
    #expect(throws: ModelError.self) {
      try NextQuestion.rank(model, at: now, answers: .perfect, defaultImportance: .infinity)
    }
  }
}
