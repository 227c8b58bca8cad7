import HTTPTypes
import Hummingbird
import NIOCore
import SelfModel
import SelfModelStore

/// An error on its way to the client: an RFC 9457 problem document, and the log level the
/// server records it at.
///
/// Every error a handler throws becomes one (see ``init(classifying:)``), so a client always
/// gets `application/problem+json` with a 4xx or 5xx status, never a bare 500.
struct HTTPProblem: Error, Sendable {
  /// The document sent to the client.
  var document: ProblemDocument
  /// Headers sent with it besides `Content-Type` (`WWW-Authenticate` for a 401).
  var headers: HTTPFields = [:]

  init(_ document: ProblemDocument) { self.document = document }

  /// A problem of the server's own (not the library's): a bad path, query or body.
  init(
    code: String, category: ErrorCategory, detail: String, members: [String: String] = [:],
    status: Int? = nil
  ) {
    var document = ProblemDocument(
      code: code, category: category, detail: detail, members: members)
    if let status { document.status = status }
    self.document = document
  }

  /// Maps any error through the categories: the library's errors carry their own problem
  /// documents; decoding errors and oversized bodies are invalid input; routes the router
  /// does not know are not found; anything else is internal, with no detail sent.
  init(classifying error: any Error) {
    switch error {
    case let problem as HTTPProblem: self = problem
    case let error as StoreError: self.init(error.problem)
    case let error as ModelError: self.init(error.problem)
    case let error as DecodingError: self.init(ProblemDocument(decodingError: error))
    case is NIOTooManyBytesError:
      self.init(
        code: "bodyTooLarge", category: .invalidInput,
        detail: "the request body is larger than this server accepts", status: 413)
    case let error as HTTPError:
      self.init(routing: error)
    default:
      self.init(
        code: "internal", category: .internal, detail: "the server failed to answer the request")
    }
  }

  /// `error` classified; a library error that names something unknown (category `notFound`:
  /// a belief, source, candidate or context named in a request body) becomes a 422, so that
  /// generic clients do not read it as a missing resource. A missing user stays a 404.
  init(unknownNameInBody error: any Error) {
    self.init(classifying: error)
    let isLibraryError = error is ModelError || (error as? StoreError)?.code == .rejectedByModel
    guard isLibraryError, document.category == .notFound else { return }
    document.category = .invalidInput
    document.status = 422
    document.title = "Unprocessable content"
  }

  private init(routing error: HTTPError) {
    switch error.status {
    case .notFound:
      self.init(code: "routeNotFound", category: .notFound, detail: "no such route or method")
    case .contentTooLarge:
      self.init(
        code: "bodyTooLarge", category: .invalidInput,
        detail: "the request body is larger than this server accepts", status: 413)
    case let status where (400..<500).contains(status.code):
      self.init(
        code: "badRequest", category: .invalidInput, detail: error.body ?? status.reasonPhrase,
        status: status.code)
    default:
      self.init(
        code: "internal", category: .internal, detail: "the server failed to answer the request")
    }
  }
}
