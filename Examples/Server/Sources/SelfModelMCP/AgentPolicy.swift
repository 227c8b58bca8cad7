public import SelfModel

/// What the operator lets agents do: the sources they may write as, the reliability of users'
/// answers for `next_question`, and whether they may create users. The limits of every call
/// are the operations' (`OperationLimits`), the same on every edge.
///
/// Agents never write as a user-stated source: ``validate(against:)`` refuses a policy that
/// lists one, and every write checks the source again against the user's model, so an agent's
/// guess cannot be recorded as something the user said.
///
/// ```swift
/// let policy = AgentPolicy(writableSources: ["agent:planner"])
/// try policy.validate(against: catalogue)
/// ```
public struct AgentPolicy: Sendable, Hashable {
  /// The sources agents may write as (each registered by the operator, for example in the
  /// store's catalogue, with its own kind, reliability and cap); the first is the default.
  public var writableSources: [SourceID]
  /// The source reactions are recorded as when a call names none (default: the first of
  /// ``writableSources``).
  public var reactionSource: SourceID?
  /// How reliable users' answers are, for `next_question`; `nil` means sensitivity and
  /// specificity 0.9.
  public var answers: AnswerReliability?
  /// Whether agents may create users (`create_user`), within their token's scope.
  public var allowsCreatingUsers: Bool

  /// Creates a policy.
  ///
  /// - Parameters:
  ///   - writableSources: Sources agents may write as; the first is the default.
  ///   - reactionSource: The default source for reactions (default: the first writable one).
  ///   - answers: Users' answer reliability for `next_question`.
  ///   - allowsCreatingUsers: Whether agents may create users (default `false`).
  public init(
    writableSources: [SourceID], reactionSource: SourceID? = nil,
    answers: AnswerReliability? = nil, allowsCreatingUsers: Bool = false
  ) {
    self.writableSources = writableSources
    self.reactionSource = reactionSource
    self.answers = answers
    self.allowsCreatingUsers = allowsCreatingUsers
  }

  /// The writable sources, quoted, for schema descriptions.
  var sourceList: String {
    writableSources.map { "\"\($0)\"" }.joined(separator: ", ")
  }

  /// Checks the policy against the store's catalogue: every writable source must be listed
  /// there and must not be user-stated.
  ///
  /// - Parameter catalogue: The store's catalogue.
  /// - Throws: ``ToolError/sourceNotWritable(_:)`` for a user-stated source,
  ///   ``ToolError/model(_:)`` with ``ModelError/unknownSource(_:)`` for an unlisted one.
  public func validate(against catalogue: Catalogue) throws(ToolError) {
    for id in writableSources + [reactionSource].compactMap({ $0 }) {
      guard let source = catalogue.source(id) else { throw .model(.unknownSource(id)) }
      guard source.kind != .userStated else { throw .sourceNotWritable(id) }
    }
    if let reactionSource, !writableSources.contains(reactionSource) {
      throw .sourceNotWritable(reactionSource)
    }
  }

  /// The source a write asked for, or the default, if agents may write as it.
  ///
  /// - Parameter requested: The source named in the call, if any.
  /// - Returns: The source to record as.
  /// - Throws: ``ToolError/sourceNotWritable(_:)``.
  func writableSource(_ requested: SourceID?) throws(ToolError) -> SourceID {
    guard let source = requested ?? writableSources.first else {
      throw .sourceNotWritable("none")
    }
    guard writableSources.contains(source) else { throw .sourceNotWritable(source) }
    return source
  }
}

extension AgentPolicy {
  /// The source reactions are recorded as by default, quoted, for schema descriptions.
  var reactionSourceName: String {
    (reactionSource ?? writableSources.first).map { "\"\($0)\"" } ?? "none"
  }
}
