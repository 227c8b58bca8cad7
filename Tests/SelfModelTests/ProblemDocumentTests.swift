import Foundation
import SelfModel
import Testing

@Suite struct ProblemDocumentTests {
  @Test(arguments: [
    (
      ModelError.invalidIdentifier(kind: "belief key", value: "", reason: "it is empty"),
      ErrorCategory.invalidInput
    ),
    (ModelError.unknownBelief("preference.concise"), ErrorCategory.notFound),
    (ModelError.unknownSource("crm"), ErrorCategory.notFound),
    (ModelError.unknownCandidate(response: "r1", candidate: "c9"), ErrorCategory.notFound),
    (ModelError.duplicateBelief("preference.concise"), ErrorCategory.conflict),
    (ModelError.evidenceIDReused("e1"), ErrorCategory.conflict),
    (ModelError.nonFiniteNumber(field: "weight"), ErrorCategory.invalidInput),
  ])
  func modelErrorCategory(error: ModelError, category: ErrorCategory) {
    #expect(error.category == category)
    #expect(error.problem.status == category.httpStatus)
    #expect(error.problem.category == category)
    #expect(error.problem.retryable == false)
  }

  @Test func categoriesSuggestStatuses() {
    let statuses = ErrorCategory.allCases.map(\.httpStatus)
    #expect(statuses == [400, 404, 409, 503, 500])
    #expect(ErrorCategory.allCases.filter(\.isRetryable) == [.unavailable])
  }

  @Test func codeIsTheCaseName() {
    #expect(ModelError.unknownSource("crm").code == "unknownSource")
    #expect(
      ModelError.unknownOutcome(belief: "tone", outcome: "rude").code == "unknownOutcome")
  }

  @Test func problemNamesTheEntities() {
    let problem = ModelError.unknownOutcome(belief: "tone", outcome: "rude").problem
    #expect(problem.type == "urn:selfmodel:problem:unknownOutcome")
    #expect(problem.title == "Invalid input")
    #expect(problem.members == ["belief": "tone", "outcome": "rude"])
    #expect(problem.detail == #"belief tone has no outcome "rude""#)
  }

  @Test func unknownCandidateNamesResponseAndCandidate() {
    let problem = ModelError.unknownCandidate(response: "r1", candidate: "c9").problem
    #expect(problem.type == "urn:selfmodel:problem:unknownCandidate")
    #expect(problem.status == 404)
    #expect(problem.members == ["response": "r1", "candidate": "c9"])
    #expect(problem.detail == "response r1 has no candidate c9")
  }

  @Test func encodesFlatAndRoundTrips() throws {
    var problem = ModelError.unknownBelief("preference.concise").problem
    problem.instance = "/users/u1/beliefs/preference.concise"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(problem), as: UTF8.self)
    #expect(
      json
        == #"{"belief":"preference.concise","category":"notFound","code":"unknownBelief","#
        + #""detail":"unknown belief preference.concise","#
        + #""instance":"\/users\/u1\/beliefs\/preference.concise","retryable":false,"#
        + #""status":404,"title":"Not found","type":"urn:selfmodel:problem:unknownBelief"}"#)
    let decoded = try JSONDecoder().decode(ProblemDocument.self, from: Data(json.utf8))
    #expect(decoded == problem)
  }

  @Test func catchPatternCompilesInAsyncClosures() async {
    let validate: @Sendable (String) async throws(ModelError) -> BeliefKey = { raw in
      try BeliefKey(raw)
    }
    let handler: @Sendable (String) async -> Int = { raw in
      do throws(ModelError) {
        _ = try await validate(raw)
        return 200
      } catch {
        if error.category == .invalidInput { return error.problem.status }
        return 500
      }
    }
    #expect(await handler("") == 400)
    let statuses = await withTaskGroup(of: Int.self) { group in
      for raw in ["", "preference.ok"] {
        group.addTask {
          do throws(ModelError) {
            _ = try await validate(raw)
            return 200
          } catch {
            if error.code == "invalidIdentifier" { return error.category.httpStatus }
            return 500
          }
        }
      }
      return await group.reduce(into: []) { $0.append($1) }.sorted()
    }
    #expect(statuses == [200, 400])
  }
}
