import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import SelfModel

/// Reads a request's path parameters, query parameters and JSON body, turning every bad
/// value into an ``HTTPProblem`` that names it (400, or 413 for an oversized body).
enum RequestInput {
  /// The identifier in the path parameter `name`, validated by the library's rules.
  static func identifier<Kind: IdentifierKind>(
    _ name: String, in context: some RequestContext
  ) throws(HTTPProblem) -> Identifier<Kind> {
    let raw = context.parameters.get(name) ?? ""
    return try identifier(raw.removingPercentEncoding ?? raw, parameter: name)
  }

  /// `raw` as an identifier; a bad one is a 400 naming `parameter`.
  static func identifier<Kind: IdentifierKind>(
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
  static func identifier<Kind: IdentifierKind>(
    query name: String, in request: Request
  ) throws(HTTPProblem) -> Identifier<Kind>? {
    guard let text = request.uri.queryParameters.get(name) else { return nil }
    return try identifier(text, parameter: name)
  }

  /// The integer query parameter `name`, `fallback` when absent; out of `range` is a 400.
  static func integer(
    _ name: String, in request: Request, default fallback: Int, range: ClosedRange<Int>
  ) throws(HTTPProblem) -> Int {
    guard let text = request.uri.queryParameters.get(name) else { return fallback }
    guard let value = Int(text), range.contains(value) else {
      throw badQuery(name, text, expected: "an integer in \(range)")
    }
    return value
  }

  /// The finite number query parameter `name`, `fallback` when absent.
  static func number(
    _ name: String, in request: Request, default fallback: Double
  ) throws(HTTPProblem) -> Double {
    guard let text = request.uri.queryParameters.get(name) else { return fallback }
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

  /// The body's bytes, at most `limit` of them (413 past that).
  static func bytes(of request: Request, limit: Int) async throws -> Data {
    let buffer = try await request.body.collect(upTo: limit)
    return Data(buffer.readableBytesView)
  }

  /// The body decoded as JSON, at most `limit` bytes.
  static func body<Body: Decodable>(
    _ type: Body.Type, of request: Request, limit: Int
  ) async throws -> Body {
    let data = try await bytes(of: request, limit: limit)
    return try JSONCoding.decoder().decode(Body.self, from: data)
  }

  private static func badQuery(_ name: String, _ text: String, expected: String) -> HTTPProblem {
    HTTPProblem(
      code: "invalidQueryParameter", category: .invalidInput,
      detail: "query parameter \(name) must be \(expected)",
      members: ["parameter": name, "value": String(text.prefix(256))])
  }
}
