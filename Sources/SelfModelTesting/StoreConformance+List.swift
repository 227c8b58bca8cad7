extension StoreConformance {
  /// The checks of version 1 that leave the catalogue alone.
  static let basicChecks: [Check] = [
    Check("createAndFind") { try await $0.createAndFind() },
    Check("recordAndReload") { try await $0.recordAndReload() },
    Check("duplicateEvidenceIsIdempotent") { try await $0.duplicateEvidenceIsIdempotent() },
    Check("rejectedInputLeavesStoreUnchanged") {
      try await $0.rejectedInputLeavesStoreUnchanged()
    },
    Check("declareRegisterAndPolicy") { try await $0.declareRegisterAndPolicy() },
    Check("forgetEqualsNeverSeen") { try await $0.forgetEqualsNeverSeen() },
    Check("deleteUser") { try await $0.deleteUser() },
    Check("exportImportRoundTrip") { try await $0.exportImportRoundTrip() },
    Check("pagingCoversEveryUserOnce") { try await $0.pagingCoversEveryUserOnce() },
    Check("concurrentWritersLoseNothing") { try await $0.concurrentWritersLoseNothing() },
  ]

  /// The checks of version 1 that publish catalogues.
  static let catalogueChecks: [Check] = [
    Check("publishReachesEveryUser", catalogue: true) { try await $0.publishReachesEveryUser() },
    Check("incompatibleCatalogueIsRefused", catalogue: true) {
      try await $0.incompatibleCatalogueIsRefused()
    },
    Check("concurrentPublishWithWritesLosesNothing", catalogue: true) {
      try await $0.concurrentPublishWithWritesLosesNothing()
    },
  ]

  /// The checks version 2 added.
  static let version2Checks: [Check] = [
    Check("subSecondAndExtremeDatesRoundTrip") { try await $0.subSecondAndExtremeDates() },
    Check("tenThousandItemHistory") { try await $0.tenThousandItemHistory() },
    Check("estimatesReadMatchesTheModel") { try await $0.estimatesReadMatchesTheModel() },
    Check("explanationReadMatchesTheModel") { try await $0.explanationReadMatchesTheModel() },
    Check("closedHandleRefusesCalls") { try await $0.closedHandleRefusesCalls() },
    Check("contextsAndPriorsRoundTrip") { try await $0.contextsAndPriorsRoundTrip() },
    Check("reopenKeepsAcknowledgedWrites", catalogue: true, needs: .persistence) {
      try await $0.reopenKeepsAcknowledgedWrites()
    },
    Check("secondHandleSeesWrites", catalogue: true, needs: .secondHandle) {
      try await $0.secondHandleSeesWrites()
    },
    Check("retryThroughOtherHandleIsDuplicate", needs: .sharedHandles) {
      try await $0.retryThroughOtherHandleIsDuplicate()
    },
    Check("concurrentHandlesLoseNothing", needs: .sharedHandles) {
      try await $0.concurrentHandlesLoseNothing()
    },
  ]
}
