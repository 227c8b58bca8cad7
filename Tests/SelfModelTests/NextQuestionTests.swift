import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct NextQuestionTests {
  let now = AlignmentFixtures.start

  /// The mutual information of a discrete channel, computed from the joint distribution.
  func mutualInformation(prior: [Double], channel: [[Double]]) -> Double {
    var answer = [Double](repeating: 0, count: channel[0].count)
    for (i, p) in prior.enumerated() {
      for j in answer.indices { answer[j] += p * channel[i][j] }
    }
    var sum = 0.0
    for (i, p) in prior.enumerated() {
      for j in answer.indices where p * channel[i][j] > 0 {
        sum += p * channel[i][j] * log2(channel[i][j] / answer[j])
      }
    }
    return sum
  }

  @Test func binaryBeliefsAgreeWithQuestionValue() throws {
    var random = AlignmentTestRandom(seed: 51)
    for _ in 0..<300 {
      let rate = Double.random(in: 0.01...0.99, using: &random)
      var model = try UserModel(user: "u")
      try model.declare(.binary("b", statement: "B", baseRate: rate))
      let answers = try AnswerReliability(
        sensitivity: Double.random(in: 0...1, using: &random),
        specificity: Double.random(in: 0...1, using: &random))
      let question = try #require(try NextQuestion.rank(model, at: now, answers: answers).first)
      let expected = try QuestionValue(prior: rate, answers: answers).expectedInformationGain
      #expect(abs(question.expectedInformationGain - expected) <= 1e-12)
      #expect(question.form == .yesNo(outcome: "true"))
    }
  }

  @Test func referenceCasesThroughAModel() throws {
    for item in ReferenceVectors.cases("information_gain") {
      let prior = try #require(item["inputs"]["prior"].double)
      guard prior > 0, prior < 1 else { continue }
      var model = try UserModel(user: "u")
      try model.declare(.binary("b", statement: "B", baseRate: prior))
      let answers = try AnswerReliability(
        sensitivity: try #require(item["inputs"]["sensitivity"].double),
        specificity: try #require(item["inputs"]["specificity"].double))
      let question = try #require(try NextQuestion.rank(model, at: now, answers: answers).first)
      #expect(
        isClose(question.expectedInformationGain, try #require(item["expected"]["eig_bits"].double))
      )
    }
  }

  @Test func whichOutcomeIsTheMutualInformationOfASymmetricChannel() throws {
    var random = AlignmentTestRandom(seed: 52)
    for _ in 0..<200 {
      let raw = (0..<4).map { _ in Double.random(in: 0.05...1, using: &random) }
      let rates = raw.map { $0 / raw.reduce(0, +) }
      var model = try UserModel(user: "u")
      try model.declare(
        BeliefDefinition(
          key: "tone", statement: "T", outcomes: ["a", "b", "c", "d"], baseRates: rates))
      let answers = try AnswerReliability(
        sensitivity: Double.random(in: 0.3...1, using: &random),
        specificity: Double.random(in: 0.3...1, using: &random))
      let rho = (answers.sensitivity + answers.specificity) / 2
      let channel = (0..<4).map { i in (0..<4).map { j in i == j ? rho : (1 - rho) / 3 } }
      let question = try #require(try NextQuestion.rank(model, at: now, answers: answers).first)
      #expect(question.form == .whichOutcome)
      let expected = mutualInformation(prior: question.probabilities, channel: channel)
      #expect(abs(question.expectedInformationGain - expected) <= 1e-9)
      let yesNo = try #require(
        try NextQuestion.rank(
          model, at: now, answers: answers, categoricalStyle: .mostLikelyOutcome
        )
        .first)
      let best = rates.indices.max { rates[$0] < rates[$1] } ?? 0
      #expect(yesNo.form == .yesNo(outcome: ["a", "b", "c", "d"][best]))
      let value = try QuestionValue(prior: question.probabilities[best], answers: answers)
      #expect(abs(yesNo.expectedInformationGain - value.expectedInformationGain) <= 1e-12)
    }
  }

  @Test func twoOutcomeWhichOutcomeEqualsYesNoForSymmetricAnswers() {
    let p = [0.3, 0.7]
    let gain = try? QuestionValue(
      prior: 0.3, answers: AnswerReliability(sensitivity: 0.8, specificity: 0.8))
    let channel = [[0.8, 0.2], [0.2, 0.8]]
    #expect(
      abs(mutualInformation(prior: p, channel: channel) - (gain?.expectedInformationGain ?? -1))
        < 1e-12)
  }

  @Test func rankingWeighsGainByImportance() throws {
    var model = try UserModel(user: "u")
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    try model.declare(.binary("known", statement: "Known"))
    try model.declare(.binary("unknown", statement: "Unknown"))
    try model.declare(.binary("minor", statement: "Minor"))
    try model.record(
      Evidence(
        id: "e1", belief: "known", content: .holds, weight: 20, source: "user", observedAt: now),
      at: now)
    let answers = try AnswerReliability(sensitivity: 0.9, specificity: 0.9)
    let ranked = try NextQuestion.rank(model, at: now, answers: answers, importance: ["minor": 0.5])
    #expect(ranked.map(\.belief) == ["unknown", "minor", "known"])
    #expect(abs(ranked[1].value - 0.5 * ranked[0].expectedInformationGain) < 1e-12)
    let boosted = try NextQuestion.rank(model, at: now, answers: answers, importance: ["known": 50])
    #expect(boosted.first?.belief == "known")
  }
}
