import MCP
import SelfModel
import SelfModelStore

/// One belief as `list_beliefs` shows it.
struct ListedBelief: Codable {
  var key: BeliefKey
  var statement: String
  var outcomes: [String]
  var tags: [String]
  var importance: Double
  var contexts: [ContextID]
}

/// What `list_beliefs` returns.
struct BeliefList: Codable {
  var catalogueVersion: Int
  var total: Int
  var agentSources: [SourceID]
  var beliefs: [ListedBelief]
}

/// What `create_user` returns.
struct CreatedUser: Codable {
  var user: UserID
  var created: Bool
}

extension ToolRunner {
  /// `list_beliefs`: the catalogue's beliefs (its vocabulary), filtered by key prefix or tag.
  func listBeliefs(_ arguments: [String: Value]) async throws(ToolError) -> CallTool.Result {
    let input = try decode(ListBeliefsInput.self, "list_beliefs", arguments)
    let limit = try bounded(input.limit ?? 200, "limit", 1...policy.maximumListed)
    let catalogue = try await stored { () async throws(StoreError) in try await store.catalogue() }
    let prefixes = input.keyPrefixes ?? []
    let tags = Set(input.tags ?? [])
    let matching = catalogue.beliefs.filter { belief in
      (prefixes.isEmpty || prefixes.contains { belief.key.rawValue.hasPrefix($0) })
        && (tags.isEmpty || !tags.isDisjoint(with: belief.tags))
    }
    let listed = matching.sorted { $0.key < $1.key }.prefix(limit).map { belief in
      ListedBelief(
        key: belief.key, statement: belief.statement, outcomes: belief.outcomes,
        tags: belief.tags, importance: belief.importance, contexts: belief.contexts.keys.sorted())
    }
    let lines = listed.map {
      "- \($0.key): \($0.statement) (outcomes \($0.outcomes.joined(separator: ", ")))"
    }
    let more = matching.count > listed.count ? ["(\(matching.count - listed.count) more)"] : []
    let header = "\(matching.count) belief(s) in catalogue version \(catalogue.version):"
    return Self.success(
      ([header] + lines + more).joined(separator: "\n"),
      BeliefList(
        catalogueVersion: catalogue.version, total: matching.count,
        agentSources: policy.writableSources, beliefs: Array(listed)))
  }

  /// `create_user`: a new user with the catalogue's beliefs, where the operator allows it.
  func createUser(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(UserBeliefInput.self, "create_user", arguments)
    try permit(input.user, scope)
    let created = try await stored { () async throws(StoreError) in
      if try await store.contains(input.user) { return false }
      do throws(StoreError) {
        _ = try await store.createUser(input.user, beliefs: [], sources: [], policy: nil)
      } catch  where error.code == .userAlreadyExists {
        return false  // created by a concurrent call: the same outcome
      }
      return true
    }
    let text =
      created ? "created user \(input.user)" : "user \(input.user) already exists; nothing changed"
    return Self.success(text, CreatedUser(user: input.user, created: created))
  }
}
