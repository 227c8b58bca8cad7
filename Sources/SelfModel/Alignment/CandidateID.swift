/// The identifier kind of a ``Candidate``: its display name in error messages is
/// "candidate id".
///
/// Use it through ``CandidateID``; it exists only to give candidate ids a distinct type.
///
/// ```swift
/// let id: CandidateID = "reply-b"
/// ```
public enum CandidateKind: IdentifierTag {
  /// "candidate id".
  public static var displayName: String { "candidate id" }
}

/// The identifier of a ``Candidate`` (an AI reply, a recommendation, a persona).
///
/// Validated like every ``Identifier``: 1 to 256 bytes of letters, digits and `-_.:@+/=`.
///
/// ```swift
/// let id = try CandidateID("reply-b")
/// ```
public typealias CandidateID = Identifier<CandidateKind>
