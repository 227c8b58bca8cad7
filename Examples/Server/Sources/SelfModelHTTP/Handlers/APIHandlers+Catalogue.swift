import Hummingbird
import SelfModel
import SelfModelOperations

extension APIHandlers {
  /// `GET /v1/catalogue`: the catalogue in force (`catalogue`).
  func catalogue(_ request: Request, context: some RequestContext) async throws -> Response {
    try JSONResponse.make(try await operations.catalogue())
  }

  /// `PUT /v1/catalogue`: publishes a version (`publish`); answers what changed (empty when the
  /// same version is published again, so every instance can publish at startup).
  func publish(_ request: Request, context: some RequestContext) async throws -> Response {
    let catalogue = try await RequestInput.body(
      Catalogue.self, of: request, limit: limits.maximumImportBytes)
    return try JSONResponse.make(try await operations.publish(catalogue))
  }
}
