import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting
import Testing

/// Round trips and malformed input for ``OperationCodec``.
@Suite struct EngineOperationCodecTests {
  /// A fixed time with a fraction of a second.
  static let now = Date(timeIntervalSinceReferenceDate: 789_012_345.678_9)

  /// One or more operations of every kind, with soft evidence, notes, metadata and non-ASCII text.
  static func sampleOperations() throws -> [JournalOperation] {
    let tone = try BeliefDefinition(
      key: "preference.tone", statement: "Préfère un ton 日本語 🙂",
      outcomes: ["formal", "casual", "playful"], baseRates: [0.5, 0.3, 0.2])
    let concise = try BeliefDefinition.binary(
      "preference.concise", statement: "Prefers concise answers", baseRate: 0.3)
    var policy = RevisionPolicy(priorWeight: 2.5, defaultHalfLife: 86_400 * 30.25)
    policy.halfLifeBySourceKind[.behavior] = 14 * 86_400
    policy.halfLifeByBelief["preference.tone"] = 1_234.5
    policy.reliabilityOverrides["clicks"] = 0.123_456_789
    policy.maximumContributionPerSource = 10
    let soft = Evidence(
      id: "e-2", belief: "preference.tone",
      content: .distribution(["formal": 0.7, "casual": 0.2, "playful": 0.1]), weight: 0.5,
      source: "classifier", observedAt: now, recordedAt: now.addingTimeInterval(0.001),
      note: "dit « bonjour » 👋", metadata: ["model": "v2", "clé": "valeur ünïcode"])
    let plain = Evidence(
      id: "e-1", belief: "preference.concise", content: .holds, source: "user", observedAt: now)
    var perSource = policy
    perSource.halfLifeBySource = ["clicks": .noDecay, "user": .seconds(86_400)]
    let inContext = Evidence(
      id: "e-3", belief: "preference.concise", content: .holds, source: "user", observedAt: now,
      context: "surface:email/reply", note: "n")
    let fitted = try BeliefDefinition.binary(
      "preference.concise", statement: "Prefers concise answers", baseRate: 0.3, priorWeight: 4,
      contexts: ["surface:email": ContextPrior(baseRates: [0.7, 0.3], priorWeight: 12.5)])
    return [
      .create("user-42", policy), .create("a@b.example", RevisionPolicy()),
      .record([plain, soft], now: now), .record([], now: now),
      .record([plain, inContext, soft], now: now), .declare(fitted), .redeclare(fitted),
      .declare(tone), .redeclare(concise),
      .register(try Source(id: "user", kind: .userStated, reliability: 0.95)),
      .replacePolicy(policy), .create("tuned", perSource), .replacePolicy(perSource),
    ]
  }

  /// Every operation kind decodes to itself and re-encodes to the same bytes.
  @Test func roundTripsEveryOperationKind() throws {
    for operation in try Self.sampleOperations() {
      let payload = try OperationCodec.encode(operation)
      #expect(try OperationCodec.decode(payload) == operation)
      #expect(try OperationCodec.encode(OperationCodec.decode(payload)) == payload)
    }
  }

  /// A payload decoded in place, as a slice of a larger buffer whose indices do not start at
  /// 0 (the way replay reads a journal file), gives the same operation: a JSON record's body
  /// is found from the slice's own start.
  @Test func decodesASliceOfALargerBuffer() throws {
    for operation in try Self.sampleOperations() {
      let payload = try OperationCodec.encode(operation)
      let file: [UInt8] = [0xEE, 0x00, 0xFF] + payload + [0xAB]
      let slice = file[3..<3 + payload.count]
      #expect(try OperationCodec.decode(slice) == operation)
    }
  }

