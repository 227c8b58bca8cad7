import HTTPTypes
import SelfModel

extension HTTPProblem {
  /// The realm named in `WWW-Authenticate`.
  static let realm = "selfmodel"

  /// 401: no bearer token, or one the service does not know. The two get the same document
  /// and differ only in `WWW-Authenticate`'s `error` attribute, as RFC 6750 asks.
  static func unauthorized(tokenPresented: Bool) -> HTTPProblem {
    var problem = HTTPProblem(
      code: tokenPresented ? "invalidToken" : "unauthenticated", category: .invalidInput,
      detail: tokenPresented
        ? "the bearer token is not valid" : "this route needs an Authorization: Bearer token",
      status: 401)
    problem.document.title = "Unauthorized"
    problem.headers[.wwwAuthenticate] =
      tokenPresented
      ? #"Bearer realm="\#(realm)", error="invalid_token""# : #"Bearer realm="\#(realm)""#
    return problem
  }

  /// 503: the request ran past the server's deadline and was cancelled. Retryable: a retried
  /// evidence batch or reaction counts once.
  static func timedOut(after limit: Duration) -> HTTPProblem {
    HTTPProblem(
      code: "requestTimeout", category: .unavailable,
      detail: "the request took longer than the server's limit of \(limit)")
  }
}
