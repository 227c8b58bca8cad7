import Foundation
import SelfModel
import Testing

/// ``KnowledgeTracingFit`` against pyBKT's EM fit and a log-space NumPy forward-backward
/// (`Scripts/reference/knowledge_tracing_fit.py`; the cases are copied in
/// ``KnowledgeTracingFitCases``).
@Suite struct KnowledgeTracingFitTests {
  typealias Cases = KnowledgeTracingFitCases

  static func parameters(_ values: [Double]) throws -> KnowledgeTracing.Parameters {
    try KnowledgeTracing.Parameters(
      prior: values[0], learn: values[1], forget: values[2], guess: values[3], slip: values[4])
  }

  /// EM has local optima and pyBKT stops when the log-likelihood moves less than 0.005 nats,
  /// so ours must be at least pyBKT's minus 0.01 nats.
  @Test(arguments: Cases.fits)
  func logLikelihoodAtLeastPyBKTs(_ fitCase: Cases.FitCase) throws {
    let fit = try KnowledgeTracingFit.fit(
      fitCase.answers, options: .init(fitsForget: fitCase.fitsForget))
    #expect(fit.logLikelihood >= fitCase.logLikelihood - 0.01)
    #expect(fit.converged)
    #expect(fit.observations == fitCase.answers.reduce(0) { $0 + $1.count })
    if !fitCase.fitsForget { #expect(fit.parameters.forget == 0) }
  }

  /// On the two cases with hundreds of students the optimum is well identified: every
  /// parameter within 0.01 of pyBKT's.
  @Test(arguments: Cases.fits.filter { $0.name != "few_students" })
  func parametersMatchPyBKT(_ fitCase: Cases.FitCase) throws {
    let fit = try KnowledgeTracingFit.fit(
      fitCase.answers, options: .init(fitsForget: fitCase.fitsForget))
    let ours = fit.parameters
    for (value, reference) in zip(
      [ours.prior, ours.learn, ours.forget, ours.guess, ours.slip], fitCase.pyBKT)
    {
      #expect(abs(value - reference) <= 0.01, "\(value) vs pyBKT \(reference)")
    }
  }

  /// The log-likelihood function at pyBKT's parameters equals NumPy's.
  @Test(arguments: Cases.fits)
  func logLikelihoodMatchesNumPy(_ fitCase: Cases.FitCase) throws {
    let value = KnowledgeTracingFit.logLikelihood(
      fitCase.answers, parameters: try Self.parameters(fitCase.pyBKT))
    #expect(abs(value - fitCase.logLikelihood) <= 1e-9 * abs(fitCase.logLikelihood))
  }

  @Test func smoothedMasteryMatchesNumPy() throws {
    let parameters = try Self.parameters(Cases.smoothingParameters)
    for (index, sequence) in Cases.smoothingSequences.enumerated() {
      let smoothed = KnowledgeTracingFit.smoothedMastery(sequence, parameters: parameters)
      #expect(smoothed.count == Cases.smoothed[index].count)
      for (value, reference) in zip(smoothed, Cases.smoothed[index]) {
        #expect(abs(value - reference) <= 1e-12)
      }
      let logLikelihood = KnowledgeTracingFit.logLikelihood([sequence], parameters: parameters)
      #expect(abs(logLikelihood - Cases.smoothingLogLikelihoods[index]) <= 1e-12)
    }
  }

  /// The last smoothed step is the filtered one: nothing comes after it.
  @Test func lastSmoothedStepIsTheFilteredOne() throws {
    let parameters = try Self.parameters(Cases.smoothingParameters)
    let sequence = Cases.smoothingSequences[1]
    let filtered = KnowledgeTracing.filter(sequence, parameters: parameters)
    let smoothed = KnowledgeTracingFit.smoothedMastery(sequence, parameters: parameters)
    let last = try #require(smoothed.last)
    let lastFiltered = try #require(filtered.last)
    #expect(abs(last - lastFiltered.masteryAfterObservation) <= 1e-15)
  }

  @Test func sameSeedSameFitOtherSeedStillValid() throws {
    let answers = Cases.fits[2].answers
    let first = try KnowledgeTracingFit.fit(answers, options: .init(seed: 7))
    let again = try KnowledgeTracingFit.fit(answers, options: .init(seed: 7))
    #expect(first == again)
    let bounded = try KnowledgeTracingFit.fit(answers, options: .init(restarts: 1))
    #expect(bounded.start == 0)
    #expect(first.logLikelihood >= bounded.logLikelihood)
  }

  @Test func iterationLimitIsReported() throws {
    let fit = try KnowledgeTracingFit.fit(
      Cases.fits[0].answers, options: .init(restarts: 1, maximumIterations: 2))
    #expect(!fit.converged)
    #expect(fit.iterations == 2)
  }

  @Test func emptyAndDegenerateInputThrowTypedErrors() {
    for sequences in [[], [[]], [[true, true], [true]], [[false], [false, false]]] as [[[Bool]]] {
      #expect(throws: ModelError.self) { try KnowledgeTracingFit.fit(sequences) }
    }
    let answers = [[true, false]]
    for options in [
      KnowledgeTracingFit.Options(restarts: 0), .init(maximumIterations: 0), .init(tolerance: 0),
      .init(transitionBounds: 0...0.5), .init(emissionBounds: 0.1...1),
    ] {
      #expect(throws: ModelError.self) { try KnowledgeTracingFit.fit(answers, options: options) }
    }
  }
}
