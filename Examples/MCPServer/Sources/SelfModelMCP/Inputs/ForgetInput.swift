import SelfModel

/// The arguments of `forget`: one evidence item, or everything one agent source recorded.
struct ForgetInput: Decodable {
  var user: UserID
  var evidenceId: EvidenceID?
  var source: SourceID?
}
