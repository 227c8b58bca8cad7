import InMemoryLogging
import Logging
import SelfModel
import SelfModelStore
import Testing

@testable import SelfModelHTTP

@Suite struct StoreLoggingTests {
  @Test func storeEventsBecomeLogLinesAtTheirLevelWithTheirFigures() throws {
    let handler = InMemoryLogHandler()
    let logger = Logger(label: "store") { _ in handler }
    let observer = StoreLogging.observer(logger)
    observer.report(StoreEvent(.slowSync, user: "u1", duration: .milliseconds(250)))
    observer.report(
      StoreEvent(.storeFailed, error: StoreError(.ioFailure, operation: "record", user: "u1")))
    observer.report(StoreEvent(.compacted, user: "u2", bytes: 4_096, records: 12))

    let entries = handler.entries
    #expect(entries.map(\.level) == [.warning, .error, .info])
    #expect(entries[0].metadata["store.event"] == "slowSync")
    #expect(entries[0].metadata["store.user"] == "u1")
    #expect(entries[0].metadata["store.duration"] == "0.25 seconds")
    #expect(entries[2].metadata["store.records"] == "12")
    #expect(entries[2].metadata["store.bytes"] == "4096")
    #expect("\(entries[1].message)".contains("ioFailure"))
  }
}
