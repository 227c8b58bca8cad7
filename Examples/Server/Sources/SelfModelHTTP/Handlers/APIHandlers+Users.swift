import Hummingbird
import SelfModel
import SelfModelOperations

extension APIHandlers {
  /// `GET /v1/users?after=&limit=`: `users`, one page.
  func users(_ request: Request, context: some RequestContext) async throws -> Response {
    let after: UserID? =
      try request.uri.queryParameters.get("after").map { text throws(HTTPProblem) in
        try RequestInput.identifier(text, parameter: "after")
      }
    let limit = try RequestInput.integer("limit", in: request)
    return try JSONResponse.make(try await operations.users(after: after, limit: limit))
  }

  /// `POST /v1/users`: `createUser` (201, with `Location`); 409 if it exists.
  func createUser(_ request: Request, context: some RequestContext) async throws -> Response {
    let create = try await RequestInput.body(
      CreateUserRequest.self, of: request, limit: limits.maximumBodyBytes)
    return try JSONResponse.make(
      try await operations.createUser(create), status: .created,
      headers: [.location: "/v1/users/\(create.user)"])
  }

  /// `GET /v1/users/{user}`: `user`, what the user's model holds.
  func user(_ request: Request, context: some RequestContext) async throws -> Response {
    try JSONResponse.make(try await operations.user(try pathUser(context)))
  }

  /// `DELETE /v1/users/{user}`: `deleteUser` (204); 404 if there was no such user.
  func deleteUser(_ request: Request, context: some RequestContext) async throws -> Response {
    try await operations.deleteUser(try pathUser(context))
    return Response(status: .noContent)
  }
}
