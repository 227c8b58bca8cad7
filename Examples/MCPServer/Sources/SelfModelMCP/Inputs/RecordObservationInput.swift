import SelfModel

/// The arguments of `record_observation`.
struct RecordObservationInput: Decodable {
  var user: UserID
  var id: EvidenceID
  var belief: BeliefKey
  var outcome: String?
  var distribution: [String: Double]?
  var weight: Double?
  var source: SourceID?
  var observedAt: TimestampCoded?
  var note: String?
  var context: ContextID?
}
