public import Foundation
public import MCP
import SelfModel
public import SelfModelOperations
public import SelfModelStore
public import ServiceAccess

/// Runs the server's tools: each call decodes its arguments into an operation's request
/// value, checks the caller's scope and the operator's ``AgentPolicy``, calls
/// `Operations`, and answers with the response value encoded by `OperationCoding`, the same
/// JSON the HTTP service answers with.
///
/// Every call returns a result: on success one text item holding that JSON, on failure
/// `isError: true` with the ``ToolError`` as text and as a problem document in the structured
/// content (a `StoreError` keeps its code), and the store unchanged. The clock is passed in:
/// tests use a fixed one, the executable reads the system's.
///
/// ```swift
/// let runner = ToolRunner(store: store, policy: AgentPolicy(writableSources: ["agent:planner"]))
/// let result = await runner.call("get_context", arguments: ["user": "u1"], scope: .all)
/// ```
public struct ToolRunner: Sendable {
  /// The operations the tools call, over the tenant's store.
  public let operations: Operations
  /// What agents may do.
  public let policy: AgentPolicy
  /// The current time.
  public let now: @Sendable () -> Date
  /// The tools the policy offers, with their schemas (``ToolCatalog/tools(for:limits:)``).
  public let tools: [Tool]
  /// Each tool's argument names.
  let argumentNames: [String: Set<String>]

  /// The store the tools read and write.
  public var store: any UserModelStore { operations.store }

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - store: The store.
  ///   - policy: What agents may do.
  ///   - limits: The bounds of what a caller may ask (default `OperationLimits.standard`).
  ///   - now: The clock (default: the system's).
  public init(
    store: any UserModelStore, policy: AgentPolicy, limits: OperationLimits = .standard,
    now: @escaping @Sendable () -> Date = Date.init
  ) {
    self.operations = Operations(store: store, limits: limits)
    self.policy = policy
    self.now = now
    self.tools = ToolCatalog.tools(for: policy, limits: limits)
    var names: [String: Set<String>] = [:]
    for tool in tools {
      names[tool.name] = Set((tool.inputSchema.objectValue?["properties"]?.objectValue ?? [:]).keys)
    }
    self.argumentNames = names
  }

  /// Runs one tool call.
  ///
  /// - Parameters:
  ///   - name: The tool's name.
  ///   - arguments: Its arguments.
  ///   - scope: The users the caller may touch.
  /// - Returns: The tool's result; failures are results with `isError: true`.
  public func call(_ name: String, arguments: [String: Value]?, scope: UserScope) async
    -> CallTool.Result
  {
    do throws(ToolError) {
      let arguments = try checked(name, arguments ?? [:])
      switch name {
      case "list_beliefs":
        return try await answer { () async throws(StoreError) in
          try await operations.vocabulary()
        }
      case "create_user": return try await createUser(arguments, scope: scope)
      case "get_context": return try await getContext(arguments, scope: scope)
      case "record_observation": return try await recordObservation(arguments, scope: scope)
      case "record_reaction": return try await recordReaction(arguments, scope: scope)
      case "explain_belief": return try await explainBelief(arguments, scope: scope)
      case "next_question": return try await nextQuestion(arguments, scope: scope)
      case "forget": return try await forget(arguments, scope: scope)
      default: throw .unknownTool(name)
      }
    } catch {
      return Self.failure(error)
    }
  }

  /// A failed call's result: the problem as text and as structured content.
  static func failure(_ error: ToolError) -> CallTool.Result {
    let problem = error.problem
    return CallTool.Result(
      content: [
        .text(text: "error (\(problem.code)): \(problem.detail)", annotations: nil, _meta: nil)
      ],
      structuredContent: try? Value(problem), isError: true)
  }

  /// The arguments, after refusing names the tool's schema does not list.
  private func checked(_ name: String, _ arguments: [String: Value]) throws(ToolError)
    -> [String: Value]
  {
    guard let known = argumentNames[name] else { throw .unknownTool(name) }
    for key in arguments.keys.sorted() where !known.contains(key) {
      throw .invalidArguments(tool: name, reason: "unknown argument \"\(key)\"")
    }
    return arguments
  }
}
