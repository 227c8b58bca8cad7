import Foundation
import SelfModel
import SelfModelStore
import Testing

@Suite struct StoreErrorProblemTests {
  @Test(arguments: [
    (StoreError.Code.invalidArgument, ErrorCategory.invalidInput),
    (.userNotFound, .notFound),
    (.userAlreadyExists, .conflict),
    (.unavailable, .unavailable),
    (.locked, .unavailable),
    (.storeFailed, .unavailable),
    (.closed, .unavailable),
    (.diskFull, .unavailable),
    (.connectionLost, .unavailable),
    (.timedOut, .unavailable),
    (.serializationFailure, .unavailable),
    (.ioFailure, .internal),
    (.corruptFile, .internal),
    (.newerFormat, .internal),
  ])
  func category(code: StoreError.Code, category: ErrorCategory) {
    let error = StoreError(code, operation: "record", user: "user-42")
    #expect(error.category == category)
    #expect(error.isRetryable == (category == .unavailable))
    #expect(error.problem.status == category.httpStatus)
    #expect(error.problem.code == code.rawValue)
    #expect(error.problem.members == ["operation": "record", "user": "user-42"])
  }

  @Test(arguments: [
    (StoreError.Code.connectionLost, true), (.timedOut, true), (.serializationFailure, false),
    (.unavailable, false), (.storeFailed, false), (.rejectedByModel, false),
  ])
  func outcomeIsUnknownOnlyAfterALostConnectionOrATimeout(code: StoreError.Code, unknown: Bool) {
    #expect(StoreError(code, operation: "record").isOutcomeUnknown == unknown)
  }

  @Test func importedNewerDocumentIsTheCallersInput() {
    #expect(StoreError(.newerFormat, operation: "import").category == .invalidInput)
  }

  @Test func rejectedByModelTakesTheModelsCategory() {
    let error = StoreError(
      .rejectedByModel, operation: "record", user: "user-42",
      modelError: .unknownBelief("preference.concise"))
    #expect(error.category == .notFound)
    let problem = error.problem
    #expect(problem.code == "unknownBelief")
    #expect(problem.members["belief"] == "preference.concise")
    #expect(problem.detail == "record failed: rejectedByModel; unknown belief preference.concise")
  }

  @Test func serverSideDetailStaysInTheLogs() {
    let error = StoreError(
      .ioFailure, operation: "record", path: "/var/lib/app/x", errno: 5, detail: "I/O error")
    #expect(error.problem.detail == "record failed: ioFailure")
    #expect(!error.problem.members.values.contains("/var/lib/app/x"))
  }

  @Test func documentedCatchPatternCompilesInHandlersAndTaskGroups() async {
    let store = InMemoryStore()
    let handler: @Sendable (UserID) async -> Int = { user in
      do throws(StoreError) {
        _ = try await store.model(for: user)
        return 200
      } catch {
        if error.code == .userNotFound { return 404 }
        return error.category.httpStatus
      }
    }
    #expect(await handler("user-42") == 404)
    let codes = await withTaskGroup(of: StoreError.Code?.self) { group in
      for user: UserID in ["a", "b"] {
        group.addTask {
          do throws(StoreError) {
            _ = try await store.model(for: user)
            return nil
          } catch {
            if error.code == .userNotFound, !error.isRetryable { return error.code }
            return .ioFailure
          }
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(codes == [.userNotFound, .userNotFound])
  }
}
