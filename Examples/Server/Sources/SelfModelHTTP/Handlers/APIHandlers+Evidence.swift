import Hummingbird
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `POST /v1/users/{user}/evidence?level=`: records a batch, all or none, and answers how
  /// each touched belief moved. A retried batch writes nothing and lists its ids as
  /// `duplicates`; an id reused with other content is a 409.
  func record(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let level = try RequestInput.number("level", in: request, default: Self.defaultLevel)
    let body = try await RequestInput.body(
      EvidenceBatchBody.self, of: request, limit: limits.maximumBodyBytes)
    guard body.evidence.count <= limits.maximumBatchSize else {
      throw HTTPProblem(
        code: "batchTooLarge", category: .invalidInput,
        detail: "a batch holds at most \(limits.maximumBatchSize) items",
        members: ["field": "evidence"])
    }
    let result = try await store.record(body.evidence, for: user, at: clock())
    return try JSONResponse.make(try result.response(level: level))
  }

  /// `DELETE /v1/users/{user}/evidence/{evidence}`: forgets one item; afterwards no file
  /// holds it. 404 if the ledger does not hold it.
  func forgetEvidence(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let evidence: EvidenceID = try RequestInput.identifier("evidence", in: context)
    guard let forgotten = try await store.forget(evidence: evidence, for: user) else {
      throw HTTPProblem(
        code: "evidenceNotFound", category: .notFound,
        detail: "user \(user) has no evidence \(evidence)",
        members: ["user": user.rawValue, "evidence": evidence.rawValue])
    }
    return try JSONResponse.make(ForgetResponse(user: user, forgotten: [forgotten.id]))
  }

  /// `DELETE /v1/users/{user}/sources/{source}/evidence`: forgets every item from a source
  /// (the source stays registered).
  func forgetSource(_ request: Request, context: some RequestContext) async throws -> Response {
    let user: UserID = try RequestInput.identifier("user", in: context)
    let source: SourceID = try RequestInput.identifier("source", in: context)
    let forgotten = try await store.forget(source: source, for: user)
    return try JSONResponse.make(ForgetResponse(user: user, forgotten: forgotten.map(\.id)))
  }
}
