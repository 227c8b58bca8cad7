import Foundation
import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `GET /v1/users/{user}/export`: `exportUser`, the user as one portable JSON document.
  func export(_ request: Request, context: some RequestContext) async throws -> Response {
    JSONResponse.raw(try await operations.exportUser(try pathUser(context)))
  }

  /// `POST /v1/imports?replace=`: `importUser` (201); 409 if the user exists and `replace` is
  /// not `true`.
  func importUser(_ request: Request, context: some RequestContext) async throws -> Response {
    let replacing = try RequestInput.flag("replace", in: request, default: false)
    let document = try await RequestInput.bytes(of: request, limit: limits.maximumImportBytes)
    let user = try await importing(document, replacing: replacing)
    return try JSONResponse.make(
      ImportResponse(user: user), status: .created, headers: [.location: "/v1/users/\(user)"])
  }

  /// Imports `document`; a document that is not an export or does not decode is one problem
  /// type, `malformedDocument`, like every other malformed body.
  private func importing(_ document: Data, replacing: Bool) async throws -> UserID {
    do {
      return try await operations.importUser(document, replacing: replacing)
    } catch {
      guard error.code == .invalidArgument else { throw error }
      throw HTTPProblem(
        code: "malformedDocument", category: .invalidInput,
        detail: error.detail ?? "not an export document", members: ["operation": "import"])
    }
  }
}
