import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import ServiceAccess

/// A FileStore in its own temporary folder with a three-belief catalogue (`style.concise`
/// lists the context ``onboarding``), a user-stated source and an agent source, and user `u1`
/// with one answer of its own; a fixed clock.
struct Fixture {
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)
  static let agent: SourceID = "agent:planner"
  /// The context `style.concise` lists: base rate ``onboardingRate``, prior weight
  /// ``onboardingWeight`` (the belief's own are 0.5 and the policy's 2).
  static let onboarding: ContextID = "surface:onboarding"
  static let onboardingRate = 0.9
  static let onboardingWeight = 4.0
  let folder: URL
  let store: FileStore

  init() async throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-mcp-\(UUID().uuidString)")
    store = try FileStore(at: folder.path)
    let beliefs = [
      try BeliefDefinition.binary(
        "style.concise", statement: "Prefers concise answers", tags: ["style"],
        contexts: [
          Self.onboarding: ContextPrior(
            baseRates: [Self.onboardingRate, 1 - Self.onboardingRate],
            priorWeight: Self.onboardingWeight)
        ]),
      try BeliefDefinition(
        key: "style.tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"],
        tags: ["style"]),
      try BeliefDefinition.binary(
        "coding.tests-first", statement: "Writes tests first", tags: ["coding"]),
    ]
    let sources = [
      try Source(id: "user", kind: .userStated, reliability: 0.95),
      try Source(id: Self.agent, kind: .modelInference, reliability: 0.6),
    ]
    _ = try await store.publish(Catalogue(version: 1, beliefs: beliefs, sources: sources))
    try await store.createUser("u1", beliefs: [], sources: [], policy: nil)
    try await store.createUser("u2", beliefs: [], sources: [], policy: nil)
    try await store.record(
      Evidence(
        id: "said-1", belief: "style.concise", content: .outcome("true"), weight: 3,
        source: "user", observedAt: Self.now.addingTimeInterval(-3_600)),
      for: "u1", at: Self.now)
  }

  var runner: ToolRunner { runner() }

  /// A runner on the store with the fixture's agent source and clock.
  func runner(allowingNewUsers: Bool = false) -> ToolRunner {
    ToolRunner(
      store: store,
      policy: AgentPolicy(writableSources: [Self.agent], allowsCreatingUsers: allowingNewUsers),
      now: { Self.now })
  }

  /// A client connected in-process to a server for `scope`.
  func client(scope: UserScope = .all, allowingNewUsers: Bool = false) async throws -> Client {
    let runner = self.runner(allowingNewUsers: allowingNewUsers)
    let server = await SelfModelServer.make(runner: runner) { scope }
    let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
    try await server.start(transport: serverSide)
    let client = Client(name: "tests", version: "1")
    _ = try await client.connect(transport: clientSide)
    return client
  }

  /// Every file of the store, concatenated: a forgotten id must not appear in it.
  func allBytes() throws -> Data {
    var data = Data()
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
      if let contents = try? Data(contentsOf: url) { data.append(contents) }
    }
    return data
  }

  func remove() async {
    await store.shutdown()
    try? FileManager.default.removeItem(at: folder)
  }
}
