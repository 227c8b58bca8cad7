import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `GET /v1/users?after=&limit=`: one page of users.
  func users(_ request: Request, context: some RequestContext) async throws -> Response {
    let limit = try RequestInput.integer(
      "limit", in: request, default: 100, range: 1...limits.maximumPageSize)
    let after: UserID? =
      try request.uri.queryParameters.get("after").map { text throws(HTTPProblem) in
        try RequestInput.identifier(text, parameter: "after")
      }
    let page = try await store.users(after: after, limit: limit)
    return try JSONResponse.make(UserListResponse(users: page.users, next: page.next))
  }

  /// `POST /v1/users`: creates a user (201, with `Location`); 409 if it exists.
  func createUser(_ request: Request, context: some RequestContext) async throws -> Response {
    let body = try await RequestInput.body(
      CreateUserBody.self, of: request, limit: limits.maximumBodyBytes)
    let model = try await store.createUser(
      body.user, beliefs: body.beliefs ?? [], sources: body.sources ?? [], policy: body.policy)
    return try JSONResponse.make(
      UserSummary(model), status: .created, headers: [.location: "/v1/users/\(body.user)"])
  }

  /// `GET /v1/users/{user}`: what the user's model holds.
  func user(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    return try JSONResponse.make(UserSummary(try await store.model(for: user)))
  }

  /// `DELETE /v1/users/{user}`: deletes the user and everything stored about them (204);
  /// 404 if there was no such user.
  func deleteUser(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    guard try await store.deleteUser(user) else {
      throw StoreError(.userNotFound, operation: "deleteUser", user: user)
    }
    return Response(status: .noContent)
  }
}
