import Foundation
import MCP
import SelfModel
import SelfModelOperations
import SelfModelStore
import ServiceAccess

/// A user's beliefs as a readable resource, `selfmodel://users/{user}/beliefs`: every belief's
/// estimate (probabilities, 95% credible intervals, confidence) as the JSON of
/// `Operations.estimates(_:at:)`.
enum Resources {
  static let template = "selfmodel://users/{user}/beliefs"
  static let prefix = "selfmodel://users/"
  static let suffix = "/beliefs"

  static func register(
    on server: Server, runner: ToolRunner, scope: @escaping @Sendable () -> UserScope
  ) async {
    await server.withMethodHandler(ListResourceTemplates.self) { _ in
      .init(templates: [
        Resource.Template(
          uriTemplate: template, name: "beliefs",
          description: "Every belief of one user with its probability and confidence.",
          mimeType: "application/json")
      ])
    }
    await server.withMethodHandler(ListResources.self) { _ in
      .init(resources: try await listed(runner, scope()), nextCursor: nil)
    }
    await server.withMethodHandler(ReadResource.self) { params in
      .init(contents: [try await read(params.uri, runner, scope())])
    }
  }

  /// Up to 100 users the caller may read.
  static func listed(_ runner: ToolRunner, _ scope: UserScope) async throws -> [Resource] {
    let users: [UserID]
    switch scope {
    case .only(let allowed): users = allowed.sorted { $0.rawValue < $1.rawValue }
    case .all: users = try await runner.operations.users(after: nil, limit: 100).users
    }
    return users.map { user in
      Resource(
        name: "beliefs of \(user)", uri: prefix + user.rawValue + suffix,
        mimeType: "application/json")
    }
  }

  /// The beliefs of the user a URI names.
  static func read(_ uri: String, _ runner: ToolRunner, _ scope: UserScope) async throws
    -> Resource.Content
  {
    guard uri.hasPrefix(prefix), uri.hasSuffix(suffix), uri.count > prefix.count + suffix.count,
      let user = try? UserID(String(uri.dropFirst(prefix.count).dropLast(suffix.count)))
    else { throw MCPError.invalidParams("unknown resource \(uri); expected \(template)") }
    guard scope.permits(user) else {
      throw MCPError.invalidParams(ToolError.userNotPermitted(user).description)
    }
    let moment = runner.now()
    let json: Data
    do {
      let estimates = try await runner.operations.estimates(
        EstimatesRequest(user: user), at: moment)
      json = try OperationCoding.encode(estimates)
    } catch {
      throw MCPError.invalidParams(String(describing: error))
    }
    let text = String(decoding: json, as: UTF8.self)
    return .text(text, uri: uri, mimeType: "application/json")
  }
}
