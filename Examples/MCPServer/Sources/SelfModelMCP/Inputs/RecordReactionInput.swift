import SelfModel

/// The arguments of `record_reaction`.
struct RecordReactionInput: Decodable {
  /// One candidate answer of the response, with its stances.
  struct CandidateInput: Decodable {
    var id: CandidateID
    var label: String?
    var stances: [Stance]
  }

  var user: UserID
  var responseId: ResponseID
  var candidates: [CandidateInput]
  var candidate: CandidateID
  var reaction: String
  var contradicting: [BeliefKey]?
  var rating: Double?
  var scale: [Double]?
  var source: SourceID?
  var observedAt: TimestampCoded
  var context: ContextID?
}
