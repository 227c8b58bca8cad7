import Foundation
import SelfModel
import Testing

/// Decoding validates like the initialisers and reports violations as `DecodingError`s at
/// their coding path, with the model error underneath.
@Suite struct DecodingValidationTests {
  private func decodingFailure<T: Decodable>(_ type: T.Type, _ json: String) -> DecodingError? {
    do {
      _ = try JSONDecoder().decode(type, from: Data(json.utf8))
      return nil
    } catch let error as DecodingError {
      return error
    } catch {
      Issue.record("\(error) is not a DecodingError")
      return nil
    }
  }

  private func path(of error: DecodingError?) -> [String] {
    guard case .dataCorrupted(let context) = error else { return [] }
    return context.codingPath.map { $0.intValue.map { "\($0)" } ?? $0.stringValue }
  }

  @Test func aBadIdInsideABodyIsADecodingErrorWithItsPath() throws {
    let json = #"""
      {"id": "e1", "belief": "bad key", "content": {"outcome": "true"}, "source": "user",
       "observedAt": 0}
      """#
    let error = decodingFailure(Evidence.self, json)
    #expect(path(of: error) == ["belief"])
    let cause = try #require(error.flatMap { ModelError(unwrapping: $0) })
    #expect(cause.code == "invalidIdentifier")
    #expect(cause.problem.members["field"] == "belief key")
  }

  @Test func nestedValidationKeepsTheFullPath() {
    let json = #"""
      {"id": "c", "stances": [{"belief": "b", "assertion": {"outcome": "true"}},
                              {"belief": "b", "assertion": {"outcome": "true"}, "importance": -1}]}
      """#
    let error = decodingFailure(Candidate.self, json)
    #expect(path(of: error) == ["stances", "1"])
    #expect(error.flatMap { ModelError(unwrapping: $0) }?.category == .invalidInput)
  }

  @Test(arguments: [
    (#"{"id":"s","kind":"behavior","reliability":-0.5}"#, "Source"),
    (#"{"key":"k","statement":"s","outcomes":["a"],"baseRates":[1]}"#, "BeliefDefinition"),
    (#"{"priorWeight":-1}"#, "RevisionPolicy"),
    (#"{"belief":0.5,"disbelief":0.5,"uncertainty":0.5,"baseRate":0.5}"#, "Opinion"),
    (#"{"alpha": 0, "beta": 2}"#, "BetaDistribution"),
    (#"{"alpha": [1]}"#, "DirichletDistribution"),
    (#"{"sensitivity": 2, "specificity": 0.5}"#, "AnswerReliability"),
    (#"{"belief": "b", "assertion": {"outcome": "true"}, "importance": -2}"#, "Stance"),
  ])
  func everyValidatingDecoderWraps(json: String, type: String) {
    let types: [String: any Decodable.Type] = [
      "Source": Source.self, "BeliefDefinition": BeliefDefinition.self,
      "RevisionPolicy": RevisionPolicy.self, "Opinion": Opinion.self,
      "BetaDistribution": BetaDistribution.self,
      "DirichletDistribution": DirichletDistribution.self,
      "AnswerReliability": AnswerReliability.self, "Stance": Stance.self,
    ]
    guard let decodable = types[type] else {
      Issue.record("no type \(type)")
      return
    }
    let error = decodingFailure(decodable, json)
    guard case .dataCorrupted(let context) = error else {
      Issue.record("\(type): \(String(describing: error)) is not dataCorrupted")
      return
    }
    #expect(context.underlyingError is ModelError, "\(type)")
  }

  @Test func unwrappingLeavesOtherErrorsAlone() {
    #expect(ModelError(unwrapping: CocoaError(.fileNoSuchFile)) == nil)
    let plain = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "x"))
    #expect(ModelError(unwrapping: plain) == nil)
    #expect(throws: DecodingError.self) {
      try ModelError.unwrappingDecoding { try JSONDecoder().decode(Source.self, from: Data()) }
    }
  }
}

@Suite struct DecodingProblemTests {
  private func problem<T: Decodable>(_ type: T.Type, _ json: String) throws -> ProblemDocument {
    do {
      _ = try JSONDecoder().decode(type, from: Data(json.utf8))
    } catch let error as DecodingError {
      return ProblemDocument(decodingError: error)
    }
    Issue.record("decoding succeeded")
    return ProblemDocument(code: "none", category: .internal, detail: "")
  }

  @Test func aValidationFailureKeepsTheModelsCodeAndAddsThePath() throws {
    let json =
      #"{"id": "c", "stances": [{"belief": "b", "assertion": {"outcome": "true"}, "importance": -1}]}"#
    let problem = try problem(Candidate.self, json)
    #expect(problem.code == "numberOutOfRange")
    #expect(problem.status == 400)
    #expect(problem.members["path"] == "stances.0")
  }

  @Test func malformedBodiesAreBadInputWithTheirPath() throws {
    let missing = try problem(Source.self, #"{"id": "s", "kind": "behavior"}"#)
    #expect(missing.code == "malformedDocument")
    #expect(missing.members["path"] == "reliability")
    let wrong = try problem(Source.self, #"{"id": "s", "kind": "behavior", "reliability": "x"}"#)
    #expect(wrong.category == .invalidInput)
    #expect(wrong.members["path"] == "reliability")
  }
}
