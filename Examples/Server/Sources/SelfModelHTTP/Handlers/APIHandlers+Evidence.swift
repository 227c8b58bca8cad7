import Hummingbird
import SelfModel
import SelfModelOperations

extension APIHandlers {
  /// `POST /v1/users/{user}/evidence?level=`: `record`, a batch all or none; answers how each
  /// touched belief moved. A retried batch writes nothing and lists its ids as `duplicates`;
  /// an id reused with other content is a 409.
  func record(_ request: Request, context: some RequestContext) async throws -> Response {
    var record = try await RequestInput.body(
      RecordRequest.self, of: request, for: try pathUser(context), limit: limits.maximumBodyBytes)
    if let level = try RequestInput.number("level", in: request) { record.level = level }
    return try JSONResponse.make(try await operations.record(record, at: clock()))
  }

  /// `DELETE /v1/users/{user}/evidence/{evidence}`: `forget` one item; afterwards no file holds
  /// it. 404 if the ledger does not hold it.
  func forgetEvidence(_ request: Request, context: some RequestContext) async throws -> Response {
    let evidence: EvidenceID = try RequestInput.identifier("evidence", in: context)
    let forget = ForgetRequest(user: try pathUser(context), evidence: evidence)
    return try JSONResponse.make(try await operations.forget(forget))
  }

  /// `DELETE /v1/users/{user}/sources/{source}/evidence`: `forget` every item from a source
  /// (the source stays registered).
  func forgetSource(_ request: Request, context: some RequestContext) async throws -> Response {
    let source: SourceID = try RequestInput.identifier("source", in: context)
    let forget = ForgetRequest(user: try pathUser(context), source: source)
    return try JSONResponse.make(try await operations.forget(forget))
  }
}
