import Hummingbird
import SelfModel
import SelfModelStore

extension APIHandlers {
  /// `GET /v1/catalogue`: the catalogue in force.
  func catalogue(_ request: Request, context: some RequestContext) async throws -> Response {
    try JSONResponse.make(try await store.catalogue())
  }

  /// `PUT /v1/catalogue`: publishes a version; answers what changed (empty when the same
  /// version is published again, so every instance can publish at startup).
  func publish(_ request: Request, context: some RequestContext) async throws -> Response {
    let catalogue = try await RequestInput.body(
      Catalogue.self, of: request, limit: limits.maximumImportBytes)
    return try JSONResponse.make(try await store.publish(catalogue))
  }
}
