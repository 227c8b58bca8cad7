import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

/// Every number a caller sets is checked against one set of limits, with one error shape.
@Suite struct OperationsLimitsTests {
  static func operations(_ limits: OperationLimits = .standard) async throws -> Operations {
    let store = InMemoryStore(catalogue: try OperationsFixture.catalogue())
    try await store.createUser("user-1")
    return Operations(store: store, limits: limits)
  }

  /// The error's problem code and the field it names.
  static func refusal(_ body: () async throws -> Void) async -> (String, String?) {
    do {
      try await body()
      return ("none", nil)
    } catch let error as StoreError {
      return (error.problem.code, error.problem.members["field"])
    } catch {
      return ("other: \(error)", nil)
    }
  }

  @Test func aBatchOverTheLimitIsRefusedAndWritesNothing() async throws {
    var limits = OperationLimits.standard
    limits.maximumBatchSize = 2
    let operations = try await Self.operations(limits)
    let items = (0..<3).map { OperationsFixture.item("e\($0)") }
    let (code, field) = await Self.refusal {
      _ = try await operations.record(
        RecordRequest(user: "user-1", evidence: items), at: OperationsFixture.now)
    }
    #expect(code == "numberOutOfRange")
    #expect(field == "evidence")
    #expect(try await operations.user("user-1").evidenceCount == 0)
  }

  @Test(arguments: [
    (PromptRequest(user: "user-1", budget: PromptBudget(beliefs: 0)), "budget.beliefs"),
    (PromptRequest(user: "user-1", budget: PromptBudget(beliefs: 1_001)), "budget.beliefs"),
    (
      PromptRequest(user: "user-1", budget: PromptBudget(beliefs: 5, characters: 0)),
      "budget.characters"
    ),
    (PromptRequest(user: "user-1", excludedLimit: -1), "excludedLimit"),
    (PromptRequest(user: "user-1", excludedLimit: 1_001), "excludedLimit"),
  ])
  func promptBudgetsOutsideTheLimitsAreRefused(_ request: PromptRequest, field: String)
    async throws
  {
    let operations = try await Self.operations()
    let (code, named) = await Self.refusal {
      _ = try await operations.promptContext(request, at: OperationsFixture.now)
    }
    #expect(code == "numberOutOfRange")
    #expect(named == field)
  }

  @Test func levelsAndCountsOutsideTheirRangesAreRefused() async throws {
    let operations = try await Self.operations()
    let now = OperationsFixture.now
    for level in [0, 1, -0.5, .nan, .infinity] {
      let (code, field) = await Self.refusal {
        _ = try await operations.estimates(EstimatesRequest(user: "user-1", level: level), at: now)
      }
      #expect(code == "numberOutOfRange")
      #expect(field == "level")
    }
    let (questions, _) = await Self.refusal {
      _ = try await operations.nextQuestions(
        NextQuestionsRequest(user: "user-1", limit: 0), at: now)
    }
    #expect(questions == "numberOutOfRange")
    let (page, _) = await Self.refusal { _ = try await operations.users(after: nil, limit: 1_001) }
    #expect(page == "numberOutOfRange")
  }

  @Test func forgettingWhatTheLedgerDoesNotHoldIsNotFound() async throws {
    let operations = try await Self.operations()
    let (code, _) = await Self.refusal {
      _ = try await operations.forget(ForgetRequest(user: "user-1", evidence: "missing"))
    }
    #expect(code == "evidenceNotFound")
    let error = StoreError(.evidenceNotFound, operation: "forget", user: "user-1")
    #expect(error.problem.status == 404)
    let (both, _) = await Self.refusal {
      _ = try await operations.forget(
        ForgetRequest(user: "user-1", evidence: "e", source: "clicks"))
    }
    #expect(both == "invalidArgument")
  }

  @Test func theLimitsAreReportedAsJSON() throws {
    let data = try OperationCoding.encoder().encode(OperationLimits.standard)
    let object = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Int])
    #expect(object["maximumBatchSize"] == OperationLimits.standard.maximumBatchSize)
    #expect(object.count == 8)
    #expect(try OperationCoding.decoder().decode(OperationLimits.self, from: data) == .standard)
  }
}
