import MCP

/// The prompt template that tells an agent how to use the self-model, and the same text as the
/// server's `instructions`.
enum Prompts {
  static let name = "use_self_model"

  static let instructions = """
    This server holds a calibrated model of each user: beliefs with probabilities, how much \
    evidence backs them, and why. Before answering a user, call get_context with the user and \
    the keys, key prefixes or tags your request is about, and put its text in your prompt. \
    Respect its hedging: "almost certainly" and "very likely" may guide the answer, "likely" \
    and "may" are guesses to check, and [contested] or [stale] beliefs are not facts. After \
    the user reacts to your answer, call record_reaction; when you notice something about the \
    user, call record_observation with a fresh id. You write as your own agent source, never \
    as the user. Use explain_belief to see why, next_question to learn what to ask, and \
    forget when the user asks you to forget something.
    """

  static func register(on server: Server) async {
    await server.withMethodHandler(ListPrompts.self) { _ in
      .init(
        prompts: [
          Prompt(
            name: name, description: "How to personalise answers with the user's self-model.",
            arguments: [
              .init(name: "user", description: "The user's id.", required: true),
              .init(name: "topic", description: "Tags or key prefixes the request is about."),
            ])
        ], nextCursor: nil)
    }
    await server.withMethodHandler(GetPrompt.self) { params in
      guard params.name == name, let user = params.arguments?["user"] else {
        throw MCPError.invalidParams("prompt \(name) needs the argument user")
      }
      let topic = params.arguments?["topic"].map { " about \($0)" } ?? ""
      return .init(
        description: "Personalise answers for user \(user)",
        messages: [
          .user(
            .text(
              text: instructions
                + "\n\nThe user is \(user). Start by calling get_context for user \"\(user)\"\(topic)."
            ))
        ])
    }
  }
}
