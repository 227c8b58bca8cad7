public import SelfModel
public import SelfModelStore

/// Why a tool call failed: every failure a tool reports to the agent, as a typed value that
/// becomes an RFC 9457 problem document in the tool result (`isError: true`), never a crash
/// and never a protocol error.
///
/// ```swift
/// ToolError.sourceNotWritable("user").problem.status  // 403
/// ```
public enum ToolError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The arguments do not match the tool's input schema; the text names the field.
  case invalidArguments(tool: String, reason: String)
  /// The tool name is not one of the server's tools.
  case unknownTool(String)
  /// The caller may not touch this user (its bearer token is not bound to it).
  case userNotPermitted(UserID)
  /// Agents may not write as this source: it is not one the operator registered for agents.
  case sourceNotWritable(SourceID)
  /// The model refused the input (unknown belief, bad outcome, NaN rating, …).
  case model(ModelError)
  /// The store refused or failed (unknown user, store closed, …).
  case store(StoreError)

  /// A sentence naming what was wrong.
  public var description: String {
    switch self {
    case .invalidArguments(let tool, let reason): "invalid arguments for \(tool): \(reason)"
    case .unknownTool(let name): "unknown tool \(name)"
    case .userNotPermitted(let user): "this caller may not read or write user \(user)"
    case .sourceNotWritable(let source):
      "agents may not write as source \(source); use a source the operator registered for agents"
    case .model(let error): error.description
    case .store(let error): error.description
    }
  }

  /// The error category: invalid input, not found, conflict, unavailable or internal, as for
  /// the library's own errors. The two permission failures are ``ErrorCategory/invalidInput``
  /// with status 403 in their ``problem``.
  public var category: ErrorCategory {
    switch self {
    case .invalidArguments, .userNotPermitted, .sourceNotWritable: .invalidInput
    case .unknownTool: .notFound
    case .model(let error): error.category
    case .store(let error): error.category
    }
  }

  /// The error as a problem document: the library's own for model and store errors, and
  /// codes `invalidArguments`, `unknownTool`, `userNotPermitted` and `sourceNotWritable` for the
  /// server's.
  public var problem: ProblemDocument {
    switch self {
    case .model(let error): return error.problem
    case .store(let error): return error.problem
    case .invalidArguments(let tool, _):
      return ProblemDocument(
        code: "invalidArguments", category: category, detail: description,
        members: ["tool": tool])
    case .unknownTool(let name):
      return ProblemDocument(
        code: "unknownTool", category: category, detail: description, members: ["tool": name])
    case .userNotPermitted(let user):
      return forbidden("userNotPermitted", members: ["user": user.rawValue])
    case .sourceNotWritable(let source):
      return forbidden("sourceNotWritable", members: ["source": source.rawValue])
    }
  }

  private func forbidden(_ code: String, members: [String: String]) -> ProblemDocument {
    var problem = ProblemDocument(
      code: code, category: category, detail: description, members: members)
    problem.status = 403
    problem.title = "Forbidden"
    return problem
  }
}