  /// At least 1,000 seeded random evidence records per seed round-trip.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func roundTripsSeededRandomEvidence(_ seed: UInt64) throws {
    var random = EngineTestRandom(seed: seed)
    var total = 0
    while total < 1_000 {
      let batch = (0..<Int.random(in: 1...50, using: &random)).map { _ in
        EngineFixtures.evidence(&random)
      }
      total += batch.count
      let operation = JournalOperation.record(batch, now: EngineFixtures.date(&random))
      #expect(try OperationCodec.decode(OperationCodec.encode(operation)) == operation)
    }
  }

  /// Every proper prefix of a valid payload is `.corruptFile`.
  @Test func everyTruncationThrowsCorruptFile() throws {
    for operation in try Self.sampleOperations() {
      let payload = try OperationCodec.encode(operation)
      for length in 0..<payload.count {
        #expect(Self.decodeError(Array(payload[..<length])) == .corruptFile)
      }
    }
  }

  /// Trailing bytes, unknown tags and empty payloads are `.corruptFile`.
  @Test func trailingBytesAndUnknownTagsThrow() throws {
    let payload = try OperationCodec.encode(.record([], now: Self.now))
    let body = Array(payload.dropFirst())
    let bad: [[UInt8]] = [payload + [0], [0] + body, [7] + body, [255], []]
    for bad in bad {
      #expect(Self.decodeError(bad) == .corruptFile)
    }
  }

  /// Random bytes decode or throw `.corruptFile`, never trap.
  @Test func randomBytesNeverTrap() {
    var random = EngineTestRandom(seed: 99)
    for round in 0..<3_000 {
      var bytes = random.bytes(Int.random(in: 0...120, using: &random))
      if round % 2 == 0, !bytes.isEmpty { bytes[0] = UInt8.random(in: 1...6, using: &random) }
      if let code = Self.decodeError(bytes) { #expect(code == .corruptFile) }
    }
  }

  /// Every single-byte change of a payload decodes or throws `.corruptFile`.
  @Test func singleByteFlipsNeverTrap() throws {
    var random = EngineTestRandom(seed: 5)
    let evidence = (0..<20).map { _ in EngineFixtures.evidence(&random) }
    let payload = try OperationCodec.encode(.record(evidence, now: Self.now))
    for index in payload.indices {
      var damaged = payload
      damaged[index] ^= UInt8.random(in: 1...255, using: &random)
      if let code = Self.decodeError(damaged) { #expect(code == .corruptFile) }
    }
  }

  /// An identifier that breaks the rules fails with the same detail whichever way it is read
  /// (its bytes are checked first, then, when they fail, the string): a disallowed ASCII
  /// byte, non-ASCII UTF-8, invalid UTF-8.
  @Test func badIdentifierBytesNameTheirProblem() throws {
    let evidence = Evidence(
      id: "e1", belief: "b.x", content: .holds, source: "s", observedAt: Self.now)
    let payload = try OperationCodec.encode(.record([evidence], now: Self.now))
    let at = try #require(payload.firstRange(of: Array("e1".utf8))?.lowerBound)
    // The bytes, the problem, and where the reader stood: past a string it could read, at the
    // start of one it could not.
    let cases: [([UInt8], String, Int)] = [
      ([0x65, 0x21], "invalid identifier", at + 2), ([0xC3, 0xA9], "invalid identifier", at + 2),
      ([0xFF, 0x31], "invalid UTF-8", at),
    ]
    for (bytes, expected, position) in cases {
      var damaged = payload
      damaged.replaceSubrange(at..<at + 2, with: bytes)
      do {
        _ = try OperationCodec.decode(damaged)
        Issue.record("decoded \(bytes)")
      } catch {
        #expect(error.code == .corruptFile)
        #expect(error.detail?.contains(expected) == true, "\(error)")
        #expect(error.detail?.hasSuffix("at payload byte \(position)") == true, "\(error)")
      }
    }
  }

  /// The code of the error `decode` throws, or `nil` if it decodes.
  static func decodeError(_ bytes: [UInt8]) -> StoreError.Code? {
    do {
      _ = try OperationCodec.decode(bytes)
      return nil
    } catch {
      return error.code
    }
  }

  /// Contexts, own priors and per-source half-lives get tags of their own, so a library that predates them stops with
  /// a typed error instead of dropping them; operations without them keep their old tags.
  @Test func contextsAndPriorsAreTaggedApart() throws {
    let tags = try Self.sampleOperations().map { try OperationCodec.encode($0).first }
    #expect(tags == [1, 1, 2, 2, 8, 9, 10, 3, 4, 5, 6, 11, 12])
  }
}
