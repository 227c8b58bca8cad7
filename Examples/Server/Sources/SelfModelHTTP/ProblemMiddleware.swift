import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SelfModel
import SelfModelOperations

/// Turns every error thrown below it into a problem response (`application/problem+json`),
/// adds `Retry-After` to retryable ones, and logs server-side failures with their full
/// description, which the client never sees.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  /// Seconds to send in `Retry-After` for retryable problems.
  let retryAfterSeconds: Int
  /// The methods of each path, for 405 on a known path with another method.
  let methods: MethodTable

  func handle(
    _ request: Request, context: Context,
    next: @concurrent (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      var problem = HTTPProblem(classifying: error)
      if let error = error as? HTTPError, error.status == .notFound,
        let notAllowed = methods.notAllowed(request.uri.path)
      {
        problem = notAllowed
      }
      log(error, problem: problem, request: request, logger: context.logger)
      return Self.response(
        for: problem, instance: request.uri.path, retryAfterSeconds: retryAfterSeconds)
    }
  }

  /// The response carrying `problem`, with `instance` set to the request path.
  static func response(
    for problem: HTTPProblem, instance: String, retryAfterSeconds: Int
  ) -> Response {
    var document = problem.document
    document.instance = instance
    let data = (try? OperationCoding.encoder().encode(document)) ?? Data()
    var headers = problem.headers
    headers[.contentType] = ProblemDocument.mediaType
    if document.retryable { headers[.retryAfter] = String(retryAfterSeconds) }
    return Response(
      status: HTTPResponse.Status(code: document.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  private func log(_ error: any Error, problem: HTTPProblem, request: Request, logger: Logger) {
    let metadata: Logger.Metadata = [
      "http.method": "\(request.method)", "http.path": "\(request.uri.path)",
      "problem.code": "\(problem.document.code)", "http.status": "\(problem.document.status)",
    ]
    switch problem.document.category {
    case .internal: logger.error("request failed: \(String(describing: error))", metadata: metadata)
    case .unavailable:
      logger.warning("request refused: \(String(describing: error))", metadata: metadata)
    default: logger.debug("request rejected: \(problem.document.detail)", metadata: metadata)
    }
  }
}
