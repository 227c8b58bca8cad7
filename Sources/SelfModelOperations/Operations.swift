public import Foundation
import SelfModel
public import SelfModelStore

/// The loop as one API: every operation an edge offers, as a request value in and a response
/// value out, with one set of limits, one validation and one error type.
///
/// The HTTP service and the MCP server are transports over this type: they decode a request,
/// call one method, and encode the answer with ``OperationCoding``. Each method runs inside
/// the store, per user: reads on the user's durable state without the model leaving the store
/// (`UserModelStore/read(user:operation:_:)`), a reaction as one atomic read-and-record
/// (`UserModelStore/record(user:at:operation:deriving:)`). Errors are `StoreError`s; their
/// `StoreError/problem` is the problem document every edge answers with.
///
/// Time is passed in (`now`); nothing here reads a clock.
///
/// ```swift
/// let operations = Operations(store: store)
/// let answer = try await operations.record(
///   RecordRequest(user: "user-7", evidence: [item]), at: now)
/// let prompt = try await operations.promptContext(PromptRequest(user: "user-7"), at: now)
/// ```
public struct Operations: Sendable {
  /// The store every operation runs in.
  public let store: any UserModelStore
  /// The bounds of what a caller may ask.
  public let limits: OperationLimits
  /// The granularity of the instant a prompt context is evaluated at, in seconds: `now` is
  /// rounded down to a multiple of it, so repeated prompts on an unchanged user within one
  /// step reuse the selector's setup. 0 evaluates at `now` exactly.
  public let promptResolution: TimeInterval

  /// Creates the operations over a store.
  ///
  /// - Parameters:
  ///   - store: The store.
  ///   - limits: The bounds of what a caller may ask (default ``OperationLimits/standard``).
  ///   - promptResolution: Seconds a prompt's evaluation instant is rounded down to
  ///     (default 1; 0 for exactly `now`).
  public init(
    store: any UserModelStore, limits: OperationLimits = .standard,
    promptResolution: TimeInterval = 1
  ) {
    precondition(promptResolution >= 0 && promptResolution.isFinite, "resolution must be >= 0")
    self.store = store
    self.limits = limits
    self.promptResolution = promptResolution
  }

  /// A model error as this layer's error.
  static func rejected(_ error: ModelError, _ operation: String, _ user: UserID?) -> StoreError {
    StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
  }

  /// Runs a model computation, its error as a `StoreError`.
  static func model<Value>(
    _ operation: String, _ user: UserID?, _ body: () throws(ModelError) -> Value
  ) throws(StoreError) -> Value {
    do { return try body() } catch { throw rejected(error, operation, user) }
  }
}
