/// The identifier kind of an ``AssistantResponse``: its display name in error messages is
/// "response id".
///
/// Use it through ``ResponseID``; it exists only to give response ids a distinct type.
///
/// ```swift
/// let id: ResponseID = "req-981"
/// ```
public enum ResponseKind: IdentifierTag {
  /// "response id".
  public static var displayName: String { "response id" }
}

/// The identifier of one answer an AI product gave (one request's response); reaction evidence
/// ids are derived from it.
///
/// ```swift
/// let id = try ResponseID(request.id)
/// ```
public typealias ResponseID = Identifier<ResponseKind>
