import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore

/// Reads a request's path parameters, query parameters and JSON body, turning every bad
/// value into an ``HTTPProblem`` that names it (400, or 413 for an oversized body).
enum RequestInput {
  /// The identifier in the path parameter `name`, validated by the library's rules.
  static func identifier<Kind: IdentifierTag>(
    _ name: String, in context: some RequestContext
  ) throws(HTTPProblem) -> Identifier<Kind> {
    let raw = context.parameters.get(name) ?? ""
    return try identifier(raw.removingPercentEncoding ?? raw, parameter: name)
  }

  /// `raw` as an identifier; a bad one is a 400 naming `parameter`.
  static func identifier<Kind: IdentifierTag>(
    _ raw: String, parameter: String
  ) throws(HTTPProblem) -> Identifier<Kind> {
    do {
      return try Identifier<Kind>(raw)
    } catch {
      var document = error.problem
      document.members["parameter"] = parameter
      throw HTTPProblem(document)
    }
  }

  /// The identifier in the query parameter `name` (such as `?context=surface:onboarding`),
  /// `nil` when absent; a bad one is a 400 naming `name`.
  static func identifier<Kind: IdentifierTag>(
    query name: String, in request: Request
  ) throws(HTTPProblem) -> Identifier<Kind>? {
    guard let text = request.uri.queryParameters.get(name) else { return nil }
    return try identifier(text, parameter: name)
  }

  /// The integer query parameter `name`, `nil` when absent; text that is not an integer is a
  /// 400 (its range is the operation's to check).
  static func integer(_ name: String, in request: Request) throws(HTTPProblem) -> Int? {
    guard let text = request.uri.queryParameters.get(name) else { return nil }
    guard let value = Int(text) else { throw badQuery(name, text, expected: "an integer") }
    return value
  }

  /// The finite number query parameter `name`, `nil` when absent.
  static func number(_ name: String, in request: Request) throws(HTTPProblem) -> Double? {
    guard let text = request.uri.queryParameters.get(name) else { return nil }
    guard let value = Double(text), value.isFinite else {
      throw badQuery(name, text, expected: "a finite number")
    }
    return value
  }

  /// The boolean query parameter `name` (`true` or `false`), `fallback` when absent.
  static func flag(
    _ name: String, in request: Request, default fallback: Bool
  ) throws(HTTPProblem) -> Bool {
    guard let text = request.uri.queryParameters.get(name) else { return fallback }
    switch text {
    case "true": return true
    case "false": return false
    default: throw badQuery(name, text, expected: "true or false")
    }
  }

  /// The deepest nesting of objects and arrays a request body may have.
  static let maximumDepth = 64

  /// The body's bytes, at most `limit` of them (413 past that), after checking that the
  /// request says it is JSON (415 otherwise) and that the JSON has no repeated key and nests
  /// at most ``maximumDepth`` deep (400 `malformedDocument` otherwise).
  static func bytes(of request: Request, limit: Int) async throws -> Data {
    try checkJSONMediaType(request)
    let buffer = try await request.body.collect(upTo: limit)
    let bytes = Array(buffer.readableBytesView)
    try checkShape(bytes)
    return Data(bytes)
  }

  /// The body decoded as JSON with the operations' coding (`OperationCoding`), at most `limit`
  /// bytes, checked as ``bytes(of:limit:)`` says.
  static func body<Body: Decodable>(
    _ type: Body.Type, of request: Request, limit: Int
  ) async throws -> Body {
    let data = try await bytes(of: request, limit: limit)
    return try OperationCoding.decoder().decode(Body.self, from: data)
  }

  /// An operation's request decoded from the body, its `user` from the path
  /// (``PathUserDecoding``), at most `limit` bytes, checked as ``bytes(of:limit:)`` says.
  static func body<Body: Decodable>(
    _ type: Body.Type, of request: Request, for user: UserID, limit: Int
  ) async throws -> Body {
    let data = try await bytes(of: request, limit: limit)
    let decoder = OperationCoding.decoder()
    if let key = PathUserDecoding<Body>.userKey { decoder.userInfo[key] = user }
    return try decoder.decode(PathUserDecoding<Body>.self, from: data).value
  }

  /// 415 unless `Content-Type` is `application/json` (any parameters, such as a charset).
  static func checkJSONMediaType(_ request: Request) throws(HTTPProblem) {
    guard isMediaType("application/json", request) else {
      let value = request.headers[.contentType] ?? ""
      throw HTTPProblem(
        code: "unsupportedMediaType", category: .invalidInput,
        detail: "the body must be sent as Content-Type: application/json",
        members: ["contentType": String(value.prefix(128))], status: 415)
    }
  }

  /// Whether `Content-Type` is `type` (any parameters, such as a charset).
  static func isMediaType(_ type: String, _ request: Request) -> Bool {
    let value = request.headers[.contentType] ?? ""
    let found = value.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
    return found.lowercased() == type
  }

  /// Whether `Accept` names `type` itself (not only through a wildcard such as `*/*`), with a
  /// quality above 0.
  static func accepts(_ type: String, _ request: Request) -> Bool {
    let value = request.headers[.accept] ?? ""
    return value.split(separator: ",").contains { range in
      let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.first?.lowercased() == type else { return false }
      return !parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
    }
  }

  /// 400 `malformedDocument` for a repeated key or nesting past ``maximumDepth``, which
  /// `JSONDecoder` would accept (keeping one of the values) or report as invalid JSON.
  static func checkShape(_ bytes: [UInt8]) throws(HTTPProblem) {
    switch JSONDuplicateKeys.problem(in: bytes, maximumDepth: maximumDepth) {
    case nil: return
    case .duplicateKey(let key):
      throw HTTPProblem(
        code: "malformedDocument", category: .invalidInput,
        detail: "the key \"\(key)\" occurs twice in one object",
        members: ["key": String(key.prefix(256))])
    case .tooDeep(let depth):
      throw HTTPProblem(
        code: "malformedDocument", category: .invalidInput,
        detail: "objects and arrays nest deeper than \(depth) levels, the depth limit",
        members: ["maximumDepth": String(depth)])
    }
  }

  private static func badQuery(_ name: String, _ text: String, expected: String) -> HTTPProblem {
    HTTPProblem(
      code: "invalidQueryParameter", category: .invalidInput,
      detail: "query parameter \(name) must be \(expected)",
      members: ["parameter": name, "value": String(text.prefix(256))])
  }
}
