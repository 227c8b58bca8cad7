/// What kind of channel a piece of evidence came through.
///
/// The kind matters to a ``RevisionPolicy``, which can give each kind its own half-life: a
/// user's explicit statement usually ages more slowly than a click.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
  /// The user said it themselves ("select your beliefs", a settings page, a direct answer).
  case userStated
  /// Observed behaviour: clicks, dwell time, accepted or rejected suggestions.
  case behavior
  /// Inferred by a model, such as an LLM reading the conversation or a classifier.
  case modelInference
  /// Reported by another system or organisation.
  case thirdParty
}
