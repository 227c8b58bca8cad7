import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting
import Testing

@Suite struct ExportLinesTests {
  /// A user with `count` evidence items, half of them with odd fractions of a second.
  private func store(items count: Int) async throws -> InMemoryStore {
    let store = InMemoryStore()
    try await StoreFixtures.makeUser("alice", in: store)
    var batch: [Evidence] = []
    for index in 0..<count {
      batch.append(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: StoreFixtures.concise,
          content: index % 3 == 0 ? .doesNotHold : .holds, source: "user",
          observedAt: StoreFixtures.now.addingTimeInterval(-Double(index) - 0.123456789)))
      if batch.count == 1_000 {
        try await store.record(batch, for: "alice", at: StoreFixtures.now)
        batch = []
      }
    }
    if !batch.isEmpty { try await store.record(batch, for: "alice", at: StoreFixtures.now) }
    return store
  }

  private func lines(_ store: InMemoryStore, chunkBytes: Int = 65_536) async throws -> Data {
    try ExportLineWriter(try await store.exportDocument("alice"), chunkBytes: chunkBytes)
      .encoded()
  }

  /// `data` read in pieces of seeded random sizes.
  private func read(_ data: Data, seed: UInt64 = 7, reader: ExportLineReader = .standard)
    throws(StoreError) -> ExportDocument
  {
    var reader = reader
    var random = StoreTestRandom(seed: seed)
    var start = 0
    let bytes = [UInt8](data)
    while start < bytes.count {
      let end = min(bytes.count, start + Int.random(in: 1...9_000, using: &random))
      try reader.append(bytes[start..<end])
      start = end
    }
    return try reader.finish()
  }

  private func expectCode(
    _ code: StoreError.Code, containing words: String, _ body: () throws -> Void
  ) {
    do {
      try body()
      Issue.record("expected \(code), nothing was thrown")
    } catch let error as StoreError {
      #expect(error.code == code)
      #expect((error.detail ?? "").contains(words), "\(error.detail ?? "no detail")")
    } catch {
      Issue.record("expected a StoreError, got \(error)")
    }
  }

  @Test func linesRoundTripALargeUserExactlyAndImportToTheSameModel() async throws {
    let store = try await store(items: 5_000)
    let data = try await lines(store)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.split(separator: "\n").count == 5_001)
    #expect(text.hasPrefix(#"{"evidenceCount":5000,"format":"selfmodel.user-export-lines""#))
    let document = try read(data)
    let json = try await store.exportUser("alice")
    #expect(try document.encoded() == json)
    let copy = InMemoryStore()
    #expect(try await copy.importUser(document, replacing: false) == "alice")
    let estimates = try await store.model(for: "alice").estimates(at: StoreFixtures.now)
    #expect(try await copy.model(for: "alice").estimates(at: StoreFixtures.now) == estimates)
    try await store.record(try StoreFixtures.evidence("late"), for: "alice", at: StoreFixtures.now)
    _ = try await store.importUser(document, replacing: true)
    #expect(try await store.exportUser("alice") == copy.exportUser("alice"))
  }

  @Test(arguments: [1, 100, 65_536])
  func chunksHoldWholeLinesWhateverTheirSize(chunkBytes: Int) async throws {
    let store = try await store(items: 300)
    var writer = ExportLineWriter(try await store.exportDocument("alice"), chunkBytes: chunkBytes)
    var all = Data()
    while let chunk = try writer.nextChunk() {
      #expect(chunk.last == 0x0A)
      all.append(chunk)
    }
    #expect(all == (try await lines(store)))
  }

  @Test func aStreamCutShortIsRefused() async throws {
    let data = try await lines(try await store(items: 50))
    let lastLine = data.dropLast().lastIndex(of: 0x0A) ?? 0
    expectCode(.invalidArgument, containing: "inside line 51") {
      _ = try read(data.dropLast())  // no final line feed
    }
    expectCode(.invalidArgument, containing: "inside line 51") {
      _ = try read(data.prefix(lastLine + 10))  // cut mid-line
    }
    expectCode(.invalidArgument, containing: "after 49 of the 50") {
      _ = try read(data.prefix(lastLine + 1))  // a whole line missing
    }
    expectCode(.invalidArgument, containing: "empty") { _ = try read(Data()) }
    expectCode(.invalidArgument, containing: "past the 50") {
      _ = try read(data + data.suffix(from: lastLine + 1))
    }
  }

  @Test func aLineOverTheLimitIsRefusedBeforeItEnds() throws {
    var reader = ExportLineReader(maximumLineBytes: 100, maximumItems: 10)
    do throws(StoreError) {
      try reader.append([UInt8](repeating: UInt8(ascii: "a"), count: 101))  // no line feed yet
      Issue.record("a 101-byte line was accepted")
    } catch {
      #expect(error.code == .rejectedByModel)
      #expect(
        error.modelError
          == .numberOutOfRange(field: "lineBytes", value: 101, allowed: "at most 100 bytes"))
    }
  }

  @Test func aRepeatedKeyInALineIsRefused() async throws {
    let data = try await lines(try await store(items: 3))
    var text = String(decoding: data, as: UTF8.self)
    let range = try #require(text.range(of: #"{"belief""#, options: .backwards))
    text.replaceSubrange(range, with: #"{"belief":"x","belief""#)
    expectCode(.invalidArgument, containing: #"line 4: the key "belief" occurs twice"#) {
      _ = try read(Data(text.utf8))
    }
  }

  @Test func headersAreCheckedBeforeAnyItem() async throws {
    let data = try await lines(try await store(items: 3))
    let small = ExportLineReader(maximumLineBytes: 1_000_000, maximumItems: 2)
    do throws(StoreError) {
      _ = try read(data, reader: small)
      Issue.record("a header over the item limit was accepted")
    } catch {
      #expect(error.modelError?.problem.members["field"] == "evidenceCount")
    }
    let json = try await store(items: 3).exportUser("alice")
    expectCode(.invalidArgument, containing: "not the header") { _ = try read(json + [0x0A]) }
    let header = try #require(data.firstIndex(of: 0x0A))
    expectCode(.invalidArgument, containing: "selfmodel.user-export-lines") {
      _ = try ExportDocument(decoding: data.prefix(header))  // a header is no JSON export
    }
  }

  @Test func aBadItemNamesItsLineNotSwiftsErrorText() async throws {
    let data = try await lines(try await store(items: 2))
    var text = String(decoding: data, as: UTF8.self)
    let range = try #require(text.range(of: #""source":"user""#, options: .backwards))
    text.replaceSubrange(range, with: #""source":17"#)
    expectCode(.invalidArgument, containing: "line 3: ") { _ = try read(Data(text.utf8)) }
    do throws(StoreError) {
      _ = try read(Data(text.utf8))
    } catch {
      #expect(!(error.detail ?? "").contains("DecodingError"))
    }
  }
}
