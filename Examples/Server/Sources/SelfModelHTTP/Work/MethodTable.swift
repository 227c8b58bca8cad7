import HTTPTypes
import SelfModel

/// The methods each path of the API answers, so that another method on a known path gets
/// 405 `methodNotAllowed` with an `Allow` header, not the 404 of an unknown path.
struct MethodTable: Sendable {
  private var paths: [(segments: [Substring], methods: [HTTPRequest.Method])] = []

  /// Records that `pattern` (a router path such as `/v1/users/:user`) answers `method`.
  mutating func add(_ method: HTTPRequest.Method, _ pattern: String) {
    let segments = pattern.split(separator: "/")
    if let index = paths.firstIndex(where: { $0.segments == segments }) {
      paths[index].methods.append(method)
    } else {
      paths.append((segments, [method]))
    }
  }

  /// The methods the route matching `path` answers (a `:parameter` matches any one
  /// segment); `nil` when no route matches.
  func methods(answering path: String) -> [HTTPRequest.Method]? {
    let segments = path.split(separator: "/")
    return paths.first { entry in
      entry.segments.count == segments.count
        && zip(entry.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }?.methods
  }

  /// The 405 problem for `path`, or `nil` when no route matches it.
  func notAllowed(_ path: String) -> HTTPProblem? {
    guard let allowed = methods(answering: path) else { return nil }
    let allow = allowed.map(\.rawValue).joined(separator: ", ")
    var problem = HTTPProblem(
      code: "methodNotAllowed", category: .invalidInput, detail: "this path answers \(allow) only",
      members: ["allow": allow], status: 405)
    problem.headers[.allow] = allow
    return problem
  }
}
