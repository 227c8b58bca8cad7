import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct QuestionValueReferenceTests {
  @Test func referenceCases() throws {
    let cases = ReferenceVectors.cases("information_gain")
    #expect(cases.count == 5)
    for item in cases {
      let name = item["name"].string ?? "?"
      let inputs = item["inputs"]
      let answers = try AnswerReliability(
        sensitivity: try #require(inputs["sensitivity"].double),
        specificity: try #require(inputs["specificity"].double))
      let value = try QuestionValue(prior: try #require(inputs["prior"].double), answers: answers)
      let expected = item["expected"]
      expectReference(value.probabilityOfYes, expected["p_yes"], "\(name) p_yes")
      expectReference(value.posteriorIfYes, expected["posterior_if_yes"], "\(name) if yes")
      expectReference(value.posteriorIfNo, expected["posterior_if_no"], "\(name) if no")
      expectReference(value.priorEntropy, expected["prior_entropy_bits"], "\(name) prior entropy")
      expectReference(
        value.expectedPosteriorEntropy, expected["expected_posterior_entropy_bits"],
        "\(name) expected posterior entropy")
      expectReference(value.expectedInformationGain, expected["eig_bits"], "\(name) eig_bits")
    }
  }
}

@Suite struct QuestionValueCaseTests {
  @Test func scipyCase() throws {
    // scipy 1.17.1: entropy([x, 1 - x], base=2) in the formulas of QuestionValue's docs, with
    // prior 0.2, sensitivity 0.7, specificity 0.6.
    let value = try QuestionValue(
      prior: 0.2, answers: try AnswerReliability(sensitivity: 0.7, specificity: 0.6))
    #expect(isClose(value.probabilityOfYes, 0.4600000000000001))
    #expect(isClose(try #require(value.posteriorIfYes), 0.30434782608695643))
    #expect(isClose(try #require(value.posteriorIfNo), 0.11111111111111115))
    #expect(isClose(value.priorEntropy, 0.7219280948873623))
    #expect(isClose(value.expectedPosteriorEntropy, 0.6795683114770101))
    #expect(isClose(value.expectedInformationGain, 0.04235978341035218))
  }

  @Test func impossibleAnswersHaveNoPosterior() throws {
    let certain = try QuestionValue(prior: 1, answers: .perfect)
    #expect(certain.posteriorIfNo == nil && certain.posteriorIfYes == 1)
    #expect(certain.expectedInformationGain == 0)
    let impossible = try QuestionValue(prior: 0, answers: .perfect)
    #expect(impossible.posteriorIfYes == nil && impossible.posteriorIfNo == 0)
  }

  @Test func uninformativeAndPerfectAnswers() throws {
    let noise = try AnswerReliability(sensitivity: 0.3, specificity: 0.7)
    #expect(try QuestionValue(prior: 0.4, answers: noise).expectedInformationGain <= 1e-15)
    let perfect = try QuestionValue(prior: 0.4, answers: .perfect)
    #expect(isClose(perfect.expectedInformationGain, perfect.priorEntropy))
  }

  @Test func codableRoundTripAndValidation() throws {
    let value = try QuestionValue(
      prior: 0.3, answers: try AnswerReliability(sensitivity: 0.95, specificity: 0.7))
    let copy = try JSONDecoder().decode(QuestionValue.self, from: JSONEncoder().encode(value))
    #expect(copy == value)
    let bad = Data(#"{"prior": 0.3, "answers": {"sensitivity": 1.5, "specificity": 0.7}}"#.utf8)
    #expect(throws: ModelError.numberOutOfRange(field: "sensitivity", value: 1.5, allowed: "0...1"))
    {
      try ModelError.unwrappingDecoding { try JSONDecoder().decode(QuestionValue.self, from: bad) }
    }
  }
}

@Suite struct QuestionValuePropertyTests {
  @Test func laws() throws {
    var random = MetricsTestRandom(seed: 0x5EED_0030)
    for _ in 0..<1_000 {
      let answers = try AnswerReliability(
        sensitivity: Double.random(in: 0...1, using: &random),
        specificity: Double.random(in: 0...1, using: &random))
      let prior =
        Int.random(in: 0..<10, using: &random) == 0
        ? Double(Int.random(in: 0...1, using: &random)) : Double.random(in: 0...1, using: &random)
      let value = try QuestionValue(prior: prior, answers: answers)
      let gain = value.expectedInformationGain
      #expect(gain >= 0 && gain <= value.priorEntropy)
      #expect(isClose(gain, value.priorEntropy - value.expectedPosteriorEntropy, tolerance: 1e-9))
      #expect(isClose(value.probabilityOfYes + value.probabilityOfNo, 1, tolerance: 1e-12))
      let fromYes = value.probabilityOfYes * (value.posteriorIfYes ?? 0)
      let fromNo = value.probabilityOfNo * (value.posteriorIfNo ?? 0)
      #expect(isClose(fromYes + fromNo, prior, tolerance: 1e-12))  // the law of total probability
    }
  }
}

@Suite struct QuestionValueBadInputTests {
  @Test(arguments: [Double.nan, .infinity])
  func rejectsNonFinitePrior(_ prior: Double) {
    let error = thrownModelError { try QuestionValue(prior: prior, answers: .perfect) }
    #expect(error == .nonFiniteNumber(field: "prior"))
  }

  @Test(arguments: [-0.1, 1.1])
  func rejectsOutOfRange(_ value: Double) {
    let priorError = thrownModelError { try QuestionValue(prior: value, answers: .perfect) }
    #expect(priorError == .numberOutOfRange(field: "prior", value: value, allowed: "0...1"))
    let sensitivityError = thrownModelError {
      try AnswerReliability(sensitivity: value, specificity: 0.5)
    }
    #expect(
      sensitivityError == .numberOutOfRange(field: "sensitivity", value: value, allowed: "0...1"))
    let specificityError = thrownModelError {
      try AnswerReliability(sensitivity: 0.5, specificity: value)
    }
    #expect(
      specificityError == .numberOutOfRange(field: "specificity", value: value, allowed: "0...1"))
  }

  @Test func rejectsNonFiniteRates() {
    let sensitivityError = thrownModelError {
      try AnswerReliability(sensitivity: .nan, specificity: 0.5)
    }
    #expect(sensitivityError == .nonFiniteNumber(field: "sensitivity"))
    let specificityError = thrownModelError {
      try AnswerReliability(sensitivity: 0.5, specificity: .infinity)
    }
    #expect(specificityError == .nonFiniteNumber(field: "specificity"))
  }
}
