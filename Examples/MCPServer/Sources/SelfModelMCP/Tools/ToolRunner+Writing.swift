import Foundation
import MCP
import SelfModel
import SelfModelStore

extension ToolRunner {
  /// `record_observation`: one evidence item from an agent source.
  func recordObservation(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(RecordObservationInput.self, "record_observation", arguments)
    try permit(input.user, scope)
    let source = try policy.writableSource(input.source)
    let content: EvidenceContent
    switch (input.outcome, input.distribution) {
    case (let outcome?, nil): content = .outcome(outcome)
    case (nil, let distribution?): content = .distribution(distribution)
    default:
      throw .invalidArguments(
        tool: "record_observation", reason: "give exactly one of \"outcome\" and \"distribution\"")
    }
    _ = try await writableModel(input.user, source: source)
    let moment = now()
    let evidence = Evidence(
      id: input.id, belief: input.belief, content: content, weight: input.weight ?? 1,
      source: source, observedAt: input.observedAt?.wrappedValue ?? moment,
      context: input.context, note: input.note, metadata: ["via": "mcp"])
    return try await record([evidence], for: input.user, at: moment)
  }

  /// `record_reaction`: a reaction to a candidate answer, through ``ReactionLikelihood``.
  func recordReaction(_ arguments: [String: Value], scope: UserScope) async throws(ToolError)
    -> CallTool.Result
  {
    let input = try decode(RecordReactionInput.self, "record_reaction", arguments)
    try permit(input.user, scope)
    let source = try policy.writableSource(input.source ?? policy.reactionSource)
    let kind = try Self.reactionKind(input)
    let response = try model { () throws(ModelError) in
      let candidates = try input.candidates.map { item throws(ModelError) in
        try Candidate(id: item.id, label: item.label, stances: item.stances)
      }
      return try AssistantResponse(id: input.responseId, candidates: candidates)
    }
    let userModel = try await writableModel(input.user, source: source)
    let reaction = Reaction(
      candidate: input.candidate, kind: kind, observedAt: input.observedAt.wrappedValue)
    let items = try model { () throws(ModelError) in
      try ReactionLikelihood(source: source).evidence(
        for: reaction, to: response, in: userModel, context: input.context)
    }
    return try await record(items, for: input.user, at: now())
  }

  /// The reaction an input describes.
  static func reactionKind(_ input: RecordReactionInput) throws(ToolError) -> ReactionKind {
    switch input.reaction {
    case "accepted": return .accepted
    case "rejected": return .rejected
    case "edited": return .edited(contradicting: Set(input.contradicting ?? []))
    case "rated":
      guard let rating = input.rating else {
        throw .invalidArguments(tool: "record_reaction", reason: "a rating needs \"rating\"")
      }
      let scale = input.scale ?? [1, 5]
      guard scale.count == 2, scale[0] < scale[1] else {
        throw .invalidArguments(
          tool: "record_reaction", reason: "\"scale\" must be [worst, best] with worst < best")
      }
      return .rated(rating, scale: scale[0]...scale[1])
    default:
      throw .invalidArguments(
        tool: "record_reaction",
        reason:
          "\"reaction\" must be accepted, rejected, edited or rated, not \"\(input.reaction)\"")
    }
  }

  /// Records evidence and reports what changed.
  func record(_ evidence: [Evidence], for user: UserID, at moment: Date) async throws(ToolError)
    -> CallTool.Result
  {
    let result = try await stored { () async throws(StoreError) in
      try await store.record(evidence, for: user, at: moment)
    }
    let response = try model { () throws(ModelError) in try ObservationResponse(result) }
    let text =
      "recorded \(result.recorded.count) evidence item(s); \(result.duplicates.count) already recorded (a retry counts once)"
    return Self.success(text, response)
  }
}
